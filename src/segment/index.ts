/**
 * Stage 1, segment. Takes: German text. Sends: Doc (blocks and sentences with
 * offsets and stable ids).
 */
export { segmentText, type SegmentOptions } from './segment-text.js';
export { rulesFor } from './rules/index.js';
export type { LanguageRules, SegmentationRule } from './rules/types.js';
export { readSourceText, listSourceDocs, type SourceDoc } from './source.js';
