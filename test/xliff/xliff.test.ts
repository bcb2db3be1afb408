import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Lang } from '../../src/core/lang.js';
import type { DocId, Segment, SegmentId, Target } from '../../src/core/types.js';
import { segmentText } from '../../src/segment/index.js';
import { readXliff, targetsFromXliff, writeXliff, type XliffVersion } from '../../src/xliff/index.js';
import { validateSchema } from '../../src/xliff/schema.js';
import { SEED } from '../helpers/temp-project.js';

const doc = segmentText(readFileSync(SEED, 'utf8'), { docId: 'usa-russland-is' as DocId, lang: 'de' as Lang });
const segments = doc.body.flatMap((b) => (b.kind === 'block' ? b.parts.filter((p): p is Segment => p.kind === 'segment') : []));
const LOCALES = ['en', 'fr', 'es', 'it', 'pl', 'ja', 'en-XA'] as Lang[];

/** A mix of every state and origin, with text that needs escaping. */
function sampleTargets(): Map<SegmentId, Target> {
  const targets = new Map<SegmentId, Target>();
  const kinds: Omit<Target, 'segmentId' | 'text'>[] = [
    { state: 'final', origin: { by: 'human' } },
    { state: 'reviewed', origin: { by: 'human' } },
    { state: 'translated', origin: { by: 'human' } },
    { state: 'translated', origin: { by: 'machine', engine: 'deepl' } },
    { state: 'translated', origin: { by: 'machine', engine: 'offline' } },
    { state: 'translated', origin: { by: 'memory' } },
  ];
  segments.slice(0, kinds.length).forEach((segment, i) => {
    targets.set(segment.id, { segmentId: segment.id, text: `T${i} <b> & "q" \r\n\t{{x}} $t(y)`, ...kinds[i]! });
  });
  return targets;
}

describe.each(['1.2', '2.0'] as XliffVersion[])('XLIFF %s export', (version) => {
  const schema = version === '1.2' ? '1.2-strict' : '2.1-with-modules';

  it.each(LOCALES)(`validates against the ${schema} schema for %s`, async (lang) => {
    const xml = writeXliff({ doc, sourceLang: 'de' as Lang, targetLang: lang, targets: sampleTargets() }, version);
    expect(await validateSchema(xml, schema)).toEqual([]);
  });

  it('reads back every target with its text, state and origin', () => {
    const targets = sampleTargets();
    const xml = writeXliff({ doc, sourceLang: 'de' as Lang, targetLang: 'en' as Lang, targets }, version);
    const back = targetsFromXliff(doc, readXliff(xml, 'test.xlf'));
    expect(back.stale).toEqual([]);
    expect([...back.targets.values()]).toEqual([...targets.values()]);
  });

  it('is byte-identical when exported, read back and exported again', () => {
    const xml = writeXliff({ doc, sourceLang: 'de' as Lang, targetLang: 'fr' as Lang, targets: sampleTargets() }, version);
    const again = writeXliff(
      { doc, sourceLang: 'de' as Lang, targetLang: 'fr' as Lang, targets: targetsFromXliff(doc, readXliff(xml, 'x.xlf')).targets },
      version,
    );
    expect(again).toBe(xml);
  });
});

describe('schema validation catches what is wrong', () => {
  it('reports an unknown state with its line', async () => {
    const xml = writeXliff({ doc, sourceLang: 'de' as Lang, targetLang: 'en' as Lang, targets: sampleTargets() }, '1.2');
    const problems = await validateSchema(xml.replace('state="final"', 'state="done"'), '1.2-strict');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBeGreaterThan(1);
    expect(problems[0]!.message).toContain("'done'");
  });

  it('rejects an extension namespace under the strict 1.2 schema', async () => {
    const xml = writeXliff({ doc, sourceLang: 'de' as Lang, targetLang: 'en' as Lang, targets: new Map() }, '1.2');
    const withExtension = xml.replace('<trans-unit ', '<trans-unit xmlns:mq="MQXliff" mq:status="x" ');
    expect((await validateSchema(withExtension, '1.2-strict')).length).toBeGreaterThan(0);
  });
});

describe('reading XLIFF', () => {
  it('reports a source that changed since export as stale, not as a translation', () => {
    const xml = writeXliff({ doc, sourceLang: 'de' as Lang, targetLang: 'en' as Lang, targets: sampleTargets() }, '1.2');
    const edited = segmentText(readFileSync(SEED, 'utf8').replace('USA und Russland rücken', 'USA und Russland rückten'), {
      docId: doc.id,
      lang: 'de' as Lang,
    });
    const result = targetsFromXliff(edited, readXliff(xml, 'x.xlf'));
    expect(result.stale.map((unit) => unit.id)).toEqual([segments[0]!.id]);
    expect(result.targets.has(segments[0]!.id)).toBe(false);
    expect(result.targets.size).toBe(5);
  });

  it.each([
    ['a DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "http://example.com/x.dtd">\n<xliff/>', /x\.xlf:2:1: <!DOCTYPE> is not allowed/],
    ['external entities (XXE)', '<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff>&e;</xliff>', /<!DOCTYPE> is not allowed/],
    [
      'entity expansion (billion laughs)',
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<xliff>&lol2;</xliff>`,
      /<!DOCTYPE> is not allowed/,
    ],
    ['malformed XML', '<?xml version="1.0"?>\n<xliff version="1.2">\n  <file>\n</xliff>', /x\.xlf:4:\d+: not well-formed XML/],
    ['a foreign root element', '<?xml version="1.0"?>\n<html/>', /no <xliff> root element/],
    ['an unknown language tag', '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="xx-YY" datatype="plaintext"><body/></file></xliff>', /target-language "xx-YY" is not a BCP 47 language tag/],
  ])('refuses %s with a clear error', (_name, xml, message) => {
    expect(() => readXliff(xml, 'x.xlf')).toThrow(InputError);
    expect(() => readXliff(xml, 'x.xlf')).toThrow(message);
  });

  it('#22 reads a file repeating one unit id 150,000 times (no stack overflow from spreading the repeats)', () => {
    const head = '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="de" target-language="en" datatype="plaintext"><body>';
    const content = readXliff(`${head}${'<trans-unit id="d"><source>a</source></trans-unit>'.repeat(150_000)}</body></file></xliff>`, 'x.xlf');
    expect(content.segments).toHaveLength(150_000);
    expect(content.duplicateIds).toHaveLength(149_999);
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const xml = writeXliff({ doc, sourceLang: 'de' as Lang, targetLang: 'en' as Lang, targets: sampleTargets() }, '1.2');
    const content = readXliff(`\ufeff${xml.replace(/\n/g, '\r\n')}`, 'x.xlf');
    expect(content.segments).toHaveLength(26);
    expect(content.unitCount).toBe(26);
    expect(content.targetLang).toBe('en');
  });
});
