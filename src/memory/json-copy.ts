/**
 * The memory's readable copy for the repository: `memory/<lng>.json`, the
 * entries of one locale sorted by source and target, one object each, so a
 * review in git shows exactly which translations were added or changed. The
 * file keeps everything an entry has, so the database can be rebuilt from it
 * (a fresh clone, a teammate's change pulled).
 */
import { InputError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { MEMORY } from '../core/state.js';
import { STATES, type Origin, type State } from '../core/types.js';
import type { MemoryEntry } from './entry.js';

/** One entry as the file has it; `sourceLang` only where it is not the project's. */
type CopyEntry = Omit<MemoryEntry, 'lang' | 'sourceLang' | 'source' | 'target' | 'state' | 'origin'> & {
  source: string;
  target: string;
  state: State;
  origin?: Origin['by'];
  engine?: string;
  sourceLang?: Lang;
  sourceCodes?: MemoryEntry['source']['codes'];
  targetCodes?: MemoryEntry['target']['codes'];
  sourceTmx?: string;
  targetTmx?: string;
};

export function parseMemoryCopy(text: string, file: string, lang: Lang, sourceLang: Lang): MemoryEntry[] {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, { file }, { cause: error });
  }
  if (!Array.isArray(entries)) throw new InputError('expected an array of { source, target, state }', { file });
  return entries.map((value: Partial<CopyEntry>, index) => {
    if (typeof value?.source !== 'string' || typeof value.target !== 'string' || !STATES.includes(value.state as State)) {
      throw new InputError(`entry ${index + 1} needs string "source" and "target" and a known "state"`, { file });
    }
    const { source, target, state, origin, engine, sourceLang: otherSource, sourceCodes, targetCodes, sourceTmx, targetTmx, ...rest } = value as CopyEntry;
    return {
      ...rest,
      sourceLang: otherSource ?? sourceLang,
      lang,
      source: { text: source, ...(sourceCodes ? { codes: sourceCodes } : {}), ...(sourceTmx !== undefined ? { tmx: sourceTmx } : {}) },
      target: { text: target, ...(targetCodes ? { codes: targetCodes } : {}), ...(targetTmx !== undefined ? { tmx: targetTmx } : {}) },
      state,
      // Entries written before origins were kept are reviewed reuse: memory.
      origin: origin === 'machine' ? (engine ? { by: 'machine', engine } : { by: 'machine' }) : origin ? { by: origin } : MEMORY,
    };
  });
}

export function formatMemoryCopy(entries: Iterable<MemoryEntry>, sourceLang: Lang): string {
  const rows = [...entries].map((entry): CopyEntry => {
    const { id: _id, lang: _l, sourceLang: source, source: s, target: t, state, origin, ...rest } = entry as MemoryEntry & { id?: number };
    return {
      source: s.text,
      target: t.text,
      state,
      ...(origin.by !== 'memory' ? { origin: origin.by } : {}),
      ...(origin.by === 'machine' && origin.engine ? { engine: origin.engine } : {}),
      ...(source !== sourceLang ? { sourceLang: source } : {}),
      ...(s.codes?.length ? { sourceCodes: s.codes } : {}),
      ...(t.codes?.length ? { targetCodes: t.codes } : {}),
      ...(s.tmx !== undefined ? { sourceTmx: s.tmx } : {}),
      ...(t.tmx !== undefined ? { targetTmx: t.tmx } : {}),
      ...rest,
    };
  });
  rows.sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target) || compare(a.sourceLang ?? '', b.sourceLang ?? ''));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
