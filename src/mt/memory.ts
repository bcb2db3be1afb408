/**
 * Translation memory: approved translations, keyed by exact source text. It is
 * consulted before any engine, so what it covers is never sent or billed.
 */
import { isApproved, stateRank } from '../core/state.js';
import type { Target } from '../core/types.js';

export type TranslationMemory = ReadonlyMap<string, Target>;

/** Builds a memory from units; only approved targets go in, the highest state wins. */
export function buildMemory(units: Iterable<{ readonly source: string; readonly target?: Target }>): TranslationMemory {
  const memory = new Map<string, Target>();
  for (const { source, target } of units) {
    if (!target || !isApproved(target.state)) continue;
    const known = memory.get(source);
    if (!known || stateRank(target.state) > stateRank(known.state)) memory.set(source, target);
  }
  return memory;
}
