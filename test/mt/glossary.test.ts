/** The termbase's names as a DeepL glossary, and QA on what the engine sends back. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';

describe('names reach DeepL as a glossary', () => {
  let server: FakeDeepL;
  let project: TempProject;
  const env = () => ({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url });

  beforeEach(async () => {
    server = await startFakeDeepL();
    project = await createTempProject();
    // The termbase under another name, as a project may keep it.
    await writeFile(path.join(project.dir, 'names.tbx'), await readFile(path.join(project.dir, 'terms/names.tbx')));
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ paths: { termbase: 'names.tbx' } }));
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it.each([404, 400])('#11 a server whose glossary endpoints answer %i still translates es, it, pl and ja, warning once', async (status) => {
    server.options = { glossaryStatus: status };
    const result = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^l10n: warning: the DeepL glossary of the termbase could not be used \\(DeepL refused the request \\(HTTP ${status}\\)\\): translating without it$`)),
    ]);
    const locales = JSON.parse(result.stdout).locales as { locale: string; untranslated: number; engine: string }[];
    for (const lang of ['es', 'it', 'pl', 'ja']) expect(locales.find((l) => l.locale === lang)).toMatchObject({ engine: 'deepl', untranslated: 0 });
    expect(server.calls.length).toBeGreaterThan(0);
    expect(server.calls.every((call) => call.glossaryId === undefined)).toBe(true);
  });

  it('creates one multilingual glossary from the termbase and sends it with every request', async () => {
    const result = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(result.code).toBe(0);
    expect(server.glossaries).toHaveLength(1);
    const [glossary] = server.glossaries;
    const es = glossary!.dictionaries.find((d) => d.target === 'es')!;
    expect(es.source).toBe('de');
    expect(es.entries.get('Moskau')).toBe('Moscú');
    expect(es.entries.has('Russlands')).toBe(false);
    expect(server.calls.every((call) => call.glossaryId === glossary!.id)).toBe(true);
    // Names come back in their Spanish form, so QA finds nothing.
    const spanish = await readFile(path.join(project.dir, 'locales/es', `${DOC}.txt`), 'utf8');
    expect(spanish).toContain('Moscú');
    expect(JSON.parse(result.stdout).locales.find((l: { locale: string }) => l.locale === 'es').qaErrors).toBe(0);
  });

  it('reuses the glossary on the next run, and makes a new one when the termbase changes', async () => {
    await runCli(['run'], { cwd: project.dir, env: env() });
    const source = path.join(project.dir, 'source/de', `${DOC}.txt`);
    await writeFile(source, `${await readFile(source, 'utf8')}\n\nMoskau schwieg.`);
    await runCli(['run'], { cwd: project.dir, env: env() });
    expect(server.glossaries).toHaveLength(1);

    const tbx = path.join(project.dir, 'names.tbx');
    await writeFile(tbx, (await readFile(tbx, 'utf8')).replace('<term>Moscú</term>', '<term>Moscova</term>'));
    await writeFile(source, `${await readFile(source, 'utf8')}\n\nMoskau schwieg wieder.`);
    await runCli(['run'], { cwd: project.dir, env: env() });
    expect(server.glossaries).toHaveLength(2);
    expect(server.glossaries[1]!.dictionaries.find((d) => d.target === 'es')!.entries.get('Moskau')).toBe('Moscova');
  });
});

describe('QA catches every mistake the engine makes', () => {
  let server: FakeDeepL;
  let project: TempProject;
  beforeEach(async () => {
    server = await startFakeDeepL({ mistakes: ['number', 'quote', 'name'] });
    project = await createTempProject();
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it('finds a changed number, a dropped quotation mark and a mangled name, and withholds the locale', async () => {
    const result = await runCli(['run'], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(path.join(project.dir, 'reports/qa.json'), 'utf8')) as { file: string; unit: string; check: string }[];
    const es = report.filter((finding) => finding.file === `locales/es/${DOC}.xlf`);
    // Sentence 24 has "56 syrische Soldaten" (number changed); 6 starts with „ (dropped); 3 names Kerry (mangled).
    const checksFor = (unit: string) => es.filter((finding) => finding.unit === unit).map((finding) => finding.check);
    expect(checksFor('s-492ef097ac')).toContain('numbers');
    expect(checksFor('s-ecd1ba670c')).toContain('quotes');
    expect(checksFor('s-6a63909661')).toContain('names');
    const manifest = JSON.parse(await readFile(path.join(project.dir, 'locales/index.json'), 'utf8'));
    expect(manifest.documents[DOC].withheld.es).toMatch(/QA error/);
  });
});
