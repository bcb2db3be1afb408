/**
 * #24: `npm test` on a machine without Chromium, translate-toolkit or OmegaT stops before the suite, naming
 * what is missing and the command that installs it, instead of skipping the browser tests and failing the
 * memory tests halfway.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp-project.js';

let bin: string;
beforeAll(async () => {
  // A PATH with the shell and the few utilities the script uses, and none of the tools.
  bin = await mkdtemp(path.join(tmpdir(), 'l10n-path-'));
  await chmod(bin, 0o755); // readable by the unprivileged user the script runs as below
  for (const tool of ['bash', 'dirname', 'id']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    await symlink(found, path.join(bin, tool));
  }
});
afterAll(() => rm(bin, { recursive: true, force: true }));

it('#24 npm test runs the tool check first', async () => {
  const scripts = (JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(scripts['pretest']).toMatch(/^bash scripts\/install-test-tools\.sh && /);
});

it('#24 without the tools (and not root), the check fails naming each tool and the scripts that install them', () => {
  const script = path.join(REPO_ROOT, 'scripts/install-test-tools.sh');
  const env = { PATH: bin, HOME: tmpdir() };
  // As root the script would install the tools (as CI does): run it as an unprivileged user instead.
  const runuser = spawnSync('bash', ['-c', 'command -v runuser'], { encoding: 'utf8' }).stdout.trim();
  const asUser = process.getuid?.() === 0 ? [runuser, ['-u', 'nobody', '--', path.join(bin, 'bash'), script]] as const : [path.join(bin, 'bash'), [script]] as const;
  const result = spawnSync(asUser[0], [...asUser[1]], { env, encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('Chromium (the browser tests)');
  expect(result.stderr).toContain('translate-toolkit (the memory tests)');
  expect(result.stderr).toContain('OmegaT (the memory tests)');
  expect(result.stderr).toContain('sudo bash scripts/install-chromium.sh && sudo bash scripts/install-cat-tools.sh');
});

it('#24 with the tools installed the check passes silently', () => {
  const result = spawnSync('bash', [path.join(REPO_ROOT, 'scripts/install-test-tools.sh')], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});
