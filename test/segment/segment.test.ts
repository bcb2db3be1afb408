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
  ])('%s', (_name, text, count) => {
    const result = split(text);
    expect(result).toHaveLength(count);
    expect(result.join(' ')).toBe(text);
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
