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

const ADDRESS = /\bhttps?:\/\/[^\s<>"“”«»„]+|\bwww\.[^\s<>"“”«»„]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function addresses(text: string): string[] {
  return (text.match(ADDRESS) ?? []).map((address) => address.replace(/[.,;:!?)\]’'»”]+$/u, ''));
}
