import { defineCheck, type CheckResult } from '../check.js';

const PAIRS: readonly (readonly [string, string])[] = [
  ['(', ')'],
  ['（', '）'],
  ['[', ']'],
  ['［', '］'],
  ['【', '】'],
  ['〔', '〕'],
];
const OPEN = new Map(PAIRS.map(([open, close]) => [open, close]));
const CLOSE = new Set(PAIRS.map(([, close]) => close));
const BRACKET = /[()（）[\]［］【】〔〕]/;

/**
 * Brackets left unclosed or closed without an opener are errors. Brackets
 * lost or added are a warning: translators drop them (`der Abgeordnete Max
 * Beispiel (SPD)` → `SPD MP Max Beispiel`) and add them (Japanese `【…】`
 * around a dateline, a conversion in parentheses) as their style asks. Round,
 * square and lenticular, ASCII and full-width count alike.
 */
export const brackets = defineCheck({
  id: 'brackets',
  title: 'Brackets differ from the source',
  run(pair) {
    // Most sentences have no bracket on either side: nothing to count.
    if (!BRACKET.test(pair.source) && !BRACKET.test(pair.target)) return [];
    const results: CheckResult[] = [];
    // Pseudo-localisation wraps every text in [ ] (as Android's en-XA does): not the translator's brackets.
    const pseudo = pair.targetRules.textLang !== pair.lang;
    const text = pseudo && pair.target.startsWith('[') && pair.target.endsWith(']') ? pair.target.slice(1, -1) : pair.target;
    const source = countOpen(pair.source);
    const target = countOpen(text);
    if (source !== target) results.push({ severity: 'warning', message: `the source has ${source} bracket pair(s), the translation ${target}` });
    const problem = unbalanced(text);
    if (problem && !unbalanced(pair.source)) results.push({ severity: 'error', message: problem });
    return results;
  },
});

function countOpen(text: string): number {
  let count = 0;
  for (const char of text) if (OPEN.has(char)) count++;
  return count;
}

function unbalanced(text: string): string | undefined {
  const stack: string[] = [];
  for (const char of text) {
    if (OPEN.has(char)) stack.push(OPEN.get(char)!);
    else if (CLOSE.has(char) && stack.pop() !== char) return `${char} closes a bracket that was not opened`;
  }
  return stack.length > 0 ? 'a bracket is opened and not closed' : undefined;
}
