import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';
import { glossaryEntries, parseTermbase, termMatcher } from '../../src/termbase/index.js';
import { REPO_ROOT } from '../helpers/temp-project.js';

const TBX = path.join(REPO_ROOT, 'terms/names.tbx');
const termbase = parseTermbase(readFileSync(TBX, 'utf8'), TBX);
const nameFindings = (lang: string, source: string, target: string) =>
  checkPairs([{ segmentId: 's-1' as SegmentId, source, target }], { sourceLang: 'de' as Lang, lang: lang as Lang, termbase })
    .filter((finding) => finding.check === 'names')
    .map((finding) => finding.message);

describe('names: correct translations pass', () => {
  it.each([
    ['en', 'Tags zuvor telefonierten Sergej Schoigu und Ashton Carter.', 'The day before, Sergei Shoigu and Ashton Carter spoke.'],
    ['fr', 'Tags zuvor telefonierten Sergej Schoigu und Ashton Carter.', 'La veille, Sergueï Choïgou et Ashton Carter se sont parlé.'],
    ['pl', 'Tags zuvor telefonierte Sergej Schoigu.', 'Dzień wcześniej rozmawiał Siergiej Szojgu.'],
    ['en', 'Moskau hatte zuletzt nichts ausgeschlossen.', 'Moscow had recently ruled nothing out.'],
    ['fr', 'Moskau hatte zuletzt nichts ausgeschlossen.', 'Moscou n’avait rien exclu.'],
    ['es', 'Moskau hatte zuletzt nichts ausgeschlossen.', 'Moscú no había descartado nada.'],
    ['it', 'Moskau hatte zuletzt nichts ausgeschlossen.', 'Mosca non aveva escluso nulla.'],
    ['ja', 'Moskau hatte zuletzt nichts ausgeschlossen.', 'モスクワは何も排除していなかった。'],
    ['en', 'Die Bemühungen Russlands sind bekannt.', 'Russia’s efforts are known.'],
    ['fr', 'Es geht um die Zukunft von Syriens Machthaber Baschar al-Assad.', 'Il s’agit de l’avenir du dirigeant syrien Bachar al-Assad.'],
    ['fr', 'Der IS muss zerstört werden.', 'L’EI doit être détruit.'],
    ['en', 'Der IS muss zerstört werden.', 'IS must be destroyed.'],
    ['en', 'Die US-Regierung ging darauf ein.', 'The US government took it up.'],
    ['fr', 'Die US-Regierung ging darauf ein.', 'Le gouvernement américain a accepté.'],
    ['en-XA', 'Das berichtet die dpa aus London.', '[Ḓȧȧş ƀḗḗřīīƈħŧḗḗŧ ḓīīḗḗ dpa ȧȧŭŭş London.]'],
    ['de-CH', 'Kein Name hier.', 'Kein Name hier.'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(nameFindings(lang, source, target)).toEqual([]);
  });
});

describe('names: mistakes are caught', () => {
  it.each([
    ['en', 'Tags zuvor telefonierte Sergej Schoigu.', 'The day before, Sergej Schoigu phoned.', '“Sergej Schoigu” should appear as “Sergei Shoigu” or “Shoigu”, not the source form'],
    ['en', 'Tags zuvor telefonierte Sergej Schoigu.', 'The day before, Sergey Shoygu phoned.', '“Sergej Schoigu” should appear as “Sergei Shoigu” or “Shoigu”'],
    ['en', 'Moskau hatte zuletzt nichts ausgeschlossen.', 'Moskau had ruled nothing out.', '“Moskau” should appear as “Moscow”, not the source form'],
    ['fr', 'Moskau hatte zuletzt nichts ausgeschlossen.', 'Moscow n’avait rien exclu.', '“Moskau” should appear as “Moscou”'],
    ['fr', 'Der IS muss zerstört werden.', 'L’IS doit être détruit.', '“IS” should appear as “État islamique” or “EI” or “Daech”, not the source form'],
    ['en', 'Kerry sagte das.', 'Kery said so.', '“Kerry” should appear as “John Kerry” or “Kerry”'],
    ['pl', 'Moskau hatte zuletzt nichts ausgeschlossen.', 'Moskau nic nie wykluczyła.', '“Moskau” should appear as “Moskwa” or “Moskwy” or “Moskwie”, not the source form'],
    ['ja', 'Moskau hatte zuletzt nichts ausgeschlossen.', 'モスコーは何も排除していなかった。', '“Moskau” should appear as “モスクワ”'],
  ])('%s: %s → %s', (lang, source, target, message) => {
    expect(nameFindings(lang, source, target)).toEqual([message]);
  });
});

describe('the termbase', () => {
  it('finds inflected German forms and prefers the longest name', () => {
    const found = termMatcher(termbase, 'de' as Lang).find('Die Zukunft von Syriens Machthaber Baschar al-Assad und des Assad-Regimes.');
    expect(found.map((match) => [match.entry.id, match.form])).toEqual([
      ['syria', 'Syriens'],
      ['bashar-al-assad', 'Baschar al-Assad'],
    ]);
  });

  it('matches terms as tokens in every script', () => {
    const de = termMatcher(termbase, 'de' as Lang);
    // A term that begins a German compound is part of that word: `US-Dollar` may become `dollars`.
    expect(de.find('Es kostet 5 US-Dollar, sagt die US-Regierung.')).toEqual([]);
    expect(de.find('Die EU und die USA.').map((match) => match.form)).toEqual(['EU', 'USA']);
    const entry = (id: string) => termbase.entries.find((candidate) => candidate.id === id)!;
    const ja = termMatcher(termbase, 'ja' as Lang);
    expect(ja.contains('EUは警告した。', entry('eu'))).toBe(true);
    expect(ja.contains('ケリー氏は述べた。', entry('kerry'))).toBe(true);
    const en = termMatcher(termbase, 'en' as Lang);
    expect(en.contains('The EURO fell.', entry('eu'))).toBe(false);
    expect(en.contains('BERLIN (dpa) – The summit began.', entry('berlin'))).toBe(true);
    expect(en.contains('An Assad-led government.', entry('bashar-al-assad'))).toBe(true);
  });

  it('finds an acronym written with full stops, and keeps a do-not-translate term in every language', () => {
    const tbx = `<martif type="TBX-Basic" xmlns:its="http://www.w3.org/2005/11/its"><text><body>
      <termEntry id="un"><langSet xml:lang="de"><tig><term>UN</term></tig></langSet><langSet xml:lang="en"><tig><term>UN</term></tig></langSet>
        <langSet xml:lang="fr"><tig><term>ONU</term></tig></langSet></termEntry>
      <termEntry id="dax" its:translate="no"><langSet xml:lang="de"><tig><term>Dax</term></tig></langSet></termEntry>
    </body></text></martif>`;
    const own = parseTermbase(tbx, 'own.tbx');
    const check = (lang: string, source: string, target: string) =>
      checkPairs([{ segmentId: 's-1' as SegmentId, source, target }], { sourceLang: 'de' as Lang, lang: lang as Lang, termbase: own })
        .filter((finding) => finding.check === 'names')
        .map((finding) => finding.message);
    expect(check('en-US', 'Die UN warnten.', 'The U.N. warned.')).toEqual([]);
    expect(check('fr', 'Die UN warnten.', 'L’ONU a averti.')).toEqual([]);
    expect(check('fr', 'Die UN warnten.', 'L’UN a averti.')).toEqual(['“UN” should appear as “ONU”, not the source form']);
    expect(check('ja', 'Der Dax fiel.', 'Daxが下落した。')).toEqual([]);
    expect(check('en-GB', 'Der Dax fiel.', 'The DAX index fell.')).toEqual([]);
    expect(check('en-GB', 'Der Dax fiel.', 'The German index fell.')).toEqual(['“Dax” should appear as “Dax”']);
    expect(glossaryEntries(own, 'de' as Lang, 'fr' as Lang)).toEqual({ UN: 'ONU', Dax: 'Dax' });
  });

  it('gives DeepL glossary pairs without inflected forms', () => {
    const fr = glossaryEntries(termbase, 'de' as Lang, 'fr' as Lang);
    expect(fr['Sergej Schoigu']).toBe('Sergueï Choïgou');
    expect(fr['Schoigu']).toBe('Choïgou');
    expect(fr['IS']).toBe('EI');
    expect(fr['Moskau']).toBe('Moscou');
    expect(fr).not.toHaveProperty('Russlands');
    expect(glossaryEntries(termbase, 'de' as Lang, 'en' as Lang)['IS']).toBe('IS');
  });

  it('refuses a termbase with a DOCTYPE, naming the line', () => {
    expect(() => parseTermbase('<?xml version="1.0"?>\n<!DOCTYPE martif>\n<martif/>', 'x.tbx')).toThrow(/x\.tbx:2:1: <!DOCTYPE> is not allowed/);
  });
});
