/**
 * Names the termbase does not know, told across scripts and spellings: a
 * name in Cyrillic compared with what the source's Latin letters give, a
 * first name changed under a kept surname, a surname one slip off after its
 * first name, an abbreviation spelled out, a word the document's
 * translations render their own way, a person called by their title on a
 * later mention.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';

const nameErrors = (lang: string, pairs: readonly (readonly [string, string])[]) =>
  checkPairs(
    pairs.map(([source, target], i) => ({ segmentId: `s-${i + 1}` as SegmentId, source, target })),
    { sourceLang: 'de' as Lang, lang: lang as Lang },
  )
    .filter((finding) => finding.check === 'names' && finding.severity === 'error')
    .map((finding) => `${finding.segmentId}: ${finding.message}`);
const one = (lang: string, source: string, target: string) => nameErrors(lang, [[source, target]]);

describe('names in Cyrillic', () => {
  it.each([
    ['ru', 'Bürgermeister Dieter Wendland eröffnete die Messe.', 'Мэр Дитер Вендланд открыл ярмарку.'],
    ['uk', 'Außenminister Dmytro Kuleba reiste nach Brüssel.', 'Міністр закордонних справ Дмитро Кулеба поїхав до Брюсселя.'],
    ['ru', 'Sprecherin Hanna Zöllner bestätigte den Termin.', 'Пресс-секретарь Ханна Цёлльнер подтвердила дату.'],
    ['ru', 'Präsident Oleksandr Moros sprach von einem Erfolg.', 'Президент Александр Мороз говорил об успехе.'],
    ['bg', 'Trainerin Julia Lüdecke war zufrieden.', 'Треньорката Юлия Людеке беше доволна.'],
  ])('%s: the same name passes: %s → %s', (lang, source, target) => {
    expect(one(lang, source, target)).toEqual([]);
  });

  it.each([
    ['ru', 'Bürgermeister Dieter Wendland eröffnete die Messe.', 'Мэр Дитер Вентланд открыл ярмарку.'],
    ['uk', 'Außenminister Dmytro Kuleba reiste nach Brüssel.', 'Міністр закордонних справ Дмитро Кулаба поїхав до Брюсселя.'],
    ['ru', 'Sprecherin Hanna Zöllner bestätigte den Termin.', 'Пресс-секретарь Анна Цёлльнер подтвердила дату.'],
  ])('%s: a name one slip off, or another first name, is caught: %s → %s', (lang, source, target) => {
    expect(one(lang, source, target)).toHaveLength(1);
  });
});

describe('names in katakana', () => {
  it('reads a final ng as one consonant (ン), as Japanese writes it', () => {
    expect(one('ja', 'Die beiden Staatschefs trafen sich in Pjöngjang.', '二人の指導者はピョンヤンで会談した。')).toEqual([]);
    expect(one('ja', 'Die beiden Staatschefs trafen sich in Pjöngjang.', '二人の指導者はパリで会談した。')).not.toEqual([]);
  });
});

describe('names in the Latin script', () => {
  it('tells another first name with the same start under a kept surname (Polish)', () => {
    expect(one('pl', 'Außenminister Oleksandr Kowal reiste ab.', 'Minister spraw zagranicznych Ołeksandr Kowal wyjechał.')).toEqual([]);
    expect(one('pl', 'Außenminister Oleksandr Kowal reiste ab.', 'Minister spraw zagranicznych Ołeh Kowal wyjechał.')).toHaveLength(1);
  });

  it('tells a surname a few letters off right after its first name (Turkish)', () => {
    expect(one('tr', 'Am Ende traf Dragan Jovanović zum 2:1.', 'Sonunda Dragan Jovanović 2-1’i yaptı.')).toEqual([]);
    expect(one('tr', 'Am Ende traf Dragan Jovanović zum 2:1.', 'Sonunda Dragan Jovanovski 2-1’i yaptı.')).toHaveLength(1);
  });

  it.each([
    ['en', 'Am Ende siegte Claudia Lösch mit großem Vorsprung.', 'In the end Claudia Loesch won by a wide margin.'],
    ['pl', 'Präsident Gjorge Ivanov sagte, er werde nicht abstimmen.', 'Prezydent Ǵorge Iwanow powiedział, że nie zagłosuje.'],
    ['fr', 'Er traf sich mit dem russischen Präsidenten Wladimir Putin.', 'Il a rencontré le président russe Vladimir Poutine.'],
  ])('%s: a spelling of the same name passes: %s → %s', (lang, source, target) => {
    expect(one(lang, source, target)).toEqual([]);
  });

  it.each([
    ['es', 'Die FAA behauptet, das System spare Treibstoff.', 'La Administración Federal de Aviación afirma que el sistema ahorra combustible.'],
    ['nl', 'Die Sendung von SNL begann mit einem Sketch.', 'De uitzending van Saturday Night Live begon met een sketch.'],
  ])('%s: an abbreviation spelled out passes: %s → %s', (lang, source, target) => {
    expect(one(lang, source, target)).toEqual([]);
  });

  it('accepts a word the document renders its own way in several sentences, not one misspelt once', () => {
    const pairs = [
      ['Der Name „Welsh Parliament“ wurde vorgeschlagen.', 'Le nom « Welsh Parliament » a été proposé.'],
      ['Viele unterstützen den Namen „Welsh Parliament“ für die Versammlung.', 'Beaucoup soutiennent le nom de Parlement gallois pour l’assemblée.'],
      ['Die Pläne, die Versammlung in „Welsh Parliament“ umzubenennen, sind alt.', 'Les projets de renommer l’assemblée en Parlement gallois sont anciens.'],
    ] as const;
    expect(nameErrors('fr', pairs)).toEqual([]);
    expect(nameErrors('fr', [pairs[0], [pairs[1][0], 'Beaucoup soutiennent le nom de Parliment gallois pour l’assemblée.']])).toHaveLength(1);
  });

  it('accepts a later mention by title, not another name in its place', () => {
    const first = ['Präsident Donald Trump sprach in Ohio.', 'Le président Donald Trump a parlé dans l’Ohio.'] as const;
    expect(nameErrors('fr', [first, ['Trump sagte, er sei zufrieden.', 'Le président s’est dit satisfait.']])).toEqual([]);
    expect(nameErrors('fr', [first, ['Trump sagte, er sei zufrieden.', 'Le président Biden s’est dit satisfait.']])).toHaveLength(1);
  });
});
