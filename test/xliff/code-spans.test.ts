import { describe, expect, it } from 'vitest';
import { checkStructure, readXliff } from '../../src/xliff/index.js';

/** Issue #23 "codes by kind and span": a code on other words, or a wrapping code come back standalone. */
function xliff12(source: string, target: string, lang = 'da'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="nachricht.txt" source-language="de" target-language="${lang}" datatype="plaintext"><body>
    <trans-unit id="s1"><source>${source}</source><target state="translated">${target}</target></trans-unit>
  </body></file>
</xliff>`;
}

function xliff20(source: string, target: string, lang = 'sv'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="${lang}">
  <file id="f1"><unit id="u1"><segment state="translated"><source>${source}</source><target>${target}</target></segment></unit></file>
</xliff>`;
}

const codeMessages = (xml: string) => checkStructure(readXliff(xml, 'nachricht.xlf')).filter((problem) => problem.about === 'codes').map((problem) => problem.message);

describe('inline codes compared by the words they wrap', () => {
  it.each([
    ['a link moved off a name (1.2 <g>)', xliff12('<g id="1">Volkswagen</g> plant 2025 neue Werke.', 'Volkswagen <g id="1">planlægger</g> nye fabrikker i 2025.')],
    ['bold moved from the figure to a word (1.2 <bpt>/<ept>)', xliff12('Der Umsatz stieg um <bpt id="1">&lt;b></bpt>12 Prozent<ept id="1">&lt;/b></ept>.', 'Omsætningen <bpt id="1">&lt;b></bpt>steg<ept id="1">&lt;/b></ept> med 12 procent.')],
    ['a link moved onto another name (2.0 <pc>)', xliff20('<pc id="1">Angela Merkel</pc> traf Emmanuel Macron in Paris.', 'Angela Merkel träffade <pc id="1">Emmanuel Macron</pc> i Paris.')],
  ])('%s is an error', (_name, xml) => {
    expect(codeMessages(xml)).toEqual([expect.stringMatching(/^inline code 1 wraps “.+” in the source but “.+” in the target$/)]);
  });

  it.each([
    ['a wrapping <g> come back as <x/> with the same id', xliff12('<g id="1">Deutsche Bahn</g> streikt.', '<x id="1"/>Deutsche Bahn strejker.'), /inline code 1 wraps text in the source but stands alone in the target/],
    ['a <pc> come back as <ph/>', xliff20('<pc id="1">Siemens</pc> wächst.', '<ph id="1"/>Siemens växer.'), /inline code 1 wraps text in the source but stands alone in the target/],
  ])('%s is an error', (_name, xml, message) => {
    expect(codeMessages(xml)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['the wrapped words translated', xliff12('Die <g id="1">Bundesregierung</g> widersprach.', '<g id="1">Forbundsregeringen</g> modsagde.')],
    ['the name wrapped where the word order changed', xliff12('Am Montag sprach <g id="1">Olaf Scholz</g> in Kiel.', '<g id="1">Olaf Scholz</g> talte i Kiel mandag.')],
    ['the wrapped text grown by a translated title', xliff20('<pc id="1">Merkel</pc> sagte: „Nein.“', '<pc id="1">Förbundskansler Merkel</pc> sade: ”Nej.”')],
    ['standalone codes only', xliff12('Zeile eins<x id="1"/>BASF zwei', 'Linje et<x id="1"/>BASF to')],
  ])('%s is no finding', (_name, xml) => {
    expect(codeMessages(xml)).toEqual([]);
  });
});
