/**
 * Stage 4, check. Takes: Doc + targets for one locale. Sends: Finding[] (data,
 * never exceptions); the caller decides what is fatal.
 */
export { checkDoc, checkPairs, type CheckOptions, type CheckItem } from './run.js';
export { checks } from './checks/index.js';
export { defineCheck, type Check, type SegmentPair } from './check.js';
export { localeRules, type LocaleRules } from './locales/rules.js';
export { extractNumbers } from './checks/numbers.js';
export { checkXliff, type XliffFinding } from './xliff.js';
