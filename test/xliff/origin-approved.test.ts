/**
 * #24: origin and approval are apart. A translation the memory or an engine
 * made and a reviewer approved is read back from our XLIFF as approved and as
 * the memory's or the engine's, not as a person's; and the file stays valid.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { DocId, Origin, Segment, State, Target } from '../../src/core/types.js';
import { plainText } from '../../src/formats/plain-text.js';
import { rulesFor } from '../../src/segment/index.js';
import { readXliff, targetsFromXliff, writeXliff, type XliffVersion } from '../../src/xliff/index.js';
import { validateSchema } from '../../src/xliff/schema.js';

const de = 'de' as Lang;
const parsed = plainText.parse('Am Sonntag wird Kerry in Berlin erwartet.\n', { docId: 'kerry' as DocId, lang: de, rules: rulesFor(de), file: 'kerry.txt' });
const segment = parsed.doc.body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part): part is Segment => part.kind === 'segment') : []))[0]!;

describe.each([
  ['reviewed', { by: 'memory' }],
  ['final', { by: 'machine', engine: 'deepl' }],
  ['reviewed', { by: 'human' }],
] as [State, Origin][])('XLIFF 1.2, a %s target made by %o', (state, origin) => {
  const version: XliffVersion = '1.2';
  const target: Target = { segmentId: segment.id, text: 'Kerry is expected in Berlin on Sunday.', state, origin };
  const xml = writeXliff({ doc: parsed.doc, original: 'kerry.txt', sourceLang: de, targetLang: 'en' as Lang, targets: new Map([[segment.id, target]]) }, version);

  it('reads back approved, with its origin', () => {
    const read = targetsFromXliff(parsed.doc, readXliff(xml, 'kerry.xlf')).targets.get(segment.id);
    expect(read).toMatchObject({ state, origin });
    expect(xml).toContain('approved="yes"');
  });

  it('validates against the strict schema', async () => {
    expect(await validateSchema(xml, '1.2-strict')).toEqual([]);
  });
});
