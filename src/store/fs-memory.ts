/**
 * The project's translation memory on disk: the SQLite database
 * `memory/memory.sqlite` (git-ignored) that lookups use, and, unless the
 * config turns it off for a large memory, the readable copy per locale,
 * `memory/<lng>.json`, that the repository keeps.
 *
 * The copy is what a team shares, so it wins: on opening, a copy that changed
 * since the database last wrote it (a pull, a hand edit, a fresh clone) is
 * loaded again. Changes made here are marked in the database in the same
 * transaction and written to the copies by `flush`; a run killed in between
 * writes them next time, and a copy that changed meanwhile is merged, not lost.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, unreadable, unwritable } from '../core/errors.js';
import { writeFileAtomic } from '../core/fs.js';
import { parseLang, type Lang } from '../core/lang.js';
import type { MemoryEntry, StoredEntry } from '../memory/entry.js';
import { formatMemoryCopy, parseMemoryCopy } from '../memory/json-copy.js';
import { servesLocale, type AddResult, type CandidateQuery, type ProjectMemory } from '../memory/memory.js';
import { SqliteMemory } from '../memory/sqlite-store.js';
import { hashOf, stampOf, statFile } from './files.js';
import type { Stamp } from './store.js';

export const MEMORY_DATABASE = 'memory.sqlite';

export class FsMemory implements ProjectMemory {
  readonly #db: SqliteMemory;
  readonly #dir: string;
  readonly #copies: boolean;

  private constructor(db: SqliteMemory, dir: string, copies: boolean) {
    this.#db = db;
    this.#dir = dir;
    this.#copies = copies;
  }

  /**
   * Opens the memory. Without `create`, a project that has no database yet
   * gets one in memory, loaded from the copies: a dry run or a failed run
   * leaves no file behind.
   */
  static open(dir: string, sourceLang: Lang, options: { readonly copies: boolean; readonly create: boolean }): FsMemory {
    const file = path.join(dir, MEMORY_DATABASE);
    ensureFolder(dir, options.create);
    const exists = statFile(file) !== undefined;
    const memory = new FsMemory(new SqliteMemory(exists || options.create ? file : ':memory:', sourceLang), dir, options.copies);
    try {
      if (options.copies && existsDir(dir)) memory.#loadChangedCopies();
    } catch (error) {
      // A copy that cannot be read leaves nothing behind: not even the database this call created.
      memory.close();
      if (!exists) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      throw error;
    }
    return memory;
  }

  /** With copies, the memory of a locale is what its copies hold: their stamp, read without opening the database. */
  static copiesStamp(dir: string, locale: Lang): string {
    const langs = languagesWithCopies(dir)
      .filter((lang) => servesLocale(lang, locale))
      .sort();
    return langs.length === 0 ? 'none' : hashOf(Buffer.from(langs.map((lang) => `${lang}:${hashOf(readCopy(path.join(dir, `${lang}.json`)))}`).join('\n')));
  }

  get sourceLang(): Lang {
    return this.#db.sourceLang;
  }

  exact(lang: Lang, source: string): StoredEntry[] {
    return this.#db.exact(lang, source);
  }

  candidates(lang: Lang, terms: readonly string[], limit: number, query?: CandidateQuery): StoredEntry[] {
    return this.#db.candidates(lang, terms, limit, query);
  }

  add(entries: Iterable<MemoryEntry>, options?: { readonly supersede?: boolean }): AddResult {
    return this.#db.add(entries, options);
  }

  /** The copies are marked behind in the same transaction, so a rolled-back `work` leaves them as they were too. */
  atomically<T>(work: () => Promise<T>): Promise<T> {
    return this.#db.atomically(work);
  }

  entries(lang?: Lang): IterableIterator<StoredEntry> {
    return this.#db.entries(lang);
  }

  languages(): Lang[] {
    return this.#db.languages();
  }

  size(lang: Lang): number {
    return this.#db.size(lang);
  }

  version(lang: Lang): string {
    return this.#db.version(lang);
  }

  clear(lang: Lang): void {
    this.#db.clear(lang);
  }

  async flush(): Promise<void> {
    if (!this.#copies) return;
    for (const lang of new Set([...this.#db.languages(), ...this.#recordedLanguages()])) {
      if (this.#db.meta(`unwritten:${lang}`) !== '1') continue;
      const file = this.#copyFile(lang);
      await writeFileAtomic(file, formatMemoryCopy(this.#db.entries(lang), this.sourceLang));
      this.#db.setMeta(`copy:${lang}`, JSON.stringify(stampNow(file)));
      this.#db.setMeta(`unwritten:${lang}`, '0');
    }
  }

  close(): void {
    this.#db.close();
  }

  #copyFile(lang: Lang): string {
    return path.join(this.#dir, `${lang}.json`);
  }

  #recordedLanguages(): Lang[] {
    return languagesWithCopies(this.#dir).filter((lang) => this.#db.meta(`copy:${lang}`) !== undefined);
  }

  /** Loads each copy that is not as the database last wrote or read it. */
  #loadChangedCopies(): void {
    const onDisk = new Set(languagesWithCopies(this.#dir));
    const known = new Set([...this.#db.languages(), ...onDisk]);
    for (const lang of known) {
      const file = this.#copyFile(lang);
      const recorded = this.#db.meta(`copy:${lang}`);
      const info = statFile(file);
      const unwritten = this.#db.meta(`unwritten:${lang}`) === '1';
      if (!info) {
        // A copy deleted after we wrote it: the team removed that memory.
        if (recorded !== undefined && !unwritten) {
          this.#db.clear(lang);
          this.#db.setMeta(`copy:${lang}`, 'none');
        } else if (this.#db.size(lang) > 0) this.#db.setMeta(`unwritten:${lang}`, '1');
        continue;
      }
      const previous = recorded && recorded !== 'none' ? (JSON.parse(recorded) as Stamp) : undefined;
      if (previous && previous.size === info.size && previous.mtimeMs === info.mtimeMs) continue;
      const bytes = readCopy(file);
      const stamp = { size: info.size, mtimeMs: info.mtimeMs, hash: hashOf(bytes) };
      if (previous?.hash !== stamp.hash) {
        const entries = parseMemoryCopy(bytes.toString('utf8'), file, lang, this.sourceLang);
        // Changes of ours not yet written are merged with the copy; otherwise the copy is the memory.
        if (!unwritten) this.#db.clear(lang);
        this.#db.add(entries);
        this.#db.setMeta(`unwritten:${lang}`, unwritten ? '1' : '0');
      }
      this.#db.setMeta(`copy:${lang}`, JSON.stringify(stamp));
    }
  }
}

function languagesWithCopies(dir: string): Lang[] {
  if (!existsDir(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (!name.endsWith('.json')) return [];
    const lang = parseLang(name.slice(0, -5));
    return lang && `${lang}.json` === name ? [lang] : [];
  });
}

/**
 * The memory's folder: it may be missing (created when `create`), never a
 * file, which would otherwise surface as EEXIST or ENOTDIR deep in SQLite.
 */
function ensureFolder(dir: string, create: boolean): void {
  let info;
  try {
    info = statSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new InputError('a file is in the way of the memory folder: the path names a folder inside a file (paths.memory in l10n.config.json)', { file: dir }, { cause: error });
    if (code !== 'ENOENT') throw unreadable(dir, error);
  }
  if (info && !info.isDirectory()) throw new InputError('is a file, not a folder: the memory needs a folder here (move the file, or set paths.memory in l10n.config.json)', { file: dir });
  if (info || !create) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new InputError('a file is in the way of the memory folder: it is not a folder', { file: dir }, { cause: error });
    throw unwritable(dir, error);
  }
}

function existsDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function stampNow(file: string): Stamp {
  return stampOf(statFile(file)!, undefined, () => readCopy(file));
}

function readCopy(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}
