/**
 * Names the termbase does not know, found with the German lexicon instead of
 * roles (issue #23): a capitalised word mid-sentence that German knows as no
 * common noun is a name, and a translation that has it one or two letters off
 * has misspelt it; a first name changed under a known surname is changed.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';

const nameErrors = (lang: string, ...pairs: [string, string][]) =>
  checkPairs(
    pairs.map(([source, target], i) => ({ segmentId: `s-${i + 1}` as SegmentId, source, target })),
    { sourceLang: 'de' as Lang, lang: lang as Lang },
  )
    .filter((finding) => finding.check === 'names' && finding.severity === 'error')
    .map((finding) => finding.message);

describe('names the lexicon does not know', () => {
  it.each([
    ['en', 'In der 70. Minute traf Mehmet Kaplan nach einer Flanke von Lukas Brenner zum Ausgleich.', 'In the 70th minute Mehmet Kaptan equalised from a Lukas Brenner cross.', 'Mehmet Kaplan'],
    ['fr', 'Am Abend sprach Gewerkschafterin Carla Özdemir vor dem Werkstor.', 'Le soir, la syndicaliste Carla Özdamar a pris la parole devant l’usine.', 'Carla Özdemir'],
    ['it', 'Die Leitung übernimmt ab Montag Henrike Baumgärtel.', 'Da lunedì la direzione passa a Henrike Baumgartner.', 'Henrike Baumgärtel'],
    ['tr', 'Personalvorständin Anja Feldkamp nannte den Streik überzogen.', 'İnsan Kaynakları Direktörü Anna Feldkamp grevi aşırı olarak nitelendirdi.', 'Anja Feldkamp'],
    ['nl', 'Laut Sprecherin Marta Lindqvist bleibt die Strecke gesperrt.', 'Volgens woordvoerster Marit Lindqvist blijft het traject gesloten.', 'Marta Lindqvist'],
  ])('%s: a misspelt or changed name is caught (%s)', (lang, source, target, name) => {
    expect(nameErrors(lang, [source, target]).join('\n')).toContain(`“${name}”`);
  });

  it.each([
    ['en', 'In der 70. Minute traf Mehmet Kaplan nach einer Flanke von Lukas Brenner zum Ausgleich.', 'In the 70th minute Mehmet Kaplan equalised from a Lukas Brenner cross.'],
    ['pl', 'In der 70. Minute traf Mehmet Kaplan nach einer Flanke von Lukas Brenner zum Ausgleich.', 'W 70. minucie Mehmet Kaplan wyrównał po dośrodkowaniu Lukasa Brennera.'],
    ['es', 'Werder gewann gegen den Hamburger SV, die Berliner Fans feierten.', 'El Werder ganó al Hamburgo y los aficionados berlineses lo celebraron.'],
    ['en', 'Die Welsh Conservative Party sprach von einer Farce.', 'The Welsh Tories called it a farce.'],
    ['fr', 'Nach dem Spiel lobte er die Leistung der Mannschaft.', 'Après le match, il a salué la performance de l’équipe.'],
  ])('%s: a correct translation passes', (lang, source, target) => {
    expect(nameErrors(lang, [source, target])).toEqual([]);
  });

  it.each([
    // A party's abbreviation replaced by another's, also where the source has it in a compound or as a word.
    ['en', 'CDU-Landeschef Markus Brandt kündigte Gespräche an.', 'The SPD’s state leader Markus Brandt announced talks.', '“CDU”'],
    ['es', 'Die Nato-Staaten im Süden verlangen mehr Geld.', 'Los países del sur de la UE piden más dinero.', '“NATO”'],
    ['tr', 'Die Nato-Staaten im Süden verlangen mehr Geld.', 'AGİT\'in güneyindeki ülkeler daha fazla para istiyor.', '“NATO”'],
    ['ru', 'Laut dem Institut der deutschen Wirtschaft (IW) sinkt die Produktion.', 'По данным Института немецкой экономики (DIW), производство падает.', '“IW”'],
    ['ru', 'Die FDP lehnte den Antrag ab.', 'ХСС отклонил предложение.', '“FDP”'],
    // A country replaced by another, in any script.
    ['pt-BR', 'Ungarn blockierte den Beschluss bis zuletzt.', 'A Eslováquia bloqueou a decisão até o fim.', '“Ungarn”'],
    ['zh-Hans', 'Ungarn blockierte den Beschluss bis zuletzt.', '斯洛伐克直到最后一刻都在阻挠这一决定。', '“Ungarn”'],
  ])('%s: a body or country replaced by another is caught (%s)', (lang, source, target, name) => {
    expect(nameErrors(lang, [source, target]).join('\n')).toContain(name);
  });

  it.each([
    // Transliterations by each language's conventions (Polish c = ts), the Turkish dotless i, Turkish case endings.
    ['pl', 'Außenminister Oleksandr Hrytsenko sprach von einem Signal.', 'Minister Ołeksandr Hryćenko mówił o sygnale.'],
    ['tr', 'Am Abend sprach Gewerkschafterin Petra Yilmaz vor dem Werkstor.', 'Akşam sendikacı Petra Yılmaz fabrika kapısında konuştu.'],
    ['sv', 'Der nächste Gipfel ist in Brüssel geplant.', 'Nästa toppmöte är planerat i Bryssel.'],
    ['tr', 'Der nächste Gipfel ist in Brüssel geplant.', 'Bir sonraki zirve Brüksel\'de planlanıyor.'],
    // A club designation, an abbreviation German uses as a noun, localised ones, one written with no-break spaces.
    ['es', 'Werder gewann gegen den Hamburger SV.', 'El Werder ganó al Hamburgo.'],
    ['en', 'Der HSV empfängt am Freitag Köln.', 'Hamburg host Köln on Friday.'],
    ['fr', 'Er wurde nach einer „rassistischen“ SMS entlassen.', 'Il a été licencié après un texto « raciste ».'],
    ['cs', 'Das Fahrzeug wurde um 12:00 Uhr GMT weggebracht.', 'Vozidlo bylo odvezeno ve 12:00 greenwichského času.'],
    ['fr', 'Er sah sich Videos von ISIS an.', 'Il a regardé des vidéos de Daesh.'],
    ['en', 'Das führte zur Zusammenarbeit zwischen der UdSSR und den USA.', 'That led to cooperation between the USSR and USA.'],
    ['es', 'Sie sollen an KI arbeiten.', 'Deben trabajar en I.\u00a0A.'],
    ['es', 'Die Defense Advanced Research Projects Agency (DARPA) lobt einen Preis aus.', 'La Defense Advanced Research Projects Agency de EE. UU. ofrece un premio.'],
    // The body of an abbreviation the translation writes its own way is in the source.
    ['ru', 'Die CDU und das BSW verhandeln.', 'ХДС и BSW ведут переговоры.'],
    ['pt-BR', 'Die Nato-Staaten wollen 3,5 Prozent des BIP ausgeben.', 'Os países da OTAN querem gastar 3,5 % do PIB.'],
  ])('%s: a correct translation passes (%s)', (lang, source, target) => {
    expect(nameErrors(lang, [source, target])).toEqual([]);
  });
});
