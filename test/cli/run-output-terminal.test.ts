/**
 * `l10n run` at a terminal (#24): one progress bar for the whole run, none
 * without a terminal, and Ctrl-C that gives the terminal back as it was, says
 * what was kept, exits 130, and leaves a project the next run completes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { createLargeProject, runOnTerminal, type TerminalRun } from '../helpers/run-output-project.js';
import type { TempProject } from '../helpers/temp-project.js';

const DOCUMENTS = 200;
/** `cache/runs.json`: per document, the pairs recorded as done. */
type RecordFile = { docs: Record<string, { pairs: Record<string, unknown> }> };
const FRAME = /([a-z]+(?: \d+\/\d+)?) +\[[^\]]*\] (\d+)\/(\d+) pairs done \| ([^|]+) \| ETA ([^|]+) \| ([^\x1b\r\n]*)/g;
const HIDE_CURSOR = '\x1b[?25l';
const NO_WRAP = '\x1b[?7l';
const SHOW_CURSOR = '\x1b[?25h';
const WRAP = '\x1b[?7h';

describe('l10n run at a terminal, interrupted with Ctrl-C', () => {
  let project: TempProject;
  let slow: FakeDeepL;
  let fast: FakeDeepL;
  let terminal: TerminalRun;
  let code: number | null;
  let resumed: CliResult;
  let recordAfterInterrupt: RecordFile | undefined;
  beforeAll(async () => {
    // A slow DeepL: the run is still translating when Ctrl-C comes.
    slow = await startFakeDeepL({ latencyMs: 400 });
    fast = await startFakeDeepL();
    project = await createLargeProject(DOCUMENTS, (config) => ({ ...config, targetLocales: ['es'], pseudoLocales: [] }));
    terminal = runOnTerminal(['run'], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: slow.url } });
    const someDone = (output: string) => [...output.matchAll(FRAME)].some((frame) => Number(frame[2]) >= 3 && /\d/.test(frame[5]!));
    await Promise.race([terminal.waitFor(someDone), terminal.exited]);
    terminal.interrupt();
    code = await terminal.exited;
    terminal.child.stdin.end();
    recordAfterInterrupt = await readFile(path.join(project.dir, 'cache/runs.json'), 'utf8').then((text) => JSON.parse(text) as RecordFile, () => undefined);
    resumed = await runCli(['run', '--json'], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: fast.url } });
  }, 600_000);
  afterAll(async () => {
    await slow.close();
    await fast.close();
    await project.remove();
  });

  it('draws one bar: phase, finished pairs that only grow, rate, ETA and the current pair', () => {
    const frames = [...terminal.output().matchAll(FRAME)];
    expect(frames.length).toBeGreaterThan(1);
    const counts = frames.map((frame) => Number(frame[2]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(frames.map((frame) => frame[3]))).toEqual(new Set([String(DOCUMENTS)]));
    // Loading, then translating: never a label per stage of each pair, flipping back and forth.
    const phases = frames.map((frame) => frame[1]!.replace(/ .*/, ''));
    expect(phases.slice(phases.indexOf('translating'))).not.toContain('loading');
    expect(new Set(phases)).toEqual(new Set(['loading', 'translating']));
    const last = frames.at(-1)!;
    expect(last[4]).toMatch(/^\d+\.\d pairs\/s$/);
    expect(last[5]).toMatch(/^(\d+s|\d+m\d\ds|\d+h\d\dm)$/);
    expect(last[6]).toMatch(/^(usa-russland-is|meldung-\d{3}) → es/);
  });

  it('gives the terminal back: every code the bar wrote is undone after its last frame', () => {
    const output = terminal.output();
    expect(output).toContain(HIDE_CURSOR);
    expect(output).toContain(NO_WRAP);
    const after = output.slice(output.lastIndexOf('pairs done'));
    expect(after).toContain(SHOW_CURSOR);
    expect(after).toContain(WRAP);
    expect(after.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(after.lastIndexOf(HIDE_CURSOR));
    expect(after.lastIndexOf(WRAP)).toBeGreaterThan(after.lastIndexOf(NO_WRAP));
  });

  it('says what was kept and how to resume, and exits 130', () => {
    expect(code).toBe(130);
    expect(terminal.output()).toMatch(/l10n: interrupted\. Kept: \d+ of 200 document-locale pair\(s\) finished and saved \(XLIFF, published files\); translations already received for the others are saved in their XLIFF\./);
    expect(terminal.output()).toContain('To resume, run `l10n run` again');
  });

  it('writes the record of the pairs it finished, so the next run skips them (#24)', () => {
    const finished = Number(/Kept: (\d+) of 200/.exec(terminal.output())![1]);
    expect(finished).toBeGreaterThanOrEqual(3);
    expect(recordAfterInterrupt).toBeDefined();
    const recorded = Object.values(recordAfterInterrupt!.docs).filter((doc) => doc.pairs['es'] !== undefined).length;
    expect(recorded).toBe(finished);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ skipped: finished, ran: DOCUMENTS - finished });
  });

  it('a second run completes the rest, without a bar where there is no terminal', () => {
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toBe('');
    const summary = JSON.parse(resumed.stdout);
    expect(summary.locales).toEqual([expect.objectContaining({ locale: 'es', segments: DOCUMENTS * 26, untranslated: 0 })]);
    // What the interrupted run received is not sent again: only requests still in flight at Ctrl-C
    // (at most 2 of 50 texts, deepl.concurrency) are sent twice.
    const texts = (server: FakeDeepL) => server.calls.reduce((n, call) => n + call.texts.length, 0);
    expect(texts(fast)).toBeLessThan(DOCUMENTS * 26);
    expect(texts(slow) + texts(fast)).toBeLessThanOrEqual(DOCUMENTS * 26 + 2 * 50);
  });
});
