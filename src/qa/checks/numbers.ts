import { baseLanguage } from '../../core/lang.js';
import { defineCheck, type CheckResult } from '../check.js';
import { withoutPlaceholders } from './placeholders.js';
import { NUMBER_WORDS, readQuantities, type Quantities } from '../locales/quantities.js';
import { difference } from '../multiset.js';
import type { LocaleRules } from '../locales/rules.js';

/**
 * Numbers, dates or times differ from the source. Each side is read in its own
 * locale: `15.000` = `15,000` = `15 000`; `3,5` = `3.5`; `am 9. September` =
 * `on September 9` = `le 9 septembre` = `9月9日`; `9.15 Uhr` = `9:15 a.m.` =
 * `9 h 15`; an ordinal's full stop does not count. A small number the
 * translation spells out ("three") is a warning at most.
 */
export const numbers = defineCheck({
  id: 'numbers',
  title: 'Numbers, dates or times differ from the source',
  run(pair) {
    const source = readQuantities(withoutPlaceholders(pair.source), pair.sourceRules);
    const target = readQuantities(withoutPlaceholders(pair.target), pair.targetRules);
    const results: CheckResult[] = [];
    const missingDates = difference(source.dates, target.dates);
    const extraDates = difference(target.dates, source.dates);
    if (missingDates.length + extraDates.length > 0) {
      results.push({ severity: 'error', message: `dates differ: ${describe(missingDates.map(formatDate), extraDates.map(formatDate))}` });
    }
    const missingTimes = timesWithout(source.times, target.times);
    const extraTimes = timesWithout(target.times, source.times);
    if (missingTimes.length + extraTimes.length > 0) {
      results.push({ severity: 'error', message: `times differ: ${describe(missingTimes.map(formatTime), extraTimes.map(formatTime))}` });
    }
    const missing = difference(source.numbers, target.numbers);
    const extra = difference(target.numbers, source.numbers);
    if (missing.length + extra.length > 0) {
      const spelledOut = extra.length === 0 && missing.every((n) => spelled(n, pair.target, pair.targetRules));
      results.push({
        severity: spelledOut ? 'warning' : 'error',
        message: spelledOut ? `${missing.join(', ')} spelled out in words` : `numbers differ: ${describe(missing.map(String), extra.map(String))}`,
      });
    }
    return results;
  },
});

function describe(missing: readonly string[], extra: readonly string[]): string {
  const parts = [];
  if (missing.length > 0) parts.push(`missing ${missing.join(', ')}`);
  if (extra.length > 0) parts.push(`not in the source: ${extra.join(', ')}`);
  return parts.join('; ');
}

const formatDate = (date: string) => {
  const [month, day] = date.split('-');
  return `${day}.${month}.`;
};
const formatTime = (time: { minutes: number }) => `${Math.floor(time.minutes / 60)}:${String(time.minutes % 60).padStart(2, '0')}`;

type Time = Quantities['times'][number];

/**
 * Times of `a` without a match in `b`: the same time, or the same on a 12-hour
 * clock where either side did not say a.m. or p.m. (`9:15` = `21:15`). Exact
 * matches first, so a 12-hour reading never takes a time another one needs.
 */
function timesWithout(a: readonly Time[], b: readonly Time[]): Time[] {
  const exact = difference(a, b, (time) => time.minutes);
  const unmatchedB = difference(b, a, (time) => time.minutes);
  // Twelve-hour readings pair with anything on the same clock face; the others only with a twelve-hour one.
  const faces = new Map<number, { twelveHour: number; exact: number }>();
  for (const time of unmatchedB) {
    const face = faces.get(time.minutes % 720) ?? { twelveHour: 0, exact: 0 };
    face[time.twelveHour ? 'twelveHour' : 'exact']++;
    faces.set(time.minutes % 720, face);
  }
  return exact.filter((time) => {
    const face = faces.get(time.minutes % 720);
    if (face && face.twelveHour > 0) return (face.twelveHour--, false);
    if (face && time.twelveHour && face.exact > 0) return (face.exact--, false);
    return true;
  });
}

function spelled(value: number, text: string, rules: LocaleRules): boolean {
  const word = NUMBER_WORDS[baseLanguage(rules.textLang)]?.[value - 1];
  return word !== undefined && new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu').test(text);
}

/** Plain numbers of a text (dates and times left out), for tools and tests. */
export function extractNumbers(text: string, rules: LocaleRules): number[] {
  return readQuantities(text, rules).numbers;
}
