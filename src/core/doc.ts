/** Walking a segmented document: its blocks and its sentences, in document order. */
import type { Block, Doc, Segment } from './types.js';

export function blocksOf(doc: Pick<Doc, 'body'>): Block[] {
  return doc.body.filter((item): item is Block => item.kind === 'block');
}

export function segmentsOf(doc: Pick<Doc, 'body'>): Segment[] {
  return blocksOf(doc).flatMap((block) => segmentsOfBlock(block));
}

export function segmentsOfBlock(block: Block): Segment[] {
  return block.parts.filter((part): part is Segment => part.kind === 'segment');
}
