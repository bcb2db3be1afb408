/**
 * Putting a proposal's numbers right, as CAT tools do with placeables: when
 * the new sentence has the match's numbers in the same order with some of
 * them changed ("3 Tote" → "5 Tote"), each changed number is replaced in the
 * match's translation, written as that translation wrote the old one. Only
 * where the mapping is unambiguous: the same count of numbers, the old number
 * found exactly once in the translation. Otherwise the proposal is left as it
 * is, and the numbers check reports what differs.
 */
import { numbersIn } from './match.js';

/** The translation with the changed numbers replaced, or undefined where that is not unambiguous. */
export function substituteNumbers(oldSource: string, newSource: string, translation: string, lang: string): string | undefined {
  const before = numbersIn(oldSource).map((span) => oldSource.slice(span.start, span.end));
  const after = numbersIn(newSource).map((span) => newSource.slice(span.start, span.end));
  if (before.length !== after.length) return undefined;
  const changes = before.flatMap((old, index) => (old === after[index] ? [] : [{ old, now: after[index]! }]));
  if (changes.length === 0) return translation;
  const spans = numbersIn(translation);
  const replacements: { start: number; end: number; text: string }[] = [];
  for (const { old, now } of changes) {
    // The old number must be one of a kind in the source and in the translation.
    if (before.filter((number) => digits(number) === digits(old)).length !== 1) return undefined;
    const found = spans.filter((span) => digits(translation.slice(span.start, span.end)) === digits(old));
    if (found.length !== 1) return undefined;
    const written = translation.slice(found[0]!.start, found[0]!.end);
    const text = rewrite(old, now, written, lang);
    if (text === undefined) return undefined;
    replacements.push({ ...found[0]!, text });
  }
  let out = translation;
  for (const { start, end, text } of replacements.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

function digits(number: string): string {
  return number.replace(/\D/g, '');
}

/**
 * `now` written the way `written` (the translation's form of `old`) is: with
 * the translation's separators where both numbers have the same shape, else
 * as a whole number in the locale's grouping.
 */
function rewrite(old: string, now: string, written: string, lang: string): string | undefined {
  if (shape(old) === shape(now)) {
    const newDigits = digits(now);
    let at = 0;
    return written.replace(/\d/g, () => newDigits[at++]!);
  }
  // A whole number (no decimal part in either): grouped as the locale groups, if the translation grouped.
  if (/^\d{1,3}(?:[.,\u00A0\u202F' ]\d{3})*$/.test(now) && /^\d{1,3}(?:[.,\u00A0\u202F' ]\d{3})*$/.test(written)) {
    const grouped = /\D/.test(written) || digits(now).length > 4;
    return new Intl.NumberFormat(lang, { useGrouping: grouped, maximumFractionDigits: 0 }).format(Number(digits(now)));
  }
  return undefined;
}

/** Where the separators are: `1.234,5` → `d.ddd,d`. */
function shape(number: string): string {
  return number.replace(/\d/g, 'd');
}
