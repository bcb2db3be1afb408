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
import { isGermanCompound, isGermanFunctionWord, isGermanNoun, isShoutedGermanWord } from './lexicon.js';

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
    const name = match ? withoutNouns(match[1]!) : undefined;
    if (match && name && personName(name)) found.push({ name, start: role.end + match[0].length - match[1]!.length });
  }
  return found;
}

/**
 * What of the capitalised words after a role is a name, by the German
 * lexicon: not a common noun alone (`Premierminister Änderungen`,
 * `Abgeordneter der Konservativen Partei`), nor the noun a name in the
 * genitive governs (`Präsident Trumps Wahlkampfteam` → `Trump`), a noun
 * or a compound of two (`Wahlkampf` + `Team`). A noun after a first name is
 * a surname (`Joschka Fischer`).
 */
function withoutNouns(name: string): string | undefined {
  const words = name.split(/\s+/);
  // A long compound of nouns is no surname either (`Co-Vorsitzender von Trumps Wahlkampfteam`); shorter ones
  // may be (`Zimmermann`, `Goldberg`).
  if (words.length === 1) return isGermanNoun(words[0]!) || (words[0]!.length >= 12 && isGermanCompound(words[0]!)) ? undefined : name;
  const cut = words.findIndex((word, i) => i > 0 && /\p{Ll}s$/u.test(words[i - 1]!) && (isGermanNoun(word) || isGermanCompound(word)));
  const kept = cut === -1 ? words : words.slice(0, cut);
  if (kept.every((word) => isGermanNoun(word))) return undefined;
  // The name before the noun it governs is in the genitive: `Trumps` is Trump.
  if (cut !== -1) kept[kept.length - 1] = kept.at(-1)!.slice(0, -1);
  return kept.join(' ');
}
// Not the first part of a German compound (`US-Regierung`): the translation may say `American`; nor the
// prefix of a club's name (`FC Basel` is `el Basilea` in Spanish); nor the last part of a compound
// (`Still-BH`, a nursing bra), which the translation renders whole.
// Small letters may stand between capitals, as in some parties' names (`AfD`, `VfB`).
const ACRONYM = /(?<![\p{L}\p{N}]|\p{L}-)\p{Lu}(?:\p{Lu}|\p{Ll}(?=\p{Lu})){1,5}(?![\p{L}\p{N}]|-\p{L}|\s\p{Lu}\p{Ll})/gu;

export interface NameSpan {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** How the name is written in other languages, when known (a city). */
  readonly forms?: readonly string[];
  /**
   * Where the candidate came from: a role word, an acronym, an earlier sentence, the list of cities, a word the
   * document's translations keep, or capitalised words the German lexicon does not know (`lexicon`).
   */
  readonly kind: 'role' | 'acronym' | 'earlier' | 'place' | 'kept' | 'lexicon';
}

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
  // Named in the source also when it writes the city as other languages do (`Rapid Vienna`, `Tokyo Game Show`,
  // `Giselle Maurice`). A form with fewer words than the English one is a short form of a territory that is also an
  // ordinary word (Spanish `Navidad` for Christmas Island is Christmas): no sign of a city.
  // Or as a German adjective or inhabitant (`römischen` → `ローマ`, `Berliner` → `berlinois`).
  let folded: string | undefined;
  const named = (match: { phrase: { text: string; value: string } }) => {
    if (source.includes(match.phrase.text) || (PLACE_FORMS.get(match.phrase.value) ?? [match.phrase.value]).some((form) => source.includes(form))) return true;
    folded ??= foldName(source);
    const base = foldName(match.phrase.value);
    return base.length >= 3 && (folded.includes(`${base}er`) || folded.includes(`${base}isch`) || folded.includes(`${base.replace(/[aeiou]$/, '')}isch`));
  };
  return [...new Set(find(target).filter((match) => !named(match) && !shortForm(match.phrase.value, match.phrase.text)).map((match) => match.phrase.text))];
}

const ENGLISH_PLACE = new Map((PLACES.places as Record<string, string>[]).filter((place) => place['de'] && place['en']).map((place) => [place['de']!, place['en']!]));
const wordCount = (text: string) => text.split(/[\s-]+/).length;
function shortForm(german: string, form: string): boolean {
  const english = ENGLISH_PLACE.get(german);
  return english !== undefined && !NO_SPACES.test(form) && wordCount(form) < wordCount(english);
}

/**
 * Whether a city at [start, end) of a German text is part of a longer name
 * (`New York Times`, `Rapid Vienna`, `London Gazette`): next to a capitalised
 * word that the German lexicon knows as neither a noun nor a function word,
 * or after an article, which German gives no city (`der New York Times`).
 * A translation may well render that name without the city.
 */
function partOfLongerName(text: string, start: number, end: number): boolean {
  if (/(?<!\p{L})(?:der|die|das|des|dem|den) $/iu.test(text.slice(Math.max(0, start - 5), start))) return true;
  const after = /^ (\p{Lu}[\p{L}-]*)/u.exec(text.slice(end, end + 40))?.[1];
  const before = /(?:^|[^\p{L}])(\p{Lu}[\p{L}-]*) $/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const nameWord = (word: string | undefined) => word !== undefined && !isGermanNoun(word) && !isGermanFunctionWord(word.toLowerCase()) && !ROLES.has(word);
  return nameWord(after) || nameWord(before);
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
  const kept = new KeptNames();
  const list = [...items];
  for (const { source, target } of list) {
    const inTarget = new Set(target.match(CAPITALISED) ?? []);
    for (const word of source.match(CAPITALISED) ?? []) if (inTarget.has(word) && !ROLES.has(word) && !isGermanNoun(word)) kept.add(word);
  }
  if (kept.size === 0) return kept;
  // The words the other translations have instead, where they do not keep it: how often each.
  const counts = new Map<string, Map<string, number>>();
  for (const { source, target } of list) {
    const inTarget = new Set(target.match(CAPITALISED_WORD) ?? []);
    for (const word of new Set(source.match(CAPITALISED) ?? [])) {
      if (!kept.has(word) || inTarget.has(word)) continue;
      const start = foldName(word).replace(/^w/u, 'v').slice(0, 1);
      for (const other of inTarget) {
        if (Math.abs(other.length - word.length) > 3 || foldName(other).replace(/^w/u, 'v').slice(0, 1) !== start) continue;
        const byWord = counts.get(word) ?? new Map<string, number>();
        byWord.set(other, (byWord.get(other) ?? 0) + 1);
        counts.set(word, byWord);
      }
    }
  }
  for (const [word, byWord] of counts) {
    const recurring = [...byWord].filter(([, count]) => count >= 2).map(([other]) => other);
    if (recurring.length > 0) kept.variants.set(word, new Set(recurring));
  }
  return kept;
}

/**
 * Words a document's translations keep, with what its other translations
 * write instead, where one word does so in two sentences or more, starting
 * with the same letter (`Parliament` → `Parlement gallois` in French,
 * `Welsh` → `Velšský` in Czech, `Giants` → `Giganci` in Polish): a word of
 * another language that the translation renders its own way, consistently,
 * not a misspelling, which is a slip in one place.
 */
class KeptNames extends Set<string> {
  readonly variants = new Map<string, ReadonlySet<string>>();
}

/** How the document's translations render a kept word elsewhere, consistently (see `KeptNames`). */
export function keptVariants(kept: ReadonlySet<string> | undefined, word: string): ReadonlySet<string> | undefined {
  return kept instanceof KeptNames ? kept.variants.get(word) : undefined;
}

/**
 * Acronyms, names after roles, cities, names met earlier in the document
 * (`earlier`: full names and surnames) and names its translations keep
 * (`kept`), with their positions in `text`.
 */
export function unknownNameCandidates(
  text: string,
  earlier: ReadonlySet<string> = new Set(),
  kept: ReadonlySet<string> = new Set(),
  options: { readonly lexicon?: boolean } = {},
): NameSpan[] {
  const spans = [...textCandidates(text, options.lexicon === true)];
  if (earlier.size > 0) {
    for (const { name, start } of findEarlier(text, earlier)) spans.push({ name, start, end: start + name.length, kind: 'earlier' });
  }
  if (kept.size > 0) {
    for (const match of text.matchAll(CAPITALISED)) if (kept.has(match[0])) spans.push({ name: match[0], start: match.index, end: match.index + match[0].length, kind: 'kept' });
  }
  return withoutOverlaps(spans);
}

/**
 * The candidates that depend on the text alone (roles, acronyms, cities, words
 * the lexicon does not know), kept per text: a source is checked once for
 * every target language, and these were a twentieth of the time of a check.
 * Emptied when it holds more than a few million characters.
 */
function textCandidates(text: string, lexicon: boolean): readonly NameSpan[] {
  const key = `${lexicon ? 1 : 0}${text}`;
  let spans = textCandidateCache.get(key);
  if (spans) return spans;
  const found: NameSpan[] = [];
  for (const { name, start } of roleNames(text)) found.push({ name, start, end: start + name.length, kind: 'role' });
  for (const match of text.matchAll(ACRONYM)) {
    // A Roman numeral (`Ludwig XIV`, `XVI. Jahrhundert`) is a number, which the translation may write otherwise.
    if (!shouted(text, match.index, match[0]) && !ROMAN.test(match[0])) found.push({ name: match[0], start: match.index, end: match.index + match[0].length, kind: 'acronym' });
  }
  for (const { phrase, start } of findPlaces(text)) {
    if (partOfLongerName(text, start, start + phrase.value.length)) continue;
    found.push({ name: phrase.value, start, end: start + phrase.value.length, forms: PLACE_FORMS.get(phrase.value)!, kind: 'place' });
  }
  if (lexicon) found.push(...unknownWords(text));
  spans = found;
  if (textCandidateChars > 4_000_000) {
    textCandidateCache.clear();
    textCandidateChars = 0;
  }
  textCandidateCache.set(key, spans);
  textCandidateChars += key.length;
  return spans;
}
const textCandidateCache = new Map<string, readonly NameSpan[]>();
let textCandidateChars = 0;

/** A capitalised word: a capital, then a small letter, then letters, apostrophes or hyphens. */
const CAPITALISED_WORD = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}[\p{L}'’-]*(?![\p{L}\p{N}])/gu;
/** German adjectives from names (`Dominikanischen Republik`, `Europäische`): no first name ends so. */
const ADJECTIVE = /(?:isch|äisch)(?:e|en|er|es|em)?$/u;
/** What ends a sentence or opens a quotation: a word after it is capitalised whatever it is. */
const OPENS = /[.!?:;„“"«»‚‘'(\[–—-]$/u;

/**
 * Runs of capitalised words, mid-sentence, that the German lexicon knows as
 * neither a common noun, a compound of nouns, a function word nor a role:
 * in German, where every noun has a capital, such words are names (`Yusuf
 * Demirci`, `Anja Feldkamp`) or adjectives that stand in a name. A word at
 * the start of a sentence or quotation may be any word, and a hyphenated word
 * that ends in a noun is a compound (`HSV-Trainer`). Checked for misspellings
 * only, as names the translations keep.
 */
function unknownWords(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  let run: { start: number; end: number } | undefined;
  const close = () => {
    if (run) spans.push({ name: text.slice(run.start, run.end), start: run.start, end: run.end, kind: 'lexicon' });
    run = undefined;
  };
  for (const match of text.matchAll(CAPITALISED_WORD)) {
    const word = match[0].replace(/['’]s?$/u, '');
    const start = match.index;
    const { known, starts } = wordClass(word);
    const opens = OPENS.test(text.slice(Math.max(0, start - 3), start).trimEnd()) || text.slice(0, start).trim() === '';
    // A run goes on across one space only.
    if (run && (known || text.slice(run.end, start) !== ' ')) close();
    if (run) run.end = start + word.length;
    else if (starts && !opens) run = { start, end: start + word.length };
  }
  close();
  // One word that is a compound of nouns is a noun the lexicon lacks (`Wahlkampfteam`), not a name; a name before
  // a regnal number is a monarch's or pope's, which each language translates (`Benedikt XVI.` = `Benoît XVI`).
  // Only a first name and a surname: one word alone is as often a place, which languages translate (`Pazifik`,
  // `Köln` → `Kolín`), and longer runs are titles and bodies (`Tracey Ullman Show`).
  return spans.filter((span) => span.name.split(' ').length === 2 && !REGNAL.test(text.slice(span.end, span.end + 8)));
}

/**
 * What the lexicon says of a capitalised word, kept per word: a word a
 * lexicon knows (a role, a function word, a compound ending in a noun) ends a
 * run of name words, and a name starts with a word it does not know; a surname
 * may be a noun as well (`Mehmet Kaplan`, `Joschka Fischer`). The compound
 * test costs a lookup per split of the word, and news repeats its words:
 * each is asked once, not once per sentence.
 */
function wordClass(word: string): { readonly known: boolean; readonly starts: boolean } {
  let found = wordClasses.get(word);
  if (!found) {
    const known = word.length > 40 || ROLES.has(word) || isGermanFunctionWord(word.toLowerCase()) || (word.includes('-') && isGermanNoun(word.slice(word.lastIndexOf('-') + 1)));
    const starts = !known && word.length >= 3 && !isGermanNoun(word) && !isGermanNoun(word.replace(/s$/u, '')) && !ADJECTIVE.test(word) && !isGermanCompound(word);
    found = { known, starts };
    // Bounded: a text of random capitalised words must not grow it without end.
    if (wordClasses.size >= 50_000) wordClasses.clear();
    wordClasses.set(word, found);
  }
  return found;
}
const wordClasses = new Map<string, { readonly known: boolean; readonly starts: boolean }>();

/**
 * Whether a word in capitals is German written so for emphasis (`NICHT`,
 * `DANKE, DASS DU …`): a word the lexicon knows, or a short one next to such
 * a word. Looks at most one word either side.
 */
function shouted(text: string, start: number, word: string): boolean {
  if (isShoutedGermanWord(word)) return true;
  const after = /^[\s,]{1,3}(\p{Lu}{2,})(?!\p{L})/u.exec(text.slice(start + word.length, start + word.length + 40))?.[1];
  const before = /(?<!\p{L})(\p{Lu}{2,})[\s,]{1,3}$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  return (after !== undefined && isShoutedGermanWord(after)) || (before !== undefined && isShoutedGermanWord(before));
}

const ROMAN = /^(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})$/u;
const REGNAL = /^ [IVX]+\b/u;

const PRIORITY: Readonly<Record<NameSpan['kind'], number>> = { role: 0, acronym: 1, place: 2, earlier: 3, lexicon: 4, kept: 5 };

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

/**
 * The names of a document by first character, longest first, grown as names
 * are added (the set only grows while a document is checked: its iterator
 * sees the new ones). A pattern of all the names, compiled again whenever one
 * was added and tried name by name at every word, made a document of 4,000
 * sentences with a name each take seconds.
 */
interface EarlierIndex {
  added: number;
  readonly names: Iterator<string>;
  readonly byFirst: Map<string, string[]>;
}
const earlierIndexes = new WeakMap<ReadonlySet<string>, EarlierIndex>();

function earlierIndex(names: ReadonlySet<string>): ReadonlyMap<string, readonly string[]> {
  let index = earlierIndexes.get(names);
  if (!index || index.added > names.size) {
    index = { added: 0, names: names.values(), byFirst: new Map() };
    earlierIndexes.set(names, index);
  }
  // Never past the last name: an iterator that has said `done` sees nothing added later.
  for (; index.added < names.size; index.added++) {
    const name = index.names.next().value as string;
    if (name.length === 0) continue;
    const list = index.byFirst.get(name[0]!) ?? [];
    const at = list.findIndex((other) => other.length < name.length);
    list.splice(at === -1 ? list.length : at, 0, name);
    index.byFirst.set(name[0]!, list);
  }
  return index.byFirst;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
/** The code point before `i` (a surrogate pair counts as one). */
const before = (text: string, i: number) => String.fromCodePoint(text.codePointAt(i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1]!) ? i - 2 : i - 1)!);
/** A name may end at `end`: not inside a word, nor before the rest of a compound (`Beispiel-Anhänger`). */
const endsAt = (text: string, end: number) =>
  end >= text.length || (!LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(end)!)) && !(text[end] === '-' && LETTER.test(String.fromCodePoint(text.codePointAt(end + 1) ?? 32))));

/**
 * Names met earlier in the document, also in the genitive (`Beispiels`),
 * where a word starts: leftmost, then longest, as they do not overlap.
 */
function findEarlier(text: string, names: ReadonlySet<string>): { name: string; start: number }[] {
  const byFirst = earlierIndex(names);
  const found: { name: string; start: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const list = byFirst.get(text[i]!);
    if (!list || (i > 0 && LETTER_OR_DIGIT.test(before(text, i)))) continue;
    for (const name of list) {
      if (!text.startsWith(name, i)) continue;
      const end = i + name.length;
      const next = text[end] === 's' && endsAt(text, end + 1) ? end + 1 : endsAt(text, end) ? end : -1;
      if (next === -1) continue;
      found.push({ name, start: i });
      i = next - 1;
      break;
    }
  }
  return found;
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

let countryCodes: Map<string, string> | undefined;

/**
 * How a translation into `lang` writes a country the source names in German
 * (`China` → `Chine`, `Čína`, `中国`), from CLDR's region names (Intl), with
 * the English name, which many languages' press uses too. Empty for a name
 * that is no country.
 */
export function countryForms(name: string, lang: Lang): string[] {
  if (!countryCodes) {
    const display = new Intl.DisplayNames('de', { type: 'region', fallback: 'none' });
    countryCodes = new Map();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const country = display.of(code);
        if (country && country !== code && !countryCodes.has(country)) countryCodes.set(country, code);
      }
    }
  }
  const code = countryCodes.get(name);
  if (!code) return [];
  const key = `${code}\0${lang}`;
  const cached = countryFormCache.get(key);
  if (cached) return cached;
  const forms = new Set<string>();
  for (const locale of [lang, 'en']) {
    for (const style of ['long', 'short'] as const) {
      const form = new Intl.DisplayNames(locale, { type: 'region', style, fallback: 'none' }).of(code);
      if (form) forms.add(form);
    }
  }
  countryFormCache.set(key, [...forms]);
  return [...forms];
}
const countryFormCache = new Map<string, string[]>();

const regionNames = new Map<string, readonly (readonly [string, string])[]>();

/** Every region CLDR names in `lang` (Intl), long and short, with its code: `[['HU', 'Hungria'], …]`. */
function regionsIn(lang: string): readonly (readonly [string, string])[] {
  let found = regionNames.get(lang);
  if (!found) {
    countryForms('', lang as Lang);
    const list: (readonly [string, string])[] = [];
    for (const code of new Set(countryCodes!.values())) {
      for (const style of ['long', 'short'] as const) {
        const form = new Intl.DisplayNames(lang, { type: 'region', style, fallback: 'none' }).of(code);
        if (form && form.length >= 3 && !list.some(([c, f]) => c === code && f === form)) list.push([code, form]);
      }
    }
    regionNames.set(lang, (found = list));
  }
  return found;
}

const singleWordRegions = new Map<string, readonly string[]>();

/**
 * The one-word names CLDR gives countries in `lang` and English (Intl),
 * folded: `australia`, `austria`, `iraq`, `iran`. Names of several words
 * are left out: their other words are adjectives of other countries
 * (`British Indian Ocean Territory`).
 */
export function oneWordRegionNames(lang: Lang): readonly string[] {
  const base = baseLanguage(lang);
  let found = singleWordRegions.get(base);
  if (!found) {
    const names = new Set<string>();
    for (const locale of [base, 'en']) for (const [, form] of regionsIn(locale)) if (!/[\s-]/u.test(form)) names.add(foldName(form));
    singleWordRegions.set(base, (found = [...names]));
  }
  return found;
}

/** Whether `form` stands in `text` as a word (or anywhere, in a script without spaces). */
const namesRegion = (text: string, form: string) => {
  if (NO_SPACES.test(form)) return text.includes(form);
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    if (!LETTER.test(text[at - 1] ?? ' ') && !LETTER.test(text[at + form.length] ?? ' ')) return true;
  }
  return false;
};

/**
 * A country of the source replaced by another (`Ungarn` → `Eslováquia`,
 * `斯洛伐克`): the translation has none of the names CLDR gives the source's
 * country in its language or English, nor a word that starts as one of them
 * does (`húngaro`), and names a country the source does not, from CLDR's
 * region names in the target language (Intl). Returns the pair, or nothing.
 */
export function countrySwapped(source: string, target: string, targetLang: Lang): { lost: string; found: string } | undefined {
  const lang = baseLanguage(targetLang);
  countryForms('', lang);
  // Not inside a longer name (`Desert Island Discs`: `Island` is Iceland in German).
  const inSource = [...countryCodes!.entries()].filter(([name]) => {
    const at = name.length >= 4 ? source.indexOf(name) : -1;
    return at >= 0 && includesWord(source, name) && !partOfLongerName(source, at, at + name.length);
  });
  if (inSource.length === 0) return undefined;
  const folded = foldName(target);
  const foldedSource = foldName(source);
  // A word that starts as a form does is an adjective of it (`Čínská` for `Čína`, `húngaro` for `Hungria`).
  const lost = inSource.find(([name]) => {
    const forms = countryForms(name, lang);
    return !forms.some((form) => target.includes(form) || (!NO_SPACES.test(form) && new RegExp(`(?<!\\p{L})${escapeRegExp(foldName(form).slice(0, Math.min(4, form.length - 1)))}`, 'u').test(folded)));
  });
  if (!lost) return undefined;
  const sourceForms = inSource.flatMap(([name]) => countryForms(name, lang));
  // A country the source names in any way is none the translation adds: its German name or the start of it
  // (`nordkoreanischen`), its English name or its code (`US-Botschafter`); nor is the part of a longer name
  // (`フランス` in `フランス領ギアナ`).
  const named = (code: string, form: string) => {
    const german = [...countryCodes!.entries()].filter(([, c]) => c === code).map(([name]) => foldName(name).slice(0, 5));
    const english = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' }).of(code) ?? code;
    return german.some((stem) => foldedSource.includes(stem)) || includesWord(source, code) || source.includes(english) || source.includes(form) || sourceForms.some((other) => other !== form && other.includes(form));
  };
  const found = regionsIn(lang).find(([code, form]) => !NOT_COUNTRIES.has(code) && namesRegion(target, form) && !named(code, form));
  return found ? { lost: lost[0], found: found[1] } : undefined;
}
/** Region codes CLDR names that are no country (the UN, the EU, the euro area, outlying Oceania, unknown). */
const NOT_COUNTRIES = new Set(['UN', 'EU', 'EZ', 'QO', 'ZZ']);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

/**
 * Folded forms and skeletons of words, kept while a translation is checked:
 * each of up to 64 names is compared with every word of it, and a word's form
 * is made once, not once per name (64 names against 160,000 characters took
 * 40 s). Emptied when it holds more characters than a few texts of the
 * largest size admitted, so it stays small.
 */
const wordForms = new Map<string, string>();
let wordFormChars = 0;
function memoised(key: string, make: () => string): string {
  let value = wordForms.get(key);
  if (value === undefined) {
    value = make();
    if (wordFormChars > 16_000_000) {
      wordForms.clear();
      wordFormChars = 0;
    }
    wordForms.set(key, value);
    wordFormChars += key.length + value.length;
  }
  return value;
}

/** Lower case, no diacritics, `ł` as `l`, Turkish `ı` as `i`, `ß` as `ss`, Macedonian `ǵ` as `gj`: how names are compared before any rewriting. */
function foldName(name: string): string {
  return memoised(`\0${name}`, () =>
    name.replace(/ǵ/gu, 'gj').replace(/Ǵ/gu, 'Gj').replace(/ḱ/gu, 'kj').replace(/Ḱ/gu, 'Kj').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/ı/g, 'i').replace(/æ/g, 'ae').replace(/ø/g, 'o'),
  );
}

/** The skeleton of one word of a name as `lang` spells it (see transliteration.json). */
function nameSkeleton(word: string, lang: Lang | string): string {
  return memoised(`${lang}\0${word}`, () => {
    let text = foldName(word);
    for (const [pattern, to] of [...rewritesFor(baseLanguage(lang as Lang)), ...rewritesFor('common')]) text = text.replace(pattern, to);
    return text;
  });
}

let lastWords: { readonly text: string; readonly words: readonly string[]; readonly distinct: readonly string[] } | undefined;

/** The words of a translation in order, and each once (in order of first use): read once for all the names checked in it. */
function wordsOf(text: string): { readonly words: readonly string[]; readonly distinct: readonly string[] } {
  if (lastWords?.text !== text) {
    // A possessive `'s`, or a case ending a language such as Turkish puts after an apostrophe (`Brüksel'de`).
    const words = [...text.matchAll(/[\p{L}'’-]+/gu)].map((match) => match[0].replace(/['’](?:s|\p{Ll}{1,5})?$/u, ''));
    lastWords = { text, words, distinct: [...new Set(words)] };
  }
  return lastWords;
}

/**
 * Longer than this, a word is no name to look for misspellings of: it is
 * compared exactly only, since an edit distance costs the product of the two
 * lengths (a 30,000-letter word against another took seconds).
 */
const MAX_FUZZY_NAME = 64;

/**
 * Levenshtein distance over code points, or `max + 1` when it is surely more
 * than `max`: the lengths differ by more, or a word is too long to be a name.
 */
function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max || x.length > MAX_FUZZY_NAME || y.length > MAX_FUZZY_NAME) return max + 1;
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
  return wanted === found || (wanted.length >= 8 && transliterated && editDistance(wanted, found, 1) <= 1);
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
export function findName(text: string, written: string, sourceLang: Lang, targetLang: Lang, forms: readonly string[] = [], maxMiss = Infinity): NameVerdict {
  if (includesWord(text, written) || forms.some((form) => text.includes(form))) return 'present';
  // The words of the translation are read without a possessive `'s`, whatever the apostrophe (`St. Martin’s`,
  // `Sainsbury‘s`): so is the name.
  const name = written.replace(/['’‘ʼ]s$/u, '');
  const { words, distinct } = wordsOf(text);
  const declines = DECLINING.has(baseLanguage(targetLang));
  const inflected = (form: string, word: string, leading = false) => {
    const folded = foldName(form);
    if (!declines) return foldName(word) === folded;
    const stem = folded.length > 5 ? folded.slice(0, -2) : folded.slice(0, Math.max(4, folded.length - 1));
    const candidate = foldName(word);
    // Declension adds or changes endings (Polish `Madryt` → `Madrycie`, `Lizbona` → `Lizbonie`), never shortens: `Lagard` is no `Lagarde`.
    if (candidate === folded || (candidate.startsWith(stem) && candidate.length >= folded.length && candidate.length <= folded.length + 4)) return true;
    return /^\p{Lu}/u.test(word) && declinedStem(folded, candidate, leading);
  };
  // Each word once: a word repeated a thousand times is judged once.
  // A form of several words has each declined (Polish `Nowy Jork` → `w Nowym Jorku`).
  if (forms.length > 0) {
    const found = forms.some((form) => form.split(/\s+/).every((part, i, parts) => distinct.some((word) => inflected(part, word, i < parts.length - 1))) || distinct.some((word) => adjectiveOf(form, word)));
    return found ? 'present' : 'missing';
  }
  const parts = name.split(/\s+/).filter((part) => /\p{Lu}/u.test(part[0] ?? ''));
  const surname = parts.at(-1) ?? name;
  // Declined, also as the language spells the name (Polish `Virginia` → `w Wirginii`).
  const found = distinct.find(
    (word) => sameWord(surname, word, sourceLang, targetLang) || inflected(surname, word) || (declines && inflectedSkeleton(nameSkeleton(surname, 'und'), nameSkeleton(word, targetLang))),
  );
  if (found === undefined) return distinct.some((word) => nearMiss(surname, word, sourceLang, targetLang, maxMiss)) ? 'altered' : 'missing';
  const at = words.indexOf(found);
  // The words before the surname: a first name that is there must be the same one.
  for (const [offset, part] of parts.slice(0, -1).reverse().entries()) {
    const candidate = words[at - 1 - offset];
    // A declining language declines the first name too (Czech `Zorana Zaeva`).
    if (!candidate || sameWord(part, candidate, sourceLang, targetLang) || (declines && inflected(part, candidate))) continue;
    if (nearMiss(part, candidate, sourceLang, targetLang) || otherFirstName(part, candidate)) return 'altered';
  }
  return 'present';
}

/**
 * Whether a capitalised word right before the surname is another first name
 * with the same start (`Ołeh` for `Oleksandr`, `Lukas` for `Luka`): three
 * letters in common where a short form or another name replaced it, however
 * far apart they are otherwise. A title there starts otherwise (`Minister`).
 */
function otherFirstName(first: string, word: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  const [a, b] = [foldName(first), foldName(word)];
  return a.length >= 4 && b.length >= 3 && a !== b && a.slice(0, 3) === b.slice(0, 3) && !a.startsWith(b) && !b.startsWith(a);
}

/**
 * How a first name and surname the lexicon does not know appear in a
 * translation in the Latin script, told only where it keeps one of the two:
 * the word next to it (after a first name, before a surname) that is the
 * other one a letter or two off, with its first letter and at most a third
 * of its letters changed, is misspelt (`Yusuf Demirel` for `Yusuf Demirci`,
 * `Anna Feldkamp` for `Anja Feldkamp`). Neither kept, or the neighbour
 * another word, is no verdict (`missing`): a translation may well say the
 * name another way (`Ligue des Champions`, `Rapid de Vienne`).
 */
export function findFullName(text: string, name: string, targetLang: Lang): NameVerdict {
  const [first, written] = name.split(' ') as [string, string];
  // A club or company named after its city (`Rapid Wien` → `Rapid Vídeň`): the city is translated.
  if (PLACE_FORMS.has(written)) return 'missing';
  const { words } = wordsOf(text);
  const declines = DECLINING.has(baseLanguage(targetLang));
  // Letters as written, with i, j and y as one (`Kirjat` = `Kiryat`): both names are in the Latin script already.
  // Umlauts also as German writes them without dots (`Loesch` = `Lösch`), and a silent h at the end (`Sarah` = `Sara`).
  // Dutch writes u as oe (`Sajfoello`), Polish v as w (`Tanewski`).
  const dutch = baseLanguage(targetLang) === 'nl';
  const letters = (word: string) =>
    (dutch ? foldName(word).replace(/oe/g, 'u') : foldName(word))
      .replace(/(?<=[aou])e/g, '')
      .replace(/(?<=[aeiou])h$/u, '')
      .replace(/w/g, 'v')
      .replace(/(.)\1/gu, '$1')
      .replace(/[jy]/g, 'i');
  // A name that ends in a vowel changes it in a declining language (Polish `Sara` → `Sary`, `Sarę`).
  const vowelCase = (part: string, word: string) => /[aeiou]$/u.test(part) && part.length >= 4 && word.startsWith(part.slice(0, -1)) && word.length <= part.length + 2;
  const same = (word: string, part: string) =>
    foldName(word) === foldName(part) || letters(word) === letters(part) || (declines && (inflectedSkeleton(letters(part), letters(word)) || vowelCase(letters(part), letters(word))));
  // A German genitive (`Olga Kurylenkos Rolle`) is the name without its `s`.
  const last = /\p{Ll}s$/u.test(written) && !words.some((word) => same(word, written)) ? written.slice(0, -1) : written;
  const slip = (part: string, word: string | undefined, surname = false) => {
    // The same name as the target language spells it (`Vladimir Poutine`, `Claudia Loesch`) is none.
    if (word === undefined || !/^\p{Lu}/u.test(word) || sameWord(part, word, 'de' as Lang, targetLang)) return false;
    const wanted = letters(part);
    const found = letters(word);
    if (wanted[0] !== found[0] || wanted.startsWith(found) || found.startsWith(wanted)) return false;
    // A language that declines names changes their last letters (`Tara` → `Tary`, `Cups` → `Cupů`).
    if (declines && (found.startsWith(wanted.slice(0, -1)) || wanted.startsWith(found.slice(0, -1)))) return false;
    // A surname right after its first name may be further off (`Petrovski` for `Petrović`): a third of its letters.
    const max = surname ? Math.min(3, Math.ceil(wanted.length / 3)) : Math.min(2, Math.floor(wanted.length / 3));
    const d = editDistance(wanted, found, max);
    return d > 0 && d <= max;
  };
  let verdict: NameVerdict = 'missing';
  for (const [i, word] of words.entries()) {
    if (same(word, first)) {
      if (words[i + 1] !== undefined && same(words[i + 1]!, last)) return 'present';
      if (slip(last, words[i + 1], true)) verdict = 'altered';
    } else if (same(word, last)) {
      if (words[i - 1] !== undefined && same(words[i - 1]!, first)) return 'present';
      if (slip(first, words[i - 1])) verdict = 'altered';
    }
  }
  return verdict;
}

/**
 * Whether `text` has `name` where a word starts, and ends there or with a
 * genitive `s` (`Merkels`): `Hrytsenkov` is not `Hrytsenko`.
 */
function includesWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    const after = text[end] === 's' ? end + 1 : end;
    if (!LETTER_OR_DIGIT.test(text[at - 1] ?? ' ') && !LETTER_OR_DIGIT.test(text[after] ?? ' ')) return true;
  }
  return false;
}

/** The consonants a stem's last one turns into before a case ending, after folding (Czech `h` → `z`, Polish `g` → `dz`). */
const ALTERNATES: Readonly<Record<string, readonly string[]>> = { h: ['z'], g: ['dz', 'z'], k: ['c'], r: ['rz'], t: ['c'], d: ['dz'] };

/**
 * Whether a capitalised word of a declining language is a case of a name
 * ending in a vowel where the rule of the stem does not hold: the last
 * consonant of the stem changes before the ending (Czech `Praha` → `v Praze`,
 * Polish `Praga` → `w Pradze`, `Ryga` → `w Rydze`), or, for the adjective
 * that leads a name of several words, the ending replaces the vowel
 * (`Nowy Jork` → `Nowego Jorku`).
 */
function declinedStem(form: string, word: string, leading: boolean): boolean {
  if (!/[aeiouy]$/u.test(form) || form.length < 4) return false;
  const bare = form.slice(0, -1);
  if (leading && bare.length >= 3 && word.startsWith(bare) && word.length <= form.length + 3) return true;
  const head = bare.slice(0, -1);
  return head.length >= 3 && (ALTERNATES[bare.at(-1)!] ?? []).some((to) => word.startsWith(head + to) && word.length <= form.length + 2);
}

/**
 * Whether a word is an adjective or inhabitant made from a place, in any of
 * its languages' forms (`parisiens`, `parigine` from `Paris`; `londoniennes`
 * from `London`; `romains` from `Roma`; `new-yorkaise`): lower case, the
 * form less its last letter (from five letters on), then an ending of two to
 * seven letters.
 */
function adjectiveOf(form: string, word: string): boolean {
  if (!/^\p{Ll}/u.test(word) || /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(form)) return false;
  const folded = foldName(form).replace(/\s+/g, '-');
  const stem = folded.length >= 5 ? folded.slice(0, -1) : folded;
  const candidate = foldName(word);
  return candidate.startsWith(stem) && candidate.length - stem.length >= 2 && candidate.length - stem.length <= 7;
}

/**
 * Whether a skeleton is a declined form of another: the stem less two
 * letters, an ending of up to four; one letter shorter at most, as a skeleton
 * merges double letters (Polish `Wirginii` → `virgini` for `virginia`).
 */
function inflectedSkeleton(name: string, word: string): boolean {
  const stem = name.slice(0, Math.max(4, name.length - 2));
  return word.startsWith(stem) && word.length >= name.length - 1 && word.length <= name.length + 4;
}

/** A word that looks like a misspelling of the name's word: close, but not the same. */
function nearMiss(word: string, candidate: string, sourceLang: Lang, targetLang: Lang, maxMiss = Infinity): boolean {
  if (!/^\p{Lu}/u.test(candidate)) return false;
  const limited = Number.isFinite(maxMiss);
  const wanted = nameSkeleton(word, sourceLang);
  const max = Math.min(maxMiss, Math.ceil(wanted.length / 2));
  const found = nameSkeleton(candidate, targetLang);
  // Where only a slip of one or two letters counts (a word the lexicon does not know, a word kept elsewhere), a
  // word with another first letter is another word, and one that is the other with letters added or cut at the
  // end is a form of it (`Hamburger` → `Hamburg`, `Welsh` → `Welshman`), not a misspelling.
  if (limited && (wanted[0] !== found[0] || wanted.startsWith(found) || found.startsWith(wanted))) return false;
  const distance = editDistance(wanted, found, max);
  return distance > 0 && distance <= max;
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
  // English names lose an r after a vowel in katakana (`Ford` = `フォード`, `Carter` = `カーター`).
  const nonRhotic = surname.replace(/([aeiouy])r(?![aeiouy])/giu, '$1');
  const wanted = [japaneseConsonants(surname, sourceLang), japaneseConsonants(nonRhotic, sourceLang), ...forms.filter((form) => /^[\p{Script=Katakana}ー・]+$/u.test(form)).map(katakanaConsonants)];
  const present = wanted.some((consonants) => skeletons.some((skeleton) => editDistance(consonants, skeleton, Math.floor(consonants.length / 3)) <= Math.floor(consonants.length / 3)));
  return present ? 'present' : 'missing';
}

function katakanaConsonants(run: string): string {
  return [...run].map((char) => KATAKANA[char] ?? '').join('').replace(/(.)\1/gu, '$1');
}

/**
 * Cyrillic letters as a Latin skeleton (`C` = ch of church, `S` = sh, `Z` =
 * zh, `c` = ts, `H` = h, g and kh, which Russian writes alike for a German h:
 * `Hamburg` = `Гамбург`, `Hanna` = `Ханна`), for Russian, Ukrainian,
 * Belarusian, Bulgarian, Serbian and Macedonian (after the national
 * romanisations: GOST 7.79, the Ukrainian and Bulgarian official tables).
 */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'H', ґ: 'H', д: 'd', ђ: 'dy', е: 'e', ё: 'o', є: 'ye', ж: 'Z', з: 's', ѕ: 'dz', и: 'i', і: 'i', ї: 'yi', й: 'y', ј: 'y',
  к: 'k', л: 'l', љ: 'ly', м: 'm', н: 'n', њ: 'ny', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'C', ќ: 'C', у: 'u', ў: 'u', ф: 'f', х: 'H',
  ц: 'c', ч: 'C', џ: 'J', ш: 'S', щ: 'SC', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** The shared last steps: `ts` as one sound, double letters as one. */
const cyrillicClasses = (text: string) => text.replace(/ts/g, 'c').replace(/(.)\1/gu, '$1').replace(/y(?![aeiou])/g, 'i').replace(/(.)\1/gu, '$1');

/** A word in Cyrillic letters as a skeleton (`Гриценко` → `Hricenko`). */
function cyrillicSkeleton(word: string): string {
  return memoised(`cy\0${word}`, () => cyrillicClasses([...word.toLowerCase()].map((char) => CYRILLIC[char] ?? char).join('')));
}

/**
 * A word of a name in the Latin script as Cyrillic would write it, read by
 * German conventions (the source is German): `Hrytsenko` → `Hricenko`,
 * `Wendt` → `vendt`, `Uhlig` → `ulig` (an h after a vowel is silent),
 * `Petrović` → `petroviC`, `Kröger` → `kroger`.
 */
function latinForCyrillic(word: string): string {
  return memoised(`lc\0${word}`, () => {
    // Letters with a háček or an acute that stand for one sound keep it, as a placeholder through folding.
    // German ü is Cyrillic ю (`Lüders` = `Людерс`), ä is е (`Jäger` = `Егер`).
    let text = foldName(word.replace(/[ćčĆČ]/gu, '1').replace(/[šśŠŚ]/gu, '2').replace(/[žźŽŹ]/gu, '3').replace(/[üÜ]/gu, '4').replace(/[äÄ]/gu, 'e'));
    text = text.replace(/1/g, 'C').replace(/2/g, 'S').replace(/3/g, 'Z').replace(/4/g, 'yu');
    for (const [from, to] of GERMAN_FOR_CYRILLIC) text = text.replace(from, to);
    return cyrillicClasses(text);
  });
}
const GERMAN_FOR_CYRILLIC: readonly (readonly [RegExp, string])[] = [
  [/tsch/g, 'C'], [/sch/g, 'S'], [/ch/g, 'H'], [/ck/g, 'k'], [/c(?=[eiy])/g, 'ts'], [/c/g, 'k'], [/ph/g, 'f'], [/th/g, 't'], [/qu/g, 'kv'],
  [/q/g, 'k'], [/x/g, 'ks'], [/ie/g, 'i'], [/ei/g, 'ai'], [/eu/g, 'oi'], [/tz/g, 'ts'], [/z/g, 'ts'], [/w/g, 'v'], [/j/g, 'y'],
  [/([aeiouy])h/g, '$1'], [/[hg]/g, 'H'],
];

const consonants = (skeleton: string) => skeleton.replace(/[aeiouy]/g, '');
/** The same first name, declined or with other vowels (`Александр` for `Oleksandr`, as Russian writes the Ukrainian name). */
const sameFirstName = (wanted: string, found: string) => declinedCyrillic(wanted, found) || consonants(wanted) === consonants(found);

/** A case form of a name in a declining language: the stem less one or two letters, an ending of up to three. */
function declinedCyrillic(wanted: string, found: string): boolean {
  if (found === wanted) return true;
  const stem = wanted.slice(0, Math.max(3, wanted.length - (wanted.length > 5 ? 2 : 1)));
  return found.startsWith(stem) && found.length >= wanted.length - 1 && found.length <= wanted.length + 3;
}

/**
 * How a name the termbase does not know, in Latin letters in the source,
 * appears in a translation in the Cyrillic script: compared as skeletons
 * (`CYRILLIC`, `latinForCyrillic`), declined forms included. `altered` only
 * where it is told for sure: the surname is there and the capitalised word
 * before it is another first name (its consonants differ: `Сабрина` for
 * `Sabine`, `Анна` for `Hanna`; `Александр` for `Oleksandr` is the same
 * name), or the surname is missing and a capitalised word with its first
 * letter is at most a quarter of its letters off (`Вент` for `Wendt`,
 * `Грищенко` for `Hrytsenko`), after the first name where the source has
 * one. Anything else is no verdict (`missing`): the translation may say it
 * another way.
 */
let lastCyrillic: { readonly text: string; readonly words: readonly string[] } | undefined;
/** The words of a translation, read once for all the names checked in it. */
function cyrillicWordsOf(text: string): readonly string[] {
  if (lastCyrillic?.text !== text) lastCyrillic = { text, words: [...text.matchAll(/[\p{L}\p{M}'’-]+/gu)].map((match) => match[0]) };
  return lastCyrillic.words;
}

export function findNameInCyrillic(text: string, name: string): NameVerdict {
  const parts = name.split(/\s+/).filter((part) => /^\p{Lu}/u.test(part));
  if (parts.length === 0 || parts.length > 3 || !parts.every((part) => /^[\p{Script=Latin}'’-]+$/u.test(part)) || text.includes(parts.at(-1)!)) return 'present';
  const words = cyrillicWordsOf(text);
  const capitalised = (word: string | undefined) => word !== undefined && /^\p{Script=Cyrillic}/u.test(word) && /^\p{Lu}/u.test(word);
  const surname = latinForCyrillic(parts.at(-1)!);
  const first = parts.length > 1 ? latinForCyrillic(parts[0]!) : undefined;
  if (surname.length < 3) return 'present';
  for (const [i, word] of words.entries()) {
    if (!capitalised(word) || !declinedCyrillic(surname, cyrillicSkeleton(word))) continue;
    const before = words[i - 1];
    if (first === undefined || !capitalised(before)) return 'present';
    const found = cyrillicSkeleton(before!);
    if (sameFirstName(first, found)) return 'present';
    const [a, b] = [consonants(first), consonants(found)];
    return a[0] === b[0] || editDistance(a, b, 1) <= 1 ? 'altered' : 'present';
  }
  const bound = Math.max(1, Math.floor(surname.length / 4));
  for (const [i, word] of words.entries()) {
    if (!capitalised(word)) continue;
    const found = cyrillicSkeleton(word);
    if (found[0] !== surname[0] || editDistance(surname, found, bound) > bound) continue;
    if (first === undefined || (capitalised(words[i - 1]) && sameFirstName(first, cyrillicSkeleton(words[i - 1]!)))) return 'altered';
  }
  return 'missing';
}
