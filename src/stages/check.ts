/**
 * Stage 4, check: QA of a job's targets, and what follows from it for the
 * translators' file: each finding is a note on its unit, and a unit with an
 * error nobody accepted is saved as translated, never approved, until fixed.
 */
import { codesIn } from '../core/codes.js';
import { segmentsOf } from '../core/doc.js';
import { isApproved } from '../core/state.js';
import { isBlocking, type Finding, type SegmentId, type Target } from '../core/types.js';
import { checkDoc } from '../qa/index.js';
import type { Job, QaContext } from './job.js';

export type CheckedJob = Job & { readonly findings: readonly Finding[] };

export function check(job: Job, qa: QaContext): CheckedJob {
  if (job.findings) return job as CheckedJob;
  const { format, parsed } = job.source;
  const sentences = checkDoc(parsed.doc, job.targets, { sourceLang: qa.sourceLang, lang: job.lang, ...(qa.termbase ? { termbase: qa.termbase } : {}) });
  return { ...job, findings: [...sentences, ...missingCodes(job), ...(format.check?.(parsed, job.lang, job.targets) ?? [])] };
}

/** A translation that lost one of its source's inline codes (a link, an emphasis, a placeholder) breaks the markup. */
function missingCodes(job: Job): Finding[] {
  const findings: Finding[] = [];
  for (const segment of segmentsOf(job.source.parsed.doc)) {
    const target = job.targets.get(segment.id);
    if (!target || !segment.codes?.length) continue;
    const left = new Map<string, number>();
    for (const code of segment.codes) left.set(segment.text.slice(code.start, code.end), (left.get(segment.text.slice(code.start, code.end)) ?? 0) + 1);
    for (const code of codesIn(target.text, segment)) left.set(target.text.slice(code.start, code.end), left.get(target.text.slice(code.start, code.end))! - 1);
    const missing = [...left].filter(([, count]) => count > 0).map(([data]) => data);
    if (missing.length === 0) continue;
    findings.push({ check: 'codes', severity: 'error', segmentId: segment.id, lang: job.lang, message: `inline code(s) of the source missing: ${missing.map((data) => JSON.stringify(data)).join(' ')}` });
  }
  return findings;
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
