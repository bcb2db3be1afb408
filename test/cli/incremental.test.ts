/**
 * `l10n run` does only what changed since the last run: a pair whose source,
 * XLIFF, settings, published files and (while untranslated) memory are as
 * recorded is skipped without its XLIFF being read, and whatever a run skips,
 * its outputs are those a run from scratch would write.
 */
import { cp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const SEED = 'usa-russland-is';
const LOCALES = ['en', 'fr', 'es', 'it', 'pl', 'ja', 'en-XA'];

/** Two more articles; the third shares a sentence with the seed. */
const SECOND = 'Berlin (dpa) - Der Bundestag hat am Donnerstag über den Haushalt beraten.\n\nDie Debatte dauerte 6 Stunden.\n';
const THIRD = 'Kerry reist weiter\n\nAm Sonntag wird Kerry in Berlin erwartet. Danach fliegt er nach Paris.\n';

interface Summary {
  readonly ran: number;
  readonly skipped: number;
  readonly removed: readonly { document: string; removed: string[]; kept: string[] }[];
  readonly locales: readonly { locale: string; fromMemory: number; untranslated: number }[];
}

async function run(dir: string): Promise<Summary> {
  const result = await runCli(['run', '--json'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Summary;
}

async function explain(dir: string): Promise<{ document: string; locale: string; action: string; why: string }[]> {
  const result = await runCli(['run', '--explain', '--json'], { cwd: dir });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).pairs;
}

const running = (pairs: Awaited<ReturnType<typeof explain>>) => pairs.filter((pair) => pair.action === 'run');

describe('l10n run skips what is unchanged', () => {
  let project: TempProject;
  const file = (...parts: string[]) => path.join(project.dir, ...parts);

  beforeEach(async () => {
    project = await createTempProject();
    await writeFile(file('source/de/zweiter.txt'), SECOND);
    await writeFile(file('source/de/dritter.txt'), THIRD);
    const first = await run(project.dir);
    expect(first.ran).toBe(21);
  });
  afterEach(() => project.remove());

  it('runs no pair again, reads no XLIFF and writes nothing when nothing changed', async () => {
    // Touched but unchanged: read once, to see that, and not again.
    const xliff = file('locales/es/zweiter.xlf');
    const time = new Date('2026-01-02T03:04:05Z');
    await utimes(xliff, time, time);
    expect(running(await explain(project.dir))).toEqual([]);
    expect(await run(project.dir)).toMatchObject({ ran: 0, skipped: 21 });
    // Now damage it without changing its size or time: a run that parsed it would fail.
    await writeFile(xliff, (await readFile(xliff, 'utf8')).replace('<xliff ', '<xlifx '));
    await utimes(xliff, time, time);
    const before = await snapshotTree(project.dir);

    expect(running(await explain(project.dir))).toEqual([]);
    const second = await run(project.dir);
    expect(second).toMatchObject({ ran: 0, skipped: 21, removed: [] });
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('runs only the pairs of an edited document, and leaves what a run from scratch would', async () => {
    await writeFile(file('source/de/zweiter.txt'), SECOND.replace('6 Stunden', 'sieben Stunden'));
    const plan = running(await explain(project.dir));
    expect(plan.map((pair) => `${pair.document}/${pair.locale}`)).toEqual(LOCALES.map((lang) => `zweiter/${lang}`));
    expect(new Set(plan.map((pair) => pair.why))).toEqual(new Set(['source changed']));
    const others = await snapshotTree(file('locales/fr'));

    expect(await run(project.dir)).toMatchObject({ ran: 7, skipped: 14 });
    expect(await readFile(file('locales/en-XA/zweiter.txt'), 'utf8')).toMatch(/Debatte [^\d]+ Stunden/);
    const after = await snapshotTree(file('locales/fr'));
    for (const [name, entry] of others) if (!name.startsWith('zweiter')) expect(after.get(name), name).toEqual(entry);

    // The same project without the record of earlier runs: every pair runs, and writes the same files.
    const scratch = `${project.dir}-scratch`;
    await cp(project.dir, scratch, { recursive: true });
    try {
      await rm(path.join(scratch, 'cache/runs.json'));
      expect((await run(scratch)).ran).toBe(21);
      for (const folder of ['locales', 'memory']) {
        // The memory's database is the store's own (git-ignored); its readable copies are compared.
        const bytes = async (dir: string) =>
          new Map([...(await snapshotTree(path.join(dir, folder)))].filter(([name]) => !name.includes('.sqlite')).map(([name, entry]) => [name, entry.bytes]));
        expect(await bytes(scratch), folder).toEqual(await bytes(project.dir));
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it("takes up a translator's edit to the project's XLIFF", async () => {
    const xliff = file('locales/en', `${SEED}.xlf`);
    await writeFile(xliff, (await readFile(xliff, 'utf8')).replace('>Kerry is expected in Berlin on Sunday.</target>', '>Kerry is due in Berlin on Sunday.</target>'));
    expect(running(await explain(project.dir))).toEqual([{ document: SEED, locale: 'en', action: 'run', why: 'XLIFF changed since the last run' }]);
    // The edit changes the memory: the third article, which has the sentence and untranslated ones, is checked against it.
    expect(await run(project.dir)).toMatchObject({ ran: 2 });
    expect(await readFile(file('locales/en', `${SEED}.txt`), 'utf8')).toContain('Kerry is due in Berlin on Sunday.');
  });

  it('fills a skipped document from a translation approved in another', async () => {
    const xliff = file('locales/es', `${SEED}.xlf`);
    const approved = '<target state="final">El domingo se espera a Kerry en Berlín.</target>';
    const edited = (await readFile(xliff, 'utf8')).replace(
      /(<source>Am Sonntag wird Kerry in Berlin erwartet\.<\/source>\s*)<target state="needs-translation"\/>/,
      `$1${approved}`,
    );
    expect(edited).toContain(approved);
    await writeFile(xliff, edited);

    const second = await run(project.dir);
    // The seed's XLIFF changed; the third article was unchanged, but the memory now fills one of its sentences.
    expect(second.ran).toBe(2);
    expect(await readFile(file('locales/es/dritter.xlf'), 'utf8')).toContain('El domingo se espera a Kerry en Berlín.');
    expect(second.locales.find((locale) => locale.locale === 'es')?.fromMemory).toBe(2);
    expect((await run(project.dir)).ran).toBe(0);
  });

  it("removes a deleted document's outputs, says so, and keeps an XLIFF a translator changed since", async () => {
    await rm(file('source/de/dritter.txt'));
    const fr = file('locales/fr/dritter.xlf');
    await writeFile(fr, (await readFile(fr, 'utf8')).replace('Danach fliegt er nach Paris.</source>', 'Danach fliegt er nach Paris.</source><!-- in review -->'));

    const text = await runCli(['run'], { cwd: project.dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/dritter: source deleted; removed \d+ file\(s\), kept locales\/fr\/dritter\.xlf \(translated by people, or edited since the last run\)/);
    const left = [...(await snapshotTree(file('locales'))).keys()].filter((name) => name.includes('dritter'));
    expect(left).toEqual([path.join('fr', 'dritter.xlf')]);
    const manifest = JSON.parse(await readFile(file('locales/index.json'), 'utf8'));
    expect(Object.keys(manifest.documents).sort()).toEqual([SEED, 'zweiter']);
    expect((await run(project.dir)).removed).toEqual([]);
  });

  it("keeps the XLIFF of a deleted document where people translated it", async () => {
    await rm(file('source/de', `${SEED}.txt`));
    const result = await run(project.dir);
    expect(result.removed).toHaveLength(1);
    expect([...result.removed[0]!.kept].sort()).toEqual([`locales/en/${SEED}.xlf`, `locales/fr/${SEED}.xlf`]);
    // Machine output and empty files go; nothing is published for the document any more.
    const left = [...(await snapshotTree(file('locales'))).keys()].filter((name) => name.includes(SEED)).sort();
    expect(left).toEqual([path.join('en', `${SEED}.xlf`), path.join('fr', `${SEED}.xlf`)]);
  });

  it('writes a deleted output again', async () => {
    const pseudo = file('locales/en-XA/zweiter.txt');
    const before = await readFile(pseudo, 'utf8');
    await rm(pseudo);
    expect(running(await explain(project.dir))).toEqual([{ document: 'zweiter', locale: 'en-XA', action: 'run', why: 'published txt missing' }]);
    await run(project.dir);
    expect(await readFile(pseudo, 'utf8')).toBe(before);
  });

  it('runs every pair when the config changes', async () => {
    const config = JSON.parse(await readFile(file('l10n.config.json'), 'utf8'));
    await writeFile(file('l10n.config.json'), JSON.stringify({ ...config, merge: { formats: ['txt', 'html'] } }));
    const plan = await explain(project.dir);
    expect(running(plan)).toHaveLength(21);
    expect(plan[0]!.why).toMatch(/settings changed/);
    expect((await run(project.dir)).ran).toBe(21);
    expect(await readFile(file('locales/en', `${SEED}.html`), 'utf8')).toContain('<html lang="en"');
  });
});
