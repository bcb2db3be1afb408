/**
 * Exact reuse as the engine stage sees it: approved translations by source
 * text, consulted before any engine, so what it covers is never sent or
 * billed. The project's memory (`src/memory/`) answers it in the pipeline's
 * propose stage; a caller with its own reuse passes an empty map.
 */
import type { Target } from '../core/types.js';

export interface TranslationMemory {
  get(source: string): Pick<Target, 'text'> | undefined;
}
