/**
 * Stage 2, extract: what a job gives the translation memory. Approved targets
 * go to the memory, those whose German sentence was edited since too, so a
 * reviewed translation is never lost, only no longer applied by id.
 */
import { acceptedChecks } from '../core/acceptance.js';
import { segmentsOf } from '../core/doc.js';
import type { Lang } from '../core/lang.js';
import { isApproved } from '../core/state.js';
import { isBlocking, type Finding, type SegmentId, type Target } from '../core/types.js';
import { checkPairs } from '../qa/index.js';
import { check } from './check.js';
import type { Job, QaContext } from './job.js';

export interface MemoryEntry {
  readonly source: string;
  readonly target: Target;
}

/**
 * A job's memory entries. Its approved targets need its QA: the job comes back
 * checked then, so the check stage does not run QA again.
 */
export function extract(job: Job, qa: QaContext): { job: Job; entries: MemoryEntry[] } {
  const current = segmentsOf(job.source.parsed.doc).flatMap((segment) => {
    const target = job.targets.get(segment.id);
    return target ? [{ source: segment.text, target }] : [];
  });
  const stale = memoryWorthy(job.stale, job.lang, qa);
  if (!current.some((entry) => isApproved(entry.target.state))) return { job, entries: stale };
  const checked = check(job, qa);
  return { job: checked, entries: [...memoryWorthy(current, job.lang, qa, checked.findings), ...stale] };
}

/**
 * What may go into the memory: approved translations without a QA error
 * nobody accepted. A translation a reviewer approved but QA fails (a wrong
 * figure, a misspelt name) is not reused in other documents until it is fixed.
 */
export function memoryWorthy<Entry extends MemoryEntry>(
  entries: readonly Entry[],
  lang: Lang,
  qa: QaContext,
  /** The QA of the document these targets are in, when it ran already: not run again. */
  findings?: readonly Finding[],
): Entry[] {
  const approved = entries.filter((entry) => isApproved(entry.target.state));
  if (approved.length === 0) return [];
  if (findings) {
    const blocked = new Set(findings.filter(isBlocking).map((finding) => finding.segmentId));
    return approved.filter((entry) => !blocked.has(entry.target.segmentId));
  }
  const items = approved.map((entry, index) => ({
    segmentId: String(index) as SegmentId,
    source: entry.source,
    target: entry.target.text,
    accepted: acceptedChecks(entry.target.accepted, entry.target.text),
  }));
  const options = { sourceLang: qa.sourceLang, lang, ...(qa.termbase ? { termbase: qa.termbase } : {}) };
  const failing = new Set(checkPairs(items, options).filter(isBlocking).map((finding) => finding.segmentId));
  return approved.filter((_, index) => !failing.has(String(index) as SegmentId));
}
