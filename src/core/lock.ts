/**
 * One writer per project at a time. Two `l10n run` on one project would both
 * send the same sentences to DeepL and pay twice; so every command that writes
 * the project takes `.l10n.lock` in its root first, and a second one waits for
 * the first, saying so. A lock whose process is gone (killed, crashed) is taken
 * over, saying whose it was (#24); renaming it away first means only one
 * waiting process can take it. A lock of another host (a shared folder) cannot
 * be checked from here: it is waited for, naming the host.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { unwritable } from './errors.js';
import { isAlive } from './process.js';

const LOCK_FILE = '.l10n.lock';

interface Holder {
  readonly pid: number;
  readonly command: string;
  readonly since: string;
  /** Absent in locks of earlier versions: those are taken as this host's. */
  readonly host?: string;
}

/** What the lock tells its caller: another command holds it (told once), or a dead one's lock was taken over. */
export interface LockNotice {
  readonly kind: 'waiting' | 'took-over';
  /** Who held it, for people: `l10n run (pid 4242 on build-1, since 2026-…)`. */
  readonly holder: string;
}

/** Runs `work` holding the project's lock; `notice` is told when another command holds it, or held it and died. */
export async function withProjectLock<T>(root: string, command: string, notice: (notice: LockNotice) => void, work: () => Promise<T>): Promise<T> {
  const file = path.join(root, LOCK_FILE);
  // No project folder: nothing to protect, and the command says what is missing.
  if (!(await acquire(file, command, notice))) return work();
  try {
    return await work();
  } finally {
    await release(file);
  }
}

async function acquire(file: string, command: string, notice: (notice: LockNotice) => void): Promise<boolean> {
  const here = hostname();
  const me: Holder = { pid: process.pid, command, since: new Date().toISOString(), host: here };
  let told = false;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${JSON.stringify(me)}\n`);
      await handle.close();
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return false;
      if (code !== 'EEXIST') throw unwritable(file, error);
    }
    const holder = await readHolder(file);
    if (holder === 'gone') continue;
    if (holder === undefined || ((holder.host === undefined || holder.host === here) && !isAlive(holder.pid))) {
      if (await takeOver(file)) {
        notice({ kind: 'took-over', holder: holder === undefined ? 'a process killed while it wrote the lock (the lock is unreadable)' : describe(holder) });
      }
      continue;
    }
    if (!told) notice({ kind: 'waiting', holder: describe(holder) });
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The holder, 'gone' when the lock went away meanwhile, undefined when it cannot be read (a half-written lock of a killed process). */
async function readHolder(file: string): Promise<Holder | 'gone' | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    // Written with the `wx` open and one write: half a lock is a holder killed mid-write, or one writing right now.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (await readFile(file, 'utf8').catch(() => '')) === text ? undefined : 'gone';
  }
}

function describe(holder: Holder): string {
  return `l10n ${holder.command} (pid ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}, since ${holder.since})`;
}

/** Whether this process took the stale lock away (another waiting one may have been first). */
async function takeOver(file: string): Promise<boolean> {
  const away = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, away);
  } catch {
    return false; // Another waiting process took it over first.
  }
  await rm(away, { force: true });
  return true;
}

async function release(file: string): Promise<void> {
  const holder = await readHolder(file);
  if (holder !== 'gone' && holder?.pid === process.pid) await rm(file, { force: true });
}
