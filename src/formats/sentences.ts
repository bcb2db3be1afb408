/**
 * Sentences of a block of a structured document (Markdown, HTML) whose markup
 * is code spans: the block is split by the language's rules with its codes
 * masked, and joined again where a split would cut a code or part a pair.
 */
import type { CodeSpan, Gap, Segment } from '../core/types.js';
import { segmentText } from '../segment/index.js';
import { firstEndingAfter } from './spans.js';
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
  for (const span of spans) {
    // A code right before a number (`<br>2. Punkt`, `<hr/>2.`) is a space to the rules: a masked character
    // there made `2.` a sentence of its own (#26). The code still holds the sentences around it together.
    const fill = span.space || (span.kind === 'standalone' && /\d/.test(text[span.end] ?? '')) ? ' ' : MASK;
    for (let i = span.start; i < span.end; i++) masked[i - start] = fill;
  }
  const split = segmentText(masked.join(''), { docId: options.docId, lang: options.lang, rules: options.rules });
  let ranges = split.body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part) => part.kind === 'segment') : [])).map((s) => [start + s.start, start + s.start + s.text.length] as [number, number]);
  // A sentence holds every code it touches whole, and both codes of a pair: otherwise it is joined with the next.
  const cuts = boundaryCutter(spans);
  const joined: [number, number][] = [];
  for (const range of ranges) {
    const last = joined.at(-1);
    if (last && cuts(last[1], range[0])) last[1] = range[1];
    else joined.push([...range]);
  }
  ranges = joined;
  const parts: (Segment | Gap)[] = [];
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  let cursor = start;
  for (const [from, to] of ranges) {
    if (from > cursor) parts.push({ kind: 'gap', text: text.slice(cursor, from) });
    const codes = renumber(within(byStart, from, to), spans, from);
    const sentence = text.slice(from, to);
    // Codes and nothing else to translate (an image, a link around one) stay as they are.
    let words = sentence;
    for (const code of [...codes].reverse()) words = words.slice(0, code.start) + words.slice(code.end);
    // Only punctuation (`—`, a `:::` fence of a container) is not a sentence to translate either (#26).
    if (/[\p{L}\p{N}]/u.test(words)) parts.push({ kind: 'segment', id: '' as Segment['id'], text: sentence, start: from, ...(codes.length > 0 ? { codes } : {}) });
    else parts.push({ kind: 'gap', text: sentence });
    cursor = to;
  }
  if (end > cursor) parts.push({ kind: 'gap', text: text.slice(cursor, end) });
  return parts;
}

/**
 * Whether a boundary between sentences at [from, to) would cut a code (one
 * that is not a line break overlaps it) or part a pair (its open before, its
 * close after). Binary searches over the codes by start, and the furthest
 * close of the pairs opened so far: a block of thousands of codes is split in
 * n log n, where trying every code at every boundary was quadratic.
 */
function boundaryCutter(spans: readonly Span[]): (from: number, to: number) => boolean {
  const solid = spans.filter((span) => !span.space).sort((a, b) => a.start - b.start);
  const opens: { start: number; close: number }[] = [];
  for (const span of spans) if (span.kind === 'close') opens.push({ start: spans[span.pair!]!.start, close: span.start });
  opens.sort((a, b) => a.start - b.start);
  const furthest: number[] = [];
  for (const open of opens) furthest.push(Math.max(furthest.at(-1) ?? -Infinity, open.close));
  return (from, to) => {
    const first = firstEndingAfter(solid, from);
    if (first < solid.length && solid[first]!.start < to) return true;
    const opened = countStartingBefore(opens, from);
    return opened > 0 && furthest[opened - 1]! >= to;
  };
}

/** The codes of `byStart` (sorted, disjoint) wholly inside [from, to). */
function within(byStart: readonly Span[], from: number, to: number): Span[] {
  const found: Span[] = [];
  for (let i = countStartingBefore(byStart, from); i < byStart.length && byStart[i]!.start < to; i++) if (byStart[i]!.end <= to) found.push(byStart[i]!);
  return found;
}

/** How many of the sorted `items` start before `at`. */
function countStartingBefore(items: readonly { start: number }[], at: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.start < at) low = mid + 1;
    else high = mid;
  }
  return low;
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
