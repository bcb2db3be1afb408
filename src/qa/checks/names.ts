import { hasTerms, termMatcher, type TermEntry } from '../../termbase/index.js';
import { baseLanguage } from '../../core/lang.js';
import { defineCheck, type CheckResult, type SegmentPair } from '../check.js';
import { citiesNotInSource, findName, findNameInJapanese, unknownNameCandidates, type NameVerdict } from '../locales/names.js';

const LATIN = /^[\p{Script=Latin}\s\p{P}\p{N}]+$/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const MAX_NAMES = 64;

/**
 * Names outside the termbase: acronyms, names after roles, names met earlier
 * in the document and cities must appear as themselves or as the target
 * language spells them, in Latin-script and Japanese translations.
 */
function unknownNames(pair: SegmentPair, known: readonly { start: number; end: number }[]): CheckResult[] {
  const targetLang = pair.targetRules.textLang;
  const sourceLang = pair.sourceRules.textLang;
  const japanese = JAPANESE.test(pair.target);
  if (!japanese && !LATIN.test(pair.target.replace(/[^\p{L}]/gu, '') || 'a')) return [];
  const results: CheckResult[] = [];
  for (const city of citiesNotInSource(pair.source, pair.target, targetLang)) {
    results.push({ severity: 'error', message: `“${city}” is a city the source does not name` });
  }
  const seen = new Set<string>();
  // Termbase matches come in text order, like the candidates: one pointer walks both.
  let next = 0;
  for (const candidate of unknownNameCandidates(pair.source, pair.earlierNames, japanese ? undefined : pair.keptNames)) {
    while (next < known.length && known[next]!.end <= candidate.start) next++;
    if (seen.has(candidate.name) || (next < known.length && known[next]!.start < candidate.end)) continue;
    // A sentence names a handful of people and places; thousands of candidates are no text to check name by name.
    if (seen.size >= MAX_NAMES) break;
    seen.add(candidate.name);
    // A word the document's translations keep elsewhere is checked for misspellings only (one or two letters off):
    // a sentence may well say it another way.
    const kept = candidate.kind === 'kept';
    const verdict: NameVerdict = japanese
      ? findNameInJapanese(pair.target, candidate.name, sourceLang, candidate.forms)
      : findName(pair.target, candidate.name, sourceLang, targetLang, candidate.forms, kept ? 2 : Infinity);
    if (verdict === 'present' || (kept && verdict === 'missing')) continue;
    const what = candidate.kind === 'place' ? 'city' : 'name';
    results.push({
      severity: 'error',
      message:
        verdict === 'altered'
          ? `“${candidate.name}” is misspelt or changed (a ${what} not in the termbase: keep it or transliterate it)`
          : `“${candidate.name}” is missing (a ${what} not in the termbase: keep it or transliterate it)`,
    });
  }
  return results;
}

/**
 * Names differ from the termbase or the source: every person, place or
 * organisation of the termbase found in the source (inflected German forms
 * such as "Russlands" included) must appear in one of the forms the termbase
 * gives for the target language ("Sergei Shoigu", "Shoigu"; "Moscou"), or as
 * it is where the termbase says not to translate it. Names the termbase does
 * not know (acronyms, names after a title or role and later mentions of them,
 * cities) must appear unchanged or as the target language spells them
 * ("Jelzin" ~ "Yeltsin", "Selenskyj" ~ "ゼレンスキー").
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
    results.push(...unknownNames(pair, inSource.map((found) => found.span)));
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
