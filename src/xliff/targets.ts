import type { Doc, Segment, SegmentId, Target } from '../core/types.js';
import type { XliffContent } from './model.js';
import { targetHash } from '../core/acceptance.js';
import { segmentsOf } from '../core/doc.js';
import { textWithCodes } from './codes.js';
import { xliffReading } from './reading.js';

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
    // A copy of the source under a state that says not yet translated is how OmegaT's files (`for-omegat.ts`)
    // and Okapi's "copy source to target" offer a unit: no translation, nothing to apply.
    if (unit.target.state === 'initial' && xliffReading(unit.target) === xliffReading(unit.source)) continue;
    const segment = segments.get(unit.id);
    // Codes are written as the source has them: a unit with codes reads back to the same kind of text.
    const text = segment ? textWithCodes(unit.target, segment) : unit.target.text;
    // An acceptance is for the target's reading (`core/reading.ts`), as QA read it when it was given.
    const reading = targetHash(xliffReading(unit.target));
    const accepted = unit.accepted?.filter((acceptance) => acceptance.target === reading);
    const target: Target = {
      segmentId: unit.id as SegmentId,
      text,
      state: unit.target.state,
      origin: unit.target.origin,
      ...(accepted && accepted.length > 0 ? { accepted } : {}),
    };
    if (segment && segment.text === textWithCodes(unit.source, segment)) targets.set(segment.id, { ...target, segmentId: segment.id });
    else stale.push({ id: unit.id, source: unit.source.text, target });
  }
  return { targets, stale };
}
