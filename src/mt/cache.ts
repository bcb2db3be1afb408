/**
 * The machine translation cache: what an engine returned, keyed by everything
 * that can change the result (engine and its options, target locale, source
 * text, context). Consulted before an engine is asked, so a target that was
 * deleted, or a sentence edited and edited back, is never billed twice.
 * Stored as `<cache>/mt/<lng>.json`, sorted by key, written atomically, and
 * `<lng>.json.journal` beside it: answers are appended there as they arrive
 * (one JSON line `[key, text]` each), so saving progress after a batch costs
 * what the batch brought, not the whole cache (#26: rewriting it after every
 * batch made a run grow as n²). The journal is folded into the file when it
 * outgrows it, and by `compact` at the end of a command.
 */
import { hash } from 'node:crypto';
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { coalesceWrites } from '../core/coalesce.js';
import { InputError, unreadable } from '../core/errors.js';
import { writeFileAtomic } from '../core/fs.js';

export interface CacheKeyParts {
  /** The engine and the options that shape its output (`TranslationEngine.identity`). */
  readonly identity: string;
  readonly lang: string;
  readonly source: string;
  readonly context?: string;
}

export function cacheKey(parts: CacheKeyParts): string {
  return hash('sha256', JSON.stringify([parts.identity, parts.lang, parts.source, parts.context ?? '']), 'hex');
}

/** Entries the journal may hold before it is folded into the file, at least: small caches are not rewritten often. */
const MIN_JOURNAL = 4096;

export class MachineCache {
  readonly #file: string;
  readonly #entries: Map<string, string>;
  /** Entries set since the last flush: what the journal still lacks. */
  #pending: [string, string][] = [];
  /** Lines in the journal on disk (entries not yet in the file). */
  #journalled: number;
  /** Entries in the file as last read or written. */
  #inFile: number;

  private constructor(file: string, entries: Map<string, string>, inFile: number, journalled: number) {
    this.#file = file;
    this.#entries = entries;
    this.#inFile = inFile;
    this.#journalled = journalled;
  }

  get #journal(): string {
    return `${this.#file}.journal`;
  }

  static async open(file: string): Promise<MachineCache> {
    const entries = new Map<string, string>();
    const text = await readOptional(file);
    if (text !== undefined) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new InputError(`not valid JSON (${(error as Error).message}); delete the file to start a new cache`, { file }, { cause: error });
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('expected an object of key → translation', { file });
      for (const [key, answer] of Object.entries(value as Record<string, string>)) entries.set(key, answer);
    }
    const inFile = entries.size;
    let journalled = 0;
    // A line cut short by a killed process, or one edited badly, is skipped: the answer is asked for again.
    for (const line of (await readOptional(`${file}.journal`))?.split('\n') ?? []) {
      const entry = parseLine(line);
      if (!entry) continue;
      entries.set(entry[0], entry[1]);
      journalled++;
    }
    return new MachineCache(file, entries, inFile, journalled);
  }

  get(key: string): string | undefined {
    return this.#entries.get(key);
  }

  set(key: string, text: string): void {
    if (this.#entries.get(key) === text) return;
    this.#entries.set(key, text);
    this.#pending.push([key, text]);
  }

  /**
   * Makes what was set so far durable: appended to the journal, or, when the
   * journal has outgrown the file, everything written as the file. Documents
   * translated at once flush the same cache: writes coalesce, so a slower
   * older write never lands after a newer one.
   */
  flush(): Promise<void> {
    return this.#pending.length > 0 ? this.#write(false) : Promise.resolve();
  }

  /** Writes the whole cache as its file and removes the journal: at the end of a command. */
  compact(): Promise<void> {
    return this.#pending.length > 0 || this.#journalled > 0 ? this.#write(true) : Promise.resolve();
  }

  #compactNext = false;
  readonly #coalesced = coalesceWrites(async () => {
    const compact = this.#compactNext;
    this.#compactNext = false;
    const pending = this.#pending;
    this.#pending = [];
    if (compact || this.#journalled + pending.length > Math.max(this.#inFile, MIN_JOURNAL)) {
      const sorted = Object.fromEntries([...this.#entries].sort(([a], [b]) => (a < b ? -1 : 1)));
      await writeFileAtomic(this.#file, `${JSON.stringify(sorted, null, 1)}\n`);
      this.#inFile = this.#entries.size;
      this.#journalled = 0;
      await rm(this.#journal, { force: true });
      return;
    }
    if (this.#journalled === 0) await mkdir(path.dirname(this.#file), { recursive: true });
    await appendFile(this.#journal, pending.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    this.#journalled += pending.length;
  });

  #write(compact: boolean): Promise<void> {
    if (compact) this.#compactNext = true;
    return this.#coalesced();
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(file, error);
  }
}

function parseLine(line: string): [string, string] | undefined {
  if (!line) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' ? [value[0], value[1]] : undefined;
  } catch {
    return undefined;
  }
}
