import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliff, updateXliffInPlace, type XliffSegment } from '../../src/xliff/index.js';
import { validateSchema } from '../../src/xliff/schema.js';

const SAMPLES = path.join(import.meta.dirname, 'fixtures/samples');
const FILES = readdirSync(SAMPLES).filter((name) => /\.(xlf|sdlxliff)$/.test(name));
const count = (text: string, part: string) => text.split(part).length - 1;

/** The first segment a machine could fill: translatable, with source text, no inline codes and no target yet. */
function fillable(segments: readonly XliffSegment[]): XliffSegment | undefined {
  return segments.find((s) => s.translate && s.source.text.trim() && s.source.codes.length === 0 && !s.target);
}

describe('updating a CAT tool’s XLIFF in place', () => {
  it.each(FILES)('%s: changes only the target, keeps every other byte', async (name) => {
    const before = readFileSync(path.join(SAMPLES, name), 'utf8');
    const content = readXliff(before, name);
    const segment = fillable(content.segments);
    if (!segment) {
      // Every segment is translated (or has codes): a translation is never overwritten.
      const translated = content.segments.find((s) => s.target);
      if (!translated) return;
      const result = updateXliffInPlace(before, new Map([[translated.key, { text: 'x', state: 'translated', origin: { by: 'machine' } }]]));
      expect(result.kept).toEqual([translated.key]);
      expect(result.text).toBe(before);
      return;
    }
    const newText = `Ü & <neu> ${segment.source.text.trim().slice(0, 20)}`;
    const { text: after, missing, written } = updateXliffInPlace(before, new Map([[segment.key, { text: newText, state: 'translated', origin: { by: 'machine' } }]]));
    expect(missing).toEqual([]);
    expect(written).toEqual([segment.key]);

    // Everything before and after the one unit is byte-identical.
    let prefix = 0;
    while (before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    const unitStart = before.search(new RegExp(`<(?:trans-unit|unit)\\b[^>]*\\bid="${segment.unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    const unitEnd = before.indexOf(before.includes('</trans-unit>') ? '</trans-unit>' : '</unit>', unitStart);
    expect(prefix).toBeGreaterThanOrEqual(unitStart);
    expect(before.length - suffix).toBeLessThanOrEqual(unitEnd);
    for (const kept of ['\ufeff', '\r\n', '&#xD;', '<!--', 'sdl:', 'mq:', 'okp:', 'xtm:', 'iws:', 'its:']) {
      expect(count(after, kept), kept).toBeGreaterThanOrEqual(count(before, kept));
    }

    // Read back: the new target with its state, every other segment as it was.
    const reread = readXliff(after, name);
    const changed = reread.segments.find((s) => s.key === segment.key)!;
    expect(changed.target).toMatchObject({ text: newText, state: 'translated', origin: { by: 'machine' } });
    const others = (segments: readonly XliffSegment[]) => segments.filter((s) => s.key !== segment.key);
    expect(others(reread.segments)).toEqual(others(content.segments));

    // Still valid against the schema it passed before.
    const schema = content.version.startsWith('2.') ? '2.1-with-modules' : content.version === '1.1' ? undefined : '1.2-transitional';
    if (schema && (await validateSchema(before, schema)).length === 0) expect(await validateSchema(after, schema)).toEqual([]);
  });

  it('reports ids it did not find', () => {
    const before = readFileSync(path.join(SAMPLES, 'okapi-rainbow-potest.po.xlf'), 'utf8');
    const { text, missing } = updateXliffInPlace(before, new Map([['nope', { text: 'x', state: 'translated', origin: { by: 'human' } }]]));
    expect(missing).toEqual(['nope']);
    expect(text).toBe(before);
  });

  it('fills an empty Trados segment (<mrk mid="2"/>) with a reviewed target and sets its sdl:seg state', () => {
    const name = 'trados-studio-test.txt_en-US_fr-FR.sdlxliff';
    const original = readFileSync(path.join(SAMPLES, name), 'utf8');
    const segment = readXliff(original, name).segments.find((s) => s.segment === '2')!;
    // The same file as Trados writes it before segment 2 is translated: an empty marker.
    const before = original.replace(/(<target>(?:(?!<\/target>).)*?<mrk mtype="seg" mid="2")>(?:(?!<\/mrk>).)*<\/mrk>/s, '$1/>');
    expect(readXliff(before, name).segments.find((s) => s.key === segment.key)!.target).toBeUndefined();
    const { text, written } = updateXliffInPlace(before, new Map([[segment.key, { text: 'Deuxième phrase.', state: 'reviewed', origin: { by: 'human' } }]]));
    expect(written).toEqual([segment.key]);
    expect(readXliff(text, name).segments.find((s) => s.key === segment.key)!.target).toMatchObject({ text: 'Deuxième phrase.', state: 'reviewed' });
    expect(text).toMatch(/<sdl:seg id="2"[^>]*conf="ApprovedTranslation"/);
  });
});

describe('#10 an update lands in its own unit, however the unit is named', () => {
  const xcode = readFileSync(path.join(import.meta.dirname, 'fixtures/wild/xcode-keepingyouawake-ko.xliff'), 'utf8');

  /** Fills every empty segment with a text naming its key, then checks each landed where it belongs. */
  function fillAll(before: string) {
    const content = readXliff(before, 'x.xliff');
    const empty = content.segments.filter((s) => !s.target && s.source.text.trim());
    const updates = new Map(empty.map((s) => [s.key, { text: `T(${s.source.text})`, state: 'translated' as const, origin: { by: 'machine' as const } }]));
    const result = updateXliffInPlace(before, updates);
    expect(result.written).toHaveLength(empty.length);
    const after = readXliff(result.text, 'x.xliff');
    const was = new Map(content.segments.map((s) => [s.key, s]));
    for (const segment of after.segments) {
      const before = was.get(segment.key)!;
      expect(segment.target?.text, segment.key).toBe(before.target?.text ?? `T(${before.source.text})`);
    }
    return { content, after, empty };
  }

  it('ids repeated across <file>s (Xcode: CFBundleName in every strings table)', () => {
    const { content } = fillAll(xcode);
    const repeated = content.segments.filter((s) => s.unit === 'CFBundleName');
    expect(new Set(repeated.map((s) => s.key)).size).toBe(repeated.length);
    expect(repeated.length).toBeGreaterThan(1);
  });

  it('ids with &quot;, &amp;, &lt; and &#10; in them', () => {
    let n = 0;
    const before = xcode.replace(/<trans-unit id="([^"]*)"/g, (_, id: string) => `<trans-unit id="${id} &quot;${n++}&quot; &amp; &lt;&#10;"`);
    const { empty } = fillAll(before);
    expect(empty.some((s) => s.unit.includes('"') && s.unit.includes('\n'))).toBe(true);
  });

  it('units without ids (XLIFF 1.1 as OmegaT and old tools write it) and ids repeated in one file', () => {
    let n = 0;
    const before = xcode.replace(/<trans-unit id="[^"]*"/g, () => (n++ % 3 === 0 ? '<trans-unit' : `<trans-unit id="same"`));
    const { content, empty } = fillAll(before);
    expect(content.segments.filter((s) => s.unit.startsWith('#')).length).toBeGreaterThan(20);
    expect(empty.length).toBeGreaterThan(20);
  });

  it('a key from another file is never applied here', () => {
    const { text, missing, written } = updateXliffInPlace(xcode, new Map([['[99,"CFBundleName",null]', { text: 'x', state: 'translated', origin: { by: 'machine' } }]]));
    expect([missing, written, text === xcode]).toEqual([['[99,"CFBundleName",null]'], [], true]);
  });
});

describe('#10 nothing is written that would break the file', () => {
  it('a translation holding a character XML cannot carry is not applied, and the file stays as it was', () => {
    const before = readFileSync(path.join(import.meta.dirname, 'fixtures/wild/prefixed-x-NSTest01.xlf'), 'utf8');
    const segment = readXliff(before, 'x').segments.find((s) => s.translate)!;
    for (const update of [
      { text: 'Texte\u0001 numéro 1', state: 'translated' as const, origin: { by: 'machine' as const } },
      { text: 'Texte &#1; numéro 1', state: 'translated' as const, origin: { by: 'machine' as const }, markup: true },
      { text: 'Texte \uD800 numéro 1', state: 'translated' as const, origin: { by: 'machine' as const } },
      { text: 'Texte &#xDFFF; numéro 1', state: 'translated' as const, origin: { by: 'machine' as const }, markup: true },
    ]) {
      const result = updateXliffInPlace(before, new Map([[segment.key, update]]));
      expect([result.rejected, result.written, result.text === before]).toEqual([[segment.key], [], true]);
    }
  });

  it('#22 an engine answer naming a character past U+10FFFF (&#x110000;) is written as the text it is, not an internal error', () => {
    const before = readFileSync(path.join(import.meta.dirname, 'fixtures/wild/prefixed-x-NSTest01.xlf'), 'utf8');
    const segment = readXliff(before, 'x').segments.find((s) => s.translate)!;
    const update = { text: 'Texte &#x110000; &#99999999; numéro 1', state: 'translated' as const, origin: { by: 'machine' as const }, markup: true };
    const result = updateXliffInPlace(before, new Map([[segment.key, update]]));
    expect(result.written).toEqual([segment.key]);
    expect(readXliff(result.text, 'x').segments.find((s) => s.key === segment.key)!.target!.text).toBe('Texte &#x110000; &#99999999; numéro 1');
  });
});
