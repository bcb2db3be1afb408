/**
 * QA over real professional translations (test/qa/corpora/, `npm run qa:corpus`): the mistakes of
 * the reference translations that were judged by hand (judged.json, verdict "reference") must stay
 * caught while the false errors around them are removed. The harness runs as `npm run qa:corpus`
 * does, one document at a time, over the documents that hold judged mistakes: every de-fr one
 * first (the pair with the most judged mistakes of the whole sample), then those of all pairs and
 * the faults the data's README names (a weekday changed on the German side of NTREX line 1111).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA, corpusFiles, measureCorpora, readPairs, type CorpusFinding } from '../../scripts/qa-corpus.js';

interface Judged {
  readonly set: string;
  readonly lang: string;
  readonly doc: string;
  readonly line: number;
  readonly check: string;
  readonly message: string;
  readonly verdict: 'false' | 'reference' | 'german';
  readonly cause: string;
  readonly note?: string;
  readonly from: 'sample' | 'scan' | 'known';
  readonly source: string;
  readonly target: string;
}

const judged = JSON.parse(readFileSync(path.join(CORPORA, 'judged.json'), 'utf8')) as Judged[];
const mistakes = judged.filter((entry) => entry.verdict === 'reference');
/** Faults named in the data's README, German side included (NTREX 1111: Sonntag for Saturday in every pair). */
const known = judged.filter((entry) => entry.from === 'known');

/** The judged mistakes the harness no longer flags with an error of their check, each with its cause. */
async function missed(of: readonly Judged[]): Promise<string[]> {
  const errors: CorpusFinding[] = [];
  for (const lang of new Set(of.map((mistake) => mistake.lang))) {
    const docs = new Set(of.filter((mistake) => mistake.lang === lang).map((mistake) => mistake.doc));
    for (const result of await measureCorpora({ langs: [lang], docs })) {
      // Documents are read whole, as in the baseline: names seen and quotations run across their sentences.
      const file = corpusFiles(CORPORA, { langs: [lang], sets: [result.set] })[0]!;
      expect(result.units, `de-${lang} ${result.set}`).toBe(readPairs(file).filter((pair) => docs.has(pair.doc)).length);
      errors.push(...result.findings.filter((finding) => finding.severity === 'error'));
    }
  }
  return of
    .filter((mistake) => !errors.some((f) => f.lang === mistake.lang && f.set === mistake.set && f.line === mistake.line && f.check === mistake.check))
    .map((mistake) => `de-${mistake.lang} ${mistake.set} line ${mistake.line} [${mistake.check}]: ${mistake.note ?? mistake.cause}`);
}

describe('QA on professional translations (test/qa/corpora)', () => {
  it('has every judged pair where judged.json says it is', () => {
    for (const file of corpusFiles(CORPORA)) {
      const pairs = readPairs(file);
      for (const entry of judged.filter((e) => e.lang === file.lang && e.set === file.set)) {
        expect(pairs[entry.line - 1], `de-${file.lang} ${file.set} line ${entry.line}`).toMatchObject({ doc: entry.doc, source: entry.source, target: entry.target });
      }
    }
  });

  it('still flags every judged mistake of the de-fr reference translations', async () => {
    const fr = mistakes.filter((mistake) => mistake.lang === 'fr');
    expect(fr.length).toBeGreaterThanOrEqual(12);
    expect(await missed(fr)).toEqual([]);
  });

  it('still flags every judged mistake of the references of every pair, and the known faults of the data', async () => {
    expect(mistakes.length).toBeGreaterThanOrEqual(79);
    expect(known.length).toBeGreaterThanOrEqual(9);
    expect(await missed([...mistakes, ...known.filter((entry) => entry.verdict !== 'reference')])).toEqual([]);
  });
});
