/**
 * #24: `npx l10n` in a clone after `npm install` runs the linked command in place. npm 9+ `npx` installs a
 * folder whose own package.json `bin` names the command into its npx cache and runs `prepare` there
 * (41.7 s of tsc on the first call, and a call interrupted half-way broke `npx l10n` in that folder).
 */
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp-project.js';
import { cleanEnv, runProcess } from '../helpers/run-cli.js';

/** npx next to the node that runs the tests, so the test uses the npm that came with it. */
const NPX = existsSync(path.join(path.dirname(process.execPath), 'npx')) ? path.join(path.dirname(process.execPath), 'npx') : 'npx';

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) => runProcess(command, args, { cwd, env });

describe('#24 npx l10n in a fresh clone', () => {
  let clone: string;
  let cache: string;
  beforeAll(async () => {
    // A clone as `npm install` leaves it: the repository's package.json and bin/, the built CLI and the
    // installed dependencies (shared with this checkout, read only).
    clone = await mkdtemp(path.join(tmpdir(), 'l10n-npx-'));
    cache = await mkdtemp(path.join(tmpdir(), 'l10n-npm-cache-'));
    await cp(path.join(REPO_ROOT, 'package.json'), path.join(clone, 'package.json'));
    await cp(path.join(REPO_ROOT, 'bin'), path.join(clone, 'bin'), { recursive: true });
    await symlink(path.join(REPO_ROOT, 'dist'), path.join(clone, 'dist'), 'dir');
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    await rm(clone, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  it('answers --version without installing anything into the npx cache', async () => {
    const env = cleanEnv({ npm_config_cache: cache, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_yes: 'false' });
    const result = await run(NPX, ['l10n', '--version'], clone, env);
    expect(result.stderr).not.toMatch(/will be installed|npm error/);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(result.code).toBe(0);
    // npx keeps what it installs in <cache>/_npx; nothing may be there.
    expect((await readdir(cache)).filter((name) => name === '_npx')).toEqual([]);
  });

  it('the linked command is the repository\'s bin/l10n.js', () => {
    expect(existsSync(path.join(REPO_ROOT, 'node_modules/.bin/l10n'))).toBe(true);
  });
});
