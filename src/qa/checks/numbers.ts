import { baseLanguage } from '../../core/lang.js';
import { defineCheck, type CheckResult } from '../check.js';
import { withoutPlaceholders } from './placeholders.js';
import { NUMBER_WORDS, readQuantities } from '../locales/quantities.js';
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
    const missingDates = difference(source.dates, target.dates, (a, b) => a === b);
    const extraDates = difference(target.dates, source.dates, (a, b) => a === b);
    if (missingDates.length + extraDates.length > 0) {
      results.push({ severity: 'error', message: `dates differ: ${describe(missingDates.map(formatDate), extraDates.map(formatDate))}` });
    }
    const sameTime = (s: (typeof source.times)[number], t: (typeof source.times)[number]) =>
      s.minutes === t.minutes || ((s.twelveHour || t.twelveHour) && s.minutes % 720 === t.minutes % 720);
    const missingTimes = difference(source.times, target.times, sameTime);
    const extraTimes = difference(target.times, source.times, (t, s) => sameTime(s, t));
    if (missingTimes.length + extraTimes.length > 0) {
      results.push({ severity: 'error', message: `times differ: ${describe(missingTimes.map(formatTime), extraTimes.map(formatTime))}` });
    }
    const missing = difference(source.numbers, target.numbers, (a, b) => a === b);
    const extra = difference(target.numbers, source.numbers, (a, b) => a === b);
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

/** Items of `a` not matched one-for-one in `b`. */
function difference<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): T[] {
  const pool = [...b];
  return a.filter((item) => {
    const i = pool.findIndex((other) => same(item, other));
    if (i === -1) return true;
    pool.splice(i, 1);
    return false;
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
