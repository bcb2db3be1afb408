/**
 * Quotes by role (#23), second part: a phrase that a word of speech governs is the speaker's own words and keeps
 * its marks (`nannte das Angebot „eine Provokation“`), while a title or term quoted in reported speech may lose
 * them; the marks of every locale are read (Danish `»…«`, Swedish `”…”` and `»…»`, British `‘…’`); and marks that
 * moved onto other words with the count unchanged are an error. The words of speech are data
 * (src/qa/locales/quotes.json). Sentences are invented news in the style of the corpora, not the held-out articles.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';

const de = 'de' as Lang;
/** The quotes findings of a one-sentence document, as severities. */
function quotesOf(lang: string, source: string, target: string): string[] {
  return checkPairs([{ segmentId: '1' as SegmentId, source, target }], { sourceLang: de, lang: lang as Lang })
    .filter((finding) => finding.check === 'quotes')
    .map((finding) => finding.severity);
}

describe('a phrase after a word of speech is the speaker’s words', () => {
  it.each([
    ['en', 'Der Gewerkschaftschef nannte das Angebot „eine Provokation“.', 'The union leader called the offer a provocation.'],
    ['pl', 'Die Bürgermeisterin sprach am Abend von einer „bitteren Niederlage für die Stadt“.', 'Burmistrzyni mówiła wieczorem o gorzkiej porażce dla miasta.'],
    ['it', 'Der Trainer sprach von einem „verdienten Punkt“.', 'L’allenatore ha parlato di un punto meritato.'],
    ['nb', 'Der Minister bezeichnete den Kompromiss als „tragfähige Lösung“.', 'Ministeren kalte kompromisset en holdbar løsning.'],
  ])('%s: dropping its marks is an error: %s → %s', (lang, source, target) => {
    expect(quotesOf(lang, source, target)).toContain('error');
  });

  it.each([
    ['en', 'Der Gewerkschaftschef nannte das Angebot „eine Provokation“.', 'The union leader called the offer “a provocation”.'],
    ['fr', 'Der Trainer sprach von einem „verdienten Punkt“.', 'L’entraîneur a parlé d’un « point mérité ».'],
    ['ja', 'Der Trainer sprach von einem „verdienten Punkt“.', '監督は「妥当な勝ち点」だと語った。'],
  ])('%s: keeping them is fine: %s → %s', (lang, source, target) => {
    expect(quotesOf(lang, source, target)).not.toContain('error');
  });

  it.each([
    // After a comma the quoted words sit in reported speech: a title or a term, which house styles drop.
    ['en', 'Siminoff sagte, die Verkäufe seien nach seinem Auftritt in „Shark Tank“ gestiegen.', 'Siminoff said sales rose after his appearance on Shark Tank.'],
    ['es', 'Die Ministerin sagte, das Programm „Digital Jetzt“ werde verlängert.', 'La ministra dijo que el programa Digital Jetzt se prorrogará.'],
    // A word of speech far before the marks does not govern them.
    ['nl', 'Außerdem kündigte die Behörde diesen Monat eine Investition von zwei Milliarden Euro in die Initiative „Netz Morgen“ an.', 'Deze maand kondigde de instantie een investering van twee miljard euro aan in het initiatief Netz Morgen.'],
    // `Sprachen` (languages) is not `sprachen` (they spoke).
    ['en', 'Moderne Sprachen sollten als „internationale Kompetenz“ gelten.', 'Modern languages should count as an international skill.'],
  ])('%s: a title or term in reported speech may lose its marks: %s → %s', (lang, source, target) => {
    expect(quotesOf(lang, source, target)).not.toContain('error');
  });
});

describe('the marks of every locale', () => {
  it.each([
    ['da', '„Wir haben alles gegeben“, sagte die Kapitänin.', '»Vi gav alt, hvad vi havde,« sagde anføreren.'],
    ['sv', '„Wir haben alles gegeben“, sagte die Kapitänin.', '”Vi gav allt vi hade”, sade lagkaptenen.'],
    ['sv', '„Wir haben alles gegeben“, sagte die Kapitänin.', '»Vi gav allt vi hade», sade lagkaptenen.'],
    ['fi', 'Die Kapitänin sprach von einem „ehrlichen Spiel“.', 'Kapteeni puhui ”rehellisestä pelistä”.'],
    ['en-GB', 'Die Ministerin nannte die Zahlen „ein ernstes Warnsignal“.', 'The minister called the figures ‘a serious warning sign’.'],
  ])('%s: %s → %s has no error', (lang, source, target) => {
    expect(quotesOf(lang, source, target)).not.toContain('error');
  });

  it.each([
    ['da', '„Wir haben alles gegeben“, sagte die Kapitänin.', 'Vi gav alt, hvad vi havde, sagde anføreren.'],
    ['sv', 'Die Kapitänin sagte: „Wir haben alles gegeben.“', 'Lagkaptenen sade att de gav allt de hade.'],
  ])('%s: speech that lost its marks is still caught: %s → %s', (lang, source, target) => {
    expect(quotesOf(lang, source, target)).toContain('error');
  });
});

describe('marks moved onto other words, the count unchanged', () => {
  it.each([
    // A name the source writes outside its marks is now inside them.
    ['it', '„Die Frist ist abgelaufen“, sagte Berger am Dienstag.', 'La scadenza è passata, «ha detto Berger» martedì.'],
    ['en', 'Gewerkschaftssprecherin Lena Hoffmann sprach von einem „klaren Signal“.', 'The “union spokeswoman Lena Hoffmann” spoke of a clear signal.'],
    // The colon that introduces the quotation now follows the marks: they hold the words saying, not the words said.
    ['es', 'Die Polizeichefin räumte ein: „Wir waren zu spät vor Ort.“', '«La jefa de policía admitió»: llegamos demasiado tarde.'],
    ['zh-Hans', 'Die Polizeichefin räumte ein: „Wir waren zu spät vor Ort.“', '“警察局长承认”：我们到得太晚了。'],
    // The marks hold a far smaller share of the sentence than in the source.
    ['fr', 'Der Bürgermeister sprach von einem „schweren Rückschlag für die Region“ und kündigte Hilfen an.', 'Le maire a parlé d’un grave revers pour la région et « annoncé » des aides.'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(quotesOf(lang, source, target)).toContain('error');
  });

  it.each([
    ['en', 'Er nannte Müller „einen Lügner“.', 'He called Müller “a liar”.'],
    ['en', '„Die Frist ist abgelaufen“, sagte Berger am Dienstag.', '“The deadline has passed,” Berger said on Tuesday.'],
    ['fr', 'Die Polizeichefin räumte ein: „Wir waren zu spät vor Ort.“', 'La cheffe de la police a reconnu : « Nous sommes arrivés trop tard. »'],
    ['ja', 'Der Bürgermeister sprach von einem „schweren Rückschlag für die Region“.', '市長は「地域にとって大きな後退」だと述べた。'],
  ])('%s: the same words quoted, rephrased: %s → %s', (lang, source, target) => {
    expect(quotesOf(lang, source, target)).not.toContain('error');
  });
});
