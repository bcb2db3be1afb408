import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { DocId, Segment } from '../../src/core/types.js';
import { segmentText } from '../../src/segment/index.js';

/** Real German text, see real-de/README.md for sources and licences. */
const read = <T>(name: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'real-de', name), 'utf8')) as T;

function sentences(text: string): string[] {
  return segmentText(text, { docId: 'real' as DocId, lang: 'de' as Lang }).body.flatMap((block) =>
    block.kind === 'block' ? block.parts.filter((p): p is Segment => p.kind === 'segment').map((p) => p.text) : [],
  );
}

describe('#26 German sentence ends after scores, amounts and ordinals', () => {
  it.each([
    ['a score before an article', ['Das Spiel endete 2:1.', 'Der Trainer war erleichtert.']],
    ['a draw before an article', ['Das Spiel endete 2:2.', 'Die Fans feierten trotzdem.']],
    ['a score before a noun', ['Die Mannschaft verlor 0:3.', 'Trainer Müller trat zurück.']],
    ['a time before a pronoun', ['Anpfiff ist um 15:30.', 'Er kommt später.']],
    ['an abbreviated amount before a preposition', ['Der Umsatz lag bei knapp 40 Mio.', 'Im Vorjahr waren es 38 Mio. Euro.']],
    ['billions before a pronoun', ['Der Schaden beträgt 2 Mrd.', 'Sie zahlt nicht.']],
    ['a number after a preposition before a pronoun', ['Das Meiste ist ab 3.', 'Unsere Kinder waren begeistert.']],
    ['a list number at the start of a sentence', ['Erstens gilt das.', '2. Die Fans bleiben draußen.']],
    ['a number after an abbreviation before an adverb', ['Siehe Nr. 5.', 'Dort steht es.']],
  ])('splits %s', (_name, expected) => {
    expect(sentences(expected.join(' '))).toEqual(expected);
  });

  it.each([
    ['an ordinal before a noun after a possessive', 'Wir gratulieren unserem 60. Jubiläumsjahrgang.'],
    ['an ordinal before a noun after a preposition', 'Die Stadt feiert zum 60. Jubiläumsjahr ein Fest.'],
    ['an amount before its unit', 'Der Umsatz lag bei 40 Mio. Euro im Jahr.'],
    ['a date before an article', 'Am 3.10. Der Feiertag ist bundesweit.'],
  ])('keeps %s in the sentence', (_name, text) => {
    expect(sentences(text)).toEqual([text]);
  });
});

describe('real German text', () => {
  const gsd = read<{ pairs: [string, string][] }>('ud-gsd.json');
  it(`splits ${gsd.pairs.length} sentence pairs of UD German GSD as the treebank does`, () => {
    const wrong = gsd.pairs.filter((pair) => JSON.stringify(sentences(pair.join(' '))) !== JSON.stringify(pair));
    expect(wrong).toEqual([]);
  });

  const lt = read<{ cases: string[][] }>('languagetool.json');
  it.each(lt.cases.map((c) => [c.join(' '), c] as const))('LanguageTool: %s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});
