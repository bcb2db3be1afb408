/**
 * A Markdown article next to the seed in `source/de/`, through every stage
 * with the local DeepL server: its links, emphasis and code spans come back
 * in place in every locale, and everything that is not a sentence is left as
 * it was.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { startServer } from '../../src/serve/index.js';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const ARTICLE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../formats/fixtures/markdown/bundestag.md');
const PAGE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../formats/fixtures/bundestag.html');
/** Links, emphasis, code spans, breaks: what must come back byte for byte. */
const MARKUP = /\]\([^)]*\)|\*\*|(?<!\*)\*(?!\*)|`[^`]*`|<br>|<https?:[^>]*>|\]\[live\]/g;

describe('a Markdown article in the source folder', () => {
  let server: FakeDeepL;
  let project: TempProject;
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const deepl = () => ({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url });

  beforeEach(async () => {
    server = await startFakeDeepL();
    project = await createTempProject();
    await writeFile(file('source/de/bundestag.md'), await readFile(ARTICLE));
    await writeFile(file('source/de/plenum.html'), await readFile(PAGE));
    await writeFile(file('l10n.config.json'), JSON.stringify({ targetLocales: ['es', 'pl', 'ja'], pseudoLocales: [] }));
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it('comes out in es, pl and ja with every link, emphasis and code span in place; a second run sends nothing', async () => {
    const first = await runCli(['run', '--json'], { cwd: project.dir, env: deepl() });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const source = await readFile(ARTICLE, 'utf8');
    const markup = (text: string) => text.match(MARKUP)?.sort();
    for (const lang of ['es', 'pl', 'ja']) {
      const localised = await readFile(file('locales', lang, 'bundestag.md'), 'utf8');
      expect(markup(localised), lang).toEqual(markup(source));
      expect(localised, lang).toContain(`⟦${lang.toUpperCase()}⟧`);
      // What is not a sentence is as it was: front matter, code block, comment, image, definitions.
      for (const line of source.split('\n').filter((l) => /^(?:tags:|```|const |<!--|\[live\]:|\| --- )/.test(l))) expect(localised, lang).toContain(line);
      expect(localised, lang).toMatch(new RegExp(`!\\[⟦${lang.toUpperCase()}⟧ [^\\]]*\\]\\(https://example\\.org/plenum\\.jpg\\)`));
      // Front matter keys listed in the config are translated, in their YAML style.
      expect(localised, lang).toMatch(new RegExp(`^---\\ntitle: "?⟦${lang.toUpperCase()}⟧ [^\\n]*\\ndescription: "⟦${lang.toUpperCase()}⟧ [^\\n]*"\\n`));
      expect(localised.split('\n').length, lang).toBe(source.split('\n').length);
    }
    // The server shows the article rendered: links, emphasis and code spans as HTML, the translation's HTML escaped.
    const served = await startServer({ localesDir: file('locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1' });
    try {
      const page = await (await fetch(`${served.url}/articles/bundestag?lng=pl`)).text();
      expect(page).toContain('<a href="https://www.bundestag.de/debatte" title="Mediathek">');
      expect(page).toContain('<strong>');
      expect(page).toContain('<code>Etat 12</code>');
      expect(page).not.toContain('**');
      expect(page).toContain('&lt;br&gt;');
    } finally {
      await served.close();
    }

    const calls = server.calls.length;
    const second = await runCli(['run', '--json'], { cwd: project.dir, env: deepl() });
    expect(second.code).toBe(0);
    expect(server.calls.length).toBe(calls);
  });

  it('gives the HTML page in es, pl and ja with every tag in place, lang and dir set, and what is not text as it was', async () => {
    expect((await runCli(['run'], { cwd: project.dir, env: deepl() })).code).toBe(0);
    const source = await readFile(PAGE, 'utf8');
    // A link's title is text a reader sees, translated with the page (#26): compared by name.
    const tags = (text: string) => text.match(/<[^>]*>/g)!.filter((tag) => !/^<html|placeholder=|<meta name="description"|<img/.test(tag)).map((tag) => tag.replace(/ title="[^"]*"/, ' title'));
    for (const lang of ['es', 'pl', 'ja']) {
      const page = await readFile(file('locales', lang, 'plenum.html'), 'utf8');
      expect(tags(page), lang).toEqual(tags(source));
      expect(page, lang).toContain(`<html dir="ltr" lang="${lang}">`);
      expect(page, lang).toContain(`<title>⟦${lang.toUpperCase()}⟧ `);
      for (const kept of ['<code>§ 2 Abs. 1</code>', '<span translate="no">Deutsche Bahn</span>', '<pre>Tabelle 1: unverändert</pre>']) expect(page, lang).toContain(kept);
    }
  });

  it('withholds a translation that dropped a link, and says which code is missing', async () => {
    expect((await runCli(['run'], { cwd: project.dir, env: deepl() })).code).toBe(0);
    const xliff = file('locales/es/bundestag.xlf');
    const text = await readFile(xliff, 'utf8');
    // The translator deleted the link's codes in the target: the words stay, the link is gone.
    const edited = text.replace(/(<target[^>]*>[^<]*)<bpt id="1">\[<\/bpt>([^<]*)<ept id="1">\]\(https:\/\/www\.bundestag\.de\/debatte "Mediathek"\)<\/ept>/, '$1$2');
    expect(edited).not.toBe(text);
    await writeFile(xliff, edited);
    const run = await runCli(['run', '--json'], { cwd: project.dir });
    const report = JSON.parse(await readFile(file('reports/qa.json'), 'utf8')) as { file: string; check: string; message: string }[];
    expect(report).toContainEqual(expect.objectContaining({ file: 'locales/es/bundestag.xlf', check: 'codes', message: expect.stringContaining('"](https://www.bundestag.de/debatte \\"Mediathek\\")"') }));
    expect(JSON.parse(run.stdout).locales.find((l: { locale: string }) => l.locale === 'es').withheld.bundestag).toMatch(/QA error/);
  });
});
