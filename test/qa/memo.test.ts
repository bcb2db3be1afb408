import { describe, expect, it } from 'vitest';
import { rememberLast } from '../../src/qa/memo.js';
import { localeRules } from '../../src/qa/index.js';
import type { Lang } from '../../src/core/lang.js';

/** A reading that counts how often it really reads: the words of a sentence, by a locale's rules. */
function counted() {
  const calls: string[] = [];
  const read = rememberLast((text: string, rules: { lang: string }) => {
    calls.push(`${rules.lang}:${text}`);
    return text.split(' ');
  }, 2);
  return { calls, read };
}

describe('rememberLast: each pair’s text is read once, whichever checks ask', () => {
  const de = localeRules('de' as Lang, 'de' as Lang);
  const fr = localeRules('fr' as Lang, 'de' as Lang);

  it('reads a sentence once for several checks of the same pair, and gives each the same result', () => {
    const { calls, read } = counted();
    const first = read('Es kamen 15.000 Menschen.', de);
    const second = read('Es kamen 15.000 Menschen.', de);
    expect(second).toBe(first);
    expect(calls).toEqual(['de:Es kamen 15.000 Menschen.']);
  });

  it('reads the same text again under other rules: the French reading of a text is not the German one', () => {
    const { calls, read } = counted();
    read('15 000 personnes', de);
    read('15 000 personnes', fr);
    expect(calls).toEqual(['de:15 000 personnes', 'fr:15 000 personnes']);
  });

  it('keeps only the last few texts, so a document of 100,000 units does not stay in memory', () => {
    const { calls, read } = counted();
    for (const text of ['Eins.', 'Zwei.', 'Drei.', 'Eins.']) read(text, de);
    // "Eins." was the oldest of three with room for two: read again.
    expect(calls).toEqual(['de:Eins.', 'de:Zwei.', 'de:Drei.', 'de:Eins.']);
  });
});
