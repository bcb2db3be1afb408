import { blockIdFor, createSegmentIdSource } from '../core/ids.js';
import type { Lang } from '../core/lang.js';
import type { Block, Doc, DocId, Gap, Segment } from '../core/types.js';
import { classifyBlock, leadingSpace, nextBlockSeparator, trailingSpace } from './blocks.js';
import { compileRules, findBreaks } from './engine.js';
import { guardedBreaks } from './guard.js';
import { rulesFor } from './rules/index.js';
import type { LanguageRules } from './rules/types.js';

export interface SegmentOptions {
  /** Document id, used for ids and messages. */
  readonly docId: DocId;
  /** Language of the text; picks the built-in rules when `rules` is not given. */
  readonly lang: Lang;
  /** Rules to use instead of the built-in ones for `lang` (from an SRX file). */
  readonly rules?: LanguageRules;
}

/**
 * Splits a document into blocks and sentences. Pure: joining the parts of the
 * result gives back `text` exactly.
 */
export function segmentText(text: string, options: SegmentOptions): Doc {
  const segmenter = createSegmenter(options);
  return { id: options.docId, lang: options.lang, body: [...segmenter.push(text), ...segmenter.end()] };
}

/**
 * Segments text that arrives in pieces (a stream), block by block: only the
 * unfinished last block is held, so memory stays flat however long the input.
 * Offsets and ids are the same as `segmentText` gives for the whole text.
 */
export async function* segmentStream(chunks: AsyncIterable<string>, options: SegmentOptions): AsyncGenerator<Block | Gap> {
  const segmenter = createSegmenter(options);
  for await (const chunk of chunks) yield* segmenter.push(chunk);
  yield* segmenter.end();
}

/** Our rules run as they are; a user's SRX rules run under a time budget per block. */
function breakFinder(rules: LanguageRules, docId: DocId): (text: string, block: string) => number[] {
  if (rules.file === undefined) {
    const compiled = compileRules(rules);
    return (text) => findBreaks(text, compiled);
  }
  const guarded = guardedBreaks({ ...rules, file: rules.file });
  return (text, block) => guarded(text, `block ${block} of ${docId}`);
}

interface Segmenter {
  /** Adds text; returns the blocks (and gaps before them) that are now complete. */
  push(text: string): (Block | Gap)[];
  /** Ends the input; returns the rest. */
  end(): (Block | Gap)[];
}

function createSegmenter(options: SegmentOptions): Segmenter {
  const rules = options.rules ?? rulesFor(options.lang);
  const breaksOf = breakFinder(rules, options.docId);
  const nextId = createSegmentIdSource();
  let pending = '';
  /** Offset of `pending` in the whole text. */
  let offset = 0;
  let blockIndex = 0;

  const block = (text: string, start: number): Block => {
    const index = blockIndex++;
    const id = blockIdFor(index);
    return { kind: 'block', id, type: classifyBlock(text, index), parts: splitSentences(text, start, breaksOf(text, id), nextId) };
  };

  /** Emits everything up to the last blank line whose whitespace is known to be complete. */
  function drain(final: boolean): (Block | Gap)[] {
    const out: (Block | Gap)[] = [];
    let cursor = 0;
    if (offset === 0 && blockIndex === 0) {
      const lead = leadingSpace(pending);
      if (lead === pending.length && !final) return out;
      if (lead > 0) out.push(gap(pending.slice(0, lead)));
      cursor = lead;
    }
    for (let separator = nextBlockSeparator(pending, cursor); separator; separator = nextBlockSeparator(pending, cursor)) {
      const [start, end] = separator;
      // More whitespace may follow in the next chunk: wait for it.
      if (end === pending.length && !final) break;
      if (start > cursor) out.push(block(pending.slice(cursor, start), offset + cursor));
      out.push(gap(pending.slice(start, end)));
      cursor = end;
    }
    if (final && cursor < pending.length) {
      const rest = pending.slice(cursor);
      const trail = trailingSpace(rest);
      if (trail < rest.length) out.push(block(rest.slice(0, rest.length - trail), offset + cursor));
      if (trail > 0) out.push(gap(rest.slice(rest.length - trail)));
      cursor = pending.length;
    }
    pending = pending.slice(cursor);
    offset += cursor;
    return mergeGaps(out);
  }

  return {
    push(text) {
      pending += text;
      return drain(false);
    },
    end: () => drain(true),
  };
}

function splitSentences(
  text: string,
  offset: number,
  breaks: readonly number[],
  nextId: (text: string) => Segment['id'],
): (Segment | Gap)[] {
  const parts: (Segment | Gap)[] = [];
  let from = 0;
  for (const to of [...breaks, text.length]) {
    const lead = leadingSpace(text, from);
    if (from + lead >= to) {
      if (to > from) pushGap(parts, text.slice(from, to));
    } else {
      const trail = trailingSpace(text.slice(from + lead, to));
      if (lead > 0) pushGap(parts, text.slice(from, from + lead));
      const body = text.slice(from + lead, to - trail);
      parts.push({ kind: 'segment', id: nextId(body), text: body, start: offset + from + lead });
      if (trail > 0) pushGap(parts, text.slice(to - trail, to));
    }
    from = to;
  }
  return parts;
}

function gap(text: string): Gap {
  return { kind: 'gap', text };
}

/** Whitespace between two sentences comes from two places (end of one, start of the next): keep it one gap. */
function pushGap(parts: (Segment | Gap)[], text: string): void {
  const last = parts.at(-1);
  if (last?.kind === 'gap') parts[parts.length - 1] = gap(last.text + text);
  else parts.push(gap(text));
}

function mergeGaps(items: (Block | Gap)[]): (Block | Gap)[] {
  const out: (Block | Gap)[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (item.kind === 'gap' && last?.kind === 'gap') out[out.length - 1] = gap(last.text + item.text);
    else out.push(item);
  }
  return out;
}
