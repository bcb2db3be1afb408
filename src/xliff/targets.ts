import type { Doc, Segment, SegmentId, Target } from '../core/types.js';
import type { XliffContent } from './model.js';
import { targetHash } from '../core/acceptance.js';
import { segmentsOf } from '../core/doc.js';

export interface ExistingTargets {
  /** Targets whose unit still has the same source text. */
  readonly targets: Map<SegmentId, Target>;
  /** Units with a target whose source no longer matches the document: not applied. */
  readonly stale: readonly { readonly id: string; readonly source: string; readonly target: Target }[];
}

/**
 * Matches the targets of an XLIFF file to the segments of the current document
 * by id and source text. A target whose source changed is reported stale, never
 * applied silently.
 */
export function targetsFromXliff(doc: Doc, content: XliffContent): ExistingTargets {
  const segments = new Map<string, Segment>(segmentsOf(doc).map((segment) => [segment.id, segment]));
  const targets = new Map<SegmentId, Target>();
  const stale: { id: string; source: string; target: Target }[] = [];
  for (const unit of content.segments) {
    if (!unit.target) continue;
    const accepted = unit.accepted?.filter((acceptance) => acceptance.target === targetHash(unit.target!.text));
    const target: Target = {
      segmentId: unit.id as SegmentId,
      text: unit.target.text,
      state: unit.target.state,
      origin: unit.target.origin,
      ...(accepted && accepted.length > 0 ? { accepted } : {}),
    };
    const segment = segments.get(unit.id);
    if (segment && segment.text === unit.source.text) targets.set(segment.id, { ...target, segmentId: segment.id });
    else stale.push({ id: unit.id, source: unit.source.text, target });
  }
  return { targets, stale };
}
