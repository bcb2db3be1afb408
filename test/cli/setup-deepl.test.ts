/** #24: what a user is told about DeepL when adding a locale, and when DeepL cannot be reached. */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

let project: TempProject;
beforeEach(async () => {
  project = await createTempProject({ bare: true });
});
afterEach(() => project.remove());

it('#24 a new locale with no termbase entries: DeepL gets no glossary for it, and the run says so once', async () => {
  const server: FakeDeepL = await startFakeDeepL();
  try {
    // Two documents, so a notice per document would show twice.
    await writeFile(path.join(project.dir, 'source/de/wetter.txt'), 'Morgen regnet es in Moskau.\n\nAm Wochenende wird es in Berlin wärmer.\n');
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ targetLocales: ['es', 'nl'], pseudoLocales: [] }));
    const result = await runCli(['run', '--quiet', '--json'], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('l10n: warning: the termbase has no entries in nl: DeepL translates into nl without a glossary (add nl terms to the termbase to give it one)\n');
    const nl = server.calls.filter((call) => call.targetLang.toLowerCase() === 'nl');
    const es = server.calls.filter((call) => call.targetLang.toLowerCase() === 'es');
    expect(nl.length).toBeGreaterThan(0);
    expect(nl.every((call) => call.glossaryId === undefined)).toBe(true);
    expect(es.length > 0 && es.every((call) => call.glossaryId !== undefined)).toBe(true);
  } finally {
    await server.close();
  }
});

it('#24 DeepL unreachable names the address tried, never the key', async () => {
  // A port that was just free: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ targetLocales: ['es'], pseudoLocales: [], deepl: { attempts: 1 } }));
  const key = 'secret-key-1234:fx';
  const result = await runCli(['translate', '--quiet'], { cwd: project.dir, env: { DEEPL_AUTH_KEY: key, DEEPL_SERVER_URL: `http://127.0.0.1:${port}` } });
  expect(result.code).toBe(3);
  expect(result.stderr).toMatch(new RegExp(`^l10n: cannot reach DeepL at http://127\\.0\\.0\\.1:${port} \\(connection failed\\)`, 'm'));
  expect(result.stderr).not.toContain('secret-key');
});
