/**
 * #26: one reading of a unit's text for every command. `run`, `check FILE`,
 * `accept` and the review page read a sentence with its inline codes as
 * placeholders: what is inside a Markdown link's URL and `#anchor`, a code
 * span or an HTML attribute is markup, never a finding; and an acceptance
 * given on a unit with codes holds in the next run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

// Figures, German quotation marks and German words inside codes (attributes that are markup, not text: a
// `title` is a sentence of its own): each read as text made a finding in `run` only.
const MARKDOWN = `# Hilfe

Die Anleitung steht auf [unserer Seite](https://beispiel.de/hilfe/erste-schritte-2.0#netzwerk-1.500-einrichten) für alle Nutzer.

Der Server antwortet unter \`192.0.2.172\` auf jede Anfrage.

Bis zu 3 Personen lesen [die Anleitung](https://beispiel.de/a#b) gleichzeitig.
`;
const HTML = `<!doctype html><html lang="de"><head><title>Hilfe</title></head><body>
<p>Lesen Sie <a href="/hilfe/anmeldung#schritt-2" data-tracking="Seit 2019: „Anmeldung“ für 1.500 Mitglieder" class="link-intern">die Anleitung</a> vor dem Start.</p>
<p>Unser Büro ist <span data-info="Öffnungszeiten 8.30 bis 17 Uhr">montags</span> geöffnet.</p>
</body></html>
`;

interface Finding {
  readonly file?: string;
  readonly unit: string;
  readonly check: string;
  readonly severity: string;
  readonly accepted?: boolean;
}

describe('#26 one reading of a unit’s text in run, check FILE and accept', () => {
  let server: FakeDeepL;
  let project: TempProject;
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const env = () => ({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url });
  const report = async () => JSON.parse(await readFile(file('reports/qa.json'), 'utf8')) as Finding[];
  const checkFile = async (name: string) => {
    const result = await runCli(['check', name, '--json'], { cwd: project.dir, env: env() });
    return JSON.parse(result.stdout) as Finding[];
  };

  beforeEach(async () => {
    // The engine gets one figure wrong where a link is in the sentence: a real finding on a unit with codes.
    server = await startFakeDeepL({ rewrite: (text) => text.replace('Bis zu 3 Personen', 'Bis zu 4 Personen') });
    project = await createTempProject({ bare: true });
    await writeFile(file('source/de/hilfe.md'), MARKDOWN);
    await writeFile(file('source/de/seite.html'), HTML);
    await writeFile(file('l10n.config.json'), JSON.stringify({ targetLocales: ['en', 'pl'], pseudoLocales: [] }));
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it('finds nothing inside a link URL, an #anchor, a code span or an HTML attribute: run and check FILE agree, and the page is published', async () => {
    const run = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(run.code).toBe(0);
    const inRun = (await report()).filter((finding) => finding.severity === 'error');
    // The one error is the engine's wrong figure, in the Markdown file, in both locales; the HTML page has none.
    expect(inRun.map(({ file: name, check }) => ({ file: name, check }))).toEqual([
      { file: 'locales/en/hilfe.xlf', check: 'numbers' },
      { file: 'locales/pl/hilfe.xlf', check: 'numbers' },
    ]);
    const summary = JSON.parse(run.stdout) as { locales: { locale: string; published: string[] }[] };
    for (const locale of summary.locales) expect(locale.published, locale.locale).toContain('seite');
    for (const lang of ['en', 'pl']) {
      for (const doc of ['hilfe', 'seite']) {
        const name = `locales/${lang}/${doc}.xlf`;
        const errors = (await checkFile(name)).filter((finding) => finding.severity === 'error');
        expect(errors.map(({ unit, check }) => ({ unit, check })), name).toEqual(
          inRun.filter((finding) => finding.file === name).map(({ unit, check }) => ({ unit, check })),
        );
      }
    }
  }, 180_000);

  it('an acceptance given with `l10n accept` on a unit with a link holds in the next run, which publishes the page', async () => {
    expect((await runCli(['run'], { cwd: project.dir, env: env() })).code).toBe(0);
    const [finding] = (await report()).filter((found) => found.file === 'locales/en/hilfe.xlf');
    expect(finding).toMatchObject({ check: 'numbers', severity: 'error' });
    const xliff = file('locales/en/hilfe.xlf');
    expect(await readFile(xliff, 'utf8')).toMatch(new RegExp(`<trans-unit id="${finding!.unit}"[^>]*>\\s*<source>Bis zu 3 Personen lesen <bpt id="1">`));

    const accepted = await runCli(['accept', 'locales/en/hilfe.xlf', '--unit', finding!.unit, '--check', 'numbers', '--note', 'four, as the client asked'], { cwd: project.dir, env: env() });
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect((await checkFile('locales/en/hilfe.xlf')).filter((found) => found.check === 'numbers')).toEqual([expect.objectContaining({ unit: finding!.unit, accepted: true })]);

    const again = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(again.code).toBe(0);
    expect((await report()).filter((found) => found.file === 'locales/en/hilfe.xlf')).toEqual([expect.objectContaining({ unit: finding!.unit, check: 'numbers', accepted: true })]);
    expect(await readFile(xliff, 'utf8')).toMatch(/QA accepted \(numbers\) [0-9a-f]{16}: four, as the client asked/);
    const en = (JSON.parse(again.stdout) as { locales: { locale: string; published: string[] }[] }).locales.find((locale) => locale.locale === 'en')!;
    expect(en.published).toContain('hilfe');
    expect(await readFile(file('locales/en/hilfe.md'), 'utf8')).toContain('(https://beispiel.de/a#b)');
    // A run after that keeps it too: the note is written back as it was read.
    expect((await runCli(['run'], { cwd: project.dir, env: env() })).code).toBe(0);
    expect((await report()).filter((found) => found.file === 'locales/en/hilfe.xlf')).toEqual([expect.objectContaining({ accepted: true })]);
  }, 180_000);
});
