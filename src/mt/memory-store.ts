/**
 * The translation memory on disk: `memory/<lng>.json`, approved translations
 * sorted by source, one entry per source sentence, so it reviews and diffs well.
 * A reviewed translation whose German sentence was later edited stays here: it is
 * never lost, only no longer applied by id.
 */
import { readFile } from 'node:fs/promises';
import { InputError, unreadable } from '../core/errors.js';
import { writeFileAtomic } from '../core/fs.js';
import { isApproved, MEMORY, stateRank } from '../core/state.js';
import { STATES, type SegmentId, type State, type Target } from '../core/types.js';
import type { TranslationMemory } from './memory.js';

interface StoredEntry {
  readonly source: string;
  readonly target: string;
  readonly state: State;
}

export async function readMemoryFile(file: string): Promise<Map<string, Target>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw unreadable(file, error);
  }
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, { file }, { cause: error });
  }
  if (!Array.isArray(entries)) throw new InputError('expected an array of { source, target, state }', { file });
  const memory = new Map<string, Target>();
  entries.forEach((entry: Partial<StoredEntry>, index) => {
    if (typeof entry?.source !== 'string' || typeof entry.target !== 'string' || !STATES.includes(entry.state as State)) {
      throw new InputError(`entry ${index + 1} needs string "source" and "target" and a known "state"`, { file });
    }
    memory.set(entry.source, { segmentId: '' as SegmentId, text: entry.target, state: entry.state!, origin: MEMORY });
  });
  return memory;
}

/** Adds approved targets to the memory (a higher state wins) and returns the merged memory. */
export function mergeIntoMemory(
  memory: TranslationMemory,
  entries: Iterable<{ readonly source: string; readonly target: Target }>,
): Map<string, Target> {
  const merged = new Map(memory);
  for (const { source, target } of entries) {
    if (!isApproved(target.state)) continue;
    const known = merged.get(source);
    if (!known || stateRank(target.state) >= stateRank(known.state)) merged.set(source, { ...target, origin: MEMORY });
  }
  return merged;
}

export async function writeMemoryFile(file: string, memory: TranslationMemory): Promise<boolean> {
  const entries: StoredEntry[] = [...memory]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([source, target]) => ({ source, target: target.text, state: target.state }));
  return writeFileAtomic(file, `${JSON.stringify(entries, null, 2)}\n`);
}
