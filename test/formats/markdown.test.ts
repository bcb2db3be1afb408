import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import spec from 'commonmark-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { DocId } from '../../src/core/types.js';
import { markdown } from '../../src/formats/markdown.js';
import { rulesFor } from '../../src/segment/index.js';
import { validateSchema } from '../../src/xliff/schema.js';
import { segmentsIn, tagged } from '../helpers/segments.js';
import { writeXliff, type XliffVersion } from '../../src/xliff/index.js';

const de = 'de' as Lang;
const ARTICLE = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/markdown/bundestag.md'), 'utf8');
const parse = (text: string) => markdown.parse(text, { docId: 'doc' as DocId, lang: de, rules: rulesFor(de), file: 'doc.md', frontMatter: ['title', 'description'] });
const segmentsOf = (text: string) => segmentsIn(parse(text).doc);

describe('Markdown articles', () => {
  beforeAll(() => markdown.prepare!());

  it('gives back all 652 examples of the CommonMark spec byte for byte when each translation equals its source', () => {
    expect(spec.tests).toHaveLength(652);
    for (const example of spec.tests) {
      // The spec shows tabs as →.
      const text = example.markdown.replace(/→/g, '\t');
      const parsed = parse(text);
      expect(markdown.write(parsed, de, (segment) => segment.text), `example ${example.number}`).toBe(text);
    }
  });

  it('makes sentences of headings, paragraphs, list items, table cells and quotes, with their markup as codes', () => {
    expect(segmentsOf(ARTICLE).map(tagged)).toEqual([
      'Haushaltsdebatte im Bundestag',
      'Der Bundestag berät den Haushalt: sechs Stunden Debatte',
      'Der Bundestag berät den ⟨o1⟩Haushalt⟨c1⟩',
      'Berlin (dpa) - Der Bundestag hat am Donnerstag über den ⟨o1⟩Haushalt 2026⟨c1⟩ beraten.',
      'Die Debatte dauerte ⟨o1⟩sechs Stunden⟨c1⟩ und endete spät.',
      'Für die Koalition gilt: 1. Soziale Sicherheit, 2. Bildung und 3. Arbeit.',
      'Die Opposition sah das anders.',
      '„Wir sparen nicht an der Zukunft“, sagte die Ministerin.',
      'Sie verwies auf den ⟨s1⟩ und auf die Schuldenbremse.',
      'Die wichtigsten Zahlen',
      'Posten',
      'Milliarden Euro',
      'Verteidigung',
      '52',
      'Bildung und Forschung',
      '22',
      'Der Etat wächst um drei Prozent.',
      'Die Neuverschuldung sinkt.⟨s1⟩Das freut die FDP.',
      'Plenarsaal',
      'Mehr dazu im ⟨o1⟩Liveblog⟨c1⟩ und unter ⟨s2⟩.',
    ]);
  });

  it('writes a translation in place, leaving front matter, code, comments, images and definitions as they were', () => {
    const parsed = parse(ARTICLE);
    const out = markdown.write(parsed, 'en' as Lang, (segment) => (segment.text.startsWith('Die Debatte') ? 'The debate lasted [six hours](https://www.bundestag.de/debatte "Mediathek") and ended late.' : segment.text));
    expect(out).toContain('\nThe debate lasted [six hours](https://www.bundestag.de/debatte "Mediathek") and ended late.\n');
    for (const kept of ['tags: [politik, haushalt]', '```js\nconst haushalt = 476.8; // Milliarden\n```', '<!-- Redaktion: Zahlen am Freitag prüfen -->', '](https://example.org/plenum.jpg)', '[live]: https://www.tagesschau.de/liveblog "Liveblog"']) {
      expect(out).toContain(kept);
    }
  });

  it('refuses markup nested deeper than any article is, and reads a 1 MB paragraph', () => {
    expect(() => parse(`${'> '.repeat(1_000)}Tief verschachtelt.`)).toThrow(/doc\.md: markup nested more than 512 deep/);
    expect(segmentsOf('Der Bundestag hat am Donnerstag beraten. '.repeat(25_000))).toHaveLength(25_000);
  });

  it.each(['1.2', '2.0'] as XliffVersion[])('gives translators XLIFF %s with the markup as codes, valid against the schema', async (version) => {
    const { doc } = parse(ARTICLE);
    const xml = writeXliff({ doc, original: 'doc.md', sourceLang: de, targetLang: 'pl' as Lang, targets: new Map() }, version);
    expect(await validateSchema(xml, version === '1.2' ? '1.2-strict' : '2.1-with-modules')).toEqual([]);
    expect(xml).toMatch(
      version === '1.2'
        ? /<bpt id="1">\[<\/bpt>sechs Stunden<ept id="1">\]\(https:\/\/www\.bundestag\.de\/debatte "Mediathek"\)<\/ept>/
        : /<sc id="s-[0-9a-f]+-1" disp="\[" equiv="\["\/>sechs Stunden<ec startRef="s-[0-9a-f]+-1" disp="\]\(https:/,
    );
  });
});
