/**
 * A sentence's inline codes (`{{count}}`, `<1>`) sent to an engine as XML
 * placeholders, so it leaves them alone (DeepL `tag_handling=xml`), and put
 * back from its answer.
 */
import { writeCodes } from '../core/codes.js';
import type { CodeSpan } from '../core/types.js';
import { escapeText, unescapeText } from '../xliff/escape.js';

const PLACEHOLDER = /<x i="(\d+)"\s*\/>/g;

export interface Protected {
  /** The text as XML, each code a numbered `<x i="n"/>`. */
  readonly markup: string;
  /** The engine's answer with the codes back in place; a placeholder it dropped stays dropped, for QA to report. */
  restore(markup: string): string;
}

export function protectCodes(text: string, codes: readonly CodeSpan[]): Protected {
  const placeholder = (_code: CodeSpan, _data: string, index: number) => `<x i="${index + 1}"/>`;
  const markup = writeCodes(text, codes, { escape: escapeText, standalone: placeholder, open: placeholder, close: placeholder });
  return {
    markup,
    restore(answer) {
      let out = '';
      let last = 0;
      for (const match of answer.matchAll(PLACEHOLDER)) {
        const code = codes[Number(match[1]) - 1];
        out += unescapeText(answer.slice(last, match.index)) + (code ? text.slice(code.start, code.end) : '');
        last = match.index + match[0].length;
      }
      return out + unescapeText(answer.slice(last));
    },
  };
}

