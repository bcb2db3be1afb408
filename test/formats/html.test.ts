import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { DocId } from '../../src/core/types.js';
import { html } from '../../src/formats/html.js';
import { rulesFor } from '../../src/segment/index.js';
import { validateSchema } from '../../src/xliff/schema.js';
import { segmentsIn, tagged } from '../helpers/segments.js';
import { writeXliff, type XliffVersion } from '../../src/xliff/index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const de = 'de' as Lang;
const ARTICLE = readFileSync(path.join(FIXTURES, 'bundestag.html'), 'utf8');
const parse = (text: string, file = 'doc.html') => html.parse(text, { docId: 'doc' as DocId, lang: de, rules: rulesFor(de), file });
const segmentsOf = (text: string) => segmentsIn(parse(text).doc);

describe('HTML articles and pages', () => {
  beforeAll(() => html.prepare!());

  it('gives back 27 real web pages byte for byte when each translation equals its source', () => {
    const pages = readdirSync(path.join(FIXTURES, 'html')).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const name of pages) {
      const text = readFileSync(path.join(FIXTURES, 'html', name), 'utf8');
      const parsed = parse(text, name);
      expect(parsed.doc.body.length, name).toBeGreaterThan(0);
      expect(html.write(parsed, de, (segment) => segment.text), name).toBe(text);
    }
  });

  it('makes sentences of blocks with inline elements as codes, and leaves out what is not to be translated', () => {
    expect(segmentsOf(ARTICLE).map(tagged)).toEqual([
      'Haushaltsdebatte im Bundestag',
      'Der Bundestag berät den ⟨o1⟩Haushalt⟨c1⟩',
      'Berlin (dpa) - Der Bundestag hat am Donnerstag über den ⟨o1⟩Haushalt 2026⟨c1⟩ beraten.',
      'Die Debatte dauerte ⟨o1⟩sechs Stunden⟨c1⟩.',
      'Der Plenarsaal.',
      'Foto: dpa',
      'Der Etat wächst um drei Prozent.',
      'Die Neuverschuldung sinkt.⟨s1⟩Das freut die FDP.',
      'Im Haushaltsgesetz steht ⟨s1⟩.',
      'Die Marke ⟨s1⟩ bleibt.',
      'Der Bundestag berät den Haushalt.',
      // A link's title inside a sentence is a unit of its own (#26).
      'Mediathek',
      'Der Plenarsaal am Donnerstag',
      'Artikel suchen',
      'Suche',
    ]);
  });

  it('writes the page in the target language: sentences in place, lang and dir on <html>, the rest as it was', () => {
    const parsed = parse(ARTICLE);
    const out = html.write(parsed, 'ar' as Lang, (segment) => (segment.text === 'Artikel suchen' ? 'ابحث' : segment.text));
    expect(out).toContain('<html dir="rtl" lang="ar">');
    expect(out).toContain('placeholder="ابحث"');
    for (const kept of ['<script>window.dataLayer = [{ "ressort": "Politik" }];</script>', '<pre>Tabelle 1: unverändert</pre>', '<code>§ 2 Abs. 1</code>', '<span translate="no">Deutsche Bahn</span>']) {
      expect(out).toContain(kept);
    }
  });

  it('refuses markup nested deeper than any page is, with the file named, and reads a 1 MB paragraph', () => {
    expect(() => parse(`<p>${'<span>a '.repeat(20_000)}x${'</span>'.repeat(20_000)}</p>`, 'deep.html')).toThrow(/deep\.html: markup nested more than 512 deep/);
    const long = `<p>${'Der Bundestag hat am Donnerstag beraten. '.repeat(25_000)}</p>`;
    expect(segmentsOf(long)).toHaveLength(25_000);
  });

  it.each(['1.2', '2.0'] as XliffVersion[])('gives translators XLIFF %s with tags as codes, valid against the schema', async (version) => {
    const { doc } = parse(ARTICLE);
    const xml = writeXliff({ doc, original: 'doc.html', sourceLang: de, targetLang: 'pl' as Lang, targets: new Map() }, version);
    expect(await validateSchema(xml, version === '1.2' ? '1.2-strict' : '2.1-with-modules')).toEqual([]);
  });
});
