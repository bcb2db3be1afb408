/** English rules, so the same engine can segment target text for QA. */
import type { LanguageRules } from './types.js';

const ABBREVIATIONS = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sr', 'Jr', 'St', 'Mt', 'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Gov', 'Sen', 'Rep',
  'Rev', 'Hon', 'Inc', 'Ltd', 'Corp', 'Co', 'vs', 'etc', 'approx', 'e.g', 'i.e', 'cf', 'No', 'Nos', 'Vol', 'pp',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'a.m', 'p.m', 'U.S', 'U.K',
];
const wordStart = '(?<![\\p{L}\\p{N}])';
const closers = `["'“”»«‘’›‹)\\]]`;

export const englishRules: LanguageRules = {
  lang: 'en',
  rules: [
    {
      break: false,
      before: `${wordStart}(?:${ABBREVIATIONS.map((a) => a.replace(/\./g, '\\.')).join('|')})\\.`,
      after: '\\s',
      comment: 'abbreviation',
    },
    { break: false, before: `${wordStart}\\p{Lu}\\.`, after: '\\s', comment: 'initials' },
    { break: false, before: `[.!?…]+${closers}*`, after: '\\s+[\\p{Ll}]', comment: 'lower-case continuation' },
    { break: false, before: `[.!?…]+${closers}+`, after: '\\s*[,;:]', comment: 'quotation inside a sentence' },
    { break: true, before: `[.!?…]+${closers}*`, after: '\\s', comment: 'end of sentence' },
    { break: true, before: '[^\\n]', after: '\\n', comment: 'line break' },
  ],
};
