import { defineCheck, type CheckResult } from '../check.js';
import type { LocaleRules } from '../locales/rules.js';

/** Closing marks that are also apostrophes: they cannot be counted as closers. */
const APOSTROPHES = new Set(['’', "'"]);

/**
 * Quotations differ from the source. Each side is read in its own locale's
 * marks (CLDR: `„…“` de, `“…”` en, `« … »` fr with or without no-break spaces,
 * `«…»`/`“…”` es and it, `„…”` pl, `「…」` ja), so a correct conversion passes.
 * Errors: a quotation lost or added, marks unbalanced or badly nested, or the
 * source's marks left in a language that does not use them. Straight `"…"` in
 * place of the locale's marks is a warning.
 */
export const quotes = defineCheck({
  id: 'quotes',
  title: 'Quotations differ from the source',
  run(pair) {
    const results: CheckResult[] = [];
    // Software strings quote with straight marks on both sides ("{{ min }}"): kept as they are, that is right.
    const sourceStraight = straightPairs(pair.source);
    const source = countQuotations(pair.source, pair.sourceRules) + sourceStraight;
    const target = countQuotations(pair.target, pair.targetRules);
    const straight = straightPairs(pair.target);
    const foreign = foreignMarks(pair.target, pair.sourceRules, pair.targetRules);
    if (foreign.length > 0) {
      results.push({ severity: 'error', message: `${foreign.join(' ')} is not a quotation mark of ${pair.targetRules.textLang}` });
    } else if (source !== target + straight) {
      results.push({ severity: 'error', message: `the source has ${source} quotation(s), the translation ${target + straight}` });
    } else if (straight > sourceStraight) {
      const [open, close] = pair.targetRules.quotes[0]!;
      results.push({ severity: 'warning', message: `straight quotes ("…") where ${open}…${close} is usual` });
    }
    const nesting = nestingProblem(pair.target, pair.targetRules);
    if (nesting && foreign.length === 0) results.push({ severity: 'error', message: nesting });
    return results;
  },
});

function straightPairs(text: string): number {
  return Math.floor((text.match(/"/g)?.length ?? 0) / 2);
}

function countQuotations(text: string, rules: LocaleRules): number {
  const openers = new Set(rules.quotes.map(([open]) => open));
  let count = 0;
  for (const char of text) if (openers.has(char)) count++;
  return count;
}

/** Opening marks of the source language that the target language does not use (a German „ left in English). */
function foreignMarks(text: string, source: LocaleRules, target: LocaleRules): string[] {
  const own = new Set(target.quotes.flat());
  const found = new Set<string>();
  for (const [open] of source.quotes) if (!own.has(open) && text.includes(open)) found.add(open);
  return [...found];
}

/** Marks that do not pair up: a closer without its opener, or an opener never closed. */
function nestingProblem(text: string, rules: LocaleRules): string | undefined {
  const pairs = rules.quotes.filter(([open, close]) => open !== close && !APOSTROPHES.has(close));
  const closerOf = new Map(pairs.map(([open, close]) => [open, close]));
  const closers = new Set(pairs.map(([, close]) => close));
  const stack: string[] = [];
  for (const char of text) {
    // A mark that opens one pair and closes another (“ in German vs English) is read as a closer when one is expected.
    if (closers.has(char) && stack.length > 0 && closerOf.get(stack.at(-1)!) === char) stack.pop();
    else if (closerOf.has(char)) stack.push(char);
    else if (closers.has(char)) return `${char} closes a quotation that was not opened`;
  }
  return stack.length > 0 ? `${stack.at(-1)} opens a quotation that is not closed` : undefined;
}
