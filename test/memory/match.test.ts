import { describe, expect, it } from 'vitest';
import { maxScore, MAX_FUZZY_LENGTH, normalise, numbersIn, score } from '../../src/memory/match.js';
import { substituteNumbers } from '../../src/memory/numbers.js';

const of = (a: string, b: string) => score(normalise({ text: a }), normalise({ text: b }));

describe('fuzzy score', () => {
  it('is 100 only for the same sentence', () => {
    expect(of('Am Sonntag wird Kerry in Berlin erwartet.', 'Am Sonntag wird Kerry in Berlin erwartet.')).toBe(100);
    expect(of('Am Sonntag wird Kerry in Berlin erwartet.', 'Am Sonntag wird Kerry in Berlin erwartet')).toBeLessThan(100);
  });

  it('gives a one-word edit of a news sentence 90 or more', () => {
    const sentences = [
      'Kerry kündigte an, die USA würden ihre Bemühungen im Kampf gegen den IS verstärken.',
      'Russland und der Iran gehören zu den letzten Verbündeten des Assad-Regimes.',
      'Hammond erklärte, die Situation in Syrien werde immer komplizierter.',
    ];
    expect(of(sentences[0]!, sentences[0]!.replace('verstärken', 'ausweiten'))).toBeGreaterThanOrEqual(90);
    expect(of(sentences[1]!, sentences[1]!.replace('letzten', 'wichtigsten'))).toBeGreaterThanOrEqual(90);
    expect(of(sentences[2]!, sentences[2]!.replace('Syrien', 'Libyen'))).toBeGreaterThanOrEqual(90);
  });

  it('costs a changed number one point, however many digits it has', () => {
    expect(of('Die Debatte dauerte 6 Stunden.', 'Die Debatte dauerte 16 Stunden.')).toBe(99);
    expect(of('Bei dem Anschlag starben 3 Menschen.', 'Bei dem Anschlag starben 1.250 Menschen.')).toBe(99);
  });

  it('counts a code as one character, and a different code as one point', () => {
    const bold = { text: 'Das ist <b>wichtig</b>.', codes: [{ id: '1', kind: 'open', start: 8, end: 11 }, { id: '1', kind: 'close', start: 18, end: 22 }] } as const;
    const italic = { text: 'Das ist <i>wichtig</i>.', codes: [{ id: '1', kind: 'open', start: 8, end: 11 }, { id: '1', kind: 'close', start: 18, end: 22 }] } as const;
    expect(score(normalise(bold), normalise(bold))).toBe(100);
    expect(score(normalise(bold), normalise(italic))).toBe(98);
  });

  it('leaves texts too long to be sentences to exact matching: no quadratic edit distance over them', () => {
    const long = normalise({ text: 'Wort '.repeat(MAX_FUZZY_LENGTH) });
    const edited = normalise({ text: `${'Wort '.repeat(MAX_FUZZY_LENGTH - 1)}Satz` });
    expect(maxScore(long, edited)).toBe(0);
    const sentence = normalise({ text: 'Am Sonntag wird Kerry in Berlin erwartet.' });
    expect(maxScore(sentence, sentence)).toBe(100);
  });

  it('finds numbers with German and English separators, and no number in a word', () => {
    const text = 'Es waren 1.250 oder 3,5 Prozent, am 9. September, COVID19';
    expect(numbersIn(text).map((span) => text.slice(span.start, span.end))).toEqual(['1.250', '3,5', '9', '19']);
  });
});

describe('numbers in a proposal', () => {
  it('replaces a changed number where the translation wrote it', () => {
    expect(substituteNumbers('Die Debatte dauerte 6 Stunden.', 'Die Debatte dauerte 7 Stunden.', 'The debate lasted 6 hours.', 'en')).toBe('The debate lasted 7 hours.');
  });

  it('writes it as the translation writes numbers', () => {
    expect(substituteNumbers('Es kamen 1.250 Menschen.', 'Es kamen 2.400 Menschen.', '1,250 people came.', 'en')).toBe('2,400 people came.');
    expect(substituteNumbers('Es kamen 950 Menschen.', 'Es kamen 12.400 Menschen.', '950 people came.', 'en')).toBe('12,400 people came.');
    expect(substituteNumbers('Es kamen 950 Menschen.', 'Es kamen 12.400 Menschen.', '950 personnes sont venues.', 'fr')).toBe('12\u202f400 personnes sont venues.');
  });

  it('leaves the proposal as it is where the mapping is not one to one', () => {
    // Two numbers in the source, one in the translation: which is which is a guess.
    expect(substituteNumbers('Von 3 auf 5 Sitze.', 'Von 3 auf 6 Sitze.', 'From three to 5 seats and 5 more.', 'en')).toBeUndefined();
    // One number more in the new sentence.
    expect(substituteNumbers('Es dauerte 6 Stunden.', 'Es dauerte 6 Stunden und 5 Minuten.', 'It took 6 hours.', 'en')).toBeUndefined();
    // The same value twice in the source.
    expect(substituteNumbers('5 Tote und 5 Verletzte.', '5 Tote und 7 Verletzte.', '5 dead and 5 injured.', 'en')).toBeUndefined();
  });

  it('keeps a proposal whose numbers did not change', () => {
    expect(substituteNumbers('Es dauerte 6 Stunden.', 'Es dauerte lange 6 Stunden.', 'It took 6 hours.', 'en')).toBe('It took 6 hours.');
  });
});
