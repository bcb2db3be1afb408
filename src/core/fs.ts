/**
 * File writes that never leave a half-written file: write a temp file beside the
 * target, then rename over it (atomic on POSIX file systems).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { L10nError, unwritable } from './errors.js';
import { isAlive } from './process.js';

/**
 * Writes `data` to `file` atomically. Returns false, and leaves the file (and its
 * mtime) alone, when it already holds exactly these bytes: a rerun that changes
 * nothing touches nothing.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const existing = await readFile(file).catch(() => undefined);
  if (existing?.equals(bytes)) return false;
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw unwritable(file, error);
  }
  return true;
}

/** Writes a stream of text to `file` atomically, for outputs too large to hold as one string. */
export async function writeStreamAtomic(file: string, chunks: AsyncIterable<string>): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      for await (const chunk of chunks) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    // An error of the content (bad input) is that error, not a failure to write.
    throw error instanceof L10nError ? error : unwritable(file, error);
  }
}

/** Removes a file if it exists. Returns whether something was removed. */
export async function removeFile(file: string): Promise<boolean> {
  try {
    await rm(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Joins `parts` below `root` and refuses any result outside it (`..`, absolute
 * parts, encoded separators decoded by the caller). Returns undefined when unsafe.
 */
export function safeJoin(root: string, ...parts: string[]): string | undefined {
  if (parts.some((part) => part.length === 0 || part.includes('\0'))) return undefined;
  const base = path.resolve(root);
  const joined = path.resolve(base, ...parts);
  return joined.startsWith(base + path.sep) ? joined : undefined;
}

/** `name.tmp-<pid>-<hex>`: what `writeFileAtomic` writes before renaming. */
const TEMP_FILE = /\.tmp-(\d+)-[0-9a-f]{8}$/;

/**
 * Removes the temp files of writers that were killed between writing and
 * renaming (`kill -9`), below `dirs`. A file of a process still running is left
 * alone. Called with the project lock held, so no other run is writing.
 */
export async function removeStaleTempFiles(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
    for (const name of names) {
      const pid = TEMP_FILE.exec(name)?.[1];
      if (pid !== undefined && !isAlive(Number(pid))) await rm(path.join(dir, name), { force: true });
    }
  }
}
