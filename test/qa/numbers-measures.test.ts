import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';

const de = 'de' as Lang;
/** Errors of the numbers check on one pair. */
const numberErrors = (lang: string, source: string, target: string) =>
  checkPairs([{ segmentId: 's-0' as SegmentId, source, target }], { sourceLang: de, lang: lang as Lang })
    .filter((finding) => finding.check === 'numbers' && finding.severity === 'error')
    .map((finding) => finding.message);

describe('durations, race times and game clocks', () => {
  it.each([
    ['ja', 'Sie siegte mit einer Laufzeit von 4:41,30.', '彼女は4分41秒30のタイムで優勝した。'],
    ['nl', 'Sie war 2:11,60 Minuten langsamer als die Siegerin.', 'Ze was 2:11:60 minuten langzamer dan de winnares.'],
    ['ko', 'Der Sieger brauchte 2:03:04 Stunden.', '우승자는 2시간 3분 4초가 걸렸다.'],
    ['pl', 'Die Fahrt dauerte 2:04 Stunden.', 'Podróż trwała 2 godz. 4 min.'],
    ['en', 'Kipchoge lief die Strecke in 1:59:40 h.', 'Kipchoge ran the distance in 1:59:40.'],
    ['fr', 'Er lief den Kilometer in 4:05 min.', 'Il a couru le kilomètre en 4 min 5 s.'],
    ['ja', 'Sullivan traf nach 13:10 Minuten.', 'サリバンが 13 分 10 秒に点を返した。'],
  ])('the same duration written another way is no error (%s: %s)', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).toEqual([]);
  });

  it.each([
    ['ja', 'Sie siegte mit einer Laufzeit von 4:41,30.', '彼女は4分14秒30のタイムで優勝した。'],
    ['ko', 'Der Sieger brauchte 2:03:04 Stunden.', '우승자는 2시간 4분 3초가 걸렸다.'],
    ['en', 'Kipchoge lief die Strecke in 1:59:40 h.', 'Kipchoge ran the distance in 1:59:04.'],
  ])('a changed duration is an error (%s: %s)', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).not.toEqual([]);
  });

  // Nordic and Finnish press write clock figures with points (`kl. 16.30`, a race in `2.02.37`).
  it.each([
    ['sv', 'Kipchoge gewann den Lauf in 2:02:37 Stunden.', 'Kipchoge vann loppet på 2.02.37.'],
    ['da', 'Die Zweite kam mit 16:31 Minuten Rückstand ins Ziel.', 'Toeren kom i mål 16.31 minutter efter.'],
    ['fi', 'Der Sieger lief 2:04:11.', 'Voittaja juoksi ajan 2.04.11.'],
    ['nb', 'Das Rennen begann um 9:15 Uhr.', 'Løpet startet klokken 9.15.'],
  ])('a clock figure with points for colons is the same figure (%s: %s)', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).toEqual([]);
  });

  it.each([
    ['sv', 'Kipchoge gewann den Lauf in 2:02:37 Stunden.', 'Kipchoge vann loppet på 2.03.37.'],
    ['da', 'Die Zweite kam mit 16:31 Minuten Rückstand ins Ziel.', 'Toeren kom i mål 16.13 minutter efter.'],
  ])('a clock figure with points and other digits is still an error (%s: %s)', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).not.toEqual([]);
  });

  it('reads a game clock as the minute of play it runs in, and a score as its figures', () => {
    const source = 'Bouchard glich mit einem Treffer in der 28. Minute aus.';
    for (const [lang, target] of [
      ['en', 'Bouchard equalised with a goal on 27:37.'],
      ['ja', 'ブシャールが 27 分 37 秒に同点ゴールを決めた。'],
      ['pl', 'Bouchard wyrównał golem w 27:37 minucie.'],
    ] as const) {
      expect(numberErrors(lang, source, target)).toEqual([]);
    }
    expect(numberErrors('en', source, 'Bouchard equalised with a goal on 31:37.').join()).toMatch(/numbers differ/);
    expect(numberErrors('it', 'Ayr gegen Melrose 38:17', 'Ayr 38 - 17 Melrose')).toEqual([]);
    expect(numberErrors('it', 'Ayr gegen Melrose 38:17', 'Ayr 38 - 14 Melrose').join()).toMatch(/numbers differ/);
  });

  it('keeps a clock figure with an hour word a time of day', () => {
    expect(numberErrors('nl', 'Das Feuer wurde um 23:35 Uhr gelöscht.', 'Het vuur was om 23:35 uur geblust.')).toEqual([]);
    expect(numberErrors('nl', 'Das Feuer wurde um 23:35 Uhr gelöscht.', 'Het vuur was om 22:35 uur geblust.').join()).toMatch(/times differ/);
  });
});

describe('figures converted for the reader', () => {
  it.each([
    ['en', 'Sturridge stand etwa 27 Meter vor dem Tor.', 'Sturridge was about 30 yards out from goal.'],
    ['ja', 'Das 250 Kilo schwere Schwein biss zu.', '550ポンドの豚がかみついた。'],
    ['en', 'Das Beben löste bis zu sechs Meter hohe Wellen aus.', 'The quake triggered waves as high as 20 feet.'],
    ['en', 'Der 1,98 m große Flügelspieler wuchs in Baton Rouge auf.', 'The 6-foot-6 forward grew up in Baton Rouge.'],
    ['cs', 'Der 1,98 m große Flügelspieler wuchs in Baton Rouge auf.', '6 stop a 6 palců vysoký křídelník vyrůstal v Baton Rouge.'],
    ['ja', 'Der Sturm erreichte 136 km/h.', '嵐は時速85マイルに達した。'],
    ['it', 'Das Pergament misst 29¾ Zoll.', 'La pergamena misura 29,75 pollici.'],
    ['es', 'Stellenweise fallen 2,5 bis 7,5 Zentimeter Regen.', 'En algunas zonas caerán entre 2 y 8 centímetros de lluvia.'],
    ['fr', 'Besucher sollen 100 Yard/Meter Abstand halten.', 'Les visiteurs doivent garder 100 mètres de distance.'],
    ['nl', 'Trump gewann dort mit 20 Prozentpunkten Vorsprung.', 'Trump won daar met 20 procentpunten verschil.'],
    ['ja', 'Er zahlte ihr 375.000 Dollar.', '彼は女性に37万5,000ドルを手渡した。'],
    ['pl', 'Die Satelliten wogen mehr als 1.000 Pfund.', 'Satelity ważyły ponad 450 kg.'],
  ])('a conversion or a rounding of the original is no error (%s: %s)', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).toEqual([]);
  });

  it.each([
    ['sv', 'Die Temperaturen steigen auf bis zu 24 Grad.', 'Temperaturerna stiger till 14 grader.'],
    ['sv', 'Die Temperaturen steigen auf bis zu 14 Grad.', 'Temperaturerna stiger till 24 grader.'],
    ['en', 'Sturridge stand etwa 27 Meter vor dem Tor.', 'Sturridge was about 50 yards out from goal.'],
    ['ja', 'Das 250 Kilo schwere Schwein biss zu.', '250ポンドの豚がかみついた。'],
    ['en', 'Der 1,98 m große Flügelspieler wuchs in Baton Rouge auf.', 'The 5-foot-6 forward grew up in Baton Rouge.'],
  ])('a figure that converts nothing is still an error (%s: %s)', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).not.toEqual([]);
  });
});

describe('units said in one word with the number, or with the article', () => {
  it.each([
    ['it', 'Die GDL hat einen 48-stündigen Streik angekündigt.', 'La GDL ha proclamato uno sciopero di 48 giorni.'],
    ['zh-Hans', 'Die GDL hat einen 48-stündigen Streik angekündigt.', 'GDL宣布将举行48天罢工。'],
    ['da', 'Die Grünen scheiterten mit 4,7 Prozent an der Fünfprozenthürde.', 'De Grønne kom med 4,7 procent ikke over spærregrænsen på fire procent.'],
    ['ko', 'Der letzte Streik hatte drei Tage gedauert.', '지난 파업은 이틀간 이어졌다.'],
    ['en', 'Die Gewerkschaft erwartet eine Einigung innerhalb einer Woche.', 'The union expects an agreement within a month.'],
    ['cs', 'Die Gewerkschaft erwartet eine Einigung innerhalb einer Woche.', 'Odbory očekávají dohodu do měsíce.'],
    ['pt-BR', 'Die Gewerkschaft erwartet eine Einigung innerhalb einer Woche.', 'O sindicato espera um acordo no prazo de um mês.'],
    ['tr', 'Die Gewerkschaft erwartet eine Einigung innerhalb einer Woche.', 'Sendika bir ay içinde anlaşma bekliyor.'],
    ['zh-Hans', 'Die Gewerkschaft erwartet eine Einigung innerhalb einer Woche.', '工会预计在一个月内达成协议。'],
  ])('another number or unit is an error (%s: %s)', (lang, source, target) => {
    expect(numberErrors(lang, source, target).join()).toMatch(/another unit|number words differ/);
  });

  it.each([
    ['it', 'Die GDL hat einen 48-stündigen Streik angekündigt.', 'La GDL ha proclamato uno sciopero di 48 ore.'],
    ['zh-Hans', 'Die GDL hat einen 48-stündigen Streik angekündigt.', 'GDL宣布将举行48小时罢工。'],
    ['da', 'Die Grünen scheiterten mit 4,7 Prozent an der Fünfprozenthürde.', 'De Grønne kom med 4,7 procent ikke over spærregrænsen på fem procent.'],
    ['ko', 'Der letzte Streik hatte drei Tage gedauert.', '지난 파업은 사흘간 이어졌다.'],
    ['en', 'Die Gewerkschaft erwartet eine Einigung innerhalb einer Woche.', 'The union expects an agreement within seven days.'],
    ['tr', 'Die Gewerkschaft erwartet eine Einigung innerhalb einer Woche.', 'Sendika bir hafta içinde anlaşma bekliyor.'],
    ['en', 'Bis zum Monatsende soll innerhalb einer Woche entschieden werden.', 'A decision is due within a week, by the end of the month.'],
    ['en', 'Er verwandelte einen Elfmeter und schoss zwei Tore.', 'He converted a penalty and scored two goals.'],
  ])('the same number and unit is no error (%s: %s)', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).toEqual([]);
  });
});

describe('ranks written as a figure and a counter', () => {
  it('compares `6位`, `3위` with the ordinal the source spells out', () => {
    expect(numberErrors('ja', 'Die Mannschaft beendete die Saison als Neunte.', 'チームは6位でシーズンを終えた。').join()).toMatch(/ordinals differ/);
    expect(numberErrors('ko', 'Sie wurde Dritte im Riesenslalom.', '그녀는 대회전에서 2위를 차지했다.').join()).toMatch(/ordinals differ/);
    expect(numberErrors('ja', 'Die Mannschaft beendete die Saison als Neunte.', 'チームは9位でシーズンを終えた。')).toEqual([]);
    expect(numberErrors('ko', 'Sie wurde Dritte im Riesenslalom.', '그녀는 대회전에서 3위를 차지했다.')).toEqual([]);
  });
});
