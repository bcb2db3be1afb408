import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStructure, readXliff, type XliffContent } from '../../src/xliff/index.js';

const SAMPLES = path.join(import.meta.dirname, 'fixtures/samples');
const read = (name: string): XliffContent => readXliff(readFileSync(path.join(SAMPLES, name), 'utf8'), name);

interface Expected {
  version: string;
  langs: [string, string];
  units: number;
  segments: number;
  /** Segments per state; `none` = no target. */
  states: Record<string, number>;
  /** Inline codes in sources and in targets. */
  codes: [number, number];
  notTranslatable?: number;
}

/** What each file holds, counted by hand from the files themselves. */
const EXPECTED: Record<string, Expected> = {
  'cms-xliff2-2020-10-12.xlf': { version: '2.0', langs: ['en', 'zh-Hans'], units: 8, segments: 8, states: { none: 8 }, codes: [2, 0] },
  'gdf-perl-JMP-11-Test01.xlf': { version: '1.1', langs: ['en', 'fr'], units: 9, segments: 9, states: { translated: 9 }, codes: [0, 0] },
  'memoq-MQ-12-Test01.xlf': { version: '1.2', langs: ['en', 'fr'], units: 119, segments: 119, states: { none: 118, initial: 1 }, codes: [204, 1] },
  'oasis-xliff21-everything-core.xlf': { version: '2.0', langs: ['en', 'fr'], units: 4, segments: 5, states: { translated: 1, initial: 1, none: 3 }, codes: [2, 0] },
  'oasis-xliff21-mtc-match-with-inlines.xlf': { version: '2.0', langs: ['en-US', 'fr'], units: 1, segments: 1, states: { none: 1 }, codes: [2, 0] },
  'okapi-rainbow-docxsegtest.docx.xlf': { version: '1.2', langs: ['en', 'fr'], units: 21, segments: 28, states: { translated: 28 }, codes: [19, 19] },
  'okapi-rainbow-potest.po.xlf': { version: '1.2', langs: ['en', 'fr'], units: 14, segments: 14, states: { reviewed: 6, translated: 8 }, codes: [15, 15] },
  'okapi-xliff2-ignorable.xlf': { version: '2.0', langs: ['en', 'fr'], units: 1, segments: 1, states: { initial: 1 }, codes: [0, 0] },
  'trados-studio-test.txt_en-US_fr-FR.sdlxliff': {
    version: '1.2', langs: ['en-US', 'fr-FR'], units: 3, segments: 7, states: { none: 2, translated: 3, final: 2 }, codes: [2, 0], notTranslatable: 2,
  },
  'worldserver-altTrans-100.xlf': { version: '1.2', langs: ['en', 'es'], units: 1, segments: 1, states: { translated: 1 }, codes: [0, 0] },
  'worldserver-test4_fr.xlf': { version: '1.2', langs: ['en', 'fr'], units: 1, segments: 1, states: { none: 1 }, codes: [0, 0] },
  'xtm-StatusSample.docx.xlf': { version: '1.2', langs: ['en-US', 'pl-PL'], units: 8, segments: 8, states: { reviewed: 3, none: 5 }, codes: [0, 0] },
};

describe('XLIFF written by real tools imports without error', () => {
  it('covers all 12 sample files', () => {
    expect(Object.keys(EXPECTED)).toHaveLength(12);
  });

  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const content = read(name);
    expect(content.version).toBe(expected.version);
    expect([content.sourceLang, content.targetLang]).toEqual(expected.langs);
    expect(content.unitCount).toBe(expected.units);
    expect(content.segments).toHaveLength(expected.segments);
    const states: Record<string, number> = {};
    for (const segment of content.segments) {
      const key = segment.target?.state ?? 'none';
      states[key] = (states[key] ?? 0) + 1;
    }
    expect(states).toEqual(expected.states);
    const codes = (side: 'source' | 'target') => content.segments.reduce((n, s) => n + (s[side]?.codes.length ?? 0), 0);
    expect([codes('source'), codes('target')]).toEqual(expected.codes);
    expect(content.segments.filter((s) => !s.translate)).toHaveLength(expected.notTranslatable ?? 0);
    expect(checkStructure(content)).toEqual([]);
  });
});

describe('what the flavours mean', () => {
  it('Trados: one segment per <mrk mtype="seg">, states from sdl:seg conf and origin', () => {
    const segments = read('trados-studio-test.txt_en-US_fr-FR.sdlxliff').segments.filter((s) => s.segment !== undefined);
    expect(segments.map((s) => [s.segment, s.target?.state ?? null])).toEqual([
      ['1', 'translated'],
      ['2', 'translated'],
      ['3', 'translated'],
      ['4', 'final'],
      ['5', 'final'],
    ]);
  });

  it('XTM: signed-off is reviewed, the qualifier says where it came from', () => {
    const reviewed = read('xtm-StatusSample.docx.xlf').segments.filter((s) => s.target);
    expect(reviewed.map((s) => s.target!.state)).toEqual(['reviewed', 'reviewed', 'reviewed']);
    expect(reviewed.map((s) => s.target!.origin.by)).toContain('memory');
  });

  it('memoQ: a blank <target> is no translation; codes are counted, their native markup is not text', () => {
    const content = read('memoq-MQ-12-Test01.xlf');
    expect(content.segments[10]!.target).toBeUndefined();
    const withCodes = content.segments.find((s) => s.source.codes.some((code) => code.kind === 'bpt'))!;
    expect(withCodes.source.text).not.toMatch(/&lt;|<[a-z]/);
  });

  it('XLIFF 1.1 (Perl): an <alt-trans> in a third language is not taken as the target', () => {
    const content = read('gdf-perl-JMP-11-Test01.xlf');
    const raw = readFileSync(path.join(SAMPLES, 'gdf-perl-JMP-11-Test01.xlf'), 'utf8');
    const german = /<target xml:lang="de">([^<]*)</.exec(raw)![1]!;
    expect(content.segments.map((s) => s.target!.text)).not.toContain(german);
  });

  it('Okapi: whitespace between <mrk> segments belongs to no segment', () => {
    const segments = read('okapi-rainbow-docxsegtest.docx.xlf').segments;
    const first = segments.find((s) => s.source.text.startsWith('This is a test in DOCX format.'))!;
    const second = segments[segments.indexOf(first) + 1]!;
    expect([first.source.text, second.source.text]).toEqual([
      'This is a test in DOCX format.',
      'This is the second sentence in this paragraph.',
    ]);
    expect([first.segment, second.segment]).toEqual(['0', '1']);
    expect(second.target?.text).toBeTruthy();
  });
});
