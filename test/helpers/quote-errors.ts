import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';

/** The units of a German document with a quotes error, numbered from 1, once each. */
export function quoteErrorsOf(lang: string, pairs: readonly (readonly [source: string, target: string])[]): string[] {
  const items = pairs.map(([source, target], i) => ({ segmentId: `${i + 1}` as SegmentId, source, target }));
  return [
    ...new Set(
      checkPairs(items, { sourceLang: 'de' as Lang, lang: lang as Lang })
        .filter((finding) => finding.check === 'quotes' && finding.severity === 'error')
        .map((finding) => finding.segmentId as string),
    ),
  ];
}
