/**
 * Stage 1, segment. Takes: German text. Sends: Doc (blocks and sentences with
 * offsets and stable ids).
 */
export { segmentText, segmentStream, type SegmentOptions } from './segment-text.js';
export { rulesFor } from './rules/index.js';
export { parseSrx, type SrxRules } from './srx.js';
export type { LanguageRules, SegmentationRule } from './rules/types.js';
export { readSourceText, readSourceStream } from './source.js';
export { loadRules } from './load-rules.js';
