/**
 * Stage 3b, translate: fills what the memory left untranslated (propose.ts)
 * from the MT cache, then the locale's engine. Existing targets are
 * never touched. `commit` is told of every batch, so the caller can save
 * progress: a killed run loses nothing that was paid for.
 */
import type { LimitFunction } from 'p-limit';
import type { Target } from '../core/types.js';
import { translateDoc, type MachineCache, type TranslateResult, type TranslationEngine } from '../mt/index.js';
import type { Job } from './job.js';

export interface TranslateServices {
  readonly engine: TranslationEngine | undefined;
  readonly cache?: MachineCache;
  readonly limit: LimitFunction;
  readonly stop: AbortController;
  /** Called with the job's targets so far after each batch. */
  readonly commit: (job: Job) => Promise<void>;
}

export async function translate(job: Job, sourceLang: Job['lang'], services: TranslateServices): Promise<{ job: Job; result: TranslateResult }> {
  const targets = new Map(job.targets);
  let current = job;
  const result = await translateDoc({
    doc: job.source.parsed.doc,
    sourceLang,
    lang: job.lang,
    targets: job.targets,
    engine: services.engine,
    ...(services.cache ? { cache: services.cache } : {}),
    limit: services.limit,
    stop: services.stop,
    commit: (added: readonly Target[]) => {
      for (const target of added) targets.set(target.segmentId, target);
      // New targets need their own QA: the findings of the old ones no longer hold.
      const { findings: _, ...rest } = current;
      current = { ...rest, targets: new Map(targets) };
      return services.commit(current);
    },
  });
  return { job: current, result };
}
