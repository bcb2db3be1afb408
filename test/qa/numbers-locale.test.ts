import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';

const de = 'de' as Lang;
/** Errors of the numbers check on one pair (German source). */
const numberErrors = (lang: string, source: string, target: string) =>
  checkPairs([{ segmentId: 's-1' as SegmentId, source, target }], { sourceLang: de, lang: lang as Lang })
    .filter((finding) => finding.check === 'numbers' && finding.severity === 'error')
    .map((finding) => finding.message);

// Correct translations in the style of professional news (NTREX, FLORES, Wikinews): no error.
describe('numbers: correct translations read from locale data', () => {
  it.each([
    ['ja', 'Die Wahllokale schließen um 18 Uhr.', '投票所は午後６時に閉まります。'],
    ['ja', 'Die AKP erhielt 49,8 Prozent der Stimmen.', 'ＡＫＰの得票率は４９．８％だった。'],
    ['en', 'BERLIN, 10.06.2006 – Das Turnier beginnt.', 'BERLIN, June 10, 2006 – The tournament begins.'],
    ['es', 'Rund 40.000 Menschen kamen.', 'Llegaron unas 40 000 personas.'],
    ['en', 'Das Spiel endete 84:80 für Alba.', 'The game ended 84-80 to Alba.'],
    ['it', 'Das Spiel beginnt um 15:00 Uhr.', 'La partita inizia alle 15.00.'],
    ['es', 'Die Sitzung beginnt um 14.30 Uhr.', 'La sesión empieza hacia las 14.30 en Madrid.'],
    ['nl', 'Die Kundgebung beginnt um 15:00 Uhr.', 'De bijeenkomst begint om 15 uur.'],
    ['fr', 'Die Kundgebung beginnt um 18 Uhr.', 'Le rassemblement commence à 18 heures.'],
    ['cs', 'Um 14:00 Uhr kamen zwei Fahrzeuge.', 'Ve 14 hodin přijely dvě vozidla.'],
    ['en', 'Die Wahl findet am 6. August statt.', 'The election takes place on the 6th of August.'],
    ['en', 'Die Strecke ist 3,5 Kilometer lang.', 'The 3.5-kilometre (2.2-mile) route is short.'],
    ['en', 'Es waren 27 ºC im Schatten.', 'It was 80 degrees in the shade.'],
    ['ja', 'Er hat 142 Millionen Follower.', '1億4,200万人のフォロワーがいる。'],
    ['ja', 'Die Fans kamen mit 120 Millionen Euro.', '1億2千万ユーロ。'],
    ['en', 'Der Schaden liegt bei 10 bis 12 Millionen Euro.', 'The damage is €10m-€12m.'],
    ['en', 'Premierministerin Theresa May traf ihn im Juni.', 'Prime Minister Theresa May met him in June.'],
    ['nl', 'Dafür zahlte er 125 Millionen britische Pfund.', 'Hij betaalde 125 miljoen Britse pond.'],
    ['cs', 'Er wechselte für 100 Millionen Euro.', 'Přestoupil za 100 milionů eur.'],
    ['nl', 'In den 1980er Jahren arbeitete er an Shows.', 'In de jaren 80 werkte hij aan shows.'],
    ['sv', 'Das Land hat 4,2 Millionen Einwohner.', 'Landet har 4,2 miljoner invånare.'],
    ['pt-BR', 'Das Projekt kostet 1,5 Milliarden Euro.', 'O projeto custa 1,5 bilhão de euros.'],
    ['ja', 'Die beiden Länder einigten sich.', '2つの国は合意した。'],
    ['ja', 'Bush traf am 16. November morgens in Singapur ein.', 'ブッシュ大統領は16日午前、シンガポールに到着した。'],
    ['ja', 'Der Brief wurde im Juli zugespielt.', '手紙は7 月に渡された。'],
    ['ja', 'Die Fläche beträgt 3.850 km².', '面積は3,850 km²で、広い。'],
    ['nl', 'Winde von 136 Kilometern pro Stunde.', 'Winden van 136 km per uur.'],
    ['en', 'Der von 1950 bis 1953 geführte Krieg.', 'The 1950-53 war.'],
    ['fr', 'Seit dem 8. Jahrhundert ist es Teil der Kultur.', 'Depuis le VIIIe siècle, cela fait partie de la culture.'],
    ['nl', 'Das Wachstum betrug im Juli 2,7 Prozent.', 'De groei was 2,7 procent in juli.'],
    ['cs', 'Wir reduzieren auf 5 statt 6 Kämpfe.', 'Zredukujeme to na pět zápasů místo šesti.'],
    ['cs', 'Während Willoughby, 37, ihren Rückzug ankündigte.', 'Když sedmatřicetiletá Willoughbyová oznámila odchod.'],
    ['it', 'Ein 31-Jähriger wurde festgenommen.', 'È stato arrestato un trentunenne.'],
    ['pl', 'Der 42-jährige Schotte genießt die Herausforderung.', 'Ten czterdziestodwuletni Szkot lubi wyzwania.'],
    ['pl', 'Er verkaufte es für 125 Millionen britische Pfund.', 'Sprzedał je za 125 mln funtów.'],
    ['nl', 'Der 1,98 m große Spieler wuchs in Baton Rouge auf.', 'De 198 cm grote speler groeide op in Baton Rouge.'],
    ['pl', 'Die beste Zeit für ein Bier ist samstags um 17:30 Uhr.', 'Najlepszą porą na piwo jest godzina 17.30 w sobotę.'],
    ['en', 'Der 802.11n-Standard läuft auf 2,4 GHz.', 'The 802.11n standard operates on 2.4 GHz.'],
    ['cs', 'Fossilien von vor 4,2 bis 3,9 Millionen Jahren.', 'Fosílie z doby před 4,2 až 3,9 miliony let.'],
    ['ja', 'Die Leiche lag seit etwa einem Tag dort.', '遺体は1日ほど前からそこにあった。'],
    ['ja', 'In Palu wurden über 16.000 Personen evakuiert.', 'パルでは 1 万 6 千人が避難した。'],
    ['en', '32 Prozent der Wähler unterstützten eine solche Kandidatur.', 'Thirty-two percent supported such a run.'],
    ['cs', 'Aber es ist 6 Uhr morgens an einem Sonntag.', 'Ale je šest hodin ráno v neděli.'],
    ['ko', 'Am 10. Juni kamen um 15 Uhr 4,2 Millionen Menschen.', '6월 10일 오후 3시에 420만 명이 왔다.'],
    ['zh', 'Am 10. Juni kamen um 15 Uhr 4,2 Millionen Menschen.', '6月10日下午3点，420万人来了。'],
    ['da', 'Am 10. Juni 2024 um 15:00 Uhr kamen 4,2 Millionen Menschen.', 'Den 10. juni 2024 kl. 15.00 kom 4,2 millioner mennesker.'],
    ['ru', 'Am 10. Juni kamen 4,2 Millionen Menschen.', '10 июня пришли 4,2 миллиона человек.'],
    ['tr', 'Am 10. Juni kamen 1,5 Milliarden Euro.', "10 Haziran'da 1,5 milyar euro geldi."],
  ])('%s: %s', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).toEqual([]);
  });
});

// Planted mistakes: still errors.
describe('numbers: mistakes are still caught', () => {
  it.each([
    ['nl', 'Das Konzert beginnt um 21.00 Uhr.', 'Het concert begint om 9.00 uur.'],
    ['it', 'Das Konzert beginnt um 21.00 Uhr.', 'Il concerto inizia alle 9.00.'],
    ['en', 'Zwölf Menschen wurden verletzt.', 'Eleven people were injured.'],
    ['nl', 'Dafür zahlte er 125 Millionen britische Pfund.', 'Hij betaalde 125 miljard Britse pond.'],
    ['ja', 'Die Stadt hat 24.312 Einwohner.', '市の人口は2万4313人だ。'],
    ['en', 'Der Schaden liegt bei 10 bis 12 Millionen Euro.', 'The damage is €10m-€13m.'],
    ['en', 'BERLIN, 10.06.2006 – Das Turnier beginnt.', 'BERLIN, June 11, 2006 – The tournament begins.'],
    ['es', 'Rund 40.000 Menschen kamen.', 'Llegaron unas 4 000 personas.'],
    ['nl', 'Die Kundgebung beginnt um 15:00 Uhr.', 'De bijeenkomst begint om 16 uur.'],
    ['en', 'Die Strecke ist 4,5 Kilometer lang.', 'The 3.5-kilometre (2.2-mile) route is short.'],
    ['en-US', 'Die Kolonne war 12 Kilometer lang.', 'The convoy was 12 km (9.5 miles) long.'],
    ['ja', 'Bei dem Unfall wurden 3 Menschen verletzt.', '事故で2人が負傷した。'],
    ['ja', 'Bush traf am 16. November morgens in Singapur ein.', 'ブッシュ大統領は17日午前、シンガポールに到着した。'],
    ['en', 'Der von 1950 bis 1953 geführte Krieg.', 'The 1950-52 war.'],
    ['nl', 'Winde von 136 Kilometern pro Stunde.', 'Winden van 163 km per uur.'],
    ['it', 'Ein 31-Jähriger wurde festgenommen.', 'È stato arrestato un trentaduenne.'],
    ['pl', 'Die beste Zeit für ein Bier ist samstags um 17:30 Uhr.', 'Najlepszą porą na piwo jest godzina 7.30 w sobotę.'],
    ['ja', 'Rund ein Drittel der Haushalte war ohne Strom.', '世帯の約4分の1が停電した。'],
    ['ja', 'In Palu wurden über 16.000 Personen evakuiert.', 'パルでは 1 万 5 千人が避難した。'],
    ['ko', 'Am 10. Juni kamen um 15 Uhr 4,2 Millionen Menschen.', '6월 11일 오후 3시에 420만 명이 왔다.'],
    ['zh', 'Am 10. Juni kamen um 15 Uhr 4,2 Millionen Menschen.', '6月10日下午4点，420万人来了。'],
    ['ru', 'Am 10. Juni kamen 4,2 Millionen Menschen.', '10 июня пришли 4,2 миллиарда человек.'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(numberErrors(lang, source, target)).not.toEqual([]);
  });
});
