import { defineCheck } from '../check.js';
import type { LocaleRules } from '../locales/rules.js';

/**
 * Numbers differ between source and translation. Compared by value with each
 * side's own separators, so `15.000` (de) = `15,000` (en) = `15 000` (fr) and
 * `3,5` = `3.5`; an ordinal's full stop (`9.`) does not count.
 */
export const numbers = defineCheck({
  id: 'numbers',
  title: 'Numbers differ from the source',
  run(pair) {
    const source = extractNumbers(pair.source, pair.sourceRules);
    const target = extractNumbers(pair.target, pair.targetRules);
    const missing = difference(source, target);
    const extra = difference(target, source);
    if (missing.length === 0 && extra.length === 0) return [];
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${missing.join(', ')}`);
    if (extra.length > 0) parts.push(`not in the source: ${extra.join(', ')}`);
    return [{ severity: 'error', message: `numbers differ: ${parts.join('; ')}` }];
  },
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new WeakMap<LocaleRules, RegExp>();

/** Numeric values in `text`, read with the locale's decimal and group separators. */
export function extractNumbers(text: string, rules: LocaleRules): number[] {
  let pattern = patterns.get(rules);
  if (!pattern) {
    const group = `[${rules.groups.map(escape).join('')}]`;
    const decimal = escape(rules.decimal);
    pattern = new RegExp(`(?<![\\p{N}])\\p{N}{1,3}(?:${group}\\p{N}{3})+(?:${decimal}\\p{N}+)?(?!\\p{N})|\\p{N}+(?:${decimal}\\p{N}+)?`, 'gu');
    patterns.set(rules, pattern);
  }
  return [...text.matchAll(pattern)].map((match) => {
    let normalised = match[0];
    for (const group of rules.groups) normalised = normalised.split(group).join('');
    return Number(normalised.replace(rules.decimal, '.'));
  });
}

/** Values of `a` not matched one-for-one in `b`. */
function difference(a: readonly number[], b: readonly number[]): number[] {
  const pool = [...b];
  return a.filter((value) => {
    const i = pool.indexOf(value);
    if (i === -1) return true;
    pool.splice(i, 1);
    return false;
  });
}
