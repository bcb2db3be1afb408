/**
 * Stage 4, check: QA of a job's targets, and what follows from it for the
 * translators' file: each finding is a note on its unit, and a unit with an
 * error nobody accepted is saved as translated, never approved, until fixed.
 */
import { isApproved } from '../core/state.js';
import { isBlocking, type Finding, type SegmentId, type Target } from '../core/types.js';
import { checkDoc } from '../qa/index.js';
import type { Job, QaContext } from './job.js';

export type CheckedJob = Job & { readonly findings: readonly Finding[] };

export function check(job: Job, qa: QaContext): CheckedJob {
  if (job.findings) return job as CheckedJob;
  const { format, parsed } = job.source;
  const sentences = checkDoc(parsed.doc, job.targets, { sourceLang: qa.sourceLang, lang: job.lang, ...(qa.termbase ? { termbase: qa.termbase } : {}) });
  return { ...job, findings: [...sentences, ...(format.check?.(parsed, job.lang, job.targets) ?? [])] };
}

/** The targets and notes to save for a checked job. */
export function forTranslators(job: CheckedJob): { targets: ReadonlyMap<SegmentId, Target>; notes: ReadonlyMap<SegmentId, readonly string[]> } {
  const notes = new Map<SegmentId, string[]>();
  const withErrors = new Set<SegmentId>();
  for (const finding of job.findings) {
    if (finding.accepted) continue;
    notes.set(finding.segmentId, [...(notes.get(finding.segmentId) ?? []), `QA ${finding.severity} (${finding.check}): ${finding.message}`]);
    if (isBlocking(finding)) withErrors.add(finding.segmentId);
  }
  const targets = new Map(
    [...job.targets].map(([id, target]) => [id, withErrors.has(id) && isApproved(target.state) ? { ...target, state: 'translated' as const } : target]),
  );
  return { targets, notes };
}

/** One line of the QA report, as `l10n check --json` prints it. */
export interface ReportFinding {
  readonly file: string;
  /** The `<file original>` the unit is in, where the XLIFF has several (unit ids repeat across them). */
  readonly original?: string;
  readonly unit: string;
  readonly check: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  /** A reviewer accepted it for this target: it blocks nothing. */
  readonly accepted?: true;
}

export function reportFindings(findings: readonly Finding[], file: string): ReportFinding[] {
  return findings.map((finding) => ({
    file,
    unit: finding.segmentId,
    check: finding.check,
    severity: finding.severity,
    message: finding.message,
    ...(finding.accepted ? { accepted: true as const } : {}),
  }));
}
