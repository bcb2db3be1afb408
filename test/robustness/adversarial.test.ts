/**
 * #22 nothing freezes the server: every QA check (the registry, so a new check
 * is covered the day it is registered), the segmenter, the memory matcher and
 * the protection of inline codes take time linear in their input, on inputs
 * made to break regular expressions and nested loops: one very long word, runs
 * of every quotation mark, bracket and punctuation character, alternations
 * (`a.a.a.`, `1.1.1.`, `http://http://`), deep nesting, long runs of spaces.
 *
 * Growth, not wall-clock time: each input is timed at size n and 16n (the
 * fastest of several runs, since other work on a shared machine only ever adds
 * time). Linear work grows 16 times, quadratic work 256 times; a ratio of 64
 * or more fails. A ratio over the limit is measured again with more runs
 * before it counts, so one pause of the machine does not fail the suite.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { CodeSpan, DocId, SegmentId, Target } from '../../src/core/types.js';
import { plainText } from '../../src/formats/plain-text.js';
import { indexTerms, maxScore, normalise, score } from '../../src/memory/match.js';
import { protectCodes } from '../../src/mt/protect.js';
import { codesIn, findCodes } from '../../src/core/codes.js';
import { random } from '../../scripts/memory-corpus.js';
import { checkPairs, checks, localeRules, type SegmentPair } from '../../src/qa/index.js';
import { rulesFor, segmentText } from '../../src/segment/index.js';
import { check as checkStage } from '../../src/stages/check.js';
import { segmentsOf } from '../../src/core/doc.js';

/** The smaller size; the larger is 16 times it. Linear work on 16n takes a few milliseconds. */
const N = 500;
const GROWTH = 16;
/** Linear is 16, quadratic 256: the limit sits far from both. */
const LIMIT = 64;
/** Times under this are below what a machine under load measures reliably: the ratio uses it as the floor. */
const FLOOR_MS = 0.1;


const repeat = (unit: string) => (n: number) => unit.repeat(Math.max(1, Math.round(n / unit.length)));
const nested = (open: string, close: string) => (n: number) => open.repeat(n / 2) + close.repeat(n / 2);
const randomOver = (alphabet: string, seed: number) => (n: number) => {
  const next = random(seed);
  const chars = [...alphabet];
  return Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]!).join('');
};

/** Quotation marks of the locales we check, brackets, and the punctuation patterns key on. */
const MARKS = '„“”‚‘’«»"\'‹›「」『』（）()[]{}<>【】〔〕';
const PUNCTUATION = '.,:;!?…-–—_/\\@#%&*=+|~^$`・。、';
const SPACES = [' ', '\u00a0', '\t', '\n', '\u3000'];

/** Name → input of about n characters. */
const INPUTS: readonly (readonly [string, (n: number) => string])[] = [
  ['a long word of letters', repeat('a')],
  ['a long capitalised word', (n) => `A${'b'.repeat(n - 1)}`],
  ['a long word in capitals', repeat('A')],
  ['a long name after a role (seeded)', (n) => `Außenminister A${randomOver('abcdefghijklmnopqrstuvwxyz', 5)(n - 15)}`],
  ['a long number', repeat('1')],
  ['a long word of letters and digits (seeded)', randomOver('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 1)],
  ['a long word of katakana', repeat('ア')],
  ...[...MARKS, ...PUNCTUATION].map((char) => [`a run of ${JSON.stringify(char)}`, repeat(char)] as const),
  ...SPACES.map((space) => [`a run of ${JSON.stringify(space)}`, repeat(space)] as const),
  ...['a.', 'a. ', '1.', '1,', '1 ', '1.1 ', '12.', 'z. B. ', 'Dr.', 'http://', 'https://a', 'www.', 'a@', '@a', 'a:', '$t(', '{{', '{a', '{a, plural, one {', '%1', '%s', '%1$', '<a ', '<1>', '</', '= ', 'a ', 'Ab ', 'ABC ', 'Herr ', 'Minister ', 'Mai ', '4. Mai ', '12 km ', '9:15 ', '3,5 Mio. ', '2024 ', 'XIV ', '„a“ ', '’s ', 'a-', '-a', '/a', '_a'].map(
    (unit) => [`alternations of ${JSON.stringify(unit)}`, repeat(unit)] as const,
  ),
  ...[...'%{<$@„«「(#'].map((mark) => [`${JSON.stringify(mark)} before a long word`, (n: number) => `${mark}${'a'.repeat(n - 1)}`] as const),
  ['"%" before a long run of zeros', (n) => `%${'0'.repeat(n - 1)}`],
  ['nested brackets', nested('(', ')')],
  ['nested full-width brackets', nested('（', '）')],
  ['nested German quotations', nested('„', '“')],
  ['nested guillemets', nested('«', '»')],
  ['nested corner brackets', nested('「', '」')],
  ['nested braces', nested('{', '}')],
  ['nested tags', nested('<b>', '</b>')],
  ['quotations in brackets, nested', nested('(„', '“)')],
  ['marks and letters (seeded)', randomOver(`${MARKS}${PUNCTUATION}ab1 `, 2)],
  ['quotes and spaces (seeded)', randomOver('„“”‚‘’«»"\' \u00a0a', 3)],
  ['digits and separators (seeded)', randomOver('0123456789.,:  \u00a0', 4)],
];

/** The fastest of `runs` runs, in ms. */
function fastest(run: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** How much longer `run` takes on the input of 16n than on that of n. */
function growth<T>(make: (n: number) => T, run: (input: T) => unknown): number {
  const small = make(N);
  const large = make(N * GROWTH);
  // No warm-up: a cold first run only makes the smaller input look slower, and the ratio smaller.
  const ratio = (runs: number) => fastest(() => run(large), runs) / Math.max(FLOOR_MS, fastest(() => run(small), runs));
  // A pause of the machine only ever adds time: look again, longer, before calling it superlinear.
  let best = Infinity;
  for (const runs of [2, 5, 9]) {
    best = Math.min(best, ratio(runs));
    if (best < LIMIT) break;
  }
  return best;
}

/** A few offenders say enough, and superlinear work is slow to measure: the test stops after these. */
const MAX_REPORTED = 3;

/** The inputs whose time grows past the limit, with their ratios. */
function superlinear<T>(make: (input: (n: number) => string) => (n: number) => T, run: (input: T) => unknown): string[] {
  const slow: string[] = [];
  for (const [name, input] of INPUTS) {
    const ratio = growth(make(input), run);
    if (ratio >= LIMIT) slow.push(`${name}: ${ratio.toFixed(0)}x for ${GROWTH}x the input`);
    if (slow.length === MAX_REPORTED) break;
  }
  return slow;
}

const de = 'de' as Lang;
const sourceRules = localeRules(de, de);
/**
 * A translation into each script and quoting style the checks read differently, and where the input is: a
 * review save brings it in the translation; a source may have it too.
 */
const SIDES: readonly (readonly [Lang, Side])[] = [
  ['en' as Lang, 'target'],
  ['en' as Lang, 'both'],
  ['en' as Lang, 'both, one letter changed'],
  ['ja' as Lang, 'target'],
  ['fr' as Lang, 'both'],
  ['pl' as Lang, 'target'],
];

/** The input in the translation only, on both sides, or on both with a typo in the translation's (a near miss of a name). */
type Side = 'target' | 'both' | 'both, one letter changed';

function pairWith(lang: Lang, side: Side) {
  const targetRules = localeRules(lang, de);
  return (input: (n: number) => string) => (n: number): SegmentPair => {
    const text = input(n);
    const typo = side === 'both, one letter changed' ? `${text.slice(0, -1)}${text.endsWith('x') ? 'y' : 'x'}` : text;
    return {
      segmentId: 's' as SegmentId,
      source: side === 'target' ? 'Der Minister sagte am Montag in Berlin, die Lage sei ernst.' : `Der Minister sagte am Montag in Berlin, ${text} sei ernst.`,
      target: `The minister said on Monday in Berlin that ${typo} was serious.`,
      sourceRules,
      targetRules,
      lang,
      earlierNames: new Set(['Anna Beispiel', 'Beispiel']),
      keptNames: new Set(['Waldbühne']),
    };
  };
}

describe('#22 every QA check takes linear time on adversarial input', { timeout: 60_000 }, () => {
  const cases = checks.flatMap((check) => SIDES.map(([lang, side]) => [check.id, lang, side, check] as const));
  it.each(cases)('%s, into %s, input in %s', (_id, lang, side, check) => {
    expect(superlinear(pairWith(lang, side), (pair) => check.run(pair))).toEqual([]);
  });

  it.each(['en' as Lang])('all checks of a document together (names carried from sentence to sentence), into %s', (lang) => {
    const make = pairWith(lang, 'both');
    expect(
      superlinear(
        (input) => (n) => {
          const pair = make(input)(n);
          return [{ segmentId: 's' as SegmentId, source: pair.source, target: pair.target }];
        },
        (items) => checkPairs(items, { sourceLang: de, lang }),
      ),
    ).toEqual([]);
  });
});

describe('#22 the other paths of a request take linear time on adversarial input', { timeout: 60_000 }, () => {
  it('segmenting a sentence', () => {
    expect(superlinear((input) => (n) => `Der Minister sagte am Montag: ${input(n)} Das ist ernst.`, (text) => segmentText(text, { docId: 'd' as DocId, lang: de }))).toEqual([]);
  });

  it('normalising, indexing and bounding a memory match', () => {
    const other = normalise({ text: 'Der Minister sagte am Montag in Berlin, die Lage sei ernst.' });
    expect(
      superlinear(
        (input) => (n) => ({ text: `Der Minister sagte am Montag, ${input(n)} sei ernst.` }),
        (sentence) => {
          const query = normalise(sentence);
          indexTerms(query.text);
          // As the ranking does: only a pair that can reach a score is scored.
          if (maxScore(query, other) > 0) score(query, other);
        },
      ),
    ).toEqual([]);
  });

  it('protecting inline codes and restoring them from an answer', () => {
    expect(
      superlinear(
        (input) => (n) => {
          const text = `Er hat {{count}} ${input(n)} <1>Punkte</1>.`;
          const start = text.indexOf('{{');
          const open = text.lastIndexOf('<1>');
          return {
            text,
            codes: [
              { id: '1', kind: 'standalone', start, end: start + '{{count}}'.length },
              { id: '2', kind: 'open', start: open, end: open + 3 },
              { id: '2', kind: 'close', start: open + 3 + 'Punkte'.length, end: open + 3 + 'Punkte'.length + 4 },
            ] satisfies CodeSpan[],
          };
        },
        ({ text, codes }) => {
          const protectedText = protectCodes(text, codes);
          protectedText.restore(protectedText.markup);
          protectedText.restore(text);
        },
      ),
    ).toEqual([]);
  });
});

describe('#22 finding inline codes takes linear time', { timeout: 60_000 }, () => {
  const TAGS = /<\/?[A-Za-z][\w:-]*>/;

  it('pairing tags: runs of openings, then closings of another name', () => {
    // Each closing used to search the whole stack of openings for its partner.
    expect(growth((n) => '<b>'.repeat(n / 2) + '</i>'.repeat(n / 2), (text) => findCodes(text, TAGS))).toBeLessThan(LIMIT);
    expect(growth((n) => '<b><i>'.repeat(n / 4) + '</b>'.repeat(n / 4), (text) => findCodes(text, TAGS))).toBeLessThan(LIMIT);
  });

  it('finding the codes of a source in a translation, with many codes that start alike', () => {
    // Every code used to be tried at every position of the translation.
    const sourceOf = (n: number) => {
      const text = Array.from({ length: Math.max(1, n / 40) }, (_, i) => `<t${i}>Wort</t${i}>`).join(' ');
      return { text, codes: findCodes(text, TAGS) };
    };
    expect(growth((n) => ({ source: sourceOf(n), target: '<'.repeat(n) }), ({ source, target }) => codesIn(target, source))).toBeLessThan(LIMIT);
  });

  it('the codes found are the same as before: longest first, unused before repeated', () => {
    const source = { text: '{{count}} und {{count, number}} <1>x</1>', codes: findCodes('{{count}} und {{count, number}} <1>x</1>', /\{\{[^{}]*\}\}|<\/?\d+>/) };
    const found = codesIn('<1>y</1> {{count, number}} {{count}} {{count}}', source);
    expect(found.map((code) => [code.id, code.kind])).toEqual([
      ['3', 'open'],
      ['3', 'close'],
      ['2', 'standalone'],
      ['1', 'standalone'],
      ['1', 'standalone'],
    ]);
  });
});

describe('#22 l10n check: a unit with an 80,000-letter word', () => {
  /** The check stage (what `l10n check` and a review save run) over a one-unit document whose translation is `target`. */
  function checkUnit(source: string, target: string) {
    const parsed = plainText.parse(source, { docId: 'd' as DocId, lang: de, rules: rulesFor(de), file: 'd.txt' });
    const lang = 'en' as Lang;
    const targets = new Map(segmentsOf(parsed.doc).map((segment): [SegmentId, Target] => [segment.id, { segmentId: segment.id, text: target, state: 'translated', origin: { by: 'human' } }]));
    return () => checkStage({ source: { format: plainText, parsed }, lang, targets, stale: [] }, { sourceLang: de });
  }

  it('takes at most 5x a unit of normal text of the same length', { timeout: 60_000 }, () => {
    const source = 'Der Minister sagte am Montag in Berlin, die Lage sei ernst.';
    const sentence = 'The minister said on Monday in Berlin that the situation was serious. ';
    const word = 'a'.repeat(80_000);
    const hostile = checkUnit(source, `The minister said ${word} on Monday.`);
    const normal = checkUnit(source, sentence.repeat(Math.ceil(80_000 / sentence.length)));
    normal();
    const base = fastest(normal, 3);
    // Measured again only while the ratio is near the limit: a pause of the machine only ever adds time, and a
    // superlinear check takes minutes per run.
    let ratio = Infinity;
    for (let run = 0; run < 3 && ratio >= 5 && (run === 0 || ratio < 20); run++) ratio = Math.min(ratio, fastest(hostile, 1) / base);
    expect(ratio).toBeLessThan(5);
  });
});
