/**
 * Finding names the termbase does not know, in German source text, where a
 * capitalised word may be any noun: acronyms, and names after a title or role
 * ("Außenminister Lawrow", "Präsidentin Maria Müller"). And telling whether a
 * name in a translation is the same name transliterated ("Tschaikowski" ~
 * "Tchaikovsky", "Jelzin" ~ "Yeltsin").
 */

/** Titles and roles after which German news names a person. */
export const GERMAN_ROLES: readonly string[] = [
  'Präsident', 'Präsidentin', 'Vizepräsident', 'Vizepräsidentin', 'Kanzler', 'Kanzlerin', 'Bundeskanzler', 'Bundeskanzlerin',
  'Minister', 'Ministerin', 'Außenminister', 'Außenministerin', 'Verteidigungsminister', 'Verteidigungsministerin',
  'Innenminister', 'Innenministerin', 'Finanzminister', 'Finanzministerin', 'Premierminister', 'Premierministerin',
  'Ministerpräsident', 'Ministerpräsidentin', 'Regierungschef', 'Regierungschefin', 'Staatschef', 'Staatschefin',
  'Amtskollege', 'Amtskollegen', 'Amtskollegin', 'Machthaber', 'Sprecher', 'Sprecherin', 'Regierungssprecher',
  'Regierungssprecherin', 'Bürgermeister', 'Bürgermeisterin', 'Oberbürgermeister', 'Oberbürgermeisterin', 'König', 'Königin',
  'Papst', 'Senator', 'Senatorin', 'General', 'Generalin', 'Generalsekretär', 'Generalsekretärin', 'Abgeordnete', 'Abgeordneter',
  'Trainer', 'Trainerin', 'Chef', 'Chefin', 'Vorsitzende', 'Vorsitzender', 'Parteichef', 'Parteichefin', 'Botschafter',
  'Botschafterin', 'Richter', 'Richterin', 'Staatsanwalt', 'Staatsanwältin', 'Kommissar', 'Kommissarin', 'Herr', 'Frau',
  'Dr.', 'Prof.', 'Autor', 'Autorin', 'Sänger', 'Sängerin', 'Schauspieler', 'Schauspielerin', 'Komponist', 'Komponistin',
];

const NAME_WORD = "\\p{Lu}[\\p{L}'’-]+";
const PARTICLE = '(?:al-|el-|von |van |de |da |di |bin |ibn )?';
const ROLE_NAME = new RegExp(
  `(?<![\\p{L}])(?:${[...GERMAN_ROLES].sort((a, b) => b.length - a.length).map((r) => r.replace('.', '\\.')).join('|')})\\s+(${PARTICLE}${NAME_WORD}(?:\\s+${PARTICLE}${NAME_WORD}){0,2})`,
  'gu',
);
// Not the first part of a German compound (`US-Regierung`): the translation may say `American`.
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}]|-\p{L})/gu;

export interface NameSpan {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Acronyms and names after roles, with their positions in `text`. */
export function unknownNameCandidates(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const match of text.matchAll(ROLE_NAME)) {
    const name = match[1]!;
    const start = match.index + match[0].length - name.length;
    spans.push({ name, start, end: start + name.length });
  }
  for (const match of text.matchAll(ACRONYM)) spans.push({ name: match[0], start: match.index, end: match.index + match[0].length });
  return spans;
}

/** A spelling skeleton that German, English and French transliterations of one name share. */
export function nameSkeleton(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/tsch|tch|tsh/g, 'ch')
    .replace(/sch|sh/g, 'sh')
    .replace(/ou/g, 'u')
    .replace(/^j|(?<=[\s-])j/g, 'y')
    .replace(/j/g, 'i')
    .replace(/z/g, 'ts')
    .replace(/w/g, 'v')
    .replace(/ck|q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/y\b/g, 'i')
    .replace(/ie/g, 'i')
    .replace(/(.)\1/g, '$1');
}

/** Levenshtein distance over code points. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * Whether `text` holds `name` unchanged or as a recognisable transliteration:
 * some run of as many words whose skeleton is within a third of the name's
 * (French drops and adds letters: "Jelzin" ~ "Eltsine").
 */
export function containsName(text: string, name: string): boolean {
  if (text.includes(name)) return true;
  const wanted = nameSkeleton(name);
  const words = text.split(/[^\p{L}'’-]+/u).filter(Boolean);
  const size = name.split(/\s+/).length;
  for (let i = 0; i + size <= words.length; i++) {
    const candidate = nameSkeleton(words.slice(i, i + size).join(' '));
    if (distance(candidate, wanted) <= Math.floor(wanted.length / 3)) return true;
  }
  return false;
}
