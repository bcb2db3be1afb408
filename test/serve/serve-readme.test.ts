/**
 * What the README says about `translate --json`, `/health` and its examples'
 * files holds: the dry run prints JSON, every `--json` names the locale
 * `locale`, every field `/health` answers is documented, and every file an
 * example copies is in the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, REPO_ROOT, type TempProject } from '../helpers/temp-project.js';

const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

describe('the README on translate --json, /health and the files of its examples', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await createTempProject();
  });
  afterAll(async () => {
    await project?.remove();
  });

  it('translate --dry-run --json prints the plan as JSON, each locale as `locale`', async () => {
    const result = await runCli(['translate', '--dry-run', '--json'], { cwd: project.dir });
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as { dryRun: boolean; locales: Record<string, unknown>[] };
    expect(plan.dryRun).toBe(true);
    expect(plan.locales.map((entry) => entry['locale'])).toEqual(['en', 'fr', 'es', 'it', 'pl', 'ja', 'en-XA']);
    expect(plan.locales.find((entry) => entry['locale'] === 'es')).toMatchObject({ engine: 'none', leftUntranslated: 26 });
  });

  it('translate --json and run --json name the locale the same way', async () => {
    const translated = await runCli(['translate', '--json'], { cwd: project.dir });
    expect(translated.code, translated.stderr).toBe(0);
    const perLocale = JSON.parse(translated.stdout) as Record<string, unknown>[];
    const ran = await runCli(['run', '--json'], { cwd: project.dir });
    expect(ran.code, ran.stderr).toBe(0);
    const summary = JSON.parse(ran.stdout) as { locales: Record<string, unknown>[] };
    expect(perLocale.map((entry) => entry['locale'])).toEqual(summary.locales.map((entry) => entry['locale']));
    expect(perLocale.every((entry) => !('lang' in entry))).toBe(true);
  }, 60_000);

  it('documents every field /health answers', async () => {
    let server: RunningServer | undefined;
    try {
      server = await startServer({ localesDir: path.join(REPO_ROOT, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1' });
      const health = (await (await fetch(`${server.url}/health`)).json()) as Record<string, unknown>;
      const row = README.split('\n').find((line) => line.startsWith('| `GET /health`'));
      expect(row).toBeDefined();
      for (const field of Object.keys(health)) expect(row, field).toContain(`"${field}"`);
    } finally {
      await server?.close();
    }
  });

  it('copies only files the repository has in its examples', () => {
    const copied = [...README.matchAll(/^\$ cp (\S+) \S+$/gm)].map((match) => match[1]!);
    expect(copied.length).toBeGreaterThan(0);
    for (const file of copied) expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
  });
});
