/** What every bench row has, and the helpers rows share: `l10n` in a child process with its peak memory. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/l10n.js');

export interface Row {
  readonly stage: string;
  readonly ours: string;
  readonly baseline: string;
  readonly oursMs: number;
  readonly baselineMs: number;
  readonly throughput: string;
}

/** Peak resident memory of the child is printed by this preload when it exits. */
const PEAK_RSS = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS}\\n`))';

/** `l10n <args>` in `dir`: wall time and peak memory (MB). */
export function runL10n(dir: string, args: readonly string[] = ['run', '--quiet']): { ms: number; mb: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', PEAK_RSS, BIN, ...args], { cwd: dir, env: { ...process.env, DEEPL_AUTH_KEY: '' }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`l10n ${args.join(' ')} failed in ${dir}: ${result.stderr}`);
  const kb = Number(/peak-rss (\d+)/.exec(result.stderr)?.[1]);
  return { ms, mb: kb / 1024, stdout: result.stdout };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
