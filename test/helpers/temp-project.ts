/** A throw-away copy of the repository's project files (sources, config, shipped XLIFF) in a temp folder. */
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED = path.join(REPO_ROOT, 'source/de/usa-russland-is.txt');

export interface TempProject {
  readonly dir: string;
  remove(): Promise<void>;
}

/**
 * Copies `source/`, `l10n.config.json`, the names termbase and the shipped reviewed XLIFF (en, fr)
 * into a fresh folder. With `bare`, only the sources: nothing translated yet.
 */
export async function createTempProject(options: { bare?: boolean } = {}): Promise<TempProject> {
  const dir = await mkdtemp(path.join(tmpdir(), 'l10n-test-'));
  await cp(path.join(REPO_ROOT, 'source'), path.join(dir, 'source'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'l10n.config.json'), path.join(dir, 'l10n.config.json'));
  await cp(path.join(REPO_ROOT, 'terms'), path.join(dir, 'terms'), { recursive: true });
  if (!options.bare) {
    for (const lang of ['en', 'fr']) {
      await cp(path.join(REPO_ROOT, 'locales', lang, 'usa-russland-is.xlf'), path.join(dir, 'locales', lang, 'usa-russland-is.xlf'));
    }
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file below `dir` with its bytes and mtime, to prove that a command wrote nothing. */
export async function snapshotTree(dir: string): Promise<Map<string, { bytes: string; mtimeMs: number }>> {
  const result = new Map<string, { bytes: string; mtimeMs: number }>();
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const file = path.join(dir, name);
    const info = await stat(file);
    if (info.isFile()) result.set(name, { bytes: (await readFile(file)).toString('base64'), mtimeMs: info.mtimeMs });
  }
  return result;
}
