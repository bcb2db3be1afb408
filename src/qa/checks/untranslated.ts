import { defineCheck } from '../check.js';

/**
 * The translation is the source text unchanged. Names, numbers and credits
 * alone ("Channel 4", "Ashton Carter", "dpa") stay the same on purpose: only a
 * source of several words with at least one lower-case word (German function
 * words are lower case) is expected to change.
 */
export const untranslated = defineCheck({
  id: 'untranslated',
  title: 'Translation is the same as the source',
  run: (pair) =>
    pair.target === pair.source && pair.source.trim().split(/\s+/).length >= 2 && /(?<![\p{L}])\p{Ll}{3,}/u.test(pair.source)
      ? [{ severity: 'warning', message: 'the translation is the same as the source' }]
      : [],
});
