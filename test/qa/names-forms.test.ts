/**
 * Names written as the target language's grammar makes them: an adjective or
 * inhabitant made from a place of the termbase (`britanniques`, `iraquí`,
 * `brytyjskich`), a Japanese short form (`米軍`, `合衆国`), and case forms of
 * cities whose stem changes (Czech `v Praze`, Polish `w Pradze`, `Nowego Jorku`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { SegmentId } from '../../src/core/types.js';
import { checkPairs } from '../../src/qa/index.js';
import { parseTermbase } from '../../src/termbase/index.js';
import { REPO_ROOT } from '../helpers/temp-project.js';

const TBX = path.join(REPO_ROOT, 'terms/names.tbx');
const termbase = parseTermbase(readFileSync(TBX, 'utf8'), TBX);
const nameErrors = (lang: string, source: string, target: string) =>
  checkPairs([{ segmentId: 's-1' as SegmentId, source, target }], { sourceLang: 'de' as Lang, lang: lang as Lang, termbase })
    .filter((finding) => finding.check === 'names' && finding.severity === 'error')
    .map((finding) => finding.message);

describe('names: adjectives and inhabitants of termbase places pass', () => {
  it.each([
    ['fr', 'Die Hitzewelle hat den Pubs Großbritanniens geholfen.', 'La canicule a aidé les pubs britanniques.'],
    ['es', 'Die Hitzewelle hat den Pubs Großbritanniens geholfen.', 'La ola de calor ayudó a los pubs británicos.'],
    ['it', 'Die Gemeinschaft Großbritanniens respektiert sie.', 'La comunità britannica la rispetta.'],
    ['pl', 'Die Hitzewelle hat den Pubs Großbritanniens geholfen.', 'Fala upałów pomogła brytyjskim pubom.'],
    ['es', 'Niemand kann garantieren, dass eine Aktion im Irak die Gewalt stoppt.', 'Nadie puede garantizar que una acción iraquí detenga la violencia.'],
    ['pl', 'Die Studiengruppe zum Irak stellte ihren Bericht vor.', 'Iracka Grupa Studyjna przedstawiła swój raport.'],
    ['fr', 'Viele Wohnungen in London werden von Investoren gekauft.', 'Beaucoup de logements londoniens sont achetés par des investisseurs.'],
    ['es', 'Schiffe aus den Vereinigten Staaten blieben im Hafen.', 'Los barcos americanos se quedaron en el puerto.'],
    ['ja', 'Die USA hielten an den Sanktionen fest.', '合衆国は制裁を続けた。'],
    ['ja', 'Die US-Truppen verlassen Syrien, sagte der Präsident der Vereinigten Staaten.', '米大統領は米軍がシリアから撤退すると述べた。'],
    ['ja', 'Sie wollen frei unter dem Schirm der Europäischen Union leben.', '彼らはヨーロッパ連合の傘下で自由に暮らしたい。'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(nameErrors(lang, source, target)).toEqual([]);
  });
});

describe('names: a place of the termbase replaced by another country’s adjective is still caught', () => {
  it.each([
    ['es', 'Niemand kann garantieren, dass eine Aktion im Irak die Gewalt stoppt.', 'Nadie puede garantizar que una acción iraní detenga la violencia.'],
    ['fr', 'Die Hitzewelle hat den Pubs Großbritanniens geholfen.', 'La canicule a aidé les pubs australiens.'],
    ['fr', 'Viele Wohnungen in London werden von Investoren gekauft.', 'Beaucoup de logements lyonnais sont achetés par des investisseurs.'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(nameErrors(lang, source, target)).not.toEqual([]);
  });
});

describe('names: cities declined with a changed stem', () => {
  it.each([
    ['cs', 'Ich glaube, wir werden nicht versagen, wegen dem, was ich in Prag gelernt habe.', 'Věřím, že neselžeme, díky lekci, kterou jsem dostal v Praze.'],
    ['pl', 'Ich glaube, wir werden nicht versagen, wegen dem, was ich in Prag gelernt habe.', 'Wierzę, że nam się uda z powodu lekcji, jaką otrzymałem w Pradze.'],
    ['pl', 'Seit zehn Jahren gab es im Bezirk von New York keinen solchen Fall.', 'Od dziesięciu lat w dystrykcie Nowego Jorku nie było takiej sprawy.'],
  ])('%s: %s → %s', (lang, source, target) => {
    expect(nameErrors(lang, source, target)).toEqual([]);
  });

  it('still tells another city in the same case', () => {
    expect(nameErrors('pl', 'Ich habe das in Prag gelernt.', 'Nauczyłem się tego w Rydze.')).not.toEqual([]);
  });
});
