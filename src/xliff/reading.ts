/**
 * The reading of a source or target read from XLIFF (any producer's), the
 * same as `src/core/reading.ts` gives for the text a run holds: a code that
 * marks where formatting starts or ends (1.2 `<g>`, `<bpt>`, `<ept>`, `<bx>`,
 * `<ex>`, `<it>`; 2.x `<pc>`, `<sc>`, `<ec>`, annotation markers) leaves the
 * words as they run; a code that stands for something (1.2 `<x>`, `<ph>`;
 * 2.x `<ph>`, `<cp>`, an empty `<g/>`) reads as U+FFFC. Our writers put a
 * source's paired codes as `<bpt>`/`<ept>` (2.x `<sc>`/`<ec>`) and its
 * standalone ones as `<ph>`, so a target written and read back reads as it did.
 */
import { CODE_MARK } from '../core/reading.js';
import { unescapeText } from './escape.js';
import type { XliffText } from './model.js';

/** Codes that begin or end a span of formatting, written without the text they wrap. */
const SPAN_ENDS = new Set(['bpt', 'ept', 'bx', 'ex', 'it', 'sc', 'ec', 'sm', 'em']);

const TOKEN = /<x i="(\d+)"\/>|<\/?g(?: i="\d+")?>|[^<]+/g;

export function xliffReading(content: XliffText): string {
  if (content.codes.length === 0) return content.text;
  let out = '';
  for (const [token, native] of content.markup.matchAll(TOKEN)) {
    if (native !== undefined) out += SPAN_ENDS.has(content.codes[Number(native) - 1]?.kind ?? '') ? '' : CODE_MARK;
    else if (!token.startsWith('<')) out += unescapeText(token);
  }
  return out;
}
