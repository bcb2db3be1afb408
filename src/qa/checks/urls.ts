import { defineCheck } from '../check.js';

/**
 * URLs and e-mail addresses differ from the source: they must come through
 * character for character (a translated path or a changed domain breaks them).
 * Punctuation that ends the sentence is not part of the address.
 */
export const urls = defineCheck({
  id: 'urls',
  title: 'URLs or e-mail addresses differ from the source',
  run(pair) {
    const source = addresses(pair.source);
    const target = new Set(addresses(pair.target));
    const missing = source.filter((address) => !target.has(address));
    return missing.length === 0
      ? []
      : [{ severity: 'error', message: `not in the translation as in the source: ${missing.join(' ')}` }];
  },
});

/**
 * The e-mail part starts only where a run of its characters starts: without the
 * lookbehind, a long word with no `@` was scanned again from each of its
 * letters (80,000 letters took 13 s).
 */
const ADDRESS =
  /\bhttps?:\/\/[^\s<>"“”«»„]+|\bwww\.[^\s<>"“”«»„]+|(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const CLOSING = new Set([...'.,;:!?)]’\'»”']);

function addresses(text: string): string[] {
  // Most sentences have no address at all: skip the scan.
  if (!text.includes('@') && !text.includes('http') && !text.includes('www.')) return [];
  return (text.match(ADDRESS) ?? []).map((address) => {
    // Punctuation that ends the sentence, trimmed by a loop: `[.,;…]+$` would restart at every dot.
    let end = address.length;
    while (end > 0 && CLOSING.has(address[end - 1]!)) end--;
    return address.slice(0, end);
  });
}
