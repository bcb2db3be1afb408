/**
 * A project of many documents, made offline from the repository's own article:
 * each copy gets its own headline (so its first sentence is new to the memory)
 * and keeps the rest, as a news site's follow-up articles do.
 * And `l10n` run in a pseudo-terminal, as a user at a terminal runs it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BIN, cleanEnv } from './run-cli.js';
import { createTempProject, SEED, type TempProject } from './temp-project.js';

/** `documents` articles: the seed (with its shipped English and French XLIFF) and `meldung-002` … copies. */
export async function createLargeProject(documents = 200, config?: (config: Record<string, unknown>) => Record<string, unknown>): Promise<TempProject> {
  const project = await createTempProject();
  const seed = await readFile(SEED, 'utf8');
  const body = seed.slice(seed.indexOf('\n'));
  for (let n = 2; n <= documents; n++) {
    const id = String(n).padStart(3, '0');
    await writeFile(path.join(project.dir, 'source/de', `meldung-${id}.txt`), `Meldung ${id}: USA und Russland rücken näher zueinander${body}`);
  }
  if (config) {
    const file = path.join(project.dir, 'l10n.config.json');
    await writeFile(file, JSON.stringify(config(JSON.parse(await readFile(file, 'utf8'))), null, 2));
  }
  return project;
}

export interface TerminalRun {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the terminal showed so far: stdout and stderr, escape codes included. */
  output(): string;
  /** Resolves when the terminal has shown text that `test` accepts. */
  waitFor(test: (output: string) => boolean): Promise<void>;
  /** Types Ctrl-C: the terminal sends SIGINT to the command, as a user's keyboard does. */
  interrupt(): void;
  readonly exited: Promise<number | null>;
}

/**
 * Runs `l10n args…` on a pseudo-terminal through util-linux `script`, so
 * stderr is a TTY (and the progress bar is drawn) as at a user's terminal.
 */
export function runOnTerminal(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): TerminalRun {
  const command = [process.execPath, BIN, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  // -q no banner, -f flush at once, -e exit with the command's code, -c the command; no typescript file.
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: options.cwd, env: { ...cleanEnv(options.env), TERM: 'xterm', COLUMNS: '200' }, stdio: 'pipe' });
  let output = '';
  const waiters: { test: (output: string) => boolean; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.test(output)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  // Ctrl-C typed after the command ended goes nowhere; the test then fails on what it shows, not on EPIPE.
  child.stdin.on('error', () => {});
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  return {
    child,
    output: () => output,
    waitFor: (test) => (test(output) ? Promise.resolve() : new Promise((resolve) => waiters.push({ test, resolve }))),
    interrupt: () => void child.stdin.write('\x03'),
    exited,
  };
}
