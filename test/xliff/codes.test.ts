/**
 * Inline codes of our own XLIFF: valid against the schemas, shown to
 * translators with their text, and read back as the source writes them,
 * wherever the translator moved them; a code cannot be changed, only kept,
 * moved or dropped.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { DocId, Segment, SegmentId, Target } from '../../src/core/types.js';
import { i18next } from '../../src/formats/i18next.js';
import { rulesFor } from '../../src/segment/index.js';
import { readXliff, targetsFromXliff, writeXliff, type XliffVersion } from '../../src/xliff/index.js';
import { validateSchema } from '../../src/xliff/schema.js';

const de = 'de' as Lang;
const source = `{
  "intro": "Lies <1>die ganze Geschichte</1> auf $t(nav.home), {{name}}.",
  "count": "{{count}} neue <b>Artikel</b> & mehr"
}
`;
const parsed = i18next.parse(source, { docId: 'app' as DocId, lang: de, rules: rulesFor(de), file: 'app.json' });
const segments = parsed.doc.body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part): part is Segment => part.kind === 'segment') : []));
const target = (id: string, text: string): [SegmentId, Target] => [id as SegmentId, { segmentId: id as SegmentId, text, state: 'translated', origin: { by: 'machine', engine: 'deepl' } }];
/** A translator's Polish: codes moved, and in the second unit the paired tag reversed around the words. */
const targets = new Map([
  target('intro', '{{name}}, przeczytaj <1>całą historię</1> na $t(nav.home).'),
  target('count', '<b>Artykuły</b> & więcej: {{count}}'),
]);

describe.each(['1.2', '2.0'] as XliffVersion[])('inline codes in XLIFF %s', (version) => {
  const xml = writeXliff({ doc: parsed.doc, original: 'app.json', sourceLang: de, targetLang: 'pl' as Lang, targets }, version);

  it('validates against the schema, with every code as an element', async () => {
    expect(await validateSchema(xml, version === '1.2' ? '1.2-strict' : '2.1-with-modules')).toEqual([]);
    expect(segments[0]!.codes).toHaveLength(4);
    if (version === '1.2') expect(xml).toContain('<source>Lies <bpt id="1">&lt;1&gt;</bpt>die ganze Geschichte<ept id="1">&lt;/1&gt;</ept> auf <ph id="2">$t(nav.home)</ph>, <ph id="3">{{name}}</ph>.</source>');
    else expect(xml).toContain('<ph id="intro-3" disp="{{name}}" equiv="{{name}}"/>');
  });

  it('reads back source and targets as the source writes its codes, where the translator put them', () => {
    const read = targetsFromXliff(parsed.doc, readXliff(xml, 'app.xlf'));
    expect(read.stale).toEqual([]);
    expect([...read.targets.values()].map((t) => t.text)).toEqual([...targets.values()].map((t) => t.text));
  });

  it('keeps a code as the source has it when a translator changed its text, and leaves out one that was dropped', () => {
    const edited = version === '1.2'
      ? xml.replace('<ph id="3">{{name}}</ph>, przeczytaj', '<ph id="3">{{imie}}</ph>, przeczytaj').replace('na <ph id="2">$t(nav.home)</ph>.</target>', 'na stronie.</target>')
      : xml
          .replaceAll('<ph id="intro-3" disp="{{name}}" equiv="{{name}}"/>, przeczytaj', '<ph id="intro-3" disp="{{imie}}" equiv="{{imie}}"/>, przeczytaj')
          .replaceAll('na <ph id="intro-2" disp="$t(nav.home)" equiv="$t(nav.home)"/>.</target>', 'na stronie.</target>');
    expect(edited).not.toBe(xml);
    const read = targetsFromXliff(parsed.doc, readXliff(edited, 'app.xlf'));
    expect(read.targets.get('intro' as SegmentId)?.text).toBe('{{name}}, przeczytaj <1>całą historię</1> na stronie.');
  });
});
