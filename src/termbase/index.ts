/**
 * The termbase of names (people, places, organisations) with the form each
 * locale uses, read from TBX (ISO 30042; TBX-Basic `martif`), the format CAT
 * tools import. Used by QA (a name must appear in its target form) and by the
 * DeepL engine (a glossary per language pair).
 *
 * Takes: TBX text. Sends: Termbase (plain data) and lookups over it.
 */
import { InputError, quoted } from '../core/errors.js';
import { attribute, childrenNamed, firstChild, parseXml, textContent, XML_NAMESPACE } from '../xml/parse.js';
import { baseLanguage, parseLang, type Lang } from '../core/lang.js';
import { phraseFinder } from '../core/phrases.js';

export interface Term {
  readonly text: string;
  /** An inflected or other non-preferred form: found in text, never sent as a glossary entry. */
  readonly variant: boolean;
}

export interface TermEntry {
  readonly id: string;
  /** `person`, `place`, `organisation` (TBX subjectField). */
  readonly type: string;
  /** Terms per base language (`de`, `en`), preferred first. */
  readonly terms: ReadonlyMap<string, readonly Term[]>;
  /** Do not translate: every language keeps the source form (ITS 2.0 `its:translate="no"`). */
  readonly keep: boolean;
}

export interface Termbase {
  readonly entries: readonly TermEntry[];
}

/**
 * Parses TBX through the strict XML gate (no DTD, no entities, XML 1.0
 * characters only; the problem's line and column in every error).
 */
/** ITS 2.0 (https://www.w3.org/TR/its20/#trans-datacat): `its:translate="no"` marks what stays as it is. */
const ITS_NAMESPACE = 'http://www.w3.org/2005/11/its';

export function parseTermbase(xml: string, file: string): Termbase {
  const { root } = parseXml(xml, file);
  if (root.local !== 'martif' && root.local !== 'tbx') throw new InputError(`no <martif> (TBX) root element (the root is <${root.name}>)`, { file });
  const ns = root.ns;
  const text = firstChild(root, 'text', ns);
  const body = text && firstChild(text, 'body', ns);
  const entries = (body ? childrenNamed(body, 'termEntry', ns) : []).map((entry, index): TermEntry => {
    const id = attribute(entry, 'id') ?? `entry-${index + 1}`;
    const terms = new Map<string, Term[]>();
    for (const langSet of childrenNamed(entry, 'langSet', ns)) {
      const tag = attribute(langSet, 'lang', XML_NAMESPACE) ?? '';
      const lang = parseLang(tag);
      if (!lang) throw new InputError(`termEntry ${quoted(id)}: xml:lang=${quoted(tag)} is not a known language tag`, { file });
      const base = baseLanguage(lang);
      const list = terms.get(base) ?? [];
      for (const tig of childrenNamed(langSet, 'tig', ns)) {
        const termElement = firstChild(tig, 'term', ns);
        const term = termElement ? textContent(termElement).trim() : '';
        if (!term) continue;
        const variant = childrenNamed(tig, 'termNote', ns).some((note) => attribute(note, 'type') === 'termType' && textContent(note).trim() === 'variant');
        list.push({ text: term, variant });
      }
      terms.set(base, list);
    }
    const subject = childrenNamed(entry, 'descrip', ns).find((descrip) => attribute(descrip, 'type') === 'subjectField');
    const keep = attribute(entry, 'translate', ITS_NAMESPACE) === 'no';
    return { id, type: subject ? textContent(subject).trim() : '', terms, keep };
  });
  return { entries };
}

/** Scripts written without spaces: a name is found inside longer words there. */
const NO_WORD_BOUNDARIES = /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Thai}]/u;

/** The Unicode script of a letter, as a regex property name; digits and signs have none. */
function scriptOf(char: string): string | undefined {
  for (const script of ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Hangul', 'Armenian', 'Georgian']) {
    if (new RegExp(`\\p{Script=${script}}`, 'u').test(char)) return script;
  }
  return undefined;
}

/** How a term may be written: itself; an acronym also with full stops (`UN`, `U.N.`, AP style); a name also in capitals (`BERLIN` in a dateline). */
function spellings(text: string): string[] {
  const letters = text.replace(/\./g, '');
  if (/^\p{Lu}{2,5}$/u.test(letters) && /^(?:\p{Lu}\.?)+$/u.test(text)) return [letters, [...letters].map((letter) => `${letter}.`).join('')];
  return /\p{Ll}/u.test(text) ? [text, text.toLocaleUpperCase()] : [text];
}

const continuesWord = new Map<string, RegExp>();

/**
 * Whether a term found at [start, end) stands as a token of its own, in any
 * script: no letter of its own script or digit on either side (`EU` is found
 * in Japanese `EUは`, not in `EUR`). In a source, a term joined to a word by a
 * hyphen is part of a German compound (`US-Dollar`, `Assad-Regimes`), which a
 * translation may render without it, so it is not found there (`compounds`:
 * false); a translation may have one (`Assad-led`).
 */
function tokenFits(term: string, compounds: boolean): (text: string, start: number, end: number) => boolean {
  const chars = [...term];
  const edge = (char: string) => {
    if (NO_WORD_BOUNDARIES.test(char)) return undefined;
    const script = scriptOf(char) ?? 'L';
    let pattern = continuesWord.get(script);
    if (!pattern) continuesWord.set(script, (pattern = new RegExp(script === 'L' ? '[\\p{L}\\p{N}]' : `[\\p{Script=${script}}\\p{N}]`, 'u')));
    return pattern;
  };
  const first = edge(chars[0]!);
  const last = edge(chars.at(-1)!);
  return (text, start, end) => {
    if (first) {
      const before = String.fromCodePoint(text.codePointAt(start - 1) ?? 32);
      if (first.test(before) || (!compounds && before === '-' && first.test(text[start - 2] ?? ' '))) return false;
    }
    if (last) {
      const after = String.fromCodePoint(text.codePointAt(end) ?? 32);
      if (last.test(after) || (!compounds && after === '-' && last.test(text[end + 1] ?? ' '))) return false;
    }
    return true;
  };
}

/** Finds terms of one language in text: the longest form wins where forms overlap. */
export interface TermMatcher {
  /** Entries named in `text` as tokens of their own, with the form found and where, in order of appearance. */
  find(text: string): { entry: TermEntry; form: string; span: { start: number; end: number } }[];
  /** Whether `text` contains one of `entry`'s forms, compounds (`Assad-led`) included. */
  contains(text: string, entry: TermEntry): boolean;
}

const matchers = new WeakMap<Termbase, Map<string, TermMatcher>>();

export function termMatcher(termbase: Termbase, lang: Lang): TermMatcher {
  const base = baseLanguage(lang);
  let byLang = matchers.get(termbase);
  if (!byLang) matchers.set(termbase, (byLang = new Map()));
  const cached = byLang.get(base);
  if (cached) return cached;
  const forms = termbase.entries.flatMap((entry) => (entry.terms.get(base) ?? []).map((term) => ({ text: term.text, entry })));
  forms.sort((a, b) => b.text.length - a.text.length);
  // Each way a form may be written (`UN`, `U.N.`; `Berlin`, `BERLIN`) leads back to its entry.
  const find = phraseFinder(forms.flatMap((form) => spellings(form.text).map((written) => ({ text: written, value: form.entry, fits: tokenFits(written, false) }))));
  const perEntry = new Map(
    termbase.entries.map((entry) => [entry, requiredForms(entry, lang).flatMap(spellings).map((text) => ({ text, fits: tokenFits(text, true) }))] as const),
  );
  const matcher: TermMatcher = {
    find: (text) => find(text).map((match) => ({ entry: match.phrase.value, form: match.phrase.text, span: { start: match.start, end: match.end } })),
    contains: (text, entry) =>
      (perEntry.get(entry) ?? []).some(({ text: form, fits }) => {
        for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) if (fits(text, at, at + form.length)) return true;
        return false;
      }),
  };
  byLang.set(base, matcher);
  return matcher;
}

/**
 * The forms a translation into `lang` may use: the termbase's own for that
 * language, and for a do-not-translate entry its source forms as well.
 */
function requiredForms(entry: TermEntry, lang: Lang): string[] {
  const own = (entry.terms.get(baseLanguage(lang)) ?? []).map((term) => term.text);
  if (!entry.keep) return own;
  return [...new Set([...own, ...[...entry.terms.values()].flat().map((term) => term.text)])];
}

/** Whether the termbase knows how `entry` is written in `lang`. */
export function hasTerms(entry: TermEntry, lang: Lang): boolean {
  return entry.keep || (entry.terms.get(baseLanguage(lang))?.length ?? 0) > 0;
}

/**
 * Source → target pairs for a DeepL glossary: every preferred (non-variant)
 * source term, to the same form where the target language uses it unchanged
 * ("IS" → "IS"), else to the target term in the same position ("Sergej
 * Schoigu" → "Sergei Shoigu", "Schoigu" → "Shoigu"), else the preferred one.
 */
export function glossaryEntries(termbase: Termbase, sourceLang: Lang, targetLang: Lang): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of termbase.entries) {
    const sources = (entry.terms.get(baseLanguage(sourceLang)) ?? []).filter((term) => !term.variant);
    const targets = entry.keep ? sources : (entry.terms.get(baseLanguage(targetLang)) ?? []).filter((term) => !term.variant);
    if (targets.length === 0) continue;
    sources.forEach((source, index) => {
      const same = targets.find((target) => target.text === source.text);
      entries[source.text] = (same ?? targets[Math.min(index, targets.length - 1)]!).text;
    });
  }
  return entries;
}
