/**
 * How `l10n run` uses DeepL: context, the machine translation cache, the cap on
 * requests in flight, faults the API throws, and a run killed mid-way.
 */
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { BIN, cleanEnv, runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';

describe('DeepL in a run', () => {
  let server: FakeDeepL;
  let project: TempProject;
  const env = () => ({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url });
  const config = (deepl: object) => writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ deepl }));

  beforeEach(async () => {
    server = await startFakeDeepL();
    project = await createTempProject();
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it('sends the surrounding article as context, free of charge', async () => {
    expect((await runCli(['run'], { cwd: project.dir, env: env() })).code).toBe(0);
    const call = server.calls[0]!;
    expect(call.context).toContain('Tags zuvor hatten bereits die Verteidigungsminister');
    expect(call.context!.length).toBeLessThanOrEqual(4000);
    const billed = server.calls.reduce((sum, c) => sum + c.texts.reduce((n, t) => n + [...t].length, 0), 0);
    expect(server.billed).toBe(billed);
  });

  it('takes a deleted machine translation back from the cache instead of paying again', async () => {
    await runCli(['run'], { cwd: project.dir, env: env() });
    const billed = server.billed;
    const spanish = path.join(project.dir, 'locales/es', `${DOC}.xlf`);
    const before = await readFile(spanish, 'utf8');
    await rm(spanish);
    const again = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(again.code).toBe(0);
    expect(server.billed).toBe(billed);
    expect(await readFile(spanish, 'utf8')).toBe(before);
    const es = JSON.parse(again.stdout).locales.find((l: { locale: string }) => l.locale === 'es');
    expect(es).toMatchObject({ machineTranslated: 26, charactersSent: 0 });
  });

  it('keeps no more requests in flight than deepl.concurrency allows, across locales', async () => {
    await config({ concurrency: 2 });
    server.options = { latencyMs: 150 };
    expect((await runCli(['run'], { cwd: project.dir, env: env() })).code).toBe(0);
    expect(server.calls).toHaveLength(4);
    expect(server.maxInFlight).toBe(2);
  });

  it('retries a server error (503) and a request that hangs, then finishes', async () => {
    await config({ timeoutMs: 500, attempts: 3 });
    server.options = { serverErrors: 1, hangs: 1 };
    const result = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).locales.every((l: { untranslated: number }) => l.untranslated === 0)).toBe(true);
  });

  it('gives up after the configured attempts with a message to run again', async () => {
    await config({ attempts: 2 });
    server.options = { serverErrors: 10, serverErrorStatus: 502 };
    const result = await runCli(['run'], { cwd: project.dir, env: env() });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('l10n: DeepL answered with a server error (HTTP 502) after every attempt (temporary: run again later to resume)\n');
  });

  it('#11 never echoes what the server sent back: a body quoting the key stays off stderr', async () => {
    await config({ attempts: 1 });
    server.options = { serverErrors: 10, serverErrorStatus: 500, echoAuthorization: true };
    const result = await runCli(['run'], { cwd: project.dir, env: env() });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('l10n: DeepL answered with a server error (HTTP 500) after every attempt (temporary: run again later to resume)\n');
    expect(`${result.stdout}${result.stderr}`).not.toContain(env().DEEPL_AUTH_KEY);
  });

  it('splits a long document into requests of at most 50 sentences', async () => {
    const sentences = Array.from({ length: 120 }, (_, i) => `Satz Nummer ${i + 1} steht hier.`).join(' ');
    await writeFile(path.join(project.dir, 'source/de/lang.txt'), sentences);
    await config({ concurrency: 1 });
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ targetLocales: ['es'], pseudoLocales: [] }));
    expect((await runCli(['run'], { cwd: project.dir, env: env() })).code).toBe(0);
    const forLong = server.calls.filter((call) => call.texts.some((text) => text.startsWith('Satz Nummer')));
    expect(forLong.map((call) => call.texts.length)).toEqual([50, 50, 20]);
  });

  it('resumes a run killed with SIGKILL: sends only what was not saved, ends with the same files', async () => {
    // The same project translated without interruption, for comparison.
    const reference = await createTempProject();
    try {
      await config({ concurrency: 1 });
      await writeFile(path.join(reference.dir, 'l10n.config.json'), JSON.stringify({ deepl: { concurrency: 1 } }));
      expect((await runCli(['run'], { cwd: reference.dir, env: env() })).code).toBe(0);
      const referenceCalls = server.calls.length;

      server.options = { latencyMs: 300 };
      const child = spawn(process.execPath, [BIN, 'run', '--quiet'], { cwd: project.dir, env: cleanEnv(env()), stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // What a run has saved: machine targets already in the XLIFF.
      const savedNow = async () => {
        const saved = new Set<string>();
        for (const lang of ['es', 'it', 'pl', 'ja']) {
          const xliff = await readFile(path.join(project.dir, 'locales', lang, `${DOC}.xlf`), 'utf8').catch(() => '');
          for (const match of xliff.matchAll(/<source>([^<]*)<\/source>\s*<target state="needs-review-translation"/g)) saved.add(`${lang}:${match[1]}`);
        }
        return saved;
      };
      // Kill once a batch is on disk and another request has gone out: on a loaded machine the
      // save can lag the server's answer, so wait for the file, not for the request count.
      while (server.calls.length < referenceCalls + 2 || (await savedNow()).size === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGKILL');
      await exited;
      const saved = await savedNow();
      expect(saved.size).toBeGreaterThan(0);

      server.options = {};
      const firstNew = server.calls.length;
      expect((await runCli(['run'], { cwd: project.dir, env: env() })).code).toBe(0);
      const resent = server.calls.slice(firstNew).flatMap((call) =>
        call.texts.map((text) => `${call.targetLang.toLowerCase().replace('en-gb', 'en')}:${text.replace(/&/g, '&amp;')}`),
      );
      expect(resent.filter((text) => saved.has(text))).toEqual([]);

      const files = async (dir: string) => {
        const tree = await snapshotTree(path.join(dir, 'locales'));
        return new Map([...tree].map(([name, file]) => [name, file.bytes]));
      };
      expect(await files(project.dir)).toEqual(await files(reference.dir));
    } finally {
      await reference.remove();
    }
  });
});
