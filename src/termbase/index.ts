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
}

export interface Termbase {
  readonly entries: readonly TermEntry[];
}

/**
 * Parses TBX through the strict XML gate (no DTD, no entities, XML 1.0
 * characters only; the problem's line and column in every error).
 */
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
    return { id, type: subject ? textContent(subject).trim() : '', terms };
  });
  return { entries };
}

/** Scripts written without spaces: a name is found inside longer words there. */
const NO_WORD_BOUNDARIES = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termPattern(text: string): string {
  const body = escapeRegExp(text);
  return NO_WORD_BOUNDARIES.test(text) ? body : `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
}

/** Finds terms of one language in text: the longest form wins where forms overlap. */
export interface TermMatcher {
  /** Entries named in `text`, with the form found and where, in order of appearance. */
  find(text: string): { entry: TermEntry; form: string; span: { start: number; end: number } }[];
  /** Whether `text` contains one of `entry`'s forms. */
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
  const entryOf = new Map(forms.map((form) => [form.text, form.entry]));
  const all = forms.length > 0 ? new RegExp(forms.map((form) => termPattern(form.text)).join('|'), 'gu') : undefined;
  const perEntry = new Map(
    termbase.entries.map((entry) => {
      const own = (entry.terms.get(base) ?? []).map((term) => term.text).sort((a, b) => b.length - a.length);
      return [entry, own.length > 0 ? new RegExp(own.map(termPattern).join('|'), 'u') : undefined] as const;
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

/** Whether the termbase knows how `entry` is written in `lang`. */
export function hasTerms(entry: TermEntry, lang: Lang): boolean {
  return (entry.terms.get(baseLanguage(lang))?.length ?? 0) > 0;
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
    const targets = (entry.terms.get(baseLanguage(targetLang)) ?? []).filter((term) => !term.variant);
    if (targets.length === 0) continue;
    sources.forEach((source, index) => {
      const same = targets.find((target) => target.text === source.text);
      entries[source.text] = (same ?? targets[Math.min(index, targets.length - 1)]!).text;
    });
  }
  return entries;
}
