/**
 * Stage 3b, translate: fills what the memory left untranslated (propose.ts)
 * from the MT cache, then the locale's engine. Existing targets are
 * never touched. Every answer is in the MT cache (its journal) as soon as it
 * arrives; `commit` is told of progress a few times per job, so the caller
 * can save it: a killed run loses nothing that was paid for, and a job costs
 * a bounded number of saves whatever its size (#26: one save per batch of 50
 * rewrote a 1.5 MB i18next file's XLIFF 300 times).
 */
import type { LimitFunction } from 'p-limit';
import type { SegmentId, Target } from '../core/types.js';
import { missingSegments, translateDoc, type MachineCache, type TranslateResult, type TranslationEngine } from '../mt/index.js';
import type { Job } from './job.js';

export interface TranslateServices {
  readonly engine: TranslationEngine | undefined;
  readonly cache?: MachineCache;
  readonly limit: LimitFunction;
  readonly stop: AbortController;
  /** Called with the job's targets so far: after the first batch, each time another eighth of the job is done, and with everything received when translating stops on an error or Ctrl-C. */
  readonly commit: (job: Job) => Promise<void>;
}

/** Saves per job, at most, besides the first: each after another 1/SAVES of the sentences to translate. */
const SAVES = 8;

export async function translate(job: Job, sourceLang: Job['lang'], services: TranslateServices): Promise<{ job: Job; result: TranslateResult }> {
  const targets = new Map(job.targets);
  // The sentences to translate in document order, which is the order of the engine's batches.
  const order = missingSegments(job.source.parsed.doc, job.targets).map((segment) => segment.id);
  const missing = new Set(order);
  const received = new Set<SegmentId>();
  /**
   * A save holds the sentences up to the first one not yet received, never one
   * after a gap: batches answer out of order, and a run resumed from a saved
   * prefix asks for the rest in the same batches, with the same context, so
   * the answers already paid for come from the cache.
   */
  let prefix = 0;
  let savedAt = -1;
  let stopped = false;
  const step = Math.max(1, Math.ceil(order.length / SAVES));
  const jobWith = (entries: Iterable<[SegmentId, Target]>): Job => {
    // New targets need their own QA: the findings of the old ones no longer hold.
    const { findings: _, ...rest } = job;
    return { ...rest, targets: new Map(entries) };
  };
  const translating = translateDoc({
    doc: job.source.parsed.doc,
    sourceLang,
    lang: job.lang,
    targets: job.targets,
    engine: services.engine,
    ...(services.cache ? { cache: services.cache } : {}),
    limit: services.limit,
    stop: services.stop,
    commit: (added: readonly Target[]) => {
      for (const target of added) {
        targets.set(target.segmentId, target);
        received.add(target.segmentId);
      }
      // After a stop, a batch still answering is saved with everything else received.
      if (stopped) return services.commit(jobWith(targets));
      while (prefix < order.length && received.has(order[prefix]!)) prefix++;
      if (prefix === 0 || (savedAt >= 0 && prefix - savedAt < step && prefix < order.length)) return Promise.resolve();
      savedAt = prefix;
      const saved = new Set(order.slice(0, prefix));
      return services.commit(jobWith([...targets].filter(([id]) => !missing.has(id) || saved.has(id))));
    },
  });
  let result: TranslateResult;
  try {
    result = await translating;
  } catch (error) {
    // Stopped (Ctrl-C, a failed request): everything received is saved, gaps and all, since
    // nothing after it will be received in this run.
    stopped = true;
    if (received.size > Math.max(savedAt, 0)) await services.commit(jobWith(targets)).catch(() => undefined);
    throw error;
  }
  return { job: received.size > 0 ? jobWith(targets) : job, result };
}
