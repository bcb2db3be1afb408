/**
 * Quotations across sentences and inside each other (#23): causes of false errors found on the professional
 * translations of test/qa/corpora (NTREX), each with invented sentences in the same shape, and the real mistakes
 * beside them that must stay caught.
 */
import { describe, expect, it } from 'vitest';
import { quoteErrorsOf } from '../helpers/quote-errors.js';

const errorsOf = quoteErrorsOf;

describe('a quotation inside a quotation may become reported speech', () => {
  it.each([
    ['es', '„Am Ende kam ein Schüler zu mir und fragte: ‚Warum höre ich das erst jetzt?‘“', '“Al final, un alumno se me acercó y me preguntó por qué se enteraba solo ahora.”'],
    ['it', '„Ich rief allen zu: ‚Raus aus dem Wasser!‘“, sagte der Rettungsschwimmer.', '“Ho gridato a tutti di uscire dall’acqua”, ha detto il bagnino.'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(errorsOf(lang, [[source, target]])).toEqual([]);
  });

  it('still wants the outer quotation (direct speech left without marks)', () => {
    // Was `Dijo que gritó a todos que salieran del agua.`: reported speech (`dijo que …`), which #23 makes a warning.
    expect(errorsOf('es', [['„Ich rief allen zu: ‚Raus aus dem Wasser!‘“, sagte er.', 'Grité a todos: salid del agua, dijo.']])).toEqual(['1']);
  });
});

describe('straight single marks over several paragraphs', () => {
  it('reads an opening `\'` that the source opens there too and that is not closed before the next paragraph', () => {
    expect(
      errorsOf('nl', [
        ['„Dann kam der Anruf aus der Klinik, dass es keine Hoffnung mehr gebe.', "'Toen kwam het telefoontje uit de kliniek dat er geen hoop meer was."],
        ['Ich fuhr sofort los.', 'Ik ben meteen vertrokken.'],
        ['„Ich habe ihr gesagt, dass ich sie liebe.“', "'Ik heb haar gezegd dat ik van haar hou.'"],
      ]),
    ).toEqual([]);
  });

  it('reads one after a colon', () => {
    expect(
      errorsOf('en', [
        ['Eine Sprecherin sagte der Zeitung: „Vor Ende des Jahres wird eine Prüfung angekündigt.', "A spokeswoman told the paper: 'A review will be announced before the end of the year."],
        ['„Ein Wechsel kommt nicht über Nacht.“', "'Change will not come overnight.'"],
      ]),
    ).toEqual([]);
  });
});

describe('a quotation the source opens a sentence earlier', () => {
  it('is reported once, where the translation leaves it out, when the translation quotes the next sentence on its own', () => {
    expect(
      errorsOf('fr', [
        ['„Wir haben einen Hubschrauber geschickt.', 'Nous avons envoyé un hélicoptère.'],
        ['Wir sind tief betroffen“, sagte er.', '« Nous sommes profondément touchés », a-t-il dit.'],
      ]),
    ).toEqual(['1']);
  });

  it('is still an error where the translation opens it late and runs it on', () => {
    expect(
      errorsOf('fr', [
        ['„Wir standen kurz vor einem Konflikt.', 'Nous avons frôlé le conflit.'],
        ['Tausende wären gestorben.', '« Des milliers de personnes seraient mortes.'],
        ['Jetzt reden wir miteinander.“', 'Maintenant nous nous parlons. »'],
      ]),
    ).toContain('2');
  });
});

describe('marks of the locale that are not quotations', () => {
  it('reads a Czech `‘` between letters as an apostrophe (`Sainsbury‘s`)', () => {
    expect(errorsOf('cs', [['Der Händler testet Verkaufsstellen in zwei Sainsbury\'s-Filialen.', 'Prodejce testuje stánky ve dvou prodejnách Sainsbury‘s.']])).toEqual([]);
  });

  it('still catches a Czech closing `‘` with no opening mark', () => {
    expect(errorsOf('cs', [['Er sagte: ‚Wir bleiben.‘', 'Řekl: ,Zůstaneme.‘']])).toEqual(['1']);
  });

  it('reads Polish `»…«` inside `„…”`', () => {
    expect(
      errorsOf('pl', [['„Ich konnte ihm nicht sagen: ‚Papa, du wirst nicht dabei sein‘“, sagte er.', '„Nie mogłem mu powiedzieć: »tato, nie będzie cię tam«”, powiedział.']]),
    ).toEqual([]);
  });
});
