import { defineCheck } from '../check.js';
import type { LocaleRules } from '../locales/rules.js';

/**
 * Quotations lost or added. Counts quotations by each locale's own opening marks
 * (`„` de, `“` en, `«` fr), so `„…“` → `“…”` → `« … »` is correct; straight
 * `"…"` in the translation counts too, but is a warning.
 */
export const quotes = defineCheck({
  id: 'quotes',
  title: 'Quotations differ from the source',
  run(pair) {
    const source = countQuotations(pair.source, pair.sourceRules);
    const target = countQuotations(pair.target, pair.targetRules);
    const straight = Math.floor((pair.target.match(/"/g)?.length ?? 0) / 2);
    if (source === target) return [];
    if (source === target + straight) {
      return [{ severity: 'warning', message: `straight quotes ("…") where ${pair.targetRules.quoteOpeners[0]}…  is usual` }];
    }
    return [{ severity: 'error', message: `the source has ${source} quotation(s), the translation ${target + straight}` }];
  },
});

function countQuotations(text: string, rules: LocaleRules): number {
  let count = 0;
  for (const char of text) if (rules.quoteOpeners.includes(char)) count++;
  return count;
}
