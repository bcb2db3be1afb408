import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs, extractNumbers, localeRules } from '../../src/qa/index.js';

const de = 'de' as Lang;
const findings = (lang: string, source: string, target: string) =>
  checkPairs([{ segmentId: 's-1' as SegmentId, source, target }], { sourceLang: de, lang: lang as Lang });
const checksFound = (lang: string, source: string, target: string) =>
  findings(lang, source, target).map((finding) => `${finding.check}:${finding.severity}`);

describe('numbers', () => {
  it.each([
    ['en', 'Es kamen 15.000 Menschen.', '15,000 people came.'],
    ['fr', 'Es kamen 15.000 Menschen.', 'Il est venu 15\u202f000 personnes.'],
    ['fr', 'Es kamen 15.000 Menschen.', 'Il est venu 15\u00a0000 personnes.'],
    ['pl', 'Es kamen 15.000 Menschen.', 'Przyszło 15 000 osób.'],
    ['en', 'Die Quote stieg um 3,5 Prozent.', 'The rate rose by 3.5 percent.'],
    ['fr', 'Die Quote stieg um 3,5 Prozent.', 'Le taux a augmenté de 3,5 %.'],
    ['en', 'Er kam am 9. September.', 'He came on 9 September.'],
    ['en', 'Er kam am 9. September.', 'He came on September 9.'],
    ['en', 'Sie töteten 56 Soldaten und 71 weitere.', 'They killed 56 soldiers and 71 more.'],
  ])('accepts %s: %s → %s', (lang, source, target) => {
    expect(checksFound(lang, source, target)).toEqual([]);
  });

  it.each([
    ['en', 'Es kamen 15.000 Menschen.', '1,500 people came.'],
    ['en', 'Sie töteten 56 Soldaten.', 'They killed 65 soldiers.'],
    ['en', 'Die Quote stieg um 3,5 Prozent.', 'The rate rose by 35 percent.'],
    ['en', 'Er kam am 9. September.', 'He came on 19 September.'],
    ['fr', 'Sie töteten 71 Soldaten.', 'Ils ont tué des soldats.'],
  ])('catches %s: %s → %s', (lang, source, target) => {
    expect(checksFound(lang, source, target)).toContain('numbers:error');
  });

  it('reads numbers with each locale’s separators', () => {
    expect(extractNumbers('15.000 und 3,5', localeRules(de, de))).toEqual([15000, 3.5]);
    expect(extractNumbers('15,000 and 3.5', localeRules('en' as Lang, de))).toEqual([15000, 3.5]);
  });
});

describe('quotes', () => {
  it.each([
    ['en', '„Wir haben die gleichen Ziele“, sagte Kerry.', '“We have the same goals,” Kerry said.'],
    ['fr', '„Wir haben die gleichen Ziele“, sagte Kerry.', '«\u202fNous avons les mêmes objectifs\u202f», a dit Kerry.'],
    ['fr', '„Wir haben die gleichen Ziele“, sagte Kerry.', '«Nous avons les mêmes objectifs», a dit Kerry.'],
    ['pl', '„Wir haben die gleichen Ziele“, sagte Kerry.', '„Mamy te same cele” – powiedział Kerry.'],
    ['ja', '„Wir haben die gleichen Ziele“, sagte Kerry.', '「我々は同じ目標を持っている」とケリー氏は述べた。'],
    ['en-XA', '„Wir haben die gleichen Ziele“, sagte Kerry.', '[„Wir ħȧȧḃḗḗƞ ḓīīḗḗ“, şȧȧɠŧḗḗ Kerry.]'],
  ])('accepts %s: %s → %s', (lang, source, target) => {
    expect(checksFound(lang, source, target)).toEqual([]);
  });

  it('warns on straight quotes', () => {
    expect(checksFound('en', '„Ja“, sagte er.', '"Yes," he said.')).toEqual(['quotes:warning']);
  });

  it.each([
    ['en', '„Ja“, sagte er.', 'Yes, he said.'],
    ['fr', '„Ja“, sagte er. „Nein“, sagte sie.', '« Oui », dit-il. Non, dit-elle.'],
  ])('catches a dropped quotation in %s', (lang, source, target) => {
    expect(checksFound(lang, source, target)).toContain('quotes:error');
  });
});

describe('other checks', () => {
  it('reports an empty target once and runs nothing else on it', () => {
    expect(checksFound('en', 'Es kamen 56 Menschen.', ' ')).toEqual(['empty:error']);
  });

  it('warns about a lost bracket, and catches an unclosed one', () => {
    expect(checksFound('en', 'London (dpa) - Es geht los.', 'London dpa - It begins.')).toContain('brackets:warning');
    expect(checksFound('en', 'London (dpa) - Es geht los.', 'London (dpa - It begins.')).toContain('brackets:error');
  });

  it('catches a target left in the source language', () => {
    expect(checksFound('en', 'Das ist ein Satz.', 'Das ist ein Satz.')).toEqual(['untranslated:error']);
    expect(checksFound('de-CH', 'Das ist ein Satz.', 'Das ist ein Satz.')).toEqual([]);
  });

  it('#22 reads printf flags and widths as before the linear-time pattern: `%05d`, `%-10s`, `%1$s`', () => {
    expect(checksFound('en', 'Es sind %05d Punkte und %-10s.', 'There are %05d points and %-10s.')).toEqual([]);
    expect(checksFound('en', 'Es sind %05d Punkte und %1$s.', 'There are %5d points and %1$s.')).toContain('placeholders:error');
    expect(checksFound('en', 'Siehe $t(kapitel.eins) hier.', 'See $t(kapitel.eins) here.')).toEqual([]);
  });

  it('#22 still keeps addresses and quotations out of the untranslated count, and still finds German left in', () => {
    expect(checksFound('en', 'Schreiben Sie an info@beispiel.de oder auf https://beispiel.de/kontakt heute.', 'Write to info@beispiel.de or visit https://beispiel.de/kontakt today.')).toEqual([]);
    expect(checksFound('en', 'Er sagte, dass es sehr gut war.', `Er sagte, dass es sehr gut war ${'x'.repeat(30_000)}.`)).toContain('untranslated:error');
  });

  it('warns on doubled spaces and trailing whitespace', () => {
    expect(checksFound('en', 'Ein Satz.', 'One  sentence. ')).toEqual(['whitespace:warning', 'whitespace:warning']);
  });
});
