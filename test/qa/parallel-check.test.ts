/**
 * #23: a large input is checked on several threads, with the findings one
 * thread gives, in the same order. Runs the compiled checks (`npm run build`
 * first, as for the CLI tests): worker threads load `dist/`, not TypeScript.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { Finding, SegmentId } from '../../src/core/types.js';
import type { CheckItem, CheckOptions } from '../../src/qa/run.js';

const DIST = path.resolve(import.meta.dirname, '../../dist/src/qa');
const { checkPairs, pairChecker, namesKept } = (await import(pathToFileURL(path.join(DIST, 'run.js')).href)) as typeof import('../../src/qa/run.js');
const { checkInParallel, PARALLEL_FROM } = (await import(pathToFileURL(path.join(DIST, 'parallel.js')).href)) as typeof import('../../src/qa/parallel.js');

/**
 * A long news document, `count` sentences: a dateline, a minister named by her
 * role once and by her surname after, quotations that run over two sentences,
 * figures, and mistakes every few sentences (a figure changed, the surname
 * misspelt, a quotation mark lost, a sentence left in German).
 */
function newsDocument(count: number, lang: 'en' | 'fr'): CheckItem[] {
  const english = lang === 'en';
  const pairs: [string, string][] = [
    ['Berlin, 05.02.2026 – Die Ministerin Annegret Kowalczyk hat am Montag einen Plan vorgestellt.', english ? 'Berlin, 5 February 2026 – Minister Annegret Kowalczyk presented a plan on Monday.' : 'Berlin, 5 février 2026 – La ministre Annegret Kowalczyk a présenté lundi un plan.'],
    ['„Wir investieren 4,5 Milliarden Euro in die Schulen.', english ? '“We are investing 4.5 billion euros in schools.' : '« Nous investissons 4,5 milliards d’euros dans les écoles.'],
    ['Das ist erst der Anfang“, sagte Kowalczyk in Berlin.', english ? 'This is only the beginning,” Kowalczyk said in Berlin.' : 'Ce n’est qu’un début », a déclaré Kowalczyk à Berlin.'],
    ['Rund 12.000 Lehrer sollen bis 2030 eingestellt werden.', english ? 'Around 12,000 teachers are to be hired by 2030.' : 'Environ 12 000 enseignants doivent être embauchés d’ici 2030.'],
    ['Die Opposition kritisierte den Plan als zu spät.', english ? 'The opposition criticised the plan as too late.' : 'L’opposition a jugé le plan trop tardif.'],
    ['Kowalczyk will am 14. März im Bundestag sprechen.', english ? 'Kowalczyk will speak in the Bundestag on 14 March.' : 'Kowalczyk s’exprimera au Bundestag le 14 mars.'],
  ];
  const items: CheckItem[] = [];
  for (let i = 0; i < count; i++) {
    const [source, target] = pairs[i % pairs.length]!;
    const n = Math.floor(i / pairs.length);
    let translated = target;
    if (i % 97 === 3) translated = translated.replace(/12[,  ]000/, '21,000');
    if (i % 89 === 5) translated = translated.replace('Kowalczyk', 'Kowalcyk');
    if (i % 83 === 1) translated = translated.replace(/^[“«] ?/, '');
    if (i % 79 === 4) translated = source;
    items.push({ segmentId: `s${i}` as SegmentId, source: source.replace('4,5', `${4 + (n % 5)},5`), target: translated.replace(/4[.,]5/, english ? `${4 + (n % 5)}.5` : `${4 + (n % 5)},5`) });
  }
  return items;
}

const summary = (findings: readonly Finding[]) => findings.map((f) => `${f.segmentId} ${f.check} ${f.severity} ${f.message}`);
/** Enough sentences for several batches per thread; the size from which threads are used is lowered to it. */
const SENTENCES = 1_200;

describe('#23 checks a large input on several threads', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`gives a ${lang} document the findings of one thread, in the same order`, () => {
      const items = newsDocument(SENTENCES, lang);
      const options: CheckOptions = { sourceLang: 'de' as Lang, lang: lang as Lang };
      const one = checkPairs(items, { ...options, threads: 1 });
      const prepare = () => {
        const keptNames = namesKept(items, options);
        return { keptNames, check: pairChecker(items, options, keptNames) };
      };
      const parallel = checkInParallel(items, { ...options, threads: 3 }, prepare, SENTENCES);
      expect(parallel).toBeDefined();
      const found = summary(one);
      // Planted mistakes far into the document are found: the surname misspelt (she was named by her role in
      // sentence 0), a sentence left in German, a figure changed.
      expect(found.some((f) => f.startsWith('s1073 names error') && f.includes('Kowalczyk'))).toBe(true);
      expect(found.some((f) => f.startsWith('s1110 untranslated error'))).toBe(true);
      expect(found.some((f) => f.startsWith('s1167 numbers error') && f.includes('21,000'))).toBe(true);
      expect(summary(parallel!)).toEqual(found);
      expect(parallel).toEqual(one);
    }, 180_000);
  }

  it('checks in one thread below the size where threads pay off, or when asked to', () => {
    const options: CheckOptions = { sourceLang: 'de' as Lang, lang: 'en' as Lang };
    const small = newsDocument(10, 'en');
    expect(PARALLEL_FROM).toBeGreaterThan(1000);
    const prepare = () => {
      throw new Error('not to be called: one thread checks');
    };
    expect(checkInParallel(small, options, prepare)).toBeUndefined();
    expect(checkInParallel(small, { ...options, threads: 1 }, prepare, 1)).toBeUndefined();
  });
});
