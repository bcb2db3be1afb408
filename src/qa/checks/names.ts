import { hasTerms, termMatcher, type TermEntry } from '../../termbase/index.js';
import { defineCheck, type CheckResult } from '../check.js';

/**
 * Names differ from the termbase: every person, place or organisation of the
 * termbase found in the source (inflected German forms such as "Russlands"
 * included) must appear in the translation in one of the forms the termbase
 * gives for the target language ("Sergei Shoigu", "Shoigu"; "Moscou"). Names
 * the termbase has no form for in that language are not judged.
 */
export const names = defineCheck({
  id: 'names',
  title: 'Names differ from the termbase',
  run(pair) {
    const termbase = pair.termbase;
    if (!termbase) return [];
    const targetLang = pair.targetRules.textLang;
    const inSource = termMatcher(termbase, pair.sourceRules.textLang).find(pair.source);
    const target = termMatcher(termbase, targetLang);
    const results: CheckResult[] = [];
    const judged = new Set<TermEntry>();
    for (const { entry, form } of inSource) {
      if (judged.has(entry) || !hasTerms(entry, targetLang)) continue;
      judged.add(entry);
      if (target.contains(pair.target, entry)) continue;
      const expected = entry.terms.get(targetLang.split('-')[0]!)!.filter((term) => !term.variant).map((term) => `“${term.text}”`);
      const leftAsIs = pair.target.includes(form) ? ', not the source form' : '';
      results.push({ severity: 'error', message: `“${form}” should appear as ${expected.join(' or ')}${leftAsIs}` });
    }
    return results;
  },
});
