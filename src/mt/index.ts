/**
 * Stage 3, translate. Takes: Doc + existing targets. Sends: new Target[] from
 * an engine (offline pseudo-localisation or DeepL), the MT cache first.
 */
export { billedCharacters, type EngineLimits, type TranslationEngine, type Translated } from './engine.js';
export { createOfflineEngine, pseudoLocalize } from './offline.js';
// The DeepL engine (mt/deepl.ts) is loaded on demand: deepl-node and its HTTP stack cost start-up time.
export type { DeepLEngineOptions } from './deepl.js';
export { translateDoc, translateSegments, missingSegments, batchTexts, type SegmentRef, type TranslateDocOptions, type TranslateOptions, type TranslateResult } from './translate.js';
export { MachineCache, cacheKey } from './cache.js';
