/**
 * Meaning without a changed figure (#23): "exactly this" against "lower" or "higher", and one season for another.
 * Both axes are data in src/qa/locales/bounds.json (`compare`, `season`).
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';

const de = 'de' as Lang;
const meaningErrors = (lang: string, source: string, target: string) =>
  checkPairs([{ segmentId: 's-1' as SegmentId, source, target }], { sourceLang: de, lang: lang as Lang })
    .filter((finding) => finding.check === 'meaning' && finding.severity === 'error')
    .map((finding) => finding.message);

describe('meaning: exactly / the same against lower or higher', () => {
  it.each([
    ['nl', 'Die Staatsanwaltschaft forderte genau diese Strafe.', 'Het Openbaar Ministerie eiste een lagere straf.'],
    ['en', 'Das Gericht verhängte dieselbe Strafe wie in erster Instanz.', 'The court imposed a harsher sentence than at first instance.'],
    ['pl', 'Der Verband verlangt den gleichen Beitrag wie im Vorjahr.', 'Związek żąda wyższej składki niż przed rokiem.'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(meaningErrors(lang, source, target)).toEqual([expect.stringContaining('(compare)')]);
  });

  it.each([
    ['nl', 'Die Staatsanwaltschaft forderte genau diese Strafe.', 'Het Openbaar Ministerie eiste precies deze straf.'],
    ['en', 'Das Gericht verhängte dieselbe Strafe wie in erster Instanz.', 'The court imposed the same sentence as at first instance.'],
    ['fr', 'Das Gericht verhängte eine höhere Strafe.', 'Le tribunal a prononcé une peine plus lourde.'],
  ])('no error where the translation keeps it: %s: %s → %s', (lang, source, target) => {
    expect(meaningErrors(lang, source, target)).toEqual([]);
  });
});

describe('meaning: seasons', () => {
  it.each([
    ['en', 'Die Arbeiten sollen im Frühjahr beginnen.', 'Work is due to begin in the autumn.'],
    ['es', 'Die Wahl findet im Herbst statt.', 'Las elecciones se celebrarán en primavera.'],
    ['ru', 'Im Winter fielen die Preise.', 'Летом цены упали.'],
    ['ja', 'Die Brücke wird im Sommer eröffnet.', '橋は冬に開通する。'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(meaningErrors(lang, source, target)).toEqual([expect.stringContaining('(season)')]);
  });

  it.each([
    ['en', 'Die Arbeiten sollen im Frühjahr beginnen.', 'Work is due to begin in the spring.'],
    ['nl', 'Die Wahl findet im Herbst statt.', 'De verkiezingen vinden in het najaar plaats.'],
    ['en', 'Die Wahl findet im Herbst statt.', 'The election will take place in the fall.'],
  ])('no error for the same season: %s: %s → %s', (lang, source, target) => {
    expect(meaningErrors(lang, source, target)).toEqual([]);
  });
});
