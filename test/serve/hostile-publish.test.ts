/**
 * #22 no script in a published page: hostile translations of an HTML article
 * brought in all four ways (the engine, an imported XLIFF, a TMX and the
 * review API) are published in `locales/<lng>/<doc>.html`, and headless
 * Chromium (Debian's, driven by playwright-core; scripts/install-chromium.sh)
 * opens each page: no script runs, no attribute is broken open, and the
 * hostile text is there for a reader to see, as text.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { loadProject } from '../../src/project.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) || process.env['CI'] !== undefined;
const DOC = 'seite';
const TOKEN = 'review-token-for-hostile-tests';

const PAGE = `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Haushalt &amp; Steuern</title>
<meta name="description" content="Der Bundestag berät den Haushalt."></head>
<body>
<h1>Haushalt &amp; Steuern</h1>
<p>Der Bundestag berät den <b>Haushalt</b> am Donnerstag.</p>
<p><img alt='Das Logo des Bundestages' src="logo.png"></p>
<p><img alt=Facebook src=fb.png></p>
</body>
</html>
`;

/**
 * What each way in appends to every translation: an attribute with a handler
 * (for the unquoted `alt=Facebook`), an SVG with one, and a `'` that closes
 * the single-quoted `alt`. No digits, brackets or `"` and no tag QA reads as
 * one (`<svg/…>` has no space): QA is not a security boundary, so the writer
 * must hold where QA finds nothing.
 */
const hostile = (way: string) =>
  ` onerror=document.documentElement.dataset.${way}=location.protocol <svg/onload=document.documentElement.dataset.${way}=location.protocol> ' onerror='document.documentElement.dataset.${way}=location.protocol' x='`;
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Which locale each way fills. */
const WAYS = { engine: 'en', xliff: 'fr', tmx: 'es', review: 'it' } as const;

describe.runIf(available)('#22 hostile translations publish no script (Chromium)', () => {
  let project: TempProject;
  let deepl: FakeDeepL;
  let server: RunningServer | undefined;
  let browser: Browser;
  const file = (...parts: string[]) => path.join(project.dir, ...parts);

  beforeAll(async () => {
    project = await createTempProject({ bare: true });
    await rm(file('source/de/usa-russland-is.txt'));
    await writeFile(file('source/de', `${DOC}.html`), PAGE);
    const config = JSON.parse(await readFile(file('l10n.config.json'), 'utf8'));
    await writeFile(file('l10n.config.json'), JSON.stringify({ ...config, targetLocales: Object.values(WAYS), pseudoLocales: [] }));
    // The engine: DeepL answers English with the hostile text appended (as XML where it was asked for XML).
    deepl = await startFakeDeepL({ rewrite: (text, target, tags) => (target.startsWith('EN') ? text + (tags === 'xml' ? escapeXml(hostile('engine')) : hostile('engine')) : text) });
    const env = { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: deepl.url };

    // A TMX: Spanish for the sentences without markup, before the run fills the rest from the engine.
    const tu = (de: string, es: string) => `<tu><tuv xml:lang="de"><seg>${escapeXml(de)}</seg></tuv><tuv xml:lang="es"><seg>${escapeXml(es)}</seg></tuv></tu>`;
    const sentences = ['Haushalt & Steuern', 'Das Logo des Bundestages', 'Facebook', 'Der Bundestag berät den Haushalt.'];
    await writeFile(
      file('hostile.tmx'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="de" datatype="plaintext"/><body>${sentences.map((de) => tu(de, `ES ${de}${hostile('tmx')}`)).join('')}</body></tmx>\n`,
    );
    const tm = await runCli(['tm', 'import', 'hostile.tmx'], { cwd: project.dir, env });
    expect(tm.code, tm.stderr).toBe(0);
    const run = await runCli(['run'], { cwd: project.dir, env });
    expect(run.code, run.stderr).toBe(0);

    // An XLIFF a translator sends back: every French target with the hostile text appended.
    const xlf = file('locales/fr', `${DOC}.xlf`);
    const french = await readFile(xlf, 'utf8');
    expect(french).toContain('</target>');
    await writeFile(xlf, french.replace(/<\/target>/g, `${escapeXml(hostile('xliff'))}</target>`));
    const imported = await runCli(['import', xlf], { cwd: project.dir, env });
    expect(imported.code, imported.stderr).toBe(0);
    const again = await runCli(['run'], { cwd: project.dir, env });
    expect(again.code, again.stderr).toBe(0);

    // The review API: every Italian unit saved, approved, with the hostile text appended.
    server = await startServer({
      localesDir: file('locales'),
      sourceLanguage: 'de' as Lang,
      port: 0,
      host: '127.0.0.1',
      review: { token: TOKEN, open: () => loadProject({ root: project.dir }) },
    });
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const api = `${server.url}/api/review/${WAYS.review}/${DOC}`;
    const { units } = (await (await fetch(api, { headers })).json()) as { units: { id: string; target: string | null; version: string }[] };
    expect(units.length).toBeGreaterThan(3);
    for (const unit of units) {
      const saved = await fetch(`${api}/units/${unit.id}`, {
        method: 'PUT',
        headers: { ...headers, 'if-match': unit.version },
        body: JSON.stringify({ text: `${unit.target}${hostile('review')}`, approve: true }),
      });
      expect(saved.status, await saved.text()).toBe(200);
    }

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await deepl?.close();
    await project?.remove();
  });

  it.each(Object.entries(WAYS))('a translation from %s (%s) runs no script and breaks no attribute in the published page', async (way, lang) => {
    const published = file('locales', lang, `${DOC}.html`);
    expect(existsSync(published), `${published} is published`).toBe(true);
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(published).href, { waitUntil: 'load' });
    // Evaluated in the page (a string: this project's TypeScript has no DOM types).
    const seen = (await page.evaluate(`({
      pwned: Object.keys(document.documentElement.dataset),
      svg: document.querySelectorAll('svg').length,
      images: [...document.querySelectorAll('img')].map((img) => ({ attributes: img.getAttributeNames().sort(), alt: img.getAttribute('alt') })),
      headline: document.querySelector('h1')?.textContent ?? '',
      bold: [...document.querySelectorAll('b')].map((b) => b.textContent),
      description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    })`)) as { pwned: string[]; svg: number; images: { attributes: string[]; alt: string | null }[]; headline: string; bold: string[]; description: string };
    await context.close();
    expect(dialogs).toEqual([]);
    expect(seen.pwned).toEqual([]);
    expect(seen.svg).toBe(0);
    // The source's two images with the source's two attributes, each alt the translation as a reader sees it.
    expect(seen.images.map((image) => image.attributes)).toEqual([['alt', 'src'], ['alt', 'src']]);
    for (const image of seen.images) expect(image.alt).toContain(hostile(way).trim());
    expect(seen.headline).toContain(hostile(way).trim());
    expect(seen.description).toContain(hostile(way).trim());
    expect(seen.bold).toHaveLength(1);
  });
});
