/**
 * #22 The translation memory's ways in: a TMX import passes the admission
 * gate (texts, props, notes, attributes, language tags) and is one
 * transaction; a memory copy `memory/<lng>.json` is checked for its shape and
 * its text; and what SQLite or the file system refuses (a lock, a read-only
 * file, damaged pages, `memory/` a file) is one line naming the file, exit 2,
 * never exit 70 with a stack. Through the real binary, as a user meets it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, runCli, runProcess, type CliResult } from '../helpers/run-cli.js';
import { createTempProject, REPO_ROOT, type TempProject } from '../helpers/temp-project.js';

/** A project after one run: its memory database and the copies memory/en.json and memory/fr.json exist. */
let project: TempProject;
let dir: string;
beforeEach(async () => {
  project = await createTempProject();
  dir = project.dir;
  const first = await runCli(['run', '-q'], { cwd: dir });
  expect(first.code, first.stderr).toBe(0);
}, 60_000);
afterEach(() => project.remove());

const file = (...parts: string[]) => path.join(dir, ...parts);

/** Every file of memory/ with the hash of its bytes: the database, its WAL if any, and the copies. */
async function memoryFiles(): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const name of (await readdir(file('memory'))).sort()) hashes[name] = createHash('sha256').update(await readFile(file('memory', name))).digest('hex');
  return hashes;
}

/** The memory's version of each locale and its entry count, as a reader sees it (read-only). */
function memoryState(): Record<string, string> {
  const db = new Database(file('memory/memory.sqlite'), { readonly: true });
  try {
    const rows = db.prepare("SELECT key, value FROM meta WHERE key LIKE 'version:%' OR key LIKE 'unwritten:%' ORDER BY key").all() as { key: string; value: string }[];
    const count = db.prepare('SELECT count(*) AS n FROM entry').get() as { n: number };
    return { ...Object.fromEntries(rows.map((row) => [row.key, row.value])), entries: String(count.n) };
  } finally {
    db.close();
  }
}

/** One line on stderr naming `name`, exit 2, no stack. */
function expectRefusal(result: CliResult, name: RegExp): void {
  expect(result.stderr).toMatch(name);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

/** A TMX as OmegaT or Trados write it: German (`de-DE`) sources, British English (`en-GB`) translations. */
function tmx(units: readonly string[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4"><header creationtool="test" srclang="de-DE" adminlang="en" datatype="plaintext" segtype="sentence" o-tmf="x"/><body>', ...units, '</body></tmx>', ''].join('\n');
}
function unit(n: number, options: { lang?: string; tu?: string; inner?: string } = {}): string {
  return `<tu${options.tu ?? ''}><tuv xml:lang="de-DE"><seg>Satz Nummer ${n} aus dem Archiv.</seg></tuv><tuv xml:lang="${options.lang ?? 'en-GB'}">${options.inner ?? ''}<seg>Sentence number ${n} from the archive.</seg></tuv></tu>`;
}
const units = (count: number, change: (n: number) => string = (n) => unit(n)) => Array.from({ length: count }, (_, i) => change(i + 1));
/** The line a unit starts on in `tmx(units(…))`: the declaration and `<tmx>` come first. */
const lineOfUnit = (n: number) => n + 2;

describe('#22 TMX import: through the gate, all or nothing', () => {
  async function expectNothingChanged(args: readonly string[], name: RegExp): Promise<CliResult> {
    const hashes = await memoryFiles();
    const state = memoryState();
    const result = await runCli(args, { cwd: dir });
    expectRefusal(result, name);
    expect(await memoryFiles()).toEqual(hashes);
    expect(memoryState()).toEqual(state);
    return result;
  }

  it('a TMX truncated after 7,500 units (past the first batch) adds nothing, and says where it ends', async () => {
    const whole = tmx(units(8_000));
    await writeFile(file('cut.tmx'), whole.slice(0, whole.indexOf(unit(7_501))));
    await expectNothingChanged(['tm', 'import', 'cut.tmx'], /cut\.tmx:\d+:\d+: /);
  });

  it('a 544-character private-use language tag at unit 1,800 is refused with file and line, and nothing is added', async () => {
    const tag = `en-x-${Array.from({ length: 60 }, () => 'abcdefgh').join('-')}`;
    expect(tag).toHaveLength(544);
    await writeFile(file('tags.tmx'), tmx(units(2_000, (n) => unit(n, n === 1_800 ? { lang: tag } : {}))));
    await expectNothingChanged(['tm', 'import', 'tags.tmx'], new RegExp(`tags\\.tmx:${lineOfUnit(1_800)}(:\\d+)?: .*language tag.*544 characters`));
  });

  it.each([
    ['a <prop>', (big: string) => unit(3, { inner: `<prop type="x-note">${big}</prop>` })],
    ['a <note>', (big: string) => unit(3, { inner: `<note>${big}</note>` })],
    ['an attribute', (big: string) => unit(3, { tu: ` creationid="${big}"` })],
    ['a <prop> type', (big: string) => unit(3, { inner: `<prop type="${big}">x</prop>` })],
  ])('%s of 300,000 characters is refused as an XLIFF attribute value is, naming file and line; nothing is stored', async (_, make) => {
    await writeFile(file('big.tmx'), tmx([unit(1), unit(2), make('x'.repeat(300_000)), unit(4)]));
    await expectNothingChanged(['tm', 'import', 'big.tmx'], new RegExp(`big\\.tmx:${lineOfUnit(3)}(:\\d+)?: .*262,144`));
  });

  it('a 20 MB <prop> is refused while it is read, not gathered whole, stored and copied', async () => {
    await writeFile(file('huge.tmx'), tmx([unit(1), unit(2, { inner: `<prop type="x-blob">${'x'.repeat(20 * 1024 * 1024)}</prop>` })]));
    await expectNothingChanged(['tm', 'import', 'huge.tmx'], new RegExp(`huge\\.tmx:${lineOfUnit(2)}:\\d+: `));
  });

  it('a <seg> longer than a text may be is refused, naming file and line', async () => {
    await writeFile(file('long.tmx'), tmx([unit(1), `<tu><tuv xml:lang="de"><seg>${'Wort '.repeat(205_000)}</seg></tuv><tuv xml:lang="en"><seg>Word.</seg></tuv></tu>`]));
    await expectNothingChanged(['tm', 'import', 'long.tmx'], new RegExp(`long\\.tmx:${lineOfUnit(2)}(:\\d+)?: .*1,000,000`));
  });

  it('a database locked by another connection holding a write transaction: exit 2 naming it and the reason, nothing changed', async () => {
    await writeFile(file('ok.tmx'), tmx(units(10)));
    const hashes = await memoryFiles();
    // Another process: one that reads the database's files itself would drop its own POSIX locks on them.
    const other = await holdWriteLock(file('memory/memory.sqlite'));
    try {
      expectRefusal(await runCli(['tm', 'import', 'ok.tmx'], { cwd: dir }), /memory\/memory\.sqlite: .*another l10n process/);
      // A run that loads a teammate's change to a copy meets the same lock.
      const copy = JSON.parse(await readFile(file('memory/en.json'), 'utf8')) as unknown[];
      await writeFile(file('memory/en.json'), JSON.stringify([...copy, { source: 'Ein neuer Satz.', target: 'A new sentence.', state: 'reviewed' }], null, 2));
      expectRefusal(await runCli(['run', '-q'], { cwd: dir }), /memory\/memory\.sqlite: .*another l10n process/);
    } finally {
      await other.release();
    }
    const { 'en.json': _changedByTheTest, ...after } = await memoryFiles();
    const { 'en.json': _, ...before } = hashes;
    expect(after).toEqual(before);
  }, 30_000);

  it('takes tool tags: de-DE is German, en-GB serves en, en_GB and EN-gb are read as en-GB and said so (#26), an unknown tag is skipped with its reason', async () => {
    await writeFile(file('tools.tmx'), tmx([unit(1), unit(2, { lang: 'en_GB' }), unit(3, { lang: 'EN-gb' }), unit(4, { lang: 'QQ-01' })]));
    const result = await runCli(['tm', 'import', 'tools.tmx'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('4 units read; 3 translations added');
    expect(result.stdout).toContain('mapped 1: language tag en_GB read as en-GB');
    expect(result.stdout).toContain('skipped 1: unknown language tag QQ-01');
    const copy = JSON.parse(await readFile(file('memory/en-GB.json'), 'utf8')) as { source: string }[];
    expect(copy.map((entry) => entry.source)).toEqual(['Satz Nummer 1 aus dem Archiv.', 'Satz Nummer 2 aus dem Archiv.', 'Satz Nummer 3 aus dem Archiv.']);
  });
});

describe('#22 memory copies: their shape and their text through the gate', () => {
  const good = { source: 'Foto: dpa', target: 'Photo: dpa', state: 'reviewed' };
  async function copyRefused(entries: unknown[], message: RegExp): Promise<void> {
    await writeFile(file('memory/es.json'), JSON.stringify(entries, null, 2));
    const result = await runCli(['run', '-q'], { cwd: dir });
    expectRefusal(result, message);
    // Nothing of the copy was published.
    const published = await readFile(file('locales/es/usa-russland-is.txt'), 'utf8').catch(() => '');
    expect(published).not.toContain('\u0000');
  }

  it('a NUL in a copy is refused with the file, the entry and the field, and not published', async () => {
    await copyRefused([good, { source: 'Foto: dpa', target: 'Foto:\u0000 dpa', state: 'reviewed' }], /memory\/es\.json: entry 2.*"target".*U\+0000/);
  });

  it('a lone surrogate in a copy is refused too', async () => {
    await copyRefused([{ source: 'Foto: dpa', target: 'Foto \ud800 dpa', state: 'reviewed' }], /memory\/es\.json: entry 1.*"target".*surrogate/);
  });

  it.each([
    ['a number where a string is', { created: 20240101 }, '"created"'],
    ['an array where a string is', { changer: ['ana'] }, '"changer"'],
    ['an array where an object is', { context: ['vorher', 'nachher'] }, '"context"'],
    ['a string where codes are', { sourceCodes: 'b' }, '"sourceCodes"'],
    ['a wrong field inside a code', { sourceCodes: [{ id: 'b1', kind: 'open', start: 'null', end: 1 }] }, '"sourceCodes\\.0\\.start"'],
    ['an unknown origin', { origin: 5 }, '"origin"'],
    ['a 300,000-character note field', { creator: 'x'.repeat(300_000) }, '"creator".*262,144'],
    ['a language tag of 200 characters', { sourceLang: `en-x-${'abcdefgh-'.repeat(21)}a` }, '"sourceLang"'],
  ])('%s is a named refusal (file, entry, field), not exit 70', async (_, field, name) => {
    await copyRefused([good, { ...good, target: 'Foto: dpa (2)', ...field }], new RegExp(`memory/es\\.json: entry 2.*${name}`));
  });
});

describe('#22 what SQLite and the file system refuse is named, not a stack', () => {
  it('a database with the SQLite header but damaged pages: exit 2, and it says the database can be deleted and is rebuilt from memory/*.json', async () => {
    const bytes = await readFile(file('memory/memory.sqlite'));
    // Page 1 (header and schema) stays; every later page becomes noise.
    let seed = 7;
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    await writeFile(file('memory/memory.sqlite'), bytes);
    for (const args of [['run', '-q'], ['tm', 'export']]) {
      expectRefusal(await runCli(args, { cwd: dir }), /memory\/memory\.sqlite: .*damaged.*delete.*rebuil.*memory\/\*\.json/);
    }
  });

  it('memory/ a file instead of a folder: exit 2 naming it', async () => {
    await rm(file('memory'), { recursive: true });
    await writeFile(file('memory'), 'not a folder\n');
    expectRefusal(await runCli(['run', '-q'], { cwd: dir }), /memory: .*not a folder/);
    await writeFile(file('ok.tmx'), tmx(units(2)));
    expectRefusal(await runCli(['tm', 'import', 'ok.tmx'], { cwd: dir }), /memory: .*not a folder/);
  });

  // Root writes anywhere: the child runs as `nobody` then, so permissions apply as for a user.
  const asRoot = process.getuid?.() === 0;
  it('a read-only database (file and folder without write permission): exit 2, saying so, not "delete it"', async () => {
    await writeFile(file('ok.tmx'), tmx(units(2)));
    if (asRoot) {
      await chmod(dir, 0o777);
      for (const name of await readdir(dir, { recursive: true })) await chmod(file(name), 0o777);
    }
    await chmod(file('memory/memory.sqlite'), 0o444);
    await chmod(file('memory'), 0o555);
    try {
      const result = await runAs(['tm', 'import', 'ok.tmx'], asRoot ? 65534 : undefined);
      expectRefusal(result, /memory\/memory\.sqlite: .*(read-only|permission)/);
      expect(result.stderr).not.toMatch(/delete it/);
    } finally {
      await chmod(file('memory'), 0o755);
    }
  });
});

/** A process holding SQLite's write lock on `database` (BEGIN IMMEDIATE) until released. */
async function holdWriteLock(database: string): Promise<{ release(): Promise<void> }> {
  const script = [
    "const Database = require('better-sqlite3');",
    'const db = new Database(process.argv[1]);',
    "db.exec('BEGIN IMMEDIATE');",
    "process.stdout.write('locked\\n');",
    "process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); }).resume();",
  ].join('\n');
  const child = spawn(process.execPath, ['-e', script, database], { cwd: REPO_ROOT, stdio: 'pipe' });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`the lock holder ended (${code})`)));
  });
  return {
    release: async () => {
      child.stdin.end();
      await closed;
    },
  };
}

/** The binary as another user (`nobody` when the suite runs as root). */
function runAs(args: readonly string[], uid: number | undefined): Promise<CliResult> {
  return runProcess(process.execPath, [BIN, ...args], { cwd: dir, env: cleanEnv({ HOME: dir }), ...(uid !== undefined ? { uid } : {}) });
}
