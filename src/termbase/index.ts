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
  const { root } = parseXml(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml, file);
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
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Unicode script of a letter, as a regex property name; digits and signs have none. */
function scriptOf(char: string): string | undefined {
  for (const script of ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Hangul', 'Armenian', 'Georgian']) {
    if (new RegExp(`\\p{Script=${script}}`, 'u').test(char)) return script;
  }
  return undefined;
}

/**
 * A term as a pattern that finds it as a token in any script. A term ends
 * where a letter of its own script or a digit does not follow: `EU` is found
 * in Japanese `EUは`, not in `EUR`. In the source (`compound`: false) a term
 * joined to a word by a hyphen is part of a German compound (`US-Dollar`,
 * `Assad-Regimes`), which a translation may render without it, so it is not
 * found there. An acronym is also found with full stops (`UN` = `U.N.`, AP
 * style), and a name in capitals (`BERLIN` in a dateline).
 */
function termPattern(text: string, compound: boolean): string {
  const alternatives = `(?:${spellings(text).map(escapeRegExp).join('|')})`;
  const edge = (char: string, side: 'before' | 'after') => {
    if (NO_WORD_BOUNDARIES.test(char)) return '';
    const script = scriptOf(char);
    const letter = script ? `\\p{Script=${script}}` : '\\p{L}';
    const joined = compound ? '' : side === 'before' ? `|${letter}-` : `|-${letter}`;
    return side === 'before' ? `(?<![${letter}\\p{N}]${joined})` : `(?![${letter}\\p{N}]${joined})`;
  };
  const chars = [...text];
  return `${edge(chars[0]!, 'before')}${alternatives}${edge(chars.at(-1)!, 'after')}`;
}

/** How a term may be written: itself; an acronym also with full stops (`UN`, `U.N.`); a name also in capitals. */
function spellings(text: string): string[] {
  const letters = text.replace(/\./g, '');
  if (/^\p{Lu}{2,5}$/u.test(letters) && /^(?:\p{Lu}\.?)+$/u.test(text)) return [letters, [...letters].map((letter) => `${letter}.`).join('')];
  return /\p{Ll}/u.test(text) ? [text, text.toLocaleUpperCase()] : [text];
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
  // Each way a form may be written (`UN`, `U.N.`; `Berlin`, `BERLIN`) leads back to its entry; the longest form was listed first.
  const entryOf = new Map<string, TermEntry>();
  for (const form of forms) for (const written of spellings(form.text)) if (!entryOf.has(written)) entryOf.set(written, form.entry);
  const all = forms.length > 0 ? new RegExp(forms.map((form) => termPattern(form.text, false)).join('|'), 'gu') : undefined;
  const perEntry = new Map(
    termbase.entries.map((entry) => {
      const own = requiredForms(entry, lang).sort((a, b) => b.length - a.length);
      return [entry, own.length > 0 ? new RegExp(own.map((form) => termPattern(form, true)).join('|'), 'u') : undefined] as const;
    }),
  );
  const matcher: TermMatcher = {
    find: (text) =>
      all
        ? [...text.matchAll(all)].map((match) => ({
            entry: entryOf.get(match[0])!,
            form: match[0],
            span: { start: match.index, end: match.index + match[0].length },
          }))
        : [],
    contains: (text, entry) => perEntry.get(entry)?.test(text) ?? false,
  };
  byLang.set(base, matcher);
  return matcher;
}

/**
 * The forms a translation into `lang` may use: the termbase's own for that
 * language, and for a do-not-translate entry its source forms as well.
 */
export function requiredForms(entry: TermEntry, lang: Lang): string[] {
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
