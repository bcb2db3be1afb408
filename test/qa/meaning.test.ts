import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';

const de = 'de' as Lang;
const meaningFindings = (lang: string, source: string, target: string) =>
  checkPairs([{ segmentId: 's-1' as SegmentId, source, target }], { sourceLang: de, lang: lang as Lang })
    .filter((finding) => finding.check === 'meaning')
    .map((finding) => `${finding.severity}: ${finding.message}`);

describe('meaning: words that bound a figure', () => {
  it.each([
    ['en', 'Fast 40 Prozent der Befragten lehnen den Plan ab.', 'More than 40 percent of those asked reject the plan.'],
    ['fr', 'Mehr als 300 Häuser wurden beschädigt.', 'Près de 300 maisons ont été endommagées, presque toutes au centre.'],
    ['es', 'Mindestens 12 Menschen wurden verletzt.', 'Como máximo 12 personas resultaron heridas.'],
    ['it', 'Knapp ein Drittel der Stimmen ging an die Grünen.', 'Più di un terzo dei voti è andato ai Verdi.'],
    ['pl', 'Über 2000 Beschäftigte streikten.', 'Strajkowało niemal 2000 pracowników.'],
    ['ru', 'Weniger als 50 Abgeordnete stimmten dafür.', 'За проголосовали более 50 депутатов.'],
    ['da', 'Mehr als 70 Schulen blieben geschlossen.', 'Næsten 70 skoler forblev lukkede.'],
    ['ja', 'Mehr als 5000 Zuschauer kamen.', '5000人近くの観客が集まった。'],
    ['zh-Hans', 'Fast 800 Flüge fielen aus.', '共取消了800多个航班。'],
    ['ko', 'Mehr als 40 Busse fuhren nicht.', '버스 40대 가까이가 운행하지 않았다.'],
    ['tr', 'Mehr als 300 Bäume stürzten um.', "300'e yakın ağaç devrildi."],
  ])('catches an opposite bound in %s: %s → %s', (lang, source, target) => {
    expect(meaningFindings(lang, source, target)).toEqual([expect.stringContaining('(bound)')]);
  });

  it.each([
    ['en', 'Fast 40 Prozent der Befragten lehnen den Plan ab.', 'Almost 40 percent of those asked reject the plan.'],
    ['en', 'Fast 40 Prozent der Befragten lehnen den Plan ab.', 'Some 40 percent of those asked reject the plan.'],
    ['fr', 'Mehr als 300 Häuser wurden beschädigt.', 'Plus de 300 maisons ont été endommagées.'],
    ['pl', 'Über 2000 Beschäftigte streikten.', 'Strajkowało ponad 2000 pracowników.'],
    ['cs', 'Knapp 200 Menschen mussten ihre Häuser verlassen.', 'Necelých 200 lidí muselo opustit své domovy.'],
    ['ru', 'Weniger als 50 Abgeordnete stimmten dafür.', 'За проголосовали менее 50 депутатов.'],
    ['zh-Hans', 'Mehr als 800 Flüge fielen aus.', '共取消了800多个航班。'],
    ['ja', 'Mehr als 5000 Zuschauer kamen.', '５０００人を超える観客が集まった。'],
    ['tr', 'Mehr als 300 Bäume stürzten um.', "300'den fazla ağaç devrildi."],
    // Over a topic is not over a figure.
    ['en', 'Er sprach über die Krise, fast eine Stunde lang.', 'He spoke about the crisis for almost an hour, over coffee.'],
  ])('accepts %s: %s → %s', (lang, source, target) => {
    expect(meaningFindings(lang, source, target)).toEqual([]);
  });
});

describe('meaning: direction and outcome words', () => {
  it.each([
    ['en', 'Die Zahl der Arbeitslosen stieg im März um 4 Prozent.', 'Unemployment fell by 4 percent in March.', 'trend'],
    ['nl', 'Der Umsatz sank auf 3,2 Milliarden Euro.', 'De omzet steeg naar 3,2 miljard euro.', 'trend'],
    ['es', 'Der Konzern meldete einen Verlust von 40 Millionen Euro.', 'El grupo registró una ganancia de 40 millones de euros.', 'money'],
    ['sv', 'Das Team hat das Auswärtsspiel mit 2:1 gewonnen.', 'Laget förlorade bortamatchen med 2–1.', 'match'],
    ['pl', 'Die Partei hat die Wahl mit 48 Prozent verloren.', 'Partia wygrała wybory, zdobywając 48 procent głosów.', 'match'],
    ['fr', 'Der Preis hat sich verdoppelt.', 'Le prix a triplé.', 'multiple'],
    ['ru', 'Die Gebühr wird jährlich erhoben.', 'Плата взимается ежемесячно.', 'frequency'],
    ['it', 'Die Polizei kam zehn Minuten vor dem Anpfiff.', 'La polizia è arrivata dieci minuti dopo il fischio d’inizio.', 'order'],
    ['da', 'Die Entscheidung fällt frühestens im Mai.', 'Beslutningen træffes senest i maj.', 'limit'],
    // Counted, not only named: the profit of the year before became a second loss.
    ['tr', 'Die Bank meldete einen Verlust von 45 Millionen Dollar, nach einem Gewinn von 20 Millionen Dollar im Vorquartal.', 'Banka, önceki çeyrekte 20 milyon dolar zarar ederken bu çeyrekte 45 milyon dolar zarar bildirdi.', 'money'],
    ['en', 'Der Umsatz des Unternehmens wuchs um mehr als sieben Prozent.', 'The company’s revenue grew almost 7 percent.', 'bound'],
  ])('catches %s: %s → %s', (lang, source, target, axis) => {
    expect(meaningFindings(lang, source, target)).toEqual([expect.stringContaining(`(${axis})`)]);
  });

  it.each([
    ['en', 'Die Zahl der Arbeitslosen stieg im März um 4 Prozent.', 'Unemployment rose by 4 percent in March.'],
    ['cs', 'Die Partei hat die Wahl mit 48 Prozent verloren.', 'Strana volby se 48 procenty prohrála.'],
    ['ru', 'Die Gebühr wird jährlich erhoben.', 'Плата взимается ежегодно.'],
    ['it', 'Die Polizei kam zehn Minuten vor dem Anpfiff.', 'La polizia è arrivata dieci minuti prima del fischio d’inizio.'],
    // Real translations restructure: "A, bevor B" becomes "A, then B"; a compound keeps its pole (Umsatzwachstum).
    ['pl', 'Der Stürmer glich in der 12. Minute aus, bevor sein Kollege zwei Tore schoss.', 'Napastnik wyrównał w 12. minucie, po czym jego kolega strzelił dwa gole.'],
    ['en', 'Das Umsatzwachstum betrug 2,7 Prozent und spiegelte den Rückgang der Neueröffnungen wider.', 'Sales growth was 2.7 percent, reflecting the slowdown in new openings.'],
    ['en', 'Nach dem ersten Auswärtssieg seit Februar kam die dritte Niederlage in 18 Spielen.', 'After their first away win since February came a third defeat in 18 games.'],
    ['cs', 'Die Getränkeumsätze stiegen um 6,6 Prozent, während der Absatz von Speisen um drei Prozent zurückging.', 'Prodej nápojů se zvedl o 6,6 procenta, zatímco prodej jídla o tři procenta klesl.'],
    // "Unternehmen" holds "unter", "underleverandør" holds "under": no trace of a bound.
    ['da', 'Der Zulieferer streicht 1.200 Stellen, davon knapp die Hälfte in Esslingen.', 'Underleverandøren nedlægger 1.200 stillinger, heraf knap halvdelen i Esslingen.'],
    // A rephrasing without a word of the axis is no finding: "went down" is not listed.
    ['en', 'Die Zahl der Arbeitslosen stieg im März um 4 Prozent.', 'In March, 4 percent more people were out of work.'],
  ])('accepts %s: %s → %s', (lang, source, target) => {
    expect(meaningFindings(lang, source, target)).toEqual([]);
  });
});

describe('meaning: relative days from CLDR', () => {
  it.each([
    ['en', 'Der Ausschuss tagte gestern in Bonn.', 'The committee met in Bonn today.'],
    ['fr', 'Das Urteil wird morgen verkündet.', 'Le verdict sera rendu aujourd’hui.'],
    ['pl', 'Die Brücke wurde heute gesperrt.', 'Most zamknięto wczoraj.'],
    ['ko', 'Die Brücke wurde heute gesperrt.', '다리는 어제 폐쇄되었다.'],
    ['ja', 'Das Urteil wird morgen verkündet.', '判決は今日言い渡される。'],
    ['nl', 'Die Brücke wurde gestern Abend gesperrt.', 'De brug werd vanavond afgesloten.'],
    ['sv', 'Die Brücke wurde heute gesperrt.', 'Bron stängdes i går.'],
  ])('catches %s: %s → %s', (lang, source, target) => {
    expect(meaningFindings(lang, source, target)).toEqual([expect.stringContaining('(day)')]);
  });

  it.each([
    ['en', 'Der Ausschuss tagte gestern in Bonn.', 'The committee met in Bonn on Tuesday.'],
    ['es', 'Die Sitzung begann heute Morgen.', 'La sesión comenzó esta mañana.'],
    ['nl', 'Die Brücke wurde gestern Abend gesperrt.', 'De brug werd gisteravond afgesloten.'],
    ['ru', 'Das Urteil wird morgen verkündet.', 'Приговор будет оглашён завтра.'],
    ['tr', 'Der Ausschuss tagte gestern.', 'Komite dün toplandı; dünya basını izledi.'],
  ])('accepts %s: %s → %s', (lang, source, target) => {
    expect(meaningFindings(lang, source, target)).toEqual([]);
  });
});

describe('meaning: score order', () => {
  it.each([
    ['en', 'Leipzig gewann das Heimspiel mit 3:1.', 'Leipzig won their home game 3-1.'],
    ['en', 'Bochum verlor 0:2 in Augsburg.', 'Bochum lost 2-0 at Augsburg.'],
    ['es', 'Zur Pause stand es 1:1, am Ende 4:2.', 'Al descanso 1-1, al final 4-2.'],
    ['fr', 'Das Spiel endete 2:0.', 'Le match s’est terminé sur le score de 2 à 0, soit 2-0.'],
    // The target states the score from the trailing side.
    ['nl', 'Er bekam den Ball beim 0:1-Rückstand seines Teams.', 'Hij kreeg de bal toen zijn ploeg met 1-0 achter stond.'],
  ])('accepts %s: %s → %s', (lang, source, target) => {
    expect(meaningFindings(lang, source, target)).toEqual([]);
  });

  it.each([
    ['en', 'Das Spiel in Kiel endete 4:2.', 'The match in Kiel ended 2-4.'],
    ['zh-Hans', 'Das Spiel in Kiel endete 4:2.', '基尔的比赛以2比4结束。'],
    ['it', 'Nach 70 Minuten stand es 2:1.', 'Dopo 70 minuti il punteggio era 1-2.'],
  ])('catches a reversed score in %s: %s → %s', (lang, source, target) => {
    expect(meaningFindings(lang, source, target)).toEqual([expect.stringContaining('score')]);
  });
});
