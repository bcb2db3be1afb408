/** What the file store and the memory's copies both do with files: stat, stamp and hash them. */
import { hash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { unreadable } from '../core/errors.js';
import type { Stamp } from './store.js';

export function hashOf(bytes: Buffer): string {
  return hash('sha256', bytes, 'hex').slice(0, 32);
}

/** The stamp of a file: the previous one while size and modification time are as recorded, else its hash now. */
export function stampOf(info: Stats, previous: Stamp | undefined, read: () => Buffer): Stamp {
  if (previous && previous.size === info.size && previous.mtimeMs === info.mtimeMs) return previous;
  return { hash: hashOf(read()), size: info.size, mtimeMs: info.mtimeMs };
}

/** A file's stats, undefined when it does not exist; a folder or an unreadable path is refused. */
export function statFile(file: string): Stats | undefined {
  let info: Stats;
  try {
    info = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw unreadable(file, error);
  }
  if (!info.isFile()) throw unreadable(file, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  return info;
}
