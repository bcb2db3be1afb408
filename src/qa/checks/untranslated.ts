import { defineCheck } from '../check.js';

/** The translation is the source text unchanged (names and numbers alone are fine). */
export const untranslated = defineCheck({
  id: 'untranslated',
  title: 'Translation is the same as the source',
  run: (pair) =>
    pair.target === pair.source && /\p{Ll}{3,}/u.test(pair.source)
      ? [{ severity: 'warning', message: 'the translation is the same as the source' }]
      : [],
});
