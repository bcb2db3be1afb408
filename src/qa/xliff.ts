/**
 * QA straight from an XLIFF file a CAT tool wrote: its source and target
 * pairs as the file has them (empty targets that claim a translation
 * included), read as `run` reads a unit (`xliff/reading.ts`), and its inline
 * codes, which are that file's placeholders: one lost or added is a `codes`
 * finding, as in `run`.
 */
import type { Lang } from '../core/lang.js';
import type { Severity, SegmentId } from '../core/types.js';
import type { Termbase } from '../termbase/index.js';
import { checkStructure, type XliffContent } from '../xliff/index.js';
import { checkPairs } from './run.js';
import { acceptedChecks } from '../core/acceptance.js';
import { xliffReading } from '../xliff/reading.js';

export interface XliffFinding {
  /** The segment's key in the file (`XliffSegment.key`). */
  readonly key: string;
  readonly check: string;
  readonly severity: Severity;
  readonly message: string;
  readonly accepted?: true;
}

export function checkXliff(content: XliffContent, options: { sourceLang: Lang; lang: Lang; termbase?: Termbase }): XliffFinding[] {
  // The one reading of a unit's text (`core/reading.ts`): what `run` checks and acceptances are given for.
  const readings = new Map(content.segments.map((segment) => [segment.key, segment.target ? xliffReading(segment.target) : '']));
  const accepted = (segment: XliffContent['segments'][number]) => acceptedChecks(segment.accepted, readings.get(segment.key)!);
  const items = content.segments.flatMap((segment) =>
    segment.translate && (segment.target || segment.emptyTarget)
      ? [{ segmentId: segment.key as SegmentId, source: xliffReading(segment.source), target: readings.get(segment.key)!, accepted: accepted(segment) }]
      : [],
  );
  const findings: XliffFinding[] = checkPairs(items, options).map((finding) => ({
    key: finding.segmentId,
    check: finding.check,
    severity: finding.severity,
    message: finding.message,
    ...(finding.accepted ? { accepted: true as const } : {}),
  }));
  const byKey = new Map(content.segments.map((segment) => [segment.key, segment]));
  for (const problem of checkStructure(content)) {
    if (problem.about !== 'codes' || problem.key === undefined) continue;
    const segment = byKey.get(problem.key)!;
    // The check `run` reports a lost or added code under (`stages/check.ts`), so one acceptance holds in both.
    const isAccepted = accepted(segment).includes('codes');
    findings.push({ key: problem.key, check: 'codes', severity: 'error', message: problem.message, ...(isAccepted ? { accepted: true as const } : {}) });
  }
  return findings;
}
