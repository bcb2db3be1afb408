/**
 * Stage 2, extract: what a job gives the translation memory. Approved targets
 * go to the memory, those whose German sentence was edited since too, so a
 * reviewed translation is never lost, only no longer applied by id.
 */
import { acceptedChecks } from '../core/acceptance.js';
import { codesIn } from '../core/codes.js';
import { segmentsOf } from '../core/doc.js';
import { sourceReading, targetReading } from '../core/reading.js';
import { tmxDate, type MemoryEntry } from '../memory/entry.js';
import type { Lang } from '../core/lang.js';
import { isApproved } from '../core/state.js';
import { isBlocking, type CodeSpan, type Finding, type SegmentId, type Target } from '../core/types.js';
import { checkPairs } from '../qa/index.js';
import { check } from './check.js';
import type { Job, QaContext } from './job.js';

/** An approved translation on its way into the memory, with where it was made. */
export interface ApprovedTarget {
  readonly source: string;
  readonly codes?: readonly CodeSpan[];
  /** The source sentences before and after it in its document. */
  readonly context?: { readonly prev: string; readonly next: string };
  readonly target: Target;
}

/**
 * A job's memory entries. Its approved targets need its QA: the job comes back
 * checked then, so the check stage does not run QA again.
 */
export function extract(job: Job, qa: QaContext): { job: Job; entries: ApprovedTarget[] } {
  const segments = segmentsOf(job.source.parsed.doc);
  const current = segments.flatMap((segment, index): ApprovedTarget[] => {
    const target = job.targets.get(segment.id);
    const context = { prev: segments[index - 1]?.text ?? '', next: segments[index + 1]?.text ?? '' };
    return target ? [{ source: segment.text, ...(segment.codes?.length ? { codes: segment.codes } : {}), context, target }] : [];
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
export function memoryWorthy<Entry extends ApprovedTarget>(
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
  const items = approved.map((entry, index) => {
    // The one reading of a unit's text (#26), as the check stage reads it.
    const coded = { text: entry.source, codes: entry.codes };
    const reading = targetReading(entry.target.text, coded);
    return { segmentId: String(index) as SegmentId, source: sourceReading(coded), target: reading, accepted: acceptedChecks(entry.target.accepted, reading, entry.target.text) };
  });
  const options = { sourceLang: qa.sourceLang, lang, ...(qa.termbase ? { termbase: qa.termbase } : {}) };
  const failing = new Set(checkPairs(items, options).filter(isBlocking).map((finding) => finding.segmentId));
  return approved.filter((_, index) => !failing.has(String(index) as SegmentId));
}

/** Approved targets of one document as memory entries, dated now. */
export function toMemoryEntries(approved: readonly ApprovedTarget[], at: { readonly sourceLang: Lang; readonly lang: Lang; readonly doc: string }): MemoryEntry[] {
  const now = tmxDate();
  return approved.map((entry) => {
    const targetCodes = entry.codes ? codesIn(entry.target.text, { text: entry.source, codes: entry.codes }) : [];
    return {
      sourceLang: at.sourceLang,
      lang: at.lang,
      source: { text: entry.source, ...(entry.codes ? { codes: entry.codes } : {}) },
      target: { text: entry.target.text, ...(targetCodes.length > 0 ? { codes: targetCodes } : {}) },
      state: entry.target.state,
      origin: entry.target.origin,
      doc: at.doc,
      ...(entry.context ? { context: entry.context } : {}),
      created: now,
      changed: now,
    };
  });
}
