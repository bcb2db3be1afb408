/**
 * Names the termbase does not know, in German source text, where a
 * capitalised word may be any noun: acronyms, names after a title or role
 * ("Außenminister Lawrow", "Präsidentin Maria Müller"), names met that way
 * earlier in the document, and cities (`places.json`). And telling whether a
 * name in a translation is the same name, as each language spells it
 * (`transliteration.json`): "Selenskyj" = "Zelensky" = "Zełenski" =
 * "ゼレンスキー", but not "Stoltenbreg" for "Stoltenberg".
 */
import { baseLanguage, type Lang } from '../../core/lang.js';
import { phraseFinder } from '../../core/phrases.js';
import PLACES from './places.json' with { type: 'json' };
import TRANSLITERATION from './transliteration.json' with { type: 'json' };

/**
 * Titles and roles after which German news names a person. Not kings, queens
 * and popes: their names are translated (Benedikt XVI. = Benoît XVI = Benedict XVI).
 */
const GERMAN_ROLES: readonly string[] = [
  'Präsident', 'Präsidentin', 'Vizepräsident', 'Vizepräsidentin', 'Kanzler', 'Kanzlerin', 'Bundeskanzler', 'Bundeskanzlerin',
  'Minister', 'Ministerin', 'Außenminister', 'Außenministerin', 'Verteidigungsminister', 'Verteidigungsministerin',
  'Innenminister', 'Innenministerin', 'Finanzminister', 'Finanzministerin', 'Premierminister', 'Premierministerin',
  'Ministerpräsident', 'Ministerpräsidentin', 'Regierungschef', 'Regierungschefin', 'Staatschef', 'Staatschefin',
  'Amtskollege', 'Amtskollegen', 'Amtskollegin', 'Machthaber', 'Sprecher', 'Sprecherin', 'Regierungssprecher',
  'Regierungssprecherin', 'Bürgermeister', 'Bürgermeisterin', 'Oberbürgermeister', 'Oberbürgermeisterin', 'Senator', 'Senatorin', 'General', 'Generalin', 'Generalsekretär', 'Generalsekretärin', 'Abgeordnete', 'Abgeordneter',
  'Trainer', 'Trainerin', 'Chef', 'Chefin', 'Vorsitzende', 'Vorsitzender', 'Parteichef', 'Parteichefin', 'Botschafter',
  'Botschafterin', 'Richter', 'Richterin', 'Staatsanwalt', 'Staatsanwältin', 'Kommissar', 'Kommissarin', 'Herr', 'Frau',
  'Dr.', 'Prof.', 'Autor', 'Autorin', 'Sänger', 'Sängerin', 'Schauspieler', 'Schauspielerin', 'Komponist', 'Komponistin',
];

const NAME_WORD = "\\p{Lu}[\\p{L}'’-]+";
// Particles inside a name (Ursula von der Leyen, Baschar al-Assad), never first: after a role,
// `von` + a place is where the person holds office (Bürgermeister von Lwiw).
const PARTICLE = '(?:al-|el-|von der |von |van der |van |de la |de |da |di |der |bin |ibn )?';
/** The last part of compound roles (`Kremlsprecher`, `Bundesfinanzminister`, `Konzernchefin`). */
const ROLE_ENDINGS = ['sprecher', 'sprecherin', 'minister', 'ministerin', 'präsident', 'präsidentin', 'kanzler', 'kanzlerin', 'chef', 'chefin', 'sekretär', 'sekretärin', 'botschafter', 'botschafterin', 'kommissar', 'kommissarin', 'vorsitzende', 'vorsitzender'];
const findRoles = phraseFinder([
  ...GERMAN_ROLES.map((role) => ({ text: role, value: role, fits: (text: string, start: number) => !/\p{L}/u.test(text[start - 1] ?? ' ') })),
  ...ROLE_ENDINGS.map((ending) => ({ text: ending, value: ending, fits: (text: string, start: number) => /\p{L}/u.test(text[start - 1] ?? ' ') })),
]);
// `Präsident Selenskyj`; also after where the office is: `Bürgermeister von Lwiw Andrij Sadowyj`, `Präsident der Ukraine, Wolodymyr Selenskyj`.
const NAME_AFTER_ROLE = new RegExp(`(?:\\s+(?:von|aus|der|des)\\s+\\p{Lu}[\\p{L}-]+,?)?\\s+((?:al-|el-)?${NAME_WORD}(?:\\s+${PARTICLE}${NAME_WORD}){0,2})`, 'uy');

/** People named after a role word (`Außenminister Sergej Lawrow`), not countries or other roles. */
function roleNames(text: string): { name: string; start: number }[] {
  const found: { name: string; start: number }[] = [];
  for (const role of findRoles(text)) {
    NAME_AFTER_ROLE.lastIndex = role.end;
    const match = NAME_AFTER_ROLE.exec(text);
    if (match && personName(match[1]!)) found.push({ name: match[1]!, start: role.end + match[0].length - match[1]!.length });
  }
  return found;
}
// Not the first part of a German compound (`US-Regierung`): the translation may say `American`; nor the
// prefix of a club's name (`FC Basel` is `el Basilea` in Spanish).
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}]|-\p{L}|\s\p{Lu}\p{Ll})/gu;

export interface NameSpan {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** How the name is written in other languages, when known (a city). */
  readonly forms?: readonly string[];
  /** Where the candidate came from: a role word, an acronym, an earlier sentence, the list of cities. */
  readonly kind: 'role' | 'acronym' | 'earlier' | 'place' | 'kept';
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PLACE_FORMS = new Map<string, readonly string[]>();
for (const place of PLACES.places as Record<string, string>[]) {
  const forms = [...new Set(Object.values(place))];
  if (place['de']) PLACE_FORMS.set(place['de'], forms);
}
// A city, also in the genitive (Madrids), not inside a compound (Berlin-Mitte) or a longer word (Berliner).
const standsAlone = (text: string, start: number, end: number) =>
  !/[\p{L}\p{N}]/u.test(text[start - 1] ?? ' ') &&
  !(text[start - 1] === '-' && /\p{L}/u.test(text[start - 2] ?? ' ')) &&
  !/[\p{L}\p{N}]/u.test(text[end] ?? ' ') &&
  !(text[end] === '-' && /\p{L}/u.test(text[end + 1] ?? ' '));
const findPlaces = phraseFinder(
  [...PLACE_FORMS.keys()].flatMap((place) => [place, `${place}s`].map((text) => ({ text, value: place, fits: standsAlone }))),
);

const cityFinders = new Map<string, ReturnType<typeof phraseFinder<string>>>();

/**
 * Cities a translation names that its source does not, in any form of any
 * language (`Madrid` → `Lisbonne`). A city the source names as the start of a
 * word counts as named (`Berliner Waldbühne` → `Berlin's Waldbühne`).
 */
export function citiesNotInSource(source: string, target: string, targetLang: Lang): string[] {
  const lang = baseLanguage(targetLang);
  let find = cityFinders.get(lang);
  if (!find) {
    const forms = (PLACES.places as Record<string, string>[]).flatMap((place) =>
      [...new Set([place[lang], place['en']].filter((form): form is string => form !== undefined))].map((text) => ({
        text,
        value: place['de']!,
        fits: NO_SPACES.test(text) ? wholeKatakana : standsAlone,
      })),
    );
    cityFinders.set(lang, (find = phraseFinder(forms)));
  }
  return [...new Set(find(target).filter((match) => !source.includes(match.phrase.value)).map((match) => match.phrase.text))];
}

const NO_SPACES = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・]+$/u;
// Japanese has no spaces, but a katakana name is a whole run of katakana (`ロメ` is not in `キロメートル`).
const KATAKANA_CHAR = /[\p{Script=Katakana}ー]/u;
const wholeKatakana = (text: string, start: number, end: number) => !KATAKANA_CHAR.test(text[start - 1] ?? ' ') && !KATAKANA_CHAR.test(text[end] ?? ' ');

/** A capitalised word of five letters or more, not in capitals: what German writes nouns and names with. */
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}[\p{L}’'-]{3,}(?![\p{L}\p{N}])/gu;

/**
 * Words a document's translations keep exactly as the source writes them
 * (`Stoltenberg`, `Waldbühne`, `Dax`), found in a first pass over all its
 * sentences: they are names, so in every sentence that has one, a translation
 * with a near miss instead (`Stoltenbreg`) has misspelt it, role word or not.
 */
export function namesKeptInDocument(items: Iterable<{ readonly source: string; readonly target: string }>): Set<string> {
  const kept = new Set<string>();
  for (const { source, target } of items) {
    const inTarget = new Set(target.match(CAPITALISED) ?? []);
    for (const word of source.match(CAPITALISED) ?? []) if (inTarget.has(word) && !ROLES.has(word)) kept.add(word);
  }
  return kept;
}

/**
 * Acronyms, names after roles, cities, names met earlier in the document
 * (`earlier`: full names and surnames) and names its translations keep
 * (`kept`), with their positions in `text`.
 */
export function unknownNameCandidates(text: string, earlier: ReadonlySet<string> = new Set(), kept: ReadonlySet<string> = new Set()): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const { name, start } of roleNames(text)) spans.push({ name, start, end: start + name.length, kind: 'role' });
  for (const match of text.matchAll(ACRONYM)) spans.push({ name: match[0], start: match.index, end: match.index + match[0].length, kind: 'acronym' });
  for (const { phrase, start } of findPlaces(text)) {
    spans.push({ name: phrase.value, start, end: start + phrase.value.length, forms: PLACE_FORMS.get(phrase.value)!, kind: 'place' });
  }
  if (earlier.size > 0) {
    for (const match of text.matchAll(earlierPattern(earlier))) spans.push({ name: match[1]!, start: match.index, end: match.index + match[1]!.length, kind: 'earlier' });
  }
  if (kept.size > 0) {
    for (const match of text.matchAll(CAPITALISED)) if (kept.has(match[0])) spans.push({ name: match[0], start: match.index, end: match.index + match[0].length, kind: 'kept' });
  }
  return withoutOverlaps(spans);
}

const PRIORITY: Readonly<Record<NameSpan['kind'], number>> = { role: 0, acronym: 1, place: 2, earlier: 3, kept: 4 };

/**
 * Where candidates overlap, the surer kind wins (a name after a role over the
 * city it contains). One pass over them in text order.
 */
function withoutOverlaps(spans: NameSpan[]): NameSpan[] {
  spans.sort((a, b) => a.start - b.start || PRIORITY[a.kind] - PRIORITY[b.kind]);
  const kept: NameSpan[] = [];
  for (const span of spans) {
    const last = kept.at(-1);
    if (!last || span.start >= last.end) kept.push(span);
    else if (PRIORITY[span.kind] < PRIORITY[last.kind]) kept[kept.length - 1] = span;
  }
  return kept;
}

const earlierPatterns = new WeakMap<ReadonlySet<string>, { size: number; pattern: RegExp }>();

/** One pattern for the names of a document, made again only when a name was added. */
function earlierPattern(names: ReadonlySet<string>): RegExp {
  const cached = earlierPatterns.get(names);
  if (cached && cached.size === names.size) return cached.pattern;
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(escape).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})s?(?![\\p{L}\\p{N}]|-\\p{L})`, 'gu');
  earlierPatterns.set(names, { size: names.size, pattern });
  return pattern;
}

const ROLES = new Set(GERMAN_ROLES);
let countries: Set<string> | undefined;

/**
 * Whether what follows a role names a person: not another role (`Frau
 * Ministerin`), not a country (`Präsident Frankreichs`, names from Intl's
 * region display names in German).
 */
function personName(name: string): boolean {
  const first = name.split(/\s+/)[0]!;
  if (ROLES.has(first)) return false;
  if (!countries) {
    const display = new Intl.DisplayNames('de', { type: 'region', fallback: 'none' });
    countries = new Set<string>();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const country = display.of(String.fromCharCode(a, b));
        if (country) countries.add(country);
      }
    }
  }
  return !(countries.has(name) || countries.has(name.replace(/s$/, '')) || countries.has(name.replace(/es$/, '')));
}

/** What a person named after a role in `text` adds to the names later sentences are checked for: the name and its surname. */
export function namesToRemember(text: string): string[] {
  return roleNames(text).flatMap(({ name }) => {
    const words = name.split(/\s+/);
    return words.length > 1 ? [name, words.at(-1)!] : [name];
  });
}

const REWRITES = TRANSLITERATION.rewrites as unknown as Record<string, [string, string][]>;
const compiledRewrites = new Map<string, [RegExp, string][]>();
function rewritesFor(lang: string): [RegExp, string][] {
  let found = compiledRewrites.get(lang);
  if (!found) {
    found = (REWRITES[lang] ?? []).map(([from, to]) => [new RegExp(from, 'gu'), to]);
    compiledRewrites.set(lang, found);
  }
  return found;
}

/** Lower case, no diacritics, `ł` as `l`, `ß` as `ss`: how names are compared before any rewriting. */
function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/æ/g, 'ae').replace(/ø/g, 'o');
}

/** The skeleton of one word of a name as `lang` spells it (see transliteration.json). */
function nameSkeleton(word: string, lang: Lang | string): string {
  let text = foldName(word);
  for (const [pattern, to] of [...rewritesFor(baseLanguage(lang as Lang)), ...rewritesFor('common')]) text = text.replace(pattern, to);
  return text;
}

/** Levenshtein distance over code points. */
function editDistance(a: string, b: string): number {
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
 * Whether a word of the translation is a word of the name: the same letters
 * (diacritics aside), or the same skeleton under each language's conventions.
 * Long transliterated names (eight letters of skeleton or more) may differ in
 * one letter, where conventions disagree in ways the rewrites do not know;
 * short ones may not (`Shoygo` for `Shoigu`), nor names in the Latin script
 * already (`Celestino` for `Celestini`).
 */
function sameWord(word: string, candidate: string, sourceLang: Lang, targetLang: Lang): boolean {
  if (foldName(word) === foldName(candidate)) return true;
  // A name in the Latin script already (`Habeck`, `Putin`) is compared as written, under the target's rules
  // only (`Poutine`); a German transliteration (`Selenskyj`) through the German rules too.
  const transliterated = TRANSLITERATED.test(word);
  const wanted = nameSkeleton(word, transliterated ? sourceLang : 'und');
  const found = nameSkeleton(candidate, targetLang);
  return wanted === found || (wanted.length >= 8 && transliterated && editDistance(wanted, found) <= 1);
}

/** Languages that decline names, changing their endings (Polish `Madryt` → `w Madrycie`). */
const DECLINING = new Set(['pl', 'cs', 'sk', 'ru', 'uk', 'be', 'hr', 'sr', 'sl', 'bg', 'lt', 'lv', 'fi', 'et', 'hu']);

/** German spellings of names transliterated from another script (Cyrillic, Arabic): `Selenskyj`, `Tschernyschow`. */
const TRANSLITERATED = /sch|j|w|z|ow$|ew$/iu;

export type NameVerdict = 'present' | 'altered' | 'missing';

/**
 * How a name the termbase does not know appears in a translation written in
 * a Latin script: every word present (a first name may be left out, but not
 * changed: `Wilhelm` → `William` is altered), with declension endings allowed
 * (Polish `Madrycie` for `Madryt`).
 */
export function findName(text: string, name: string, sourceLang: Lang, targetLang: Lang, forms: readonly string[] = [], maxMiss = Infinity): NameVerdict {
  if (text.includes(name) || forms.some((form) => text.includes(form))) return 'present';
  const words = [...text.matchAll(/[\p{L}'’-]+/gu)].map((match) => match[0].replace(/['’]s?$/u, ''));
  const declines = DECLINING.has(baseLanguage(targetLang));
  const inflected = (form: string, word: string) => {
    const folded = foldName(form);
    if (!declines) return foldName(word) === folded;
    const stem = folded.length > 5 ? folded.slice(0, -2) : folded.slice(0, Math.max(4, folded.length - 1));
    const candidate = foldName(word);
    // Declension adds or changes endings (Polish `Madryt` → `Madrycie`, `Lizbona` → `Lizbonie`), never shortens: `Lagard` is no `Lagarde`.
    return candidate === folded || (candidate.startsWith(stem) && candidate.length >= folded.length && candidate.length <= folded.length + 4);
  };
  if (forms.length > 0) return forms.some((form) => words.some((word) => inflected(form, word))) ? 'present' : 'missing';
  const parts = name.split(/\s+/).filter((part) => /\p{Lu}/u.test(part[0] ?? ''));
  const surname = parts.at(-1) ?? name;
  const at = words.findIndex((word) => sameWord(surname, word, sourceLang, targetLang) || inflected(surname, word));
  if (at < 0) return words.some((word) => nearMiss(surname, word, sourceLang, targetLang, maxMiss)) ? 'altered' : 'missing';
  // The words before the surname: a first name that is there must be the same one.
  for (const [offset, part] of parts.slice(0, -1).reverse().entries()) {
    const candidate = words[at - 1 - offset];
    if (!candidate || sameWord(part, candidate, sourceLang, targetLang)) continue;
    if (nearMiss(part, candidate, sourceLang, targetLang)) return 'altered';
  }
  return 'present';
}

/** A word that looks like a misspelling of the name's word: close, but not the same. */
function nearMiss(word: string, candidate: string, sourceLang: Lang, targetLang: Lang, maxMiss = Infinity): boolean {
  if (!/^\p{Lu}/u.test(candidate)) return false;
  const wanted = nameSkeleton(word, sourceLang);
  const distance = editDistance(wanted, nameSkeleton(candidate, targetLang));
  return distance > 0 && distance <= Math.min(maxMiss, Math.ceil(wanted.length / 2));
}

/** A name romanised from Chinese (pinyin) or Korean: every word one to three syllables of those shapes. */
const SYLLABLE = '(?:[bcdfghjklmnpqrstwxyz]|ch|sh|zh)?(?:[aeiou]|ü){1,3}(?:ng|n|r)?';
const EAST_ASIAN = new RegExp(`^(?:${SYLLABLE}){1,3}(?:[\\s-](?:${SYLLABLE}){1,3}){1,2}$`, 'i');

const KATAKANA = TRANSLITERATION.japanese.katakana as Record<string, string>;
const JAPANESE_LATIN = (TRANSLITERATION.japanese.latin as unknown as [string, string][]).map(([from, to]) => [new RegExp(from, 'gu'), to] as const);

/** The consonants of a name as Japanese writes them in katakana (`Stoltenberg` → `strtnbrg`). */
function japaneseConsonants(word: string, sourceLang: Lang): string {
  let text = foldName(word);
  for (const [pattern, to] of rewritesFor(baseLanguage(sourceLang))) text = text.replace(pattern, to);
  for (const [pattern, to] of JAPANESE_LATIN) text = text.replace(pattern, to);
  return text.replace(/[^\p{L}]/gu, '').replace(/(.)\1/gu, '$1');
}

/**
 * Whether a Japanese translation holds a name: as written in the source, or
 * in katakana close to it. Katakana loses the difference between l and r, b
 * and v, and adds vowels, so only consonants are compared, within a third:
 * a dropped or swapped name (`Madrid` → `リスボン`) is caught, a changed
 * vowel may not be.
 */
export function findNameInJapanese(text: string, name: string, sourceLang: Lang, forms: readonly string[] = []): NameVerdict {
  if (text.includes(name) || forms.some((form) => text.includes(form))) return 'present';
  // Chinese and Korean names are written in kanji (`Xi Jinping` = 習近平): not checkable without a dictionary.
  if (EAST_ASIAN.test(name) && /\p{Script=Han}/u.test(text)) return 'present';
  const runs = [...text.matchAll(/[\p{Script=Katakana}ー]+/gu)].flatMap((match) => [match[0], ...match[0].split('・')]);
  const skeletons = runs.map(katakanaConsonants);
  // The surname with its particles (`von der Leyen` is one word in katakana, `フォンデアライエン`), and a
  // city's own katakana spellings (`ヴィリニュス` for `ビリニュス`).
  const surname = /(?:(?:von|van|de|da|di|der|la|al|el|bin|ibn)[\s-]+)+\p{Lu}[\p{L}'’-]*$/u.exec(name)?.[0] ?? name.split(/\s+/).at(-1)!;
  const wanted = [japaneseConsonants(surname, sourceLang), ...forms.filter((form) => /^[\p{Script=Katakana}ー・]+$/u.test(form)).map(katakanaConsonants)];
  const present = wanted.some((consonants) => skeletons.some((skeleton) => editDistance(consonants, skeleton) <= Math.floor(consonants.length / 3)));
  return present ? 'present' : 'missing';
}

function katakanaConsonants(run: string): string {
  return [...run].map((char) => KATAKANA[char] ?? '').join('').replace(/(.)\1/gu, '$1');
}
