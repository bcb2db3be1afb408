/**
 * Sentences of a block of a structured document (Markdown, HTML) whose markup
 * is code spans: the block is split by the language's rules with its codes
 * masked, and joined again where a split would cut a code or part a pair.
 */
import type { CodeSpan, Gap, Segment } from '../core/types.js';
import { segmentText } from '../segment/index.js';
import type { ParseOptions } from './types.js';

/** Stands for a code while a block is split into sentences: not a space, a letter or a punctuation mark. */
const MASK = '\uE000';

/** A code in the document; `pair` is the index of a close's open; `space`: it parts sentences as a line break does (`\n> `). */
export type Span = { kind: CodeSpan['kind']; start: number; end: number; pair?: number; space?: true };

/**
 * The sentences of the block `text[start, end)`, split by the language's
 * rules with its codes masked, and joined again where a split would cut a
 * code or part a pair.
 */
export function sentences(text: string, start: number, end: number, spans: readonly Span[], options: ParseOptions): (Segment | Gap)[] {
  // A soft line break is a space to the rules (a paragraph's lines are one text); a code is neither space nor letter.
  const masked = text.slice(start, end).replace(/\n/g, ' ').split('');
  for (const span of spans) for (let i = span.start; i < span.end; i++) masked[i - start] = span.space ? ' ' : MASK;
  const split = segmentText(masked.join(''), { docId: options.docId, lang: options.lang, rules: options.rules });
  let ranges = split.body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part) => part.kind === 'segment') : [])).map((s) => [start + s.start, start + s.start + s.text.length] as [number, number]);
  // A sentence holds every code it touches whole, and both codes of a pair: otherwise it is joined with the next.
  const cuts = (from: number, to: number) =>
    spans.some((span) => (!span.space && span.start < to && span.end > from) || (span.kind === 'close' && spans[span.pair!]!.start < from && span.start >= to));
  const joined: [number, number][] = [];
  for (const range of ranges) {
    const last = joined.at(-1);
    if (last && cuts(last[1], range[0])) last[1] = range[1];
    else joined.push([...range]);
  }
  ranges = joined;
  const parts: (Segment | Gap)[] = [];
  let cursor = start;
  for (const [from, to] of ranges) {
    if (from > cursor) parts.push({ kind: 'gap', text: text.slice(cursor, from) });
    const codes = renumber(spans.filter((span) => span.start >= from && span.end <= to), spans, from);
    const sentence = text.slice(from, to);
    // Codes and nothing else to translate (an image, a link around one) stay as they are.
    let words = sentence;
    for (const code of [...codes].reverse()) words = words.slice(0, code.start) + words.slice(code.end);
    if (words.trim()) parts.push({ kind: 'segment', id: '' as Segment['id'], text: sentence, start: from, ...(codes.length > 0 ? { codes } : {}) });
    else parts.push({ kind: 'gap', text: sentence });
    cursor = to;
  }
  if (end > cursor) parts.push({ kind: 'gap', text: text.slice(cursor, end) });
  return parts;
}

/** A sentence's codes relative to it, numbered from 1, a pair sharing its number. */
function renumber(inside: readonly Span[], all: readonly Span[], from: number): CodeSpan[] {
  const ids = new Map<Span, string>();
  let next = 0;
  return inside.map((span) => {
    const id = span.kind === 'close' ? ids.get(all[span.pair!]!)! : String(++next);
    ids.set(span, id);
    return { id, kind: span.kind, start: span.start - from, end: span.end - from };
  });
}
