/** #11: two commands on one project at once: the second waits, nothing is billed twice, the files are one run's. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { BIN, cleanEnv, runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

describe('#11 the project lock', () => {
  let server: FakeDeepL;
  const projects: TempProject[] = [];
  const project = async () => {
    const created = await createTempProject({ bare: true });
    projects.push(created);
    return created;
  };
  const env = () => ({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url });
  // The memory's database is binary and dated; its readable copies in memory/ are compared.
  const contents = async (dir: string) =>
    new Map(
      [...(await snapshotTree(dir))]
        .filter(([name]) => (name.startsWith('locales') || name.startsWith('memory')) && !name.includes('.sqlite'))
        .map(([name, { bytes }]) => [name, bytes]),
    );

  beforeEach(async () => {
    server = await startFakeDeepL({ latencyMs: 40 });
  });
  afterEach(async () => {
    await server.close();
    for (const created of projects.splice(0)) await created.remove();
  });

  it('two l10n run at once bill what one run bills and leave the files one run leaves', async () => {
    const reference = await project();
    expect((await runCli(['run', '--quiet'], { cwd: reference.dir, env: env() })).code).toBe(0);
    const once = server.billed;
    expect(once).toBeGreaterThan(0);

    const both = await project();
    const [first, second] = await Promise.all([
      runCli(['run', '--quiet'], { cwd: both.dir, env: env() }),
      runCli(['run', '--quiet'], { cwd: both.dir, env: env() }),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(server.billed - once).toBe(once);
    expect(`${first.stderr}${second.stderr}`).toMatch(/^l10n: warning: waiting for l10n run \(pid \d+ on [^,]+, since .*\) to finish$/m);
    expect(await contents(both.dir)).toEqual(await contents(reference.dir));
  });

  it('a lock left by a killed process is taken over, saying whose it was (#24)', async () => {
    const dir = (await project()).dir;
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    await writeFile(path.join(dir, '.l10n.lock'), JSON.stringify({ pid: Number(dead), command: 'run', since: '2026-01-01T00:00:00Z', host: hostname() }));
    const result = await runCli(['run', '--quiet'], { cwd: dir, env: env() });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`l10n: warning: took over the project lock of l10n run (pid ${dead} on ${hostname()}, since 2026-01-01T00:00:00Z): that process is gone\n`);
    await expect(readFile(path.join(dir, '.l10n.lock'))).rejects.toThrow(/ENOENT/);
  });

  it('a lock of another host is waited for, naming the host, not taken over (#24)', async () => {
    const dir = (await project()).dir;
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const lock = path.join(dir, '.l10n.lock');
    await writeFile(lock, JSON.stringify({ pid: Number(dead), command: 'run', since: '2026-01-01T00:00:00Z', host: 'build-elsewhere' }));
    const child = spawn(process.execPath, [BIN, 'merge', '--quiet'], { cwd: dir, env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const waiting = new Promise<void>((resolve) => child.stderr.setEncoding('utf8').on('data', (chunk: string) => ((stderr += chunk), stderr.includes('\n') && resolve())));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Its pid is not alive here, but it may be there: the lock stays, and the command waits, until that host's run releases it.
    await Promise.race([waiting, exited]);
    expect(stderr).toBe(`l10n: warning: waiting for l10n run (pid ${dead} on build-elsewhere, since 2026-01-01T00:00:00Z) to finish\n`);
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ host: 'build-elsewhere' });
    await rm(lock);
    expect(await exited).toBe(0);
  });

  it('temp files of a writer killed between writing and renaming are removed by the next command', async () => {
    const dir = (await project()).dir;
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    await mkdir(path.join(dir, 'locales/es'), { recursive: true });
    const left = path.join(dir, `locales/es/usa-russland-is.xlf.tmp-${dead}-0123abcd`);
    const live = path.join(dir, `locales/es/usa-russland-is.xlf.tmp-${process.pid}-0123abcd`);
    await writeFile(left, '<half');
    await writeFile(live, '<being written');
    expect((await runCli(['merge', '--quiet'], { cwd: dir })).code).toBe(0);
    await expect(readFile(left)).rejects.toThrow(/ENOENT/);
    expect(await readFile(live, 'utf8')).toBe('<being written');
  });

  it('a half-written lock (killed while writing it) is taken over', async () => {
    const dir = (await project()).dir;
    await writeFile(path.join(dir, '.l10n.lock'), '{"pid":');
    const result = await runCli(['merge', '--quiet'], { cwd: dir });
    expect(result.code).toBe(0);
  });
});
