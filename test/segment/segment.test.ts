import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { Doc, DocId, Segment } from '../../src/core/types.js';
import { segmentText } from '../../src/segment/index.js';

const de = 'de' as Lang;
const docId = 'test' as DocId;
const fixture = (name: string, file: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name, file), 'utf8');

function sentences(doc: Doc): string[] {
  return doc.body.flatMap((block) =>
    block.kind === 'block' ? block.parts.filter((p): p is Segment => p.kind === 'segment').map((p) => p.text) : [],
  );
}
function join(doc: Doc): string {
  return doc.body.map((item) => (item.kind === 'gap' ? item.text : item.parts.map((p) => p.text).join(''))).join('');
}
const split = (text: string) => sentences(segmentText(text, { docId, lang: de }));

describe('segmenting the seed article', () => {
  const input = fixture('seed-article', 'input.txt');
  const doc = segmentText(input, { docId, lang: de });

  it('gives exactly the 26 gold segments in 11 blocks', () => {
    expect(sentences(doc)).toEqual(JSON.parse(fixture('seed-article', 'expected.json')));
    expect(doc.body.filter((item) => item.kind === 'block')).toHaveLength(11);
  });

  it('marks the headline and the caption as blocks of their own kind', () => {
    const kinds = doc.body.flatMap((item) => (item.kind === 'block' ? [item.type] : []));
    expect(kinds[0]).toBe('headline');
    expect(kinds[2]).toBe('caption');
    expect(kinds.filter((kind) => kind === 'paragraph')).toHaveLength(9);
  });

  it('gives back the input exactly when segments and gaps are joined', () => {
    expect(join(doc)).toBe(input);
  });

  it('keeps offsets that point at each segment in the input', () => {
    for (const item of doc.body) {
      if (item.kind !== 'block') continue;
      for (const part of item.parts) {
        if (part.kind === 'segment') expect(input.slice(part.start, part.start + part.text.length)).toBe(part.text);
      }
    }
  });
});

describe('German rules', () => {
  it.each([
    ['ordinal before a month', 'Die Stadt wurde am 9. September eingenommen. Danach war Ruhe.', 2],
    ['abbreviation Tsd.', 'Es kamen 15 Tsd. Menschen. Das war viel.', 2],
    ['z. B. with a space', 'Manche Länder, z. B. Frankreich, stimmten zu. Andere nicht.', 2],
    ['vgl. and ggf.', 'Das steht im Bericht, vgl. Seite 4, und gilt ggf. auch hier. Mehr nicht.', 2],
    ['ordinal before a noun', 'Im 20. Jahrhundert änderte sich das. So war es.', 2],
    ['determiner + ordinal', 'Sie war die 2. Frau im Amt. Das war neu.', 2],
    ['Roman numeral before lower case', 'Ludwig XIV. ließ Versailles bauen. Es wurde groß.', 2],
    ['decimals and thousands', 'Die Quote stieg um 3,5 Prozent auf 15.000 Fälle. Das ist viel.', 2],
    ['quotation followed by a reporting clause', '„Wir kommen!“, sagte er. Dann ging er.', 2],
    ['question in quotes followed by lower case', '„Kommst du mit?“ fragte er. Sie nickte.', 2],
    ['sentence ending in a quotation', '„Das ist gut.“ Mit diesen Worten ging er.', 2],
    ['a number ending a sentence', 'Er sprach mit Channel 4. „Der IS muss weg“, sagte er.', 2],
    ['a date range', 'Die Messe findet vom 4. bis 6. Juni statt. Sie ist groß.', 2],
    ['Hrsg. in brackets', 'Das Buch (Hrsg. Müller) erschien 2020. Es ist gut.', 2],
    ['Bd. and Tel. before numbers', 'Siehe Bd. 3 oder Tel. 030 1234. Danach nicht.', 2],
    ['evtl. before a noun', 'Er bringt evtl. Freunde mit. Dann feiern wir.', 2],
    ['St. before a name', 'Sie wohnt in St. Pauli. Das ist in Hamburg.', 2],
    ['u. a. before a noun', 'Es kamen u. a. Vertreter der Länder. Sie berieten.', 2],
    ['usw. inside a sentence', 'Äpfel, Birnen usw. sind gesund. Das weiß jeder.', 2],
    ['usw. ending a sentence', 'Er kaufte Äpfel, Birnen usw. Dann ging er.', 2],
    ['a time', 'Das Spiel beginnt um 9.30 Uhr. Es endet um 11 Uhr.', 2],
    ['an ellipsis inside a sentence', 'Er zögerte … dann sprach er. Alle hörten zu.', 2],
    ['an ellipsis ending a sentence', 'Und dann … Nichts geschah.', 2],
    ['a URL at the end of a sentence', 'Mehr unter https://www.tagesschau.de/inland/index.html. Dort steht alles.', 2],
    ['an e-mail address', 'Schreiben Sie an info@example.com. Wir antworten.', 2],
    ['a bare domain', 'Die Seite tagesschau.de berichtet. Mehr folgt.', 2],
    ['single German quotes', 'Er nannte es ‚unmöglich‘. Dann ging er.', 2],
    ['single quotes and a reporting clause', '‚Nein!‘, rief sie. Er schwieg.', 2],
    ['guillemets and a reporting clause', '»Wir kommen!«, sagte er. Dann ging er.', 2],
    ['a sentence ending inside guillemets', '»Ich komme.« Dann ging er.', 2],
    ['brackets at the end of a sentence', 'Er kam (wie immer zu spät). Dann begann es.', 2],
    ['an emphasis mark in brackets', 'Das ist ein(!) Fehler. Wirklich.', 2],
    ['dashes', 'Er kam – wie immer – zu spät. Moskau - das ist klar. Sie warten.', 3],
    ['an ordinal before a club name', 'Der 1. FC Köln gewann. Die Fans jubelten.', 2],
    ['a year ending a sentence before a year', 'Das war im Jahr 2015. 2016 folgte mehr.', 2],
    ['a page number ending a sentence', 'Das steht auf Seite 12. Dort steht mehr.', 2],
    ['a footnote mark after the full stop', 'Das ist belegt.¹ Weitere Studien folgen.', 2],
    ['a date with a capitalised determiner', 'Am 3.10. Der Feiertag ist bundesweit. Alle haben frei.', 2],
    ['a dateline', 'London (dpa) - Im Kampf gegen den IS rücken sie zusammen. Das ist neu.', 2],
    ['numbered points inside a paragraph', 'Für Mitglieder gilt: 1. Soziale Sicherheit, 2. Bildung und 3. Arbeit. Das ist neu.', 2],
    ['an Austrian month', 'Die Frist endet am 3. Jän. 2025 um Mitternacht. Danach nicht mehr.', 2],
    ['Austrian and Swiss abbreviations', 'Das sagte Mag. Huber am Montag. Siehe Bd. 3, Nr. 5. Dort steht es.', 3],
    ['a sentence that starts with a lower-case brand', 'Der Umsatz stieg um 5 Prozent. eBay meldete ein Plus. Apple Inc. iPhone-Nutzer warten.', 3],
    ['a contraction before the full stop', 'So geht’s. Dann weiter. Ich bin’s. Wer sonst?', 4],
  ])('%s', (_name, text, count) => {
    const result = split(text);
    expect(result).toHaveLength(count);
    expect(result.join(' ')).toBe(text);
  });
});

describe('English rules (for target text)', () => {
  it.each([
    ['Mr. Smith went to Washington. He arrived on Monday.', 2],
    ['The U.S. and the U.K. agreed. Talks went on.', 2],
    ['“We have the same goals,” Kerry said. He left.', 2],
    ['He met J. R. Smith at 9 a.m. and left. Then it rained.', 2],
  ])('%s', (text, count) => {
    expect(sentences(segmentText(text, { docId, lang: 'en' as Lang }))).toHaveLength(count);
  });
});

describe('what a segment keeps', () => {
  it('keeps the footnote mark with its sentence and the URL whole', () => {
    expect(split('Das ist belegt.¹ Weitere Studien folgen.')[0]).toBe('Das ist belegt.¹');
    expect(split('Mehr unter https://www.tagesschau.de/inland/index.html. Dort steht alles.')[0]).toBe(
      'Mehr unter https://www.tagesschau.de/inland/index.html.',
    );
  });
});

describe('stable segment ids', () => {
  const input = fixture('seed-article', 'input.txt');
  const ids = (text: string) =>
    segmentText(text, { docId, lang: de }).body.flatMap((item) =>
      item.kind === 'block' ? item.parts.flatMap((part) => (part.kind === 'segment' ? [part.id] : [])) : [],
    );

  it('gives the same ids when an unchanged document is segmented again', () => {
    expect(ids(input)).toEqual(ids(input));
  });

  it('changes only the edited sentence’s id', () => {
    const before = ids(input);
    const after = ids(input.replace('Am Sonntag wird Kerry in Berlin erwartet.', 'Am Montag wird Kerry in Berlin erwartet.'));
    const changed = before.filter((id, i) => id !== after[i]);
    expect(changed).toHaveLength(1);
  });

  it('keeps ids of the other sentences when a paragraph is inserted', () => {
    const before = ids(input);
    const after = ids(input.replace('Foto: dpa', 'Foto: dpa\n\nEin neuer Absatz.'));
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1);
  });

  it('numbers a repeated sentence instead of giving two units the same id', () => {
    const result = ids('Das ist so. Das ist so.');
    expect(new Set(result).size).toBe(2);
  });
});
