/**
 * An i18next namespace next to the seed article in `source/de/`, through every
 * stage with the local DeepL server: placeholders, nesting and Trans tags come
 * back in place, each locale gets its own plural keys, stock i18next reads the
 * result, and QA stops what would break an app.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import i18nextLib from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { startServer } from '../../src/serve/index.js';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const NAMESPACE = `{
  "nav": {
    "home": "Startseite",
    "search": "Suche nach „{{term}}“"
  },
  "article_one": "{{count}} Artikel gelesen",
  "article_other": "{{count}} Artikel gelesen",
  "updated": "Aktualisiert am {{date, datetime}}",
  "intro": "Lies <1>die ganze Geschichte</1> auf $t(nav.home).",
  "tags": ["Politik", "Wirtschaft"]
}
`;
const CODES = /\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+>/g;

describe('an i18next namespace in the source folder', () => {
  let server: FakeDeepL;
  let project: TempProject;
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const deepl = () => ({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url });

  beforeEach(async () => {
    server = await startFakeDeepL();
    project = await createTempProject();
    await writeFile(file('source/de/app.json'), NAMESPACE);
    await writeFile(file('l10n.config.json'), JSON.stringify({ targetLocales: ['es', 'pl', 'ja'], pseudoLocales: [] }));
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it('comes out in es, pl and ja with every code in place and each language its plural keys; a second run sends nothing', async () => {
    const first = await runCli(['run', '--json'], { cwd: project.dir, env: deepl() });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const source = JSON.parse(NAMESPACE);
    const codes = (value: unknown) => JSON.stringify(value).match(CODES)?.sort();
    for (const lang of ['es', 'pl', 'ja']) {
      const resources = JSON.parse(await readFile(file('locales', lang, 'app.json'), 'utf8'));
      expect(resources.nav.search, lang).toMatch(new RegExp(`^⟦${lang.toUpperCase()}⟧ .*\\{\\{term\\}\\}`));
      expect(codes(resources.intro), lang).toEqual(codes(source.intro));
      expect(codes(resources.updated), lang).toEqual(codes(source.updated));
      expect(resources.tags, lang).toHaveLength(2);
    }
    const plurals = async (lang: string) => Object.keys(JSON.parse(await readFile(file('locales', lang, 'app.json'), 'utf8'))).filter((key) => key.startsWith('article_'));
    expect(await plurals('pl')).toEqual(['article_one', 'article_few', 'article_many', 'article_other']);
    expect(await plurals('es')).toEqual(['article_one', 'article_many', 'article_other']);
    expect(await plurals('ja')).toEqual(['article_other']);
    // The German namespace is published as it is, for i18next's fallback.
    expect(await readFile(file('locales/de/app.json'), 'utf8')).toBe(NAMESPACE);
    const manifest = JSON.parse(await readFile(file('locales/index.json'), 'utf8'));
    expect(manifest.namespaces.app.published).toEqual(['de', 'es', 'pl', 'ja']);
    expect(Object.keys(manifest.documents)).toEqual(['usa-russland-is']);

    const instance = i18nextLib.createInstance();
    const polish = JSON.parse(await readFile(file('locales/pl/app.json'), 'utf8'));
    await instance.init({ lng: 'pl', resources: { pl: { translation: polish } }, interpolation: { escapeValue: false } });
    for (const count of [0, 1, 2, 5, 22]) expect(instance.t('article', { count })).toMatch(new RegExp(`^⟦PL⟧ ${count} Artikel`));

    // The server sends the namespace as published, for an app's own i18next.
    const served = await startServer({ localesDir: file('locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1' });
    try {
      for (const lang of ['pl', 'de']) {
        const response = await fetch(`${served.url}/locales/${lang}/app.json`);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe(await readFile(file('locales', lang, 'app.json'), 'utf8'));
      }
    } finally {
      await served.close();
    }

    const calls = server.calls.length;
    const second = await runCli(['run', '--json'], { cwd: project.dir, env: deepl() });
    expect(second.code).toBe(0);
    expect(server.calls.length).toBe(calls);
    expect(JSON.parse(second.stdout).ran).toBe(0);
  });

  it('withholds a namespace whose translation renamed a placeholder, dropped one, or left a plural form out', async () => {
    expect((await runCli(['run'], { cwd: project.dir, env: deepl() })).code).toBe(0);
    const xliff = file('locales/pl/app.xlf');
    let text = await readFile(xliff, 'utf8');
    // As a CAT tool saves it: the translator typed a placeholder over one code, deleted another, emptied a form.
    const unit = (id: string) => new RegExp(`(<trans-unit id="${id.replace('.', '\\.')}"[\\s\\S]*?<target[^>]*>)([\\s\\S]*?)(</target>)`);
    text = text.replace(unit('nav.search'), (_all, open: string, target: string, close: string) => `${open}${target.replace(/<ph id="1">\{\{term\}\}<\/ph>/, '{{begriff}}')}${close}`);
    text = text.replace(unit('updated'), (_all, open: string, target: string, close: string) => `${open}${target.replace(/<ph id="1">[^<]*<\/ph>/, 'wczoraj')}${close}`);
    expect(text).toContain('{{begriff}}');
    expect(text).toContain('wczoraj');
    text = text.replace(/(<trans-unit id="article_few"[\s\S]*?)<target[^>]*>[\s\S]*?<\/target>/, '$1<target state="needs-translation"/>');
    await writeFile(xliff, text);

    // Without a key nothing refills the form: QA sees the file as the translator left it.
    const run = await runCli(['run', '--json'], { cwd: project.dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(file('reports/qa.json'), 'utf8')) as { unit: string; check: string; severity: string; message: string }[];
    const errors = report.filter((finding) => finding.severity === 'error' && finding.unit !== undefined);
    expect(errors).toEqual(
      expect.arrayContaining([
        // A code lost is a `codes` finding, as `check FILE` reports it; a placeholder typed as text is one the source lacks (#26).
        expect.objectContaining({ unit: 'nav.search', check: 'codes', message: expect.stringMatching(/missing: "\{\{term\}\}"/) }),
        expect.objectContaining({ unit: 'nav.search', check: 'placeholders', message: expect.stringMatching(/not in the source: \{\{begriff\}\}/) }),
        expect.objectContaining({ unit: 'updated', check: 'codes', message: expect.stringMatching(/missing: "\{\{date, datetime\}\}"/) }),
        expect.objectContaining({ unit: 'article_few', check: 'plurals', message: expect.stringMatching(/"few" of "article" is missing/) }),
      ]),
    );
    const pl = JSON.parse(run.stdout).locales.find((locale: { locale: string }) => locale.locale === 'pl');
    expect(pl.withheld.app).toMatch(/QA error/);
    await expect(readFile(file('locales/pl/app.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
