/**
 * Spans of a text that are code, not language (`{{count}}`, `$t(key)`, `<1>`),
 * sent to an engine as XML placeholders so it leaves them alone (DeepL
 * `tag_handling=xml`), and put back in place from its answer.
 */
import { escapeText } from '../xliff/escape.js';

const PLACEHOLDER = /<x i="(\d+)"\s*\/>/g;
const ENTITY = /&(?:lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

export interface Protected {
  /** The text as XML, each code a numbered `<x i="n"/>`. */
  readonly markup: string;
  /** The engine's answer with the codes back in place; a placeholder it dropped stays dropped, for QA to report. */
  restore(markup: string): string;
}

export function protectSpans(text: string, pattern: RegExp): Protected {
  const spans: string[] = [];
  let markup = '';
  let cursor = 0;
  for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
    if (match[0].length === 0) continue;
    markup += escapeText(text.slice(cursor, match.index));
    spans.push(match[0]);
    markup += `<x i="${spans.length}"/>`;
    cursor = match.index + match[0].length;
  }
  markup += escapeText(text.slice(cursor));
  return {
    markup,
    restore(answer) {
      let out = '';
      let last = 0;
      for (const match of answer.matchAll(PLACEHOLDER)) {
        out += unescape(answer.slice(last, match.index)) + (spans[Number(match[1]) - 1] ?? '');
        last = match.index + match[0].length;
      }
      return out + unescape(answer.slice(last));
    },
  };
}

function unescape(text: string): string {
  return text.replace(ENTITY, (entity, decimal?: string, hex?: string) =>
    decimal ? String.fromCodePoint(Number(decimal)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[entity]!,
  );
}
