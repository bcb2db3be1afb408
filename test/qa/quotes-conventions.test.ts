/**
 * Quotation conventions of real translations that are not mistakes (#23, quotes column of `npm run qa:corpus`), each
 * with invented sentences in the shape the professional translations have, beside the real mistakes of the same
 * shape that must stay caught.
 */
import { describe, expect, it } from 'vitest';
import { quoteErrorsOf } from '../helpers/quote-errors.js';

const errorsOf = quoteErrorsOf;

describe('a quotation inside one that runs over several sentences, in the same marks', () => {
  const source: [string, string][] = [
    ['„Ich war gestern bei ihr im Büro.', ''],
    ['Ich fragte sie, ob sie davon wusste.', ''],
    ['Sie blieb ganz ruhig.“', ''],
  ];
  it.each([
    ['cs', ['„Byl jsem u ní včera v kanceláři.', 'Zeptal jsem se: „Věděla jste o tom?“', 'Zůstala úplně klidná.“']],
    ['pl', ['„Byłem wczoraj u niej w biurze.', 'Zapytałem: „Wiedziała pani o tym?”', 'Pozostała zupełnie spokojna”.']],
    ['ja', ['「昨日、彼女のオフィスに行った。', '私は「知っていたのか？」と聞いた。', '彼女は落ち着いていた。」']],
    ['fr', ['« J’étais hier dans son bureau.', 'Je lui ai demandé « Vous le saviez ? »', 'Elle est restée très calme. »']],
  ])('%s: is read as nested, and the outer one closes later', (lang, targets) => {
    expect(errorsOf(lang, source.map(([s], i) => [s, targets[i]!] as const))).toEqual([]);
  });

  it('a unit that only opens again, and never closes, is still an error', () => {
    expect(errorsOf('cs', source.map(([s], i) => [s, ['„Byl jsem u ní včera v kanceláři.', 'Zeptal jsem se: „Věděla jste o tom?', 'Zůstala úplně klidná.“'][i]!] as const))).not.toEqual([]);
  });

  it('a nested one that closes with the outer one in the same sentence', () => {
    expect(errorsOf('cs', [['„Sie weinte“?“', '„Plakala“?“']])).toEqual([]);
  });
});

describe('a quotation over several paragraphs opens again at the start of each', () => {
  const source = ['„Wir haben alles versucht.', 'Am Ende hat es nicht gereicht“, sagte der Trainer.'];
  it.each([
    ['en', ['“We tried everything.', '“In the end it was not enough,” the coach said.']],
    ['it', ['“Abbiamo provato di tutto.', '“Alla fine non è bastato”, ha detto l’allenatore.']],
    ['fr', ['« Nous avons tout essayé.', '« Au bout du compte, cela n’a pas suffi », a déclaré l’entraîneur.']],
  ])('%s: as English, Italian and French style guides write it', (lang, targets) => {
    expect(errorsOf(lang, source.map((s, i) => [s, targets[i]!] as const))).toEqual([]);
  });

  it('Japanese, which closes each paragraph, gets an error', () => {
    expect(errorsOf('ja', source.map((s, i) => [s, ['「私たちはあらゆることを試した。', '「最後には足りなかった」と監督は語った。'][i]!] as const))).not.toEqual([]);
  });

  it('a sentence the source does not run on into still gets an error', () => {
    expect(errorsOf('en', [['„Wir kommen.“', '“We are coming.'], ['„Nein“, sagte er.', '“No,” he said.']])).not.toEqual([]);
  });
});

describe('marks of real typing', () => {
  it.each([
    ['it', 'Die Kirchengemeinde zog in den 1930er-Jahren aus.', 'La congregazione se ne è andata negli anni ‘30.'],
    ['en', 'Die Band war in den 1980er-Jahren berühmt.', 'The band was famous in the ‘80s.'],
    ['it', 'Ri nannte die Vorstellung ein „Hirngespinst“.', 'Ri spiega che è un’”illusione” pensarlo.'],
    ['it', 'Schlaf sei die „Geheimwaffe“ der Studenten, sagte er.', 'Il sonno dovrebbe essere l”arma segreta” degli studenti, ha spiegato.'],
    ['it', '„Sobald die Regierung sagt, ‚das ist eine Katastrophe‘, helfen wir.“', '"Quando il governo dirà, "si tratta di un disastro”, potremo aiutare."'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(errorsOf(lang, [[source, target]])).toEqual([]);
  });

  it('an opening mark that is never closed is still an error', () => {
    expect(errorsOf('it', [['Die Kirchengemeinde zog in den 1930er-Jahren aus.', 'La congregazione se ne è andata negli ‘anni trenta.']])).toEqual(['1']);
  });
});

describe('French closes a quotation that ends with one nested in it once', () => {
  it('fr: « … : « … », a-t-il dit.', () => {
    expect(errorsOf('fr', [['„Ich konnte ihm nicht sagen, dass er nicht mehr dabei sein würde“, sagte er.', '« Je ne pouvais pas lui dire : « Papa, tu ne seras plus là », a-t-il dit.']])).toEqual([]);
  });
  it('Czech, which closes each, gets an error', () => {
    expect(errorsOf('cs', [['„Ich konnte ihm nicht sagen, dass er nicht mehr dabei sein würde“, sagte er.', '„Nemohl jsem mu říct: „Tati, už tam nebudeš,“ řekl.']])).toEqual(['1']);
  });
});

describe('speech told another way', () => {
  it.each([
    ['fr', 'Eine Quelle sagte gestern Abend: „Wir kommentieren seine Geschäfte nicht.“', 'Une source a déclaré hier soir qu’elle ne commentait pas ses affaires.'],
    ['it', 'Der Sprecher sagte: „Wir prüfen den Vorschlag.“', 'Il portavoce ha dichiarato che stanno esaminando la proposta.'],
    ['cs', 'Der Sprecher sagte: „Wir prüfen den Vorschlag.“', 'Mluvčí uvedl, že návrh zkoumají.'],
  ])('%s: reported speech is a warning: %s → %s', (lang, source, target) => {
    expect(errorsOf(lang, [[source, target]])).toEqual([]);
  });

  it('Korean, whose direct and reported speech end alike, keeps the error', () => {
    expect(errorsOf('ko', [['Der Sprecher sagte: „Wir prüfen den Vorschlag.“', '대변인은 제안을 검토하고 있다고 말했다.']])).toEqual(['1']);
  });

  it('two quotations of one speaker joined into one', () => {
    expect(
      errorsOf('fr', [
        [
          '„Die meisten Käufer dieser Wohnungen werden Zugezogene sein“, sagte er, „und das wird die Schließung der Kirchen beschleunigen.“',
          '« Les acheteurs de ces appartements seront surtout des nouveaux venus, ce qui précipitera la fermeture des églises », s’inquiète-t-il.',
        ],
      ]),
    ).toEqual([]);
  });

  it('one of two quoted phrases dropped is still an error', () => {
    expect(
      errorsOf('nl', [['Die Sprecherin nannte den Plan „völlig überzogen“ und „eine Zumutung für alle Pendler“.', 'De woordvoerster noemde het plan volkomen overdreven en ‘een onredelijke last voor alle forensen’.']]),
    ).toEqual(['1']);
  });

  it('two quoted sentences joined across sentences', () => {
    expect(
      errorsOf('fr', [
        ['„Glauben Sie, dass er die Wahrheit sagt?“', '« Croyez-vous qu’il dit la vérité ?'],
        ['„Sie haben Macht, während so viele machtlos sind“, sagte eine Frau.', 'Vous avez le pouvoir alors que tant d’autres ne l’ont pas », a dit une femme.'],
      ]),
    ).toEqual([]);
  });
});

describe('marks dropped or moved where the target language tells it', () => {
  it('ko: marks left out before the quotative ending `…이라고` are an error, even around a phrase', () => {
    expect(errorsOf('ko', [['Der Betriebsrat nannte die Pläne „eine Ohrfeige für die Beschäftigten“.', '노조는 이 계획을 직원들에 대한 모욕이라고 비판했다.']])).toEqual(['1']);
  });
  it('ko: with the marks kept, no error', () => {
    expect(errorsOf('ko', [['Der Betriebsrat nannte die Pläne „eine Ohrfeige für die Beschäftigten“.', '노조는 이 계획을 “직원들에 대한 모욕”이라고 비판했다.']])).toEqual([]);
  });
  it.each([
    ['ru', 'Die Opposition kritisierte das „überladene“ Programm der Regierung.', 'Оппозиция «раскритиковала» перегруженную программу правительства.'],
    ['it', '„Die Geduld ist am Ende“, sagte Kaltenbach.', 'La pazienza è finita, «ha detto Kaltenbach».'],
  ])('%s: the marks moved onto the word saying it: %s → %s', (lang, source, target) => {
    expect(errorsOf(lang, [[source, target]])).toEqual(['1']);
  });
  it('ru: the marks where the source has them', () => {
    expect(errorsOf('ru', [['Die Opposition kritisierte das „überladene“ Programm der Regierung.', 'Оппозиция раскритиковала «перегруженную» программу правительства.']])).toEqual([]);
  });
});

describe('Dutch single marks nested in single marks', () => {
  it('nl: ‘… zegt: ‘O.K., …’, …’ closes both', () => {
    expect(errorsOf('nl', [['„Sobald die Regierung sagt, ‚das ist eine Katastrophe‘, helfen wir.“', '‘Zodra de overheid zegt: ‘dit is een ramp’, helpen we.’']])).toEqual([]);
  });
  it('nl: a nested one closed with a straight mark inside a quotation over sentences', () => {
    expect(
      errorsOf('nl', [
        ['„Sie haben mich hinter der Bühne schikaniert.', '‘Ze hebben me achter de schermen gepest.'],
        ['Sie sagten, ‚geh nicht mit der Kappe raus‘.', 'Ze zeiden: ‘Ga niet op met die pet.\''],
        ['Und dann sagten sie, ich sei am falschen Ort“, sagte er.', 'En toen zeiden ze dat ik op de verkeerde plek was’, zei hij.'],
      ]),
    ).toEqual([]);
  });
});
