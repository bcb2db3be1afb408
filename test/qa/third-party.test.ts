/**
 * #10: QA on files other tools wrote. Their strings are software strings as
 * often as prose: version numbers, printf and named placeholders, plural forms,
 * straight quotes, targets that are only inline codes. None of that is an error
 * when it is right; each broken form still is.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject } from '../helpers/temp-project.js';

const WILD = path.join(import.meta.dirname, '../xliff/fixtures/wild');

const errors = (sourceLang: string, lang: string, source: string, target: string) =>
  checkPairs([{ segmentId: 's' as SegmentId, source, target }], { sourceLang: sourceLang as Lang, lang: lang as Lang })
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.check}: ${finding.message}`);

describe('correct translations from other tools’ files pass', () => {
  it.each([
    // Maxprograms SF-12-Test02.xlf, unit SRXEditor.37.
    ['en', 'es', 'Convert file to SRX 2.0 format?', '¿Convertir archivo al formato SRX 2.0?'],
    ['en', 'fr', 'Requires version 3.5 or later.', 'Nécessite la version 3.5 ou ultérieure.'],
    ['en', 'pl', 'Requires version 3.5 or later.', 'Wymaga wersji 3.5 lub nowszej.'],
    ['en', 'fr', 'Vitamin B₁ and H₂O', 'Vitamine B₁ et H₂O'],
    ['en', 'ja', 'Step 3 of 10', 'ステップ３／１０'],
    // Symfony validators.pl.xlf, unit 6: three Polish plural forms for two English ones.
    [
      'en',
      'pl',
      'You must select at least {{ limit }} choice.|You must select at least {{ limit }} choices.',
      'Powinieneś wybrać co najmniej {{ limit }} opcję.|Powinieneś wybrać co najmniej {{ limit }} opcje.|Powinieneś wybrać co najmniej {{ limit }} opcji.',
    ],
    ['en', 'de', 'Too many attempts, try again in %minutes% minutes.', 'Zu viele Versuche, bitte in %minutes% Minuten erneut versuchen.'],
    // Symfony validators.pl.xlf, unit 118: straight quotes kept as the source has them.
    ['en', 'pl', 'This value should not be before week "{{ min }}".', 'Podana wartość nie powinna być przed tygodniem "{{ min }}".'],
    // Xcode: a translator numbers the argument, as iOS allows.
    ['en', 'fr', 'Preventing Sleep for %@', 'Empêcher la mise en veille pendant %1$@'],
    ['en', 'de', '%@ of %@ selected', '%2$@ von %1$@ ausgewählt'],
    ['en', 'ja', 'Followed by %2$@, %3$@ & %1$d other', '%2$@、%3$@、他%1$d人がフォロー中'],
    ['en', 'fr', '%ld items', '%ld éléments'],
    ['de', 'en', 'eine 20%ige Steigerung', 'a 20 per cent increase'],
    // Angular's ICU messages: case bodies like {male} are text, translated.
    ['en', 'fr', '{VAR_SELECT, select, male {male} female {female} other {other} }', '{VAR_SELECT, select, male {un homme} female {une femme} other {autre} }'],
    ['en', 'pl', '{count, plural, one {one file} other {{count} files}}', '{count, plural, one {jeden plik} few {{count} pliki} many {{count} plików} other {{count} pliku}}'],
    // A source that is only inline codes (a line break), translated by the code alone.
    ['en', 'fr', '', ''],
  ])('%s → %s: %s', (sourceLang, lang, source, target) => {
    expect(errors(sourceLang, lang, source, target)).toEqual([]);
  });
});

describe('the same forms, broken, are still caught', () => {
  it.each([
    ['en', 'es', 'Convert file to SRX 2.0 format?', '¿Convertir archivo al formato SRX 2.1?', 'numbers'],
    ['en', 'fr', 'Requires version 3.5 or later.', 'Nécessite la version 35 ou ultérieure.', 'numbers'],
    ['de', 'en', 'Der Preis liegt bei 86.450 Euro.', 'The price is €86.450.', 'numbers'],
    ['en', 'pl', 'You must select at least {{ limit }} choice.|You must select at least {{ limit }} choices.', 'Wybierz opcję.|Wybierz opcje.|Wybierz opcji.', 'placeholders'],
    ['en', 'pl', 'at least {{ limit }} choices', 'co najmniej {{ limite }} opcji', 'placeholders'],
    ['en', 'fr', 'Preventing Sleep for %@', 'Empêcher la mise en veille pendant %1$d', 'placeholders'],
    ['en', 'de', '%@ of %@ selected', '%1$@ ausgewählt', 'placeholders'],
    ['en', 'fr', '%ld items', '%d éléments', 'placeholders'],
    ['en', 'fr', 'Save', '', 'empty'],
    ['en', 'pl', '{count, plural, one {one file} other {{count} files}}', '{count, plural, one {jeden plik} other {{n} pliku}}', 'placeholders'],
    ['en', 'pl', 'before week "{{ min }}".', 'przed tygodniem {{ min }}.', 'quotes'],
  ])('%s → %s: %s → %s', (sourceLang, lang, source, target, check) => {
    expect(errors(sourceLang, lang, source, target).map((finding) => finding.split(':')[0])).toContain(check);
  });
});

describe('check FILE on professional translations other tools wrote', () => {
  it.each([
    ['xcode-keepingyouawake-ko.xliff', []],
    ['xcode-keepingyouawake-pt.xliff', []],
    // Unit 85 adds a bracket pair, "(IBAN)": a warning, since translators add them to explain.
    ['symfony-validators.pl.xlf', []],
    ['maxprograms-javapm-SF-12-Test02.xlf', []],
    ['trados-adding-segprop.sdlxliff', []],
    ['angular-messages.fr.xlf', []],
  ])('%s: errors only where the translation really differs', async (name, expected) => {
    const project = await createTempProject({ bare: true });
    try {
      const file = path.join(project.dir, name);
      await copyFile(path.join(WILD, name), file);
      const result = await runCli(['check', file, '--json'], { cwd: project.dir });
      const findings = JSON.parse(result.stdout) as { unit: string; check: string; severity: string }[];
      expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.unit} ${f.check}`)).toEqual(expected);
    } finally {
      await project.remove();
    }
  });
});
