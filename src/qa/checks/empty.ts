import { defineCheck } from '../check.js';

/**
 * Empty translation: the target has no text where the source has some. A source
 * that is only inline codes (a line break, an image) is rightly translated by
 * codes alone. When it fires, the other checks are skipped for that pair (they
 * would only repeat it).
 */
export const empty = defineCheck({
  id: 'empty',
  title: 'Empty translation',
  run: (pair) =>
    pair.target.trim().length === 0 && pair.source.trim().length > 0 ? [{ severity: 'error', message: 'the translation is empty' }] : [],
});
