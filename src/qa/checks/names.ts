import { hasTerms, termMatcher, type TermEntry } from '../../termbase/index.js';
import { baseLanguage, type Lang } from '../../core/lang.js';
import { defineCheck, type CheckResult } from '../check.js';
import { containsName, unknownNameCandidates } from '../locales/names.js';

const LATIN = /^[\p{Script=Latin}\s\p{P}\p{N}]+$/u;

/** Names outside the termbase: unchanged or transliterated, where the target is written in Latin script. */
function unknownNames(source: string, target: string, known: readonly { start: number; end: number }[], lang: Lang): CheckResult[] {
  if (!LATIN.test(target.replace(/[^\p{L}]/gu, '') || 'a') || lang.startsWith('ja') || lang.startsWith('zh')) return [];
  const results: CheckResult[] = [];
  const seen = new Set<string>();
  for (const candidate of unknownNameCandidates(source)) {
    if (seen.has(candidate.name) || known.some((span) => span.start < candidate.end && candidate.start < span.end)) continue;
    seen.add(candidate.name);
    if (!containsName(target, candidate.name)) {
      results.push({ severity: 'error', message: `“${candidate.name}” is missing or altered (not in the termbase: keep it or transliterate it)` });
    }
  }
  return results;
}

/**
 * Names differ from the termbase or the source: every person, place or
 * organisation of the termbase found in the source (inflected German forms
 * such as "Russlands" included) must appear in one of the forms the termbase
 * gives for the target language ("Sergei Shoigu", "Shoigu"; "Moscou"). Names
 * the termbase does not know (acronyms, names after a title or role) must
 * appear unchanged or recognisably transliterated ("Jelzin" ~ "Yeltsin"), in
 * languages written in Latin script.
 */
export const names = defineCheck({
  id: 'names',
  title: 'Names differ from the termbase',
  run(pair) {
    const targetLang = pair.targetRules.textLang;
    const termbase = pair.termbase ?? { entries: [] };
    const inSource = termMatcher(termbase, pair.sourceRules.textLang).find(pair.source);
    const target = termMatcher(termbase, targetLang);
    const results: CheckResult[] = [];
    const judged = new Set<TermEntry>();
    results.push(...unknownNames(pair.source, pair.target, inSource.map((found) => found.span), targetLang));
    for (const { entry, form } of inSource) {
      if (judged.has(entry) || !hasTerms(entry, targetLang)) continue;
      judged.add(entry);
      if (target.contains(pair.target, entry)) continue;
      const expected = (entry.keep ? (entry.terms.get(baseLanguage(pair.sourceRules.textLang)) ?? []) : entry.terms.get(baseLanguage(targetLang))!)
        .filter((term) => !term.variant)
        .map((term) => `“${term.text}”`);
      const leftAsIs = pair.target.includes(form) ? ', not the source form' : '';
      results.push({ severity: 'error', message: `“${form}” should appear as ${expected.join(' or ')}${leftAsIs}` });
    }
    return results;
  },
});
