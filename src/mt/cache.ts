/**
 * The machine translation cache: what an engine returned, keyed by everything
 * that can change the result (engine and its options, target locale, source
 * text, context). Consulted before an engine is asked, so a target that was
 * deleted, or a sentence edited and edited back, is never billed twice.
 * Stored as `<cache>/mt/<lng>.json`, sorted by key, written atomically.
 */
import { hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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

export class MachineCache {
  readonly #file: string;
  readonly #entries: Map<string, string>;
  #dirty = false;

  private constructor(file: string, entries: Map<string, string>) {
    this.#file = file;
    this.#entries = entries;
  }

  static async open(file: string): Promise<MachineCache> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new MachineCache(file, new Map());
      throw unreadable(file, error);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`not valid JSON (${(error as Error).message}); delete the file to start a new cache`, { file }, { cause: error });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('expected an object of key → translation', { file });
    return new MachineCache(file, new Map(Object.entries(value as Record<string, string>)));
  }

  get(key: string): string | undefined {
    return this.#entries.get(key);
  }

  set(key: string, text: string): void {
    if (this.#entries.get(key) === text) return;
    this.#entries.set(key, text);
    this.#dirty = true;
  }

  /**
   * Writes the cache if it changed. Documents translated at once flush the same
   * file: writes coalesce, so a slower older write never lands after a newer one.
   */
  flush(): Promise<void> {
    return this.#dirty ? this.#write() : Promise.resolve();
  }

  readonly #write = coalesceWrites(async () => {
    this.#dirty = false;
    const sorted = Object.fromEntries([...this.#entries].sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeFileAtomic(this.#file, `${JSON.stringify(sorted, null, 1)}\n`);
  });
}
