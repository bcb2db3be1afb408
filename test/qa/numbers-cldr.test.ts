import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';
import { readSpelled, spellout } from '../../src/qa/locales/spellout.js';

const de = 'de' as Lang;
/** Errors of the numbers check on one pair, or on a document of pairs (the last is checked). */
const numberErrors = (lang: string, source: string, target: string, before: readonly [string, string][] = []) =>
  checkPairs(
    [...before, [source, target] as const].map(([s, t], index) => ({ segmentId: `s-${index}` as SegmentId, source: s, target: t })),
    { sourceLang: de, lang: lang as Lang },
  )
    .filter((finding) => finding.check === 'numbers' && finding.severity === 'error' && finding.segmentId === `s-${before.length}`)
    .map((finding) => finding.message);

describe('spelled numbers from CLDR rule-based formats (cldr-rbnf)', () => {
  it('spells cardinals and ordinals of locales with no hand list', () => {
    expect(spellout('da').cardinals.get('fire')).toBe(4);
    expect(spellout('sv').ordinals.get('nionde')).toBe(9);
    expect(spellout('ru').cardinals.get('четыре')).toBe(4);
    expect(spellout('tr').cardinals.get('dört')).toBe(4);
    expect(readSpelled('Padesát osm procent voličů', 'cs').map((s) => s.value)).toEqual([58]);
  });

  it.each([
    ['da', 'Es dauerte nur fünf Minuten.', 'Det varede kun fire minutter.'],
    ['ru', 'Sie liegt nur noch vier Zähler vor dem Relegationsplatz.', 'Её отделяют от зоны вылета лишь три очка.'],
    ['pt-BR', 'Die Sanierung dauert drei Wochen.', 'A reforma dura duas semanas.'],
    ['zh-Hans', 'Das war vor fünf Jahren.', '那是四年前的事。'],
    ['fr', 'Nur jeder fünfte Zug fährt.', 'Seul un train sur trois circule.'],
  ])('a number word changed (%s) is an error', (lang, source, target) => {
    expect(numberErrors(lang, source, target).join()).toMatch(/number words differ/);
  });

  it.each([
    ['da', 'Es dauerte nur fünf Minuten.', 'Det varede kun fem minutter.'],
    ['ru', 'Es war die dritte Niederlage; die Mannschaft liegt vier Zähler vorn.', 'Это третье поражение; команда впереди на четыре очка.'],
    ['sv', 'Petrović traf bereits in der 9. Minute.', 'Petrović gjorde mål redan i nionde minuten.'],
    ['cs', '58 Prozent der Wähler sagten Nein.', 'Padesát osm procent voličů řeklo ne.'],
  ])('the same number, spelled or as a figure (%s), is no error', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).toEqual([]);
  });
});

describe('units from CLDR through Intl', () => {
  it.each([
    ['da', 'Es regnete binnen 48 Stunden.', 'Det regnede inden for 48 minutter.'],
    ['pl', 'Es regnete binnen 48 Stunden.', 'Padało w ciągu 48 dni.'],
    ['ja', 'Es regnete binnen 48 Stunden.', '４８日間で雨が降った。'],
    ['it', 'Der 48-Stunden-Streik beginnt.', 'Inizia lo sciopero di 48 giorni.'],
    ['en', 'Die Arbeiten dauern mindestens drei Wochen.', 'The work will take at least three days.'],
    ['nl', 'Damit erhält die SPD 24 Sitze.', 'Daarmee krijgt de SPD 24 procent.'],
    ['sv', 'Rund 40 Prozent der üblichen Verbindungen fahren.', 'Omkring 40 av de vanliga förbindelserna går.'],
  ])('a figure in another unit (%s) is an error', (lang, source, target) => {
    expect(numberErrors(lang, source, target).join()).toMatch(/another unit|differ/);
  });

  it.each([
    ['da', 'Böen mit bis zu 95 Kilometern pro Stunde.', 'Vindstød på op til 95 kilometer i timen.'],
    ['tr', 'Böen mit bis zu 95 Kilometern pro Stunde.', 'Saatte 95 kilometreye varan rüzgar.'],
    ['ko', 'Binnen 48 Stunden fielen 180 Liter pro Quadratmeter.', '48시간 동안 1㎡당 최대 180ℓ의 비가 내렸다.'],
    ['tr', 'Er traf 58 Prozent seiner Schüsse.', 'Şutlarının yüzde 58’ini isabetli attı.'],
    ['fr', 'Windgeschwindigkeiten von 136 km/h.', 'Des vents de 135 km/h.'],
    ['pl', 'Die Grüne Partei versprach eine 4-Tage-Woche.', 'Partia Zielonych obiecała czterodniowy tydzień pracy.'],
    ['cs', 'Er hat 142 Millionen Follower.', 'Má 142 milionům sledujících.'],
    ['es', 'Zwischen 30 und 43 Prozent der Wähler.', 'Entre el 30 y el 43 % de los votantes.'],
  ])('the same quantity in the locale’s words (%s) is no error', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).toEqual([]);
  });
});

describe('dates, times and weekdays in any locale', () => {
  it.each([
    ['da', 'Der Gipfel ist für den 19. und 20. März geplant.', 'Topmødet er planlagt til 19. og 20. marts.'],
    ['ko', 'Der Gipfel ist für den 19. und 20. März geplant.', '정상회의는 3월 19∼20일 열릴 예정이다.'],
    ['ko', 'In der 67. Minute traf Lindqvist zum 2:1.', '후반 22분 린드크비스트가 2-1을 만들었다.'],
    ['pt-BR', 'In der 67. Minute traf Lindqvist zum 2:1.', 'Aos 22 minutos do segundo tempo, Lindqvist fez 2 a 1.'],
    ['ko', 'Der Scheitel wird gegen 22 Uhr erreicht.', '오늘 밤 10시쯤 정점에 이를 것이다.'],
    ['ja', 'Es regnete mehr als sonst im ganzen Juni.', '６月１か月分の平年の降水量を超える。'],
    ['es', 'Der HSV empfängt am Freitag den 1. FC Köln.', 'El Hamburgo recibe el viernes al Colonia.'],
    ['cs', 'Am Sonntag gibt es in der Mitte der USA ein Beispiel.', 'Příkladem je střed USA v neděli.'],
    ['cs', 'Die Gemeinde zog in den 1930er-Jahren aus.', 'Kongregace se odstěhovala v 30. letech 20. století.'],
  ])('correct (%s) is no error', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).toEqual([]);
  });

  it.each([
    ['ko', 'In der 67. Minute traf Lindqvist zum 2:1.', '전반 22분 린드크비스트가 2-1을 만들었다.'],
    ['es', 'Anstoß ist am Freitag um 17.30 Uhr.', 'El saque inicial es el viernes a las 5.30.'],
    ['tr', 'Man einigte sich in der Nacht zum Freitag.', 'Cumayı cumartesiye bağlayan gece uzlaşıldı.'],
    ['zh-Hans', 'Der HSV spielt am Freitag.', '汉堡将在周六主场迎战。'],
    ['ru', 'Der Regen hält seit Donnerstag an.', 'Дождь идёт со среды.'],
    ['pl', 'Der Regen hält seit Donnerstag an.', 'Deszcz pada od piątku.'],
  ])('a changed time or weekday (%s) is an error', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).not.toEqual([]);
  });

  it('reads a weekday given as a day of the month against the dateline', () => {
    const dateline: [string, string] = ['Stuttgart, 05.02.2026 – Der Zulieferer streicht Stellen.', '【シュツットガルト＝２０２６年２月５日】部品大手は雇用を削減する。'];
    const source = 'Das teilte das Unternehmen am Mittwochabend mit.';
    expect(numberErrors('ja', source, '同社が４日夜に発表した。', [dateline])).toEqual([]);
    expect(numberErrors('ja', source, '同社が５日夜に発表した。', [dateline]).join()).toMatch(/dates differ/);
  });
});
