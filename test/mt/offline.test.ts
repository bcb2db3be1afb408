import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { createOfflineEngine, pseudoLocalize } from '../../src/mt/index.js';
import { checkPairs } from '../../src/qa/index.js';

describe('offline pseudo-localisation (en-XA)', () => {
  const source = '„Wir haben 15.000 Soldaten“, sagte Sergej Schoigu am 9. September auf https://example.com/a?b=1 zu {{name}} und $t(key) <b>heute</b>.';
  const pseudo = pseudoLocalize(source);

  it('keeps numbers, quotes, names, URLs, placeholders and tags intact', () => {
    for (const kept of ['„', '“', '15.000', '9.', 'Sergej Schoigu', 'https://example.com/a?b=1', '{{name}}', '$t(key)', '<b>', '</b>']) {
      expect(pseudo).toContain(kept);
    }
  });

  it('accents the rest, brackets the text and makes it at least 30 % longer', () => {
    expect(pseudo).toMatch(/^\[.*\]$/s);
    expect(pseudo).not.toContain(' haben ');
    expect(pseudo.length).toBeGreaterThanOrEqual(Math.ceil(source.length * 1.3));
  });

  it('passes QA against its source', () => {
    const findings = checkPairs([{ segmentId: 's-1' as SegmentId, source, target: pseudo }], {
      sourceLang: 'de' as Lang,
      lang: 'en-XA' as Lang,
    });
    expect(findings).toEqual([]);
  });

  it('translates only into pseudo-locales', () => {
    const engine = createOfflineEngine();
    expect(engine.unsupported('en-XA' as Lang, 'de' as Lang)).toBeUndefined();
    expect(engine.unsupported('en' as Lang, 'de' as Lang)).toMatch(/only makes pseudo-locales/);
    expect(engine.unsupported('fr' as Lang, 'de' as Lang)).toMatch(/not fr/);
  });
});

describe('#22 pseudo-localising adversarial text takes at most 10x normal text of the same size', () => {
  const SIZE = 40_000;
  const sentence = '„Wir haben 15.000 Soldaten“, sagte Sergej Schoigu am 9. September in Moskau. ';
  const normal = sentence.repeat(Math.ceil(SIZE / sentence.length)).slice(0, SIZE);
  /** Fastest of three runs, in ms: other work on a shared machine only ever adds time. */
  const time = (text: string) => {
    let fastest = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      pseudoLocalize(text);
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  };

  // Each was rescanned from every position: a 40,000-letter word took 10 s.
  it.each([
    ['one long word', 'a'.repeat(SIZE)],
    ['words joined by dots', 'ab.'.repeat(SIZE / 3)],
    ['a run of "{{"', '{{'.repeat(SIZE / 2)],
    ['a run of "$t("', '$t('.repeat(SIZE / 3)],
    ['a run of "<"', '<'.repeat(SIZE)],
  ])('%s', (_name, text) => {
    const base = Math.max(time(normal), 1);
    expect(time(text) / base).toBeLessThan(10);
  });
});
