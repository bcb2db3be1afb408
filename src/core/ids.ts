/**
 * How stable ids are made.
 *
 * A segment id is a hash of the sentence text (NFC), so re-segmenting an
 * unchanged document gives the same ids, and editing one sentence changes only
 * that sentence's id: translation memory and reviewed units survive edits and
 * reordering. A sentence that occurs again in the same document gets `-2`, `-3`, …
 * in order of appearance. Ids use only `[a-z0-9-]`, which XLIFF 1.2 and 2.x ids,
 * i18next keys and file names all accept.
 *
 * Block ids are positional (`p1`, `p2`, …): a block is a place in the layout.
 */
import { hash } from 'node:crypto';
import type { BlockId, SegmentId } from './types.js';

const HASH_CHARS = 10;

function digestOf(text: string): string {
  return hash('sha256', text.normalize('NFC'), 'hex').slice(0, HASH_CHARS);
}

function withOccurrence(digest: string, occurrence: number): SegmentId {
  return (occurrence > 1 ? `s-${digest}-${occurrence}` : `s-${digest}`) as SegmentId;
}

export function blockIdFor(index: number): BlockId {
  return `p${index + 1}` as BlockId;
}

/**
 * Hands out segment ids for one document, numbering repeated sentences. Counted
 * by digest, so two different sentences whose digests collide still get two ids.
 */
export function createSegmentIdSource(): (text: string) => SegmentId {
  const seen = new Map<string, number>();
  return (text) => {
    const digest = digestOf(text);
    const occurrence = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, occurrence);
    return withOccurrence(digest, occurrence);
  };
}
