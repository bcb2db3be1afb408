import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { MemoryEntry } from '../../src/memory/entry.js';
import { fuzzyMatches, scanMatches } from '../../src/memory/fuzzy.js';
import { SqliteMemory } from '../../src/memory/sqlite-store.js';
import { InputError } from '../../src/core/errors.js';
import { importTmx } from '../../src/tm-import.js';
import { editOneWord, random, sentences } from '../../scripts/memory-corpus.js';
import { readFileSync } from 'node:fs';

const de = 'de' as Lang;
const en = 'en' as Lang;
const SEED = readFileSync(path.join(import.meta.dirname, '../../source/de/usa-russland-is.txt'), 'utf8');

function entry(source: string, target: string, more: Partial<MemoryEntry> = {}): MemoryEntry {
  return { sourceLang: de, lang: en, source: { text: source }, target: { text: target }, state: 'reviewed', origin: { by: 'human' }, ...more };
}

describe('the SQLite memory', () => {
  let dir: string;
  let memory: SqliteMemory;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'l10n-memory-'));
    memory = new SqliteMemory(path.join(dir, 'memory.sqlite'), de);
  });
  afterEach(async () => {
    memory.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a sentence exactly, and tells added, updated and unchanged apart', () => {
    expect(memory.add([entry('Guten Tag.', 'Good day.')])).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
    expect(memory.add([entry('Guten Tag.', 'Good day.')])).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(memory.add([entry('Guten Tag.', 'Good day.', { state: 'final' })])).toMatchObject({ added: 0, updated: 1 });
    // A lower state never lowers what is stored.
    memory.add([entry('Guten Tag.', 'Good day.', { state: 'translated' })]);
    expect(memory.exact(en, 'Guten Tag.').map((found) => found.state)).toEqual(['final']);
    expect(memory.exact(en, 'Guten Tag')).toEqual([]);
  });

  it("replaces a reviewer's earlier translation from the same document, and keeps others", () => {
    memory.add([entry('Guten Tag.', 'Good day.', { doc: 'a' }), entry('Guten Tag.', 'Hello.', { doc: 'b' })], { supersede: true });
    memory.add([entry('Guten Tag.', 'Good afternoon.', { doc: 'a' })], { supersede: true });
    expect(memory.exact(en, 'Guten Tag.').map((found) => found.target.text).sort()).toEqual(['Good afternoon.', 'Hello.']);
  });

  it('serves a locale from its regions, but never a pseudo-locale', () => {
    memory.add([entry('Guten Tag.', 'Good day, mate.', { lang: 'en-AU' as Lang }), entry('Guten Tag.', '[Ĝööḓ ḓȧȧẏ.]', { lang: 'en-XA' as Lang })]);
    expect(memory.exact(en, 'Guten Tag.').map((found) => found.lang)).toEqual(['en-AU']);
    expect(memory.exact('en-XA' as Lang, 'Guten Tag.').map((found) => found.target.text)).toEqual(['[Ĝööḓ ḓȧȧẏ.]']);
    expect(memory.exact('fr' as Lang, 'Guten Tag.')).toEqual([]);
  });

  it('keeps entries of another source language for export, and never proposes them', () => {
    memory.add([entry('Good day.', 'Bonjour.', { sourceLang: 'en' as Lang, lang: 'fr' as Lang })]);
    expect(memory.exact('fr' as Lang, 'Good day.')).toEqual([]);
    expect([...memory.entries('fr' as Lang)].map((found) => found.target.text)).toEqual(['Bonjour.']);
  });

  it('changes its version exactly when the entries serving a locale change', () => {
    const before = memory.version(en);
    memory.add([entry('Guten Tag.', 'Good day.')]);
    const after = memory.version(en);
    expect(after).not.toBe(before);
    memory.add([entry('Guten Tag.', 'Good day.')]);
    expect(memory.version(en)).toBe(after);
    memory.add([entry('Guten Tag.', 'Bonjour.', { lang: 'fr' as Lang })]);
    expect(memory.version(en)).toBe(after);
  });

  it('finds from its index the same best match as a scan of every entry', () => {
    const corpus = sentences(SEED, 5_000, 3);
    memory.add(corpus.map((text, index) => entry(text, `T${index}`)));
    const next = random(11);
    let same = 0;
    const queries = 40;
    for (let i = 0; i < queries; i++) {
      const query = editOneWord(corpus[Math.floor(next() * corpus.length)]!, next, corpus[Math.floor(next() * corpus.length)]!);
      const indexed = fuzzyMatches(memory, en, { text: query }, 75, 1)[0];
      const scanned = scanMatches(memory, en, { text: query }, 75, 1)[0];
      expect(scanned).toBeDefined();
      if (indexed?.score === scanned!.score) same++;
    }
    expect(same / queries).toBeGreaterThanOrEqual(0.95);
  });

  it('#22 a TMX that fails at its end adds nothing, and one imported after is indexed as in a fresh memory', async () => {
    const corpus = [...new Set(sentences(SEED, 6_000, 5))];
    const head = '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="de"/><body>\n';
    const body = corpus.map((text, index) => `<tu><tuv xml:lang="de"><seg>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</seg></tuv><tuv xml:lang="en"><seg>T${index}</seg></tuv></tu>`).join('\n');
    await writeFile(path.join(dir, 'cut.tmx'), head + body);
    await writeFile(path.join(dir, 'whole.tmx'), `${head}${body}\n</body></tmx>\n`);
    const version = memory.version(en);
    await expect(importTmx(memory, path.join(dir, 'cut.tmx'))).rejects.toThrow(InputError);
    expect(memory.size(en)).toBe(0);
    expect(memory.version(en)).toBe(version);

    // Word counts cached for the rolled-back rows would skew which candidates the index offers.
    await importTmx(memory, path.join(dir, 'whole.tmx'));
    expect(memory.size(en)).toBe(corpus.length);
    // What the file holds, as the next command reads it.
    memory.close();
    memory = new SqliteMemory(path.join(dir, 'memory.sqlite'), de);
    const fresh = new SqliteMemory(path.join(dir, 'fresh.sqlite'), de);
    try {
      await importTmx(fresh, path.join(dir, 'whole.tmx'));
      const next = random(5);
      for (let i = 0; i < 20; i++) {
        const query = editOneWord(corpus[Math.floor(next() * corpus.length)]!, next, corpus[Math.floor(next() * corpus.length)]!);
        expect(fuzzyMatches(memory, en, { text: query }, 75, 3).map((match) => match.entry.target.text)).toEqual(fuzzyMatches(fresh, en, { text: query }, 75, 3).map((match) => match.entry.target.text));
      }
    } finally {
      fresh.close();
    }
  });
});

describe('a memory database that cannot be read', () => {
  it('is refused with the file named, not misread', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'l10n-memory-'));
    try {
      const file = path.join(dir, 'memory.sqlite');
      await writeFile(file, 'this is not a database, it only has the name of one '.repeat(100));
      expect(() => new SqliteMemory(file, de)).toThrow(new RegExp(`${file}.*not a memory database SQLite can read`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
