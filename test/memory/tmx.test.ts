/**
 * TMX from real tools (see test/fixtures/tmx/README.md): each file is imported
 * into an empty memory and exported again, and the export must hold every
 * unit with every language, segment, code and date of the original.
 */
import { createReadStream, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Lang } from '../../src/core/lang.js';
import { SqliteMemory } from '../../src/memory/sqlite-store.js';
import { readTmx, type TmxUnit } from '../../src/memory/tmx-read.js';
import { writeTmx } from '../../src/memory/tmx-write.js';
import { importTmx } from '../../src/tm-import.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/tmx');
const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmx')).sort();

async function unitsOf(stream: AsyncIterable<Uint8Array>, name: string): Promise<TmxUnit[]> {
  const units: TmxUnit[] = [];
  for await (const item of readTmx(stream, name)) if ('variants' in item) units.push(item);
  return units;
}

/** What must survive a round trip, per unit: each language's segment (text, codes, markup) and dates. */
function essentials(unit: TmxUnit) {
  return unit.variants
    .map((variant) => ({
      lang: variant.lang,
      text: variant.seg.text,
      codes: variant.seg.codes.map((code) => `${code.kind}:${code.start}-${code.end}`),
      tmx: variant.seg.tmx,
      dates: ['creationdate', 'changedate', 'creationid', 'changeid'].map((name) => variant.extras.attributes?.[name] ?? unit.extras.attributes?.[name] ?? ''),
    }))
    .sort((a, b) => (a.lang + a.text < b.lang + b.text ? -1 : 1));
}

describe('TMX import and export', () => {
  let dir: string;
  let memory: SqliteMemory;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'l10n-tmx-'));
    memory = new SqliteMemory(path.join(dir, 'memory.sqlite'), 'de' as Lang);
  });
  afterEach(async () => {
    memory.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('has files from several tools to try', () => {
    expect(new Set(files.map((file) => file.split(path.sep)[0]))).toEqual(new Set(['dgt-tm', 'lisa', 'okapi', 'omegat', 'translate-toolkit']));
  });

  it.each(files)('%s: every unit, language, code and date comes back', async (name) => {
    const file = path.join(FIXTURES, name);
    const original = await unitsOf(createReadStream(file), file);
    const summary = await importTmx(memory, file);
    expect(summary.units).toBe(original.length);
    expect([...summary.skipped]).toEqual([]);
    let exported = '';
    for await (const chunk of writeTmx(memory.entries(), { sourceLang: 'de', toolVersion: 'test' })) exported += chunk;
    expect(exported).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/);
    const back = await unitsOf(Readable.from([Buffer.from(exported)]), 'export');
    expect(back.map(essentials)).toEqual(original.map(essentials));
    // Importing our own export again changes nothing, and reports nothing changed (#26).
    await writeFile(path.join(dir, 'again.tmx'), exported);
    const again = await importTmx(memory, path.join(dir, 'again.tmx'));
    expect({ added: again.added, updated: again.updated }).toEqual({ added: 0, updated: 0 });
    // Export → import → export changes nothing.
    const fresh = new SqliteMemory(path.join(dir, 'fresh.sqlite'), 'de' as Lang);
    try {
      await importTmx(fresh, path.join(dir, 'again.tmx'));
      let twice = '';
      for await (const chunk of writeTmx(fresh.entries(), { sourceLang: 'de', toolVersion: 'test' })) twice += chunk;
      expect(twice).toBe(exported);
    } finally {
      fresh.close();
    }
  });

  it('reads UTF-16 files by their byte-order mark, and character references in them', async () => {
    const units = await unitsOf(createReadStream(path.join(FIXTURES, 'lisa/ImportTest1A.tmx')), 'ImportTest1A.tmx');
    expect(units[0]!.variants.map((variant) => variant.seg.text)).toEqual(['First segment with [\t\t   ]', 'Premier segment avec [\t\t   ]']);
  });

  it('turns inline codes into codes holding the native markup', async () => {
    const units = await unitsOf(createReadStream(path.join(FIXTURES, 'lisa/ImportTest2A.tmx')), 'ImportTest2A.tmx');
    const seg = units[0]!.variants[0]!.seg;
    expect(seg.text).toBe('The big <b>black</b> <u>cat</u> sleeps.');
    expect(seg.codes.map((code) => seg.text.slice(code.start, code.end))).toEqual(['<b>', '</b>', '<u>', '</u>']);
    expect(seg.codes.map((code) => code.kind)).toEqual(['open', 'close', 'open', 'close']);
  });

  it('marks what the tools mark as machine output as not approved', async () => {
    await importTmx(memory, path.join(FIXTURES, 'okapi/sampleTMX2.tmx'));
    const byTarget = new Map([...memory.entries()].map((entry) => [entry.target.text, entry]));
    expect(byTarget.get('données (avec un caractère non standard: \uF8FF).')).toMatchObject({ state: 'translated', origin: { by: 'machine' }, lang: 'fr-CA' });
    expect(byTarget.get('menu')).toMatchObject({ state: 'reviewed', origin: { by: 'human' } });
  });

  it('imports only the locales asked for, and says why it skipped the rest', async () => {
    const summary = await importTmx(memory, path.join(FIXTURES, 'omegat/test-multiple-tuv14.tmx'), { only: ['es' as Lang] });
    expect([...summary.locales.keys()].sort()).toEqual(['es', 'es-AR', 'es-BO']);
    expect([...summary.skipped.keys()].every((reason) => reason.startsWith('not a locale asked for'))).toBe(true);
  });

  const hostile: [string, string, RegExp][] = [
    ['an internal DTD subset', '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x "boom">]>\n<tmx version="1.4"><header/><body/></tmx>', /:2:\d+: a DOCTYPE with an internal subset/],
    ['an entity it does not know', '<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>&bomb;</seg></tuv></tu></body></tmx>', /undefined entity|bomb/i],
    ['markup nested 10,000 deep', `<tmx version="1.4"><header/><body><tu><tuv xml:lang="de"><seg>${'<hi>'.repeat(10_000)}x${'</hi>'.repeat(10_000)}</seg></tuv></tu></body></tmx>`, /nested more than 512 deep/],
    ['a file that is not TMX', '<xliff version="1.2"></xliff>', /not a TMX file/],
    ['a <tuv> without a language', '<tmx version="1.4"><header/><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>', /unit 1: <tuv> without xml:lang/],
    ['bytes that are not UTF-8', '\u00ff', /not valid utf-8/],
    ['a unit of 1,001 translations', `<tmx version="1.4"><header/><body><tu>${'<tuv xml:lang="de"><seg>x</seg></tuv>'.repeat(1_001)}</tu></body></tmx>`, /unit 1 has more than 1000 <tuv>s/],
  ];
  it.each(hostile)('refuses %s, naming the file and line', async (_name, text, message) => {
    const file = path.join(dir, 'bad.tmx');
    await writeFile(file, text === '\u00ff' ? Buffer.from([0x3c, 0x74, 0xff, 0xfe, 0x3e]) : text);
    const error = await importTmx(memory, file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(file);
    expect((error as InputError).message).toMatch(message);
    expect([...memory.entries()]).toEqual([]);
  });

  it('accepts a DOCTYPE that only names the DTD, and never fetches it', async () => {
    const file = path.join(dir, 'doctype.tmx');
    await writeFile(file, '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://127.0.0.1:1/tmx14.dtd">\n<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>Hallo.</seg></tuv><tuv xml:lang="en"><seg>Hello.</seg></tuv></tu></body></tmx>');
    expect((await importTmx(memory, file)).added).toBe(1);
  });
});
