/**
 * The one reading of a sentence's text (#26): what QA checks and what a
 * reviewer's acceptance is given for, in `run`, `check FILE`, `accept` and the
 * review page alike. Inline codes are markup, not text: their inside (a link's
 * URL and `#anchor`, an HTML attribute, a code span's `192.0.2.172`) is never
 * read. A code that wraps text (a link, an emphasis) leaves its words as they
 * run; a code that stands alone (a line break, an image, a placeholder) stands
 * between the words around it as U+FFFC OBJECT REPLACEMENT CHARACTER, which is
 * no letter, digit or mark, as XLIFF 1.2 §2.4.3 `<x/>` and 2.1 §4.2.3 `<ph/>`
 * stand for something a reader sees and `<bpt>`/`<sc>` only mark where
 * formatting starts. The same text read from our XLIFF (`src/xliff/reading.ts`)
 * reads the same, so an acceptance made on the file holds in the next run.
 */
import { targetHash } from './acceptance.js';
import { codesIn } from './codes.js';
import type { CodeSpan } from './types.js';

/** What a standalone code reads as. */
export const CODE_MARK = '\ufffc';

/** A sentence as the source has it: its text, codes included, and their spans. */
export interface CodedText {
  readonly text: string;
  readonly codes?: readonly CodeSpan[] | undefined;
}

/** `text` with each code (spans in order, not overlapping) read as a placeholder. */
export function readingOf(text: string, codes: readonly Pick<CodeSpan, 'kind' | 'start' | 'end'>[] | undefined): string {
  if (!codes || codes.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const code of codes) {
    out += text.slice(cursor, code.start) + (code.kind === 'standalone' ? CODE_MARK : '');
    cursor = code.end;
  }
  return out + text.slice(cursor);
}

/** A source sentence as QA reads it. */
export function sourceReading(segment: CodedText): string {
  return readingOf(segment.text, segment.codes);
}

/** A translation of `segment` as QA reads it: its codes are where it has the source's. */
export function targetReading(text: string, segment: CodedText): string {
  return segment.codes && segment.codes.length > 0 ? readingOf(text, codesIn(text, segment)) : text;
}

/** The hash an acceptance of a finding on this translation names: of its reading, as QA saw it. */
export function acceptanceHash(text: string, segment: CodedText): string {
  return targetHash(targetReading(text, segment));
}
