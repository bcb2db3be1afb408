/**
 * #26: a TMX that holds the same pair in two units (the same sentence in two
 * documents, each unit with its own props and tuid). Importing it again
 * changes nothing (no update reported, no new memory version, the readable
 * copy not rewritten), and every unit comes back on export.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { MemoryStore } from '../../src/memory/memory.js';
import { SqliteMemory } from '../../src/memory/sqlite-store.js';
import { readTmx, type TmxUnit } from '../../src/memory/tmx-read.js';
import { writeTmx } from '../../src/memory/tmx-write.js';
import { FsMemory } from '../../src/store/fs-memory.js';
import { importTmx } from '../../src/tm-import.js';

const de = 'de' as Lang;
const pl = 'pl' as Lang;

/**
 * The real DGT-TM file with its first unit (the title, in 23 languages)
 * repeated as a second document would hold it: the same sentences, its own
 * `Txt::Doc. No.` and a tuid.
 */
function withRepeatedUnit(): string {
  const text = readFileSync(path.join(import.meta.dirname, '../fixtures/tmx/dgt-tm/22019D0391.tmx')).toString('utf16le').replace(/^\uFEFF/, '');
  const first = text.indexOf('<tu>');
  const unit = text.slice(first, text.indexOf('</tu>', first) + '</tu>'.length);
  const repeat = unit.replace('<tu>', '<tu tuid="repeat-1">').replace('>22019D0391<', '>22019D0392<');
  return text.replace('encoding="UTF-16LE"', 'encoding="UTF-8"').replace('</body>', `${repeat}\n</body>`);
}

async function exportOf(memory: MemoryStore): Promise<string> {
  let out = '';
  for await (const chunk of writeTmx(memory.entries(), { sourceLang: 'de', toolVersion: 'test' })) out += chunk;
  return out;
}

async function unitsOf(text: string): Promise<TmxUnit[]> {
  const units: TmxUnit[] = [];
  for await (const item of readTmx(Readable.from([Buffer.from(text)]), 'export')) if ('variants' in item) units.push(item);
  return units;
}

describe('#26 units that repeat a pair', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'l10n-tm-repeats-'));
    file = path.join(dir, 'two-documents.tmx');
    await writeFile(file, withRepeatedUnit());
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports nothing changed on re-import and keeps the memory version', async () => {
    const memory = new SqliteMemory(path.join(dir, 'memory.sqlite'), de);
    try {
      const first = await importTmx(memory, file);
      expect(first.units).toBe(26);
      const version = memory.version(pl);
      const again = await importTmx(memory, file);
      expect({ added: again.added, updated: again.updated }).toEqual({ added: 0, updated: 0 });
      expect(again.unchanged).toBe(first.added);
      expect(memory.version(pl)).toBe(version);
    } finally {
      memory.close();
    }
  });

  it('gives every unit back with its own props and tuid, and export → import → export changes nothing', async () => {
    const memory = new SqliteMemory(path.join(dir, 'memory.sqlite'), de);
    const fresh = new SqliteMemory(path.join(dir, 'fresh.sqlite'), de);
    try {
      await importTmx(memory, file);
      const exported = await exportOf(memory);
      const units = await unitsOf(exported);
      expect(units).toHaveLength(26);
      const repeated = units.filter((unit) => unit.variants[0]!.seg.text === units[0]!.variants[0]!.seg.text);
      expect(repeated.map((unit) => [unit.extras.attributes?.tuid, unit.extras.props?.[0]?.value])).toEqual([
        [undefined, '22019D0391'],
        ['repeat-1', '22019D0392'],
      ]);
      expect(repeated.map((unit) => unit.variants.length)).toEqual([23, 23]);
      // Our export imported into the same memory is nothing new.
      await writeFile(path.join(dir, 'export.tmx'), exported);
      expect(await importTmx(memory, path.join(dir, 'export.tmx'))).toMatchObject({ added: 0, updated: 0 });
      // And into an empty one, it exports as it came.
      await importTmx(fresh, path.join(dir, 'export.tmx'));
      expect(await exportOf(fresh)).toBe(exported);
    } finally {
      memory.close();
      fresh.close();
    }
  });

  it('does not rewrite memory/<lng>.json when a re-import changes nothing', async () => {
    const folder = path.join(dir, 'memory');
    const open = () => FsMemory.open(folder, de, { copies: true, create: true });
    const memory = open();
    await importTmx(memory, file);
    await memory.flush();
    memory.close();
    const copy = path.join(folder, 'pl.json');
    const bytes = await readFile(copy);
    const mtime = statSync(copy).mtimeMs;
    // Past the file system's time resolution, so a rewrite would show.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const again = open();
    await importTmx(again, file);
    await again.flush();
    again.close();
    expect(await readFile(copy)).toEqual(bytes);
    expect(statSync(copy).mtimeMs).toBe(mtime);
    // The copy holds the repeat too, so a fresh clone's memory exports it.
    expect((JSON.parse(bytes.toString('utf8')) as { unit?: string }[]).filter((row) => row.unit?.endsWith('#000000026'))).toHaveLength(1);
  });
});
