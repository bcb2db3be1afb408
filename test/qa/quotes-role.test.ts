/**
 * Quotes by role (#23): direct speech must keep its quotation; marks around a name, a title or a word may be
 * dropped or added by house style (a warning at most); marks that do not pair up, or that moved onto other words,
 * are errors. Sentences are modelled on the professional translations of test/qa/corpora (NTREX, FLORES), where
 * the old count of marks raised most of its false errors.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';

const de = 'de' as Lang;
/** The quotes findings of a document, `unit:severity` once each (units numbered from 1). */
function quotesOf(lang: string, pairs: readonly (readonly [source: string, target: string])[]): string[] {
  const items = pairs.map(([source, target], i) => ({ segmentId: `${i + 1}` as SegmentId, source, target }));
  return checkPairs(items, { sourceLang: de, lang: lang as Lang })
    .filter((finding) => finding.check === 'quotes')
    .map((finding) => `${finding.segmentId}:${finding.severity}`)
    .filter((found, i, all) => all.indexOf(found) === i);
}
const errorsOf = (lang: string, pairs: readonly (readonly [string, string])[]) => quotesOf(lang, pairs).filter((f) => f.endsWith(':error'));

describe('marks around a name, a title or a word may go', () => {
  it.each([
    ['en', '„Game of Thrones“-Star Kit Harington attackiert toxische Männlichkeit', 'Game of Thrones star Kit Harington attacks toxic masculinity'],
    ['nl', 'In den 1980er Jahren arbeitete er an Shows wie „Taxi“, „Cheers“ und „Die Tracey Ullman Show“.', 'In de jaren tachtig werkte hij aan shows als Taxi, Cheers en The Tracey Ullman Show.'],
    ['en', 'Viele der Möbel werden als „antik“ bezeichnet.', 'Much of the furniture is described as antiques.'],
    ['es', 'Jones soll „wütend“ gewesen sein, als das „Golden Girl“ des Fernsehens zugab, aufhören zu wollen.', 'Jones estaba «furioso» cuando la estrella de la televisión admitió que quería dejarlo.'],
  ])('%s: %s → %s gets a warning, not an error', (lang, source, target) => {
    const found = quotesOf(lang, [[source, target]]);
    expect(found).toEqual(['1:warning']);
  });

  it('lets a translation quote what the source gives as reported speech', () => {
    expect(errorsOf('en', [['Ein Fan beschrieb den Wechsel als einen schlechten Scherz.', 'One fan described the switch as "some sort of sick joke."']])).toEqual([]);
  });

  it('reads an opening mark typed for an apostrophe as one (`‘s morgens`)', () => {
    expect(errorsOf('nl', [['Er trainiert morgens und abends.', 'Hij traint ‘s morgens en ‘s avonds.']])).toEqual([]);
  });
});

describe('speech keeps its quotation, in any marks', () => {
  it.each([
    ['en', 'Er sagte: „Das ist so furchtbar.“', "He said: 'It's so awful.'"],
    ['nl', '„Es war nicht mein größtes Ziel“, sagte sie.', "'Het was niet mijn ultieme ambitie,' zei ze."],
    ['it', '„Agüero hat Probleme mit dem Fuß“, sagte Guardiola.', '"Aguero sta avendo problemi al piede”, ha detto Guardiola.'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(errorsOf(lang, [[source, target]])).toEqual([]);
  });

  it('follows a straight-quoted quotation over several sentences', () => {
    expect(
      errorsOf('en', [
        ['„Nachvollziehbar traumatisch.', '"Understandably traumatic.'],
        ['Wir kümmern uns um sie.“', 'We are looking after her."'],
      ]),
    ).toEqual([]);
  });

  it('follows a quotation the translation runs over sentences the source gives as reported speech', () => {
    expect(
      errorsOf('fr', [
        ['Er sagte, die Lage sei ernst.', 'Il a déclaré : « La situation est grave.'],
        ['Man müsse jetzt handeln.', 'Nous devons agir maintenant. »'],
      ]),
    ).toEqual([]);
  });

  it.each([
    ['en', '„Wir standen vor einem Krieg mit Nordkorea“, sagte er.', 'We were on the brink of war with North Korea, he said.'],
    ['fr', 'Trump sagte, die Demokraten seien „radikal“, und Graham: „Wir werden das nicht zulassen.“', 'Trump a qualifié les démocrates de « radicaux » et Graham a dit qu’ils ne le permettraient pas.'],
    ['ja', 'Er sagte: „Wir werden kämpfen.“', '彼は、戦うと述べた。'],
  ])('catches speech that lost its quotation, %s: %s → %s', (lang, source, target) => {
    expect(errorsOf(lang, [[source, target]])).toEqual(['1:error']);
  });

  it('catches a quotation opened a sentence later than in the source', () => {
    expect(
      errorsOf('fr', [
        ['„Wir standen vor einem Krieg mit Nordkorea.', 'Nous avons frôlé le conflit armé.'],
        ['Millionen von Menschen wären getötet worden.', '« Des millions de personnes auraient été tuées.'],
        ['Jetzt haben wir diese großartige Beziehung.“', 'Nous avons maintenant une excellente relation. »'],
      ]),
    ).toEqual(['1:error', '2:error']);
  });
});

describe('marks that do not pair up stay errors', () => {
  it.each([
    ['fr', '„Wir kommen“, sagte er.', '« Nous venons, a-t-il dit.'],
    ['cs', 'Er sagte: ‚Wir haben nicht in Weltkriegen gekämpft.‘', 'Řekl: ,Nevybojovali jsme světové války.‘'],
    ['cs', '„Er sagte: ‚weil er mich zum Lachen bringt‘“, erzählte mir Scovell.', '„Řekl: „Protože je s ním legrace,“ řekla mi paní Scovellová.'],
    ['nl', '„Ich bin bereit“, sagte er.', '‘Ik ben er klaar voor‘, zei hij.'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(errorsOf(lang, [[source, target]])).toEqual(['1:error']);
  });

  it('catches a closing mark missing when the next sentence opens a new quotation', () => {
    expect(
      errorsOf('cs', [
        ['Waters sagte, ihr Büro habe die Behörden über diese Behauptungen informiert.', 'Watersová uvedla, že její kancelář upozornila „příslušné úřady na tyto podvodné nároky.'],
        ['„Wir werden die Täter finden“, fuhr sie fort.', '„Zajistíme, aby byli pachatelé odhaleni,“ pokračovala.'],
      ]),
    ).toEqual(['1:error']);
  });
});

describe('marks moved onto other words', () => {
  it('catches a quotation moved from one name to another, the count unchanged', () => {
    expect(errorsOf('en', [['Die „Tagesschau“ zitierte den ARD-Chef.', 'The Tagesschau quoted the “ARD” chief.']])).toEqual(['1:error']);
  });

  it('lets a title lose its marks while a phrase is quoted elsewhere', () => {
    expect(
      errorsOf('en', [[
        'Im Gespräch mit „The Sunday Times Culture“ sagte Harington, er glaube, dass etwas schiefgegangen sei.',
        "Speaking to The Sunday Times Culture, Kit said he believes 'something's gone wrong'.",
      ]]),
    ).toEqual([]);
  });
});
