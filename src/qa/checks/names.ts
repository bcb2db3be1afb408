import { distance } from 'fastest-levenshtein';
import { hasTerms, termMatcher, type TermEntry, type Termbase } from '../../termbase/index.js';
import { baseLanguage, type Lang } from '../../core/lang.js';
import { defineCheck, type CheckResult, type SegmentPair } from '../check.js';
import { citiesNotInSource, countryForms, countrySwapped, findFullName, findName, findNameInCyrillic, findNameInJapanese, keptVariants, oneWordRegionNames, unknownNameCandidates, type NameSpan, type NameVerdict } from '../locales/names.js';
import ACRONYMS from '../locales/acronyms.json' with { type: 'json' };
import { isGermanAbbreviation } from '../locales/lexicon.js';

const LATIN = /^[\p{Script=Latin}\s\p{P}\p{N}]+$/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const MAX_NAMES = 64;

/**
 * Names outside the termbase: acronyms, names after roles, names met earlier
 * in the document and cities must appear as themselves or as the target
 * language spells them, in Latin-script and Japanese translations.
 */
function unknownNames(pair: SegmentPair, known: readonly { start: number; end: number }[]): CheckResult[] {
  const targetLang = pair.targetRules.textLang;
  const sourceLang = pair.sourceRules.textLang;
  const japanese = JAPANESE.test(pair.target);
  if (!japanese && !LATIN.test(pair.target.replace(/[^\p{L}]/gu, '') || 'a')) {
    return CYRILLIC_SCRIPT.test(pair.target) && baseLanguage(sourceLang) === 'de' ? [...namesInCyrillic(pair, known), ...acronymsInOtherScripts(pair)] : acronymsInOtherScripts(pair);
  }
  const results: CheckResult[] = [];
  for (const city of citiesNotInSource(pair.source, pair.target, targetLang)) {
    results.push({ severity: 'error', message: `“${city}” is a city the source does not name` });
  }
  const seen = new Set<string>();
  // Termbase matches come in text order, like the candidates: one pointer walks both.
  let next = 0;
  // Capitalised words the German lexicon does not know are names only where the source is German, and are
  // compared in the Latin script only (katakana keeps too little of a name to tell a misspelling).
  const lexicon = !japanese && baseLanguage(sourceLang) === 'de';
  for (const candidate of unknownNameCandidates(pair.source, pair.earlierNames, japanese ? undefined : pair.keptNames, { lexicon })) {
    while (next < known.length && known[next]!.end <= candidate.start) next++;
    if (seen.has(candidate.name) || (next < known.length && known[next]!.start < candidate.end)) continue;
    // A sentence names a handful of people and places; thousands of candidates are no text to check name by name.
    if (seen.size >= MAX_NAMES) break;
    seen.add(candidate.name);
    // A word the other translations of the document render one way, consistently, is a word they translate.
    const variants = candidate.kind === 'kept' ? keptVariants(pair.keptNames, candidate.name) : undefined;
    if (variants && [...variants].some((variant) => hasWord(pair.target, variant))) continue;
    // A word the document's translations keep elsewhere is checked for misspellings only (one or two letters off):
    // a sentence may well say it another way.
    const kept = candidate.kind === 'kept' || candidate.kind === 'lexicon';
    // A country is written as CLDR names it in the target language (`China` → `Chine`, `Čínu`).
    const judge = (name: string, forms = candidate.forms ?? (candidate.kind === 'acronym' ? undefined : countryNames(name, targetLang))): NameVerdict =>
      japanese
        ? findNameInJapanese(pair.target, name, sourceLang, forms)
        : findName(pair.target, name, sourceLang, targetLang, forms, kept ? 2 : Infinity);
    // A first name and surname the lexicon does not know: told only where the translation keeps one of the two.
    let verdict = candidate.kind === 'lexicon' ? findFullName(pair.target, candidate.name, targetLang) : judge(candidate.name);
    // A German genitive (`Präsident Erdogans Besuch`, `Schoigus`): the translation has the name without its `s`.
    if (verdict !== 'present' && candidate.kind !== 'lexicon' && baseLanguage(sourceLang) === 'de' && /\p{Ll}s$/u.test(candidate.name)) {
      const bare = judge(candidate.name.slice(0, -1));
      if (bare === 'present') verdict = 'present';
    }
    // An abbreviation is misspelt only by another in capitals with its letters shuffled or one of them off
    // (`WABF` for `WAFB`, `HHS` for `NHS`): `USA` is no misspelling of `NSF`.
    if (verdict === 'altered' && candidate.kind === 'acronym' && !misspeltAcronym(pair, candidate.name)) verdict = 'missing';
    if (verdict === 'present' || (kept && verdict === 'missing')) continue;
    // A person named before whom the translation calls by a title or a pronoun instead (`le président`, `la
    // Premier ministre`): no other name stands in the sentence where the source has theirs.
    // Only a later mention: where the source names them after their role, the translation names them too.
    if (verdict === 'missing' && !japanese && candidate.kind === 'earlier' && !newNameIn(pair, candidate.name)) continue;
    if (candidate.kind === 'acronym' && acronymLocalised(pair, candidate, verdict, japanese)) continue;
    const what = candidate.kind === 'place' ? 'city' : 'name';
    results.push({
      severity: 'error',
      message:
        verdict === 'altered'
          ? `“${candidate.name}” is misspelt or changed (a ${what} not in the termbase: keep it or transliterate it)`
          : `“${candidate.name}” is missing (a ${what} not in the termbase: keep it or transliterate it)`,
    });
  }
  return results;
}

const CYRILLIC_SCRIPT = /\p{Script=Cyrillic}/u;

/**
 * People in a translation into the Cyrillic script (Russian, Ukrainian,
 * Bulgarian, …): names after a role, first and surnames the lexicon does not
 * know and names met earlier, each compared with the Cyrillic the source's
 * Latin letters give (`findNameInCyrillic`). Only a name told as changed is
 * an error: one left out or said another way is no verdict.
 */
function namesInCyrillic(pair: SegmentPair, known: readonly { start: number; end: number }[]): CheckResult[] {
  const results: CheckResult[] = [];
  const seen = new Set<string>();
  for (const candidate of unknownNameCandidates(pair.source, pair.earlierNames, undefined, { lexicon: true })) {
    if (candidate.kind !== 'role' && candidate.kind !== 'lexicon' && candidate.kind !== 'earlier') continue;
    if (seen.has(candidate.name) || known.some((span) => span.start < candidate.end && candidate.start < span.end)) continue;
    if (seen.size >= MAX_NAMES) break;
    seen.add(candidate.name);
    if (findNameInCyrillic(pair.target, candidate.name) === 'altered') {
      results.push({ severity: 'error', message: `“${candidate.name}” is misspelt or changed (a name not in the termbase: keep it or transliterate it)` });
    }
  }
  return results;
}

/**
 * Abbreviations in a translation into another script (Cyrillic, Hangul,
 * Chinese), which may keep them in Latin letters or write them its own way:
 * only one changed into another is told, a letter off (`DIW` for `IW`) or
 * the abbreviation of another body the data knows (`ХСС`, the CSU, for
 * `СвДП`, the FDP).
 */
function acronymsInOtherScripts(pair: SegmentPair): CheckResult[] {
  const lang = baseLanguage(pair.targetRules.textLang);
  const results: CheckResult[] = [];
  const others = newAcronyms(pair);
  if (others.length === 0) return results;
  const seen = new Set<string>();
  for (const candidate of unknownNameCandidates(pair.source)) {
    if (candidate.kind !== 'acronym' || seen.has(candidate.name)) continue;
    seen.add(candidate.name);
    const forms = [candidate.name, ...(ACRONYM_FORMS[candidate.name]?.[lang] ?? [])];
    if (forms.some((form) => hasWord(pair.target, form))) continue;
    const slip = others.find((other) => acronymSlip(other, candidate.name) || forms.some((form) => form.length >= 2 && acronymSlip(other, form)));
    const swapped = slip ?? others.find((other) => (otherBody(other, candidate.name) && !bodyInSource(other, pair.source)) || (/^\p{Script=Latin}+$/u.test(other) && isGermanAbbreviation(other)));
    if (swapped) results.push({ severity: 'error', message: `“${candidate.name}” is missing: the translation has “${swapped}”, another abbreviation` });
  }
  return results;
}

/**
 * An abbreviation of the source replaced by another body's: the translation
 * has one the data knows (acronyms.json) for a body the source does not name
 * in any form, and lacks one of the source's, also where the source has it
 * as the first part of a compound (`AfD-Spitzenkandidat` → `The NPD’s lead
 * candidate`, `NATO` → `UE`, `AGİT`).
 */
function swappedAcronyms(pair: SegmentPair): CheckResult[] {
  const lang = baseLanguage(pair.targetRules.textLang);
  // Some write the longer ones as words (`Nato-Staaten`).
  const asWords = TITLED_BODIES.filter(([, titled]) => hasWord(pair.source, titled)).map(([name]) => name);
  const inSource = [...new Set([...[...pair.source.matchAll(ALL_CAPS_PART)].map((match) => match[0]), ...asWords])];
  if (inSource.length === 0) return [];
  const formsOf = (name: string) => [name, ...(ACRONYM_FORMS[name]?.[lang] ?? [])];
  const named = new Set(inSource.flatMap(formsOf));
  const intruders = newAcronyms(pair).filter((other) => KNOWN_BODIES.has(other) && !named.has(other) && ![...KNOWN_BODIES.get(other)!].some((body) => inSource.includes(body)));
  if (intruders.length === 0) return [];
  const lost = inSource.filter((name) => KNOWN_BODIES.has(name) || ACRONYM_FORMS[name] !== undefined).filter((name) => !formsOf(name).some((form) => hasWord(pair.target, form)));
  return lost.length === 0 ? [] : [{ severity: 'error', message: `“${lost[0]}” is replaced by “${intruders[0]}”, another body’s abbreviation` }];
}
// Abbreviations also as the first part of a compound (`AfD-Spitzenkandidat`, `NATO-Gipfel`).
const ALL_CAPS_PART = /(?<![\p{L}\p{N}])\p{Lu}(?:\p{Lu}|\p{Ll}(?=\p{Lu})){1,7}(?![\p{L}\p{N}])/gu;

/** Abbreviations in capitals in the translation that its source does not have. */
function newAcronyms(pair: SegmentPair): string[] {
  return [...pair.target.matchAll(ALL_CAPS)].map((match) => match[0]).filter((other) => !pair.source.includes(other));
}

/** Whether `other` is `name` misspelt: its letters shuffled, one of them changed, added or left out (`DIW` for `IW`). */
function acronymSlip(other: string, name: string): boolean {
  const sorted = (text: string) => [...text].sort().join('');
  return sorted(other) === sorted(name) || (Math.max(name.length, other.length) >= 3 && distance(other, name) <= 1);
}

function misspeltAcronym(pair: SegmentPair, name: string): boolean {
  return newAcronyms(pair).some((other) => acronymSlip(other, name));
}

/** A country's names in the target language and English, and as the source writes it; none for a name that is no country. */
function countryNames(name: string, lang: Lang): string[] | undefined {
  const forms = countryForms(name, lang);
  return forms.length > 0 ? [name, ...forms] : undefined;
}

const ACRONYM_FORMS = ACRONYMS.acronyms as Record<string, Record<string, string[]>>;
/** The longer abbreviations as some write them, as words (`Nato`, `Osze`). */
const TITLED_BODIES = Object.keys(ACRONYM_FORMS).filter((name) => name.length >= 4 && /^\p{Lu}+$/u.test(name)).map((name) => [name, name[0] + name.slice(1).toLowerCase()] as const);
/** Club and company designations a translation may leave out (acronyms.json). */
const DROPPABLE = new Set<string>(ACRONYMS.droppable.forms);
const CLUB_ENDINGS = new Set<string>(ACRONYMS.droppable.clubEndings);
const NOUNS = new Set<string>(ACRONYMS.droppable.nouns);
const droppable = (name: string) => DROPPABLE.has(name) || NOUNS.has(name) || (name.length === 3 && CLUB_ENDINGS.has(name.slice(1)));
/** Every abbreviation acronyms.json knows, German or translated, with the German one it stands for. */
const KNOWN_BODIES = new Map<string, Set<string>>();
const TERMS = new Set<string>(ACRONYMS.terms.keys);
for (const [german, byLang] of Object.entries(ACRONYM_FORMS)) {
  if (TERMS.has(german)) continue;
  for (const form of [german, ...Object.values(byLang).flat()]) {
    if (/^\p{Lu}(?:\p{Lu}|\p{Ll}(?=\p{Lu}))+$/u.test(form)) KNOWN_BODIES.set(form, (KNOWN_BODIES.get(form) ?? new Set()).add(german));
  }
}

/** Whether the source names the body an abbreviation of the translation stands for (`ХДС` for `CDU`). */
function bodyInSource(other: string, source: string): boolean {
  return [...(KNOWN_BODIES.get(other) ?? [])].some((body) => hasWord(source, body) || hasWord(source, body[0] + body.slice(1).toLowerCase()));
}

/** Whether an abbreviation is one the data knows for a body other than `name` (`UE` is the EU, not NATO). */
function otherBody(other: string, name: string): boolean {
  const bodies = KNOWN_BODIES.get(other);
  return bodies !== undefined && !bodies.has(name);
}
// A space after each full stop may be a no-break one (`I.\u00a0A.`).
const DOTTED = /(?<!\p{L})(?:\p{Lu}\.[ \u00a0\u202f]?){2,}/gu;
// Capitals, with small letters between them as some parties write theirs (`AfD`, `СвДП`).
const ALL_CAPS = /(?<![\p{L}\p{N}])\p{Lu}(?:\p{Lu}|\p{Ll}(?=\p{Lu})){1,7}(?![\p{L}\p{N}])/gu;

/** Whether `form` is in `text` as a word of its own (`UE`, not the `UE` of `QUE`). */
function hasWord(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[at + form.length] ?? ' ')) return true;
  }
  return false;
}

let currencies: Set<string> | undefined;

/**
 * Whether a currency code (`USD`) is written in the translation as its symbol
 * or its name in the target language (`$250,000`, `250.000 dólares`), from
 * CLDR through Intl.
 */
function currencyWritten(code: string, text: string, lang: Lang): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (!currencies.has(code)) return false;
  const symbols = (['symbol', 'narrowSymbol'] as const).flatMap((display) =>
    new Intl.NumberFormat(lang, { style: 'currency', currency: code, currencyDisplay: display }).formatToParts(1).filter((part) => part.type === 'currency').map((part) => part.value),
  );
  if (symbols.some((symbol) => text.includes(symbol))) return true;
  const name = new Intl.DisplayNames(lang, { type: 'currency' }).of(code);
  // The noun of the name (`dollar` of `US dollar`, `dólar` of `dólar estadounidense`), in any number.
  const nouns = (name ?? '').split(/\s+/).filter((word) => word.length >= 4 && word !== word.toUpperCase());
  return nouns.some((noun) => inflectedTerm(text, [{ text: noun }], lang));
}

/**
 * Whether an abbreviation the translation does not keep is one it may
 * translate: its own form for the target language (acronyms.json: `EVP` →
 * `PPE`, `KI` → `IA`, `WM` → `World Cup`), and when it is missing rather
 * than changed: a currency written as its symbol or name (`USD` → `$`), one
 * the source gives in brackets after the words it stands
 * for (`Multipler Sklerose (MS)`), one the translation replaces with an
 * abbreviation of its own that the source does not have (`IGH` → `MSD`), or
 * one in a translation into another script, which may transliterate it
 * (`UNICEF` → `ユニセフ`). An abbreviation the German lexicon knows in its
 * place is a swap (`CDU` → `SPD`), not a translation.
 */
function acronymLocalised(pair: SegmentPair, candidate: NameSpan, verdict: NameVerdict, japanese: boolean): boolean {
  const targetLang = pair.targetRules.textLang;
  // Abbreviations with full stops are the same (`I. A.`, `A.I.` = `IA`, `AI`).
  const target = pair.target.replace(DOTTED, (dotted) => dotted.replace(/[.\s]/g, '') + (/\s$/u.test(dotted) ? ' ' : ''));
  if (hasWord(target, candidate.name)) return true;
  const forms = ACRONYM_FORMS[candidate.name]?.[baseLanguage(targetLang)] ?? [];
  if (forms.some((form) => hasWord(target, form)) || inflectedTerm(target, forms.map((text) => ({ text })), targetLang)) return true;
  // The same letters in the order of a language that puts the adjective after the noun: reversed (`HIV` → `VIH`,
  // `NATO` → `OTAN`, `MS` → `SM`) or, in three letters, turned (`DNA` → `ADN`), each letter once. Not any anagram:
  // `ONTA` is misspelt, and so is `CBB` for `BBC`.
  const name = candidate.name;
  const reordered = new Set<string>();
  if (new Set(name).size === name.length) {
    reordered.add([...name].reverse().join(''));
    if (name.length === 3) for (let i = 1; i < 3; i++) reordered.add(name.slice(i) + name.slice(0, i));
  }
  for (const match of target.matchAll(ALL_CAPS)) if (reordered.has(match[0])) return true;
  if (verdict !== 'missing') return false;
  if (japanese || currencyWritten(candidate.name, pair.target, targetLang)) return true;
  // One with the same letters shuffled, or one letter off (`CBB`, `BCC` for `BBC`, `DIW` for `IW`): that is misspelt,
  // or another body.
  const others = [...target.matchAll(ALL_CAPS)].map((match) => match[0]).filter((other) => !pair.source.includes(other));
  if (others.some((other) => acronymSlip(other, name))) return false;
  // Another abbreviation that German uses too (`SPD` for `CDU`), or that stands for another body the data knows
  // (`UE` for `NATO`, `NPD` for `AfD`), is another party or body, not a translation of this one.
  if (others.some((other) => isGermanAbbreviation(other) || (otherBody(other, name) && !bodyInSource(other, pair.source)))) return false;
  // The source spells it out before it in brackets (`Defense Advanced Research Projects Agency (DARPA)`), or German
  // uses it as a common noun (`SMS`, `OP`), or it marks a club or company beside its name (`Hamburger SV`,
  // `Siemens AG`): the translation may say the words instead (acronyms.json, `droppable`).
  if (pair.source[candidate.start - 1] === '(' && pair.source[candidate.end] === ')') return true;
  if (droppable(name)) return true;
  return others.length > 0 || spelledOut(pair.target, name);
}

/**
 * Whether the translation spells an abbreviation out: consecutive words,
 * short function words aside, whose first letters are its letters in any
 * order (`Saturday Night Live` for `SNL`, `Administración Federal de
 * Aviación` for `FAA`, `Consiglio elettorale provvisorio` for `CEP`), one of
 * them capitalised. Three letters at least: two match too much by chance.
 */
function spelledOut(target: string, name: string): boolean {
  if (name.length < 3 || !/^\p{Lu}+$/u.test(name)) return false;
  const wanted = [...name].sort().join('');
  const words = (target.match(/\p{L}+/gu) ?? []).filter((word) => word.length >= 4 || /^\p{Lu}/u.test(word));
  for (let i = 0; i + name.length <= words.length; i++) {
    const window = words.slice(i, i + name.length);
    if (!window.some((word) => /^\p{Lu}/u.test(word))) continue;
    if (window.map((word) => word[0]!.toUpperCase()).sort().join('') === wanted) return true;
  }
  return false;
}

/**
 * Whether a translation in the Latin script has a capitalised word that its
 * source does not have, nor is a country's name (CLDR): a name standing
 * where the source has another one. At the start of a sentence or quotation,
 * where any word has a capital, only one with the name's first letter
 * (`Marz` for `Merz`).
 */
function newNameIn(pair: SegmentPair, name: string): boolean {
  const found = newNames(pair);
  return found.inside || found.initials.has(fold(name)[0] ?? '');
}

/** The new capitalised words of a translation (see `newNameIn`), read once per pair. */
function newNames(pair: SegmentPair): { readonly inside: boolean; readonly initials: ReadonlySet<string> } {
  if (lastNewName?.pair === pair) return lastNewName.found;
  const sourceWords = new Set((pair.source.match(/\p{L}+/gu) ?? []).map(fold));
  const prefixes = new Set([...sourceWords].filter((word) => word.length >= 5).map((word) => word.slice(0, 5)));
  const regions = new Set(oneWordRegionNames(pair.targetRules.textLang));
  let inside = false;
  const initials = new Set<string>();
  for (const match of pair.target.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*/gu)) {
    const word = fold(match[0].replace(/['’].*$/u, ''));
    // A word the source has, also as the first part of one of its words or with another ending (`Republikaner`,
    // `republicanos`), is no new name.
    if (sourceWords.has(word) || regions.has(word) || (word.length >= 5 && prefixes.has(word.slice(0, 5)))) continue;
    const before = pair.target.slice(Math.max(0, match.index - 3), match.index).trimEnd();
    if (before === '' || /[.!?:;„“"«»‚‘'(\[–—-]$/u.test(before)) initials.add(word[0] ?? '');
    else inside = true;
  }
  const found = { inside, initials };
  lastNewName = { pair, found };
  return found;
}
let lastNewName: { readonly pair: SegmentPair; readonly found: ReturnType<typeof newNames> } | undefined;

/** Languages whose nouns and adjectives change their endings by case (Polish `Stany Zjednoczone` → `Stanów Zjednoczonych`). */
const DECLINING = new Set(['pl', 'cs', 'sk', 'ru', 'uk', 'be', 'hr', 'sr', 'sl', 'bg', 'lt', 'lv', 'fi', 'et', 'hu']);
const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Whether every word of one of the termbase's forms is in the translation
 * with an ending of the language's grammar: a plural (`estadounidenses`,
 * `américains`, `russi` for `russo`), or a case ending where the language
 * declines nouns (`Stanów Zjednoczonych`, `Rosji`). In a declining language
 * the stem is the word less its last letter (two from seven letters on), four
 * letters at least, and an ending adds at most four; elsewhere a plural adds
 * one or two letters or changes a final vowel. `Moscow` is no form of
 * `Moscou`, nor `Moskau` of `Moskwa`.
 */
function inflectedTerm(text: string, terms: readonly { text: string }[], lang: Lang): boolean {
  const declines = DECLINING.has(baseLanguage(lang));
  let words: string[] | undefined;
  const inflects = (part: string, word: string) => {
    if (word === part) return true;
    if (!declines) {
      if (word.startsWith(part)) return word.length <= part.length + 2;
      return word.length === part.length && word.slice(0, -1) === part.slice(0, -1) && /[aeiou]/.test(part.at(-1)!) && /[aeiou]/.test(word.at(-1)!);
    }
    const stem = part.slice(0, Math.max(minStem, part.length - (part.length > 6 ? 2 : 1)));
    return word.startsWith(stem) && word.length >= part.length - 1 && word.length <= part.length + 4;
  };
  // A word of a longer name may keep only three letters (`Unia` → `Unię Europejską`): the others confirm it. Alone,
  // four (`Iran` is no `Iraku`).
  let minStem = 4;
  return terms.some(({ text: term }) => {
    // Short words (`de`, `of`) may change with the case of the whole (`du`, `della`): the longer ones carry the name.
    const parts = term.split(/[\s-]+/).map(fold).filter((part) => part.length >= 4);
    if (parts.length === 0 || parts.some((part) => !/^\p{Script=Latin}+$/u.test(part))) return false;
    minStem = parts.length > 1 ? 3 : 4;
    words ??= [...new Set([...text.matchAll(/\p{L}+/gu)].map((match) => fold(match[0])))];
    return parts.every((part) => words!.some((word) => inflects(part, word)));
  });
}

/** How many letters two words share at their start. */
function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether the translation names a place of the termbase by an adjective or
 * an inhabitant made from it (`britanniques`, `británicos`, `brytyjskich`,
 * `iraquí`, `londoniennes`, `amerykańskie`): CLDR has no demonyms, so a word
 * counts by the target's morphology, which makes them from the stem of the
 * name: it starts as one of the entry's names in the target language or in
 * English does, for half of that name's letters and four at least, and goes
 * on for at most nine more. Only where no other country's one-word name (CLDR,
 * in the target language or English) starts longer as the word does:
 * `australijski` comes from Australia, not Austria; `iranien` not from Iraq.
 */
function derivedFromPlace(text: string, entry: TermEntry, lang: Lang): boolean {
  if (entry.type !== 'place') return false;
  const names = [...(entry.terms.get(baseLanguage(lang)) ?? []), ...(entry.terms.get('en') ?? [])]
    // One-word names only: the words of longer ones are common words too (`Unidos` is not `Naciones Unidas`).
    .filter((term) => !/[\s-]/u.test(term.text))
    .map((term) => fold(term.text))
    .filter((word) => word.length >= 4 && /^\p{Script=Latin}+$/u.test(word));
  if (names.length === 0) return false;
  const rivals = oneWordRegionNames(lang).filter((name) => !names.includes(name));
  // The name itself as another language writes it (`Moscow` in French, `Moskau` in Polish) is no adjective.
  const own = new Set((entry.terms.get(baseLanguage(lang)) ?? []).map((term) => fold(term.text)));
  const foreign = new Set([...entry.terms.values()].flat().map((term) => fold(term.text)).filter((form) => !own.has(form)));
  for (const word of new Set([...text.matchAll(/\p{L}+/gu)].map((match) => fold(match[0])))) {
    if (foreign.has(word)) continue;
    let best = 0;
    for (const name of names) {
      const shared = sharedStart(word, name);
      // An adjective or inhabitant is the stem with an ending: longer than the name (`londonien`, `iraquí`).
      if (word.length > name.length && shared >= Math.max(4, Math.ceil(name.length / 2)) && shared > best) best = shared;
    }
    if (best > 0 && word.length <= best + 9 && !rivals.some((rival) => sharedStart(word, rival) > best)) return true;
  }
  return false;
}

/**
 * Whether a termbase form is part of a longer name that the translation
 * keeps as the source writes it (`USA Gymnastics`, `The London Gazette`):
 * that name is not translated, though the place in it would be.
 */
function keptInLongerName(source: string, span: { start: number; end: number }, target: string): boolean {
  const form = source.slice(span.start, span.end);
  const after = /^ (\p{Lu}[\p{L}-]*)/u.exec(source.slice(span.end, span.end + 40))?.[1];
  const before = /(?:^|[^\p{L}])(\p{Lu}[\p{L}-]*) $/u.exec(source.slice(Math.max(0, span.start - 40), span.start))?.[1];
  return (after !== undefined && hasWord(target, `${form} ${after}`)) || (before !== undefined && hasWord(target, `${before} ${form}`));
}

/**
 * A termbase name matched by its parts: a translation that has the surname
 * (`Carter`) with a first name close to the termbase's but not it (`Aston
 * Carter` for `Ashton Carter`, `Joan Kerry` for `John Kerry`) has changed the
 * person. Only near misses count: the word before a surname may as well be a
 * title (`Defence Secretary Carter`), and any first name of the entry in any
 * language is allowed (`Sergej`, `Sergueï`).
 */
function changedFirstName(text: string, entry: TermEntry, lang: Lang): { found: string; expected: string } | undefined {
  const full = (entry.terms.get(baseLanguage(lang)) ?? []).map((term) => term.text.split(' ')).filter((words) => words.length === 2);
  if (full.length === 0) return undefined;
  const firstNames = new Set([...entry.terms.values()].flat().map((term) => term.text.split(' ')).filter((words) => words.length === 2).map((words) => fold(words[0]!)));
  for (const [first, surname] of full) {
    for (let at = text.indexOf(surname!); at >= 0; at = text.indexOf(surname!, at + 1)) {
      const before = /(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, at - 30), at))?.[1];
      if (!before || firstNames.has(fold(before)) || before.length > 30) continue;
      const d = distance(fold(before), fold(first!));
      if (d > 0 && d <= Math.max(1, Math.floor(first!.length / 3))) return { found: `${before} ${surname}`, expected: `${first} ${surname}` };
    }
  }
  return undefined;
}

/**
 * Names differ from the termbase or the source: every person, place or
 * organisation of the termbase found in the source (inflected German forms
 * such as "Russlands" included) must appear in one of the forms the termbase
 * gives for the target language ("Sergei Shoigu", "Shoigu"; "Moscou"), or as
 * it is where the termbase says not to translate it. Names the termbase does
 * not know (acronyms, names after a title or role and later mentions of them,
 * cities) must appear unchanged or as the target language spells them
 * ("Jelzin" ~ "Yeltsin", "Selenskyj" ~ "ゼレンスキー").
 */
/** One empty termbase for every pair without one: matchers are cached per termbase object. */
const NO_TERMBASE: Termbase = { entries: [] };

export const names = defineCheck({
  id: 'names',
  title: 'Names differ from the termbase',
  run(pair) {
    const targetLang = pair.targetRules.textLang;
    const termbase = pair.termbase ?? NO_TERMBASE;
    const inSource = termMatcher(termbase, pair.sourceRules.textLang).find(pair.source);
    const target = termMatcher(termbase, targetLang);
    const results: CheckResult[] = [];
    const judged = new Set<TermEntry>();
    results.push(...unknownNames(pair, inSource.map((found) => found.span)));
    results.push(...swappedAcronyms(pair));
    const swapped = countrySwapped(pair.source, pair.target, targetLang);
    if (swapped) results.push({ severity: 'error', message: `“${swapped.lost}” is missing and “${swapped.found}” is a country the source does not name` });
    // No-break and narrow spaces are spaces (`EE.\u00a0UU.`).
    const spaced = pair.target.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ');
    for (const { entry, form, span } of inSource) {
      if (judged.has(entry) || !hasTerms(entry, targetLang)) continue;
      judged.add(entry);
      if (target.contains(spaced, entry)) {
        const changed = changedFirstName(spaced, entry, targetLang);
        if (changed) results.push({ severity: 'error', message: `“${changed.found}” has another first name than “${changed.expected}” (termbase)` });
        continue;
      }
      if (inflectedTerm(spaced, entry.terms.get(baseLanguage(targetLang)) ?? [], targetLang)) continue;
      if (derivedFromPlace(spaced, entry, targetLang)) continue;
      if (keptInLongerName(pair.source, span, spaced)) continue;
      const expected = (entry.keep ? (entry.terms.get(baseLanguage(pair.sourceRules.textLang)) ?? []) : entry.terms.get(baseLanguage(targetLang))!)
        .filter((term) => !term.variant)
        .map((term) => `“${term.text}”`);
      const leftAsIs = pair.target.includes(form) ? ', not the source form' : '';
      results.push({ severity: 'error', message: `“${form}” should appear as ${expected.join(' or ')}${leftAsIs}` });
    }
    return results;
  },
});
