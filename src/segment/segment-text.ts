import { blockIdFor, createSegmentIdSource } from '../core/ids.js';
import type { Lang } from '../core/lang.js';
import type { Block, Doc, DocId, Gap, Segment } from '../core/types.js';
import { splitBlocks, classifyBlock } from './blocks.js';
import { compileRules, findBreaks } from './engine.js';
import { rulesFor } from './rules/index.js';
import type { LanguageRules } from './rules/types.js';

export interface SegmentOptions {
  /** Document id, used for ids and messages. */
  readonly docId: DocId;
  /** Language of the text; picks the built-in rules when `rules` is not given. */
  readonly lang: Lang;
  /** Rules to use instead of the built-in ones for `lang`. */
  readonly rules?: LanguageRules;
}

/**
 * Splits a document into blocks and sentences. Pure: joining the parts of the
 * result gives back `text` exactly.
 */
export function segmentText(text: string, options: SegmentOptions): Doc {
  const rules = compileRules(options.rules ?? rulesFor(options.lang));
  const nextId = createSegmentIdSource();
  const body: (Block | Gap)[] = [];
  let cursor = 0;
  splitBlocks(text).forEach((raw, index) => {
    if (raw.start > cursor) body.push(gap(text.slice(cursor, raw.start)));
    body.push({
      kind: 'block',
      id: blockIdFor(index),
      type: classifyBlock(raw.text, index),
      parts: splitSentences(raw.text, raw.start, findBreaks(raw.text, rules), nextId),
    });
    cursor = raw.start + raw.text.length;
  });
  if (cursor < text.length) body.push(gap(text.slice(cursor)));
  return { id: options.docId, lang: options.lang, body };
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
    const piece = text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim();
    if (lead > 0) parts.push(gap(piece.slice(0, lead)));
    if (body.length > 0) {
      parts.push({ kind: 'segment', id: nextId(body), text: body, start: offset + from + lead });
      const trail = piece.length - lead - body.length;
      if (trail > 0) parts.push(gap(piece.slice(piece.length - trail)));
    }
    from = to;
  }
  return mergeAdjacentGaps(parts);
}

function gap(text: string): Gap {
  return { kind: 'gap', text };
}

function mergeAdjacentGaps(parts: (Segment | Gap)[]): (Segment | Gap)[] {
  const merged: (Segment | Gap)[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (part.kind === 'gap' && last?.kind === 'gap') merged[merged.length - 1] = gap(last.text + part.text);
    else merged.push(part);
  }
  return merged;
}
