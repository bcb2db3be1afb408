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

/**
 * A translation that lost one of its source's inline codes (a link, an emphasis, a placeholder) breaks the
 * markup; so does one that adds a tag (`<1>`, a link's end): tags match one for one, a standalone code (a
 * placeholder, a line break) may repeat. QA reads codes as placeholders (`core/reading.ts`), so this is
 * where codes are compared, under the check `check FILE` reports them as (`qa/xliff.ts`).
 */
function missingCodes(job: Job): Finding[] {
  const findings: Finding[] = [];
  for (const segment of segmentsOf(job.source.parsed.doc)) {
    const target = job.targets.get(segment.id);
    if (!target || !segment.codes?.length) continue;
    const left = new Map<string, number>();
    const tags = new Set<string>();
    for (const code of segment.codes) {
      const data = segment.text.slice(code.start, code.end);
      left.set(data, (left.get(data) ?? 0) + 1);
      if (code.kind !== 'standalone') tags.add(data);
    }
    for (const code of codesIn(target.text, segment)) left.set(target.text.slice(code.start, code.end), left.get(target.text.slice(code.start, code.end))! - 1);
    const missing = [...left].filter(([, count]) => count > 0).map(([data]) => data);
    const added = [...left].filter(([data, count]) => count < 0 && tags.has(data)).map(([data]) => data);
    if (missing.length + added.length === 0) continue;
    const parts = [
      ...(missing.length > 0 ? [`inline code(s) of the source missing: ${missing.map((data) => JSON.stringify(data)).join(' ')}`] : []),
      ...(added.length > 0 ? [`inline code(s) more often than in the source: ${added.map((data) => JSON.stringify(data)).join(' ')}`] : []),
    ];
    findings.push({ check: 'codes', severity: 'error', segmentId: segment.id, lang: job.lang, message: parts.join('; ') });
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
  /**
   * For people (#24): the document's first sentence (an article's headline) and the unit's source and
   * target as the run had them, so a report shows them without reading the XLIFF again.
   */
  readonly title?: string;
  readonly source?: string;
  readonly target?: string;
}

/** A checked job's findings as report lines, with the texts the job holds. */
export function reportFindings(findings: readonly Finding[], file: string, job?: Pick<CheckedJob, 'source' | 'targets'>): ReportFinding[] {
  const segments = job ? new Map(segmentsOf(job.source.parsed.doc).map((segment) => [segment.id as string, segment])) : undefined;
  const title = job ? segmentsOf(job.source.parsed.doc)[0]?.text : undefined;
  return findings.map((finding) => {
    const source = segments?.get(finding.segmentId)?.text;
    const target = job?.targets.get(finding.segmentId)?.text;
    return {
      file,
      unit: finding.segmentId,
      check: finding.check,
      severity: finding.severity,
      message: finding.message,
      ...(finding.accepted ? { accepted: true as const } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(source !== undefined ? { source } : {}),
      ...(target !== undefined ? { target } : {}),
    };
  });
}
