/**
 * Translation memory: approved translations, keyed by exact source text. It is
 * consulted before any engine, so what it covers is never sent or billed.
 * On disk and merging: `memory-store.ts`.
 */
import type { Target } from '../core/types.js';

export type TranslationMemory = ReadonlyMap<string, Target>;
