/** A document's sentences, and a sentence with its codes shown as ⟨o1⟩…⟨c1⟩, ⟨s2⟩: as a translator sees the tags. */
import type { Doc, Segment } from '../../src/core/types.js';

export function segmentsIn(doc: Doc): Segment[] {
  return doc.body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part): part is Segment => part.kind === 'segment') : []));
}

export function tagged(segment: Segment): string {
  let out = '';
  let cursor = 0;
  for (const code of segment.codes ?? []) {
    out += `${segment.text.slice(cursor, code.start)}⟨${code.kind[0]}${code.id}⟩`;
    cursor = code.end;
  }
  return out + segment.text.slice(cursor);
}
