/**
 * The web side in headless Chromium (Debian's, driven by playwright-core): an
 * app on another origin loading our resources with i18next-http-backend; the
 * review page taking the seed article's Spanish from empty to published; two
 * reviewers on one sentence; tokens refused; axe-core on the pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { loadProject } from '../../src/project.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { validateSchema } from '../../src/xliff/schema.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, REPO_ROOT, type TempProject } from '../helpers/temp-project.js';

const CHROMIUM = '/usr/bin/chromium';
const DOC = 'usa-russland-is';
const TOKEN = 'review-token-for-tests';
const available = existsSync(CHROMIUM) || process.env['CI'] !== undefined;

/** Serious and critical axe-core violations on the page, as "rule: target" lines. */
async function accessibility(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const result = (await page.evaluate('axe.run()')) as axe.AxeResults;
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

describe.runIf(available)('the web side in Chromium', () => {
  let project: TempProject;
  let server: RunningServer;
  let app: Server;
  let appUrl: string;
  let browser: Browser;
  const spanish = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/es-review.json'), 'utf8')) as Record<string, string>;

  beforeAll(async () => {
    project = await createTempProject();
    const config = JSON.parse(await readFile(path.join(project.dir, 'l10n.config.json'), 'utf8'));
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ ...config, targetLocales: ['en', 'fr', 'es'] }));
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    // An app on another origin: a page that loads i18next and its HTTP backend from this server's own files.
    app = createServer((request, response) => {
      const files: Record<string, string> = {
        '/i18next.js': path.join(REPO_ROOT, 'node_modules/i18next/dist/umd/i18next.min.js'),
        '/backend.js': path.join(REPO_ROOT, 'node_modules/i18next-http-backend/i18nextHttpBackend.min.js'),
      };
      if (files[request.url!]) {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(files[request.url!]!));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="fr"><head><title>App</title><script src="/i18next.js"></script><script src="/backend.js"></script></head><body><h1 id="headline">…</h1><script>
        const api = new URL(location.href).searchParams.get('api');
        i18next.use(i18nextHttpBackend).init({ lng: 'fr', fallbackLng: 'de', ns: ['${DOC}'], defaultNS: '${DOC}', backend: { loadPath: api + '/locales/{{lng}}/{{ns}}.json' } })
          .then(() => { document.getElementById('headline').textContent = i18next.t('blocks.p1'); document.body.dataset.ready = 'yes'; });
      </script></body></html>`);
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    server = await startServer({
      localesDir: path.join(project.dir, 'locales'),
      sourceLanguage: 'de' as Lang,
      port: 0,
      host: '127.0.0.1',
      cors: [appUrl],
      review: { token: TOKEN, open: () => loadProject({ root: project.dir }) },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    app?.close();
    await project?.remove();
  });

  it('an app on another origin loads our resources with i18next-http-backend', async () => {
    const page = await browser.newPage();
    await page.goto(`${appUrl}/?api=${encodeURIComponent(server.url)}`);
    await page.waitForSelector('body[data-ready="yes"]');
    expect(await page.textContent('#headline')).toBe('Les États-Unis et la Russie se rapprochent dans la lutte contre l’EI');
    await page.close();
  });

  it('refuses a wrong or missing token', async () => {
    expect((await fetch(`${server.url}/api/review/es/${DOC}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/review/es/${DOC}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const page = await browser.newPage();
    await page.goto(`${server.url}/review/es/${DOC}`);
    await page.fill('#token', 'wrong');
    await page.click('#login button');
    await page.waitForFunction("document.getElementById('status').textContent === 'That token is not accepted'");
    expect(await page.locator('textarea').count()).toBe(0);
    await page.close();
  });

  it('answers what it cannot do with the status that says why', async () => {
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const api = `${server.url}/api/review`;
    const put = (url: string, body: unknown, extra: Record<string, string> = { 'if-match': 'empty' }) => fetch(url, { method: 'PUT', headers: { ...headers, ...extra }, body: JSON.stringify(body) });
    expect((await fetch(`${api}/es/no-such-doc`, { headers })).status).toBe(404);
    expect((await fetch(`${api}/xx/${DOC}`, { headers })).status).toBe(404);
    const { units } = (await (await fetch(`${api}/es/${DOC}`, { headers })).json()) as { units: { id: string }[] };
    expect((await put(`${api}/es/${DOC}/units/s-nothere`, { text: 'x', approve: false })).status).toBe(404);
    expect((await put(`${api}/es/${DOC}/units/${units[0]!.id}`, { text: 42, approve: false })).status).toBe(400);
    expect((await put(`${api}/es/${DOC}/units/${units[0]!.id}`, { text: 'x', approve: false }, {})).status).toBe(428);
    expect((await put(`${api}/es/${DOC}/units/${units[0]!.id}`, { text: 'x', approve: false }, { 'if-match': 'empty', origin: 'http://evil.example.test' })).status).toBe(403);
    // None of these changed the file.
    expect(await readFile(path.join(project.dir, 'locales/es', `${DOC}.xlf`), 'utf8')).not.toContain('<target state="translated">x</target>');
  });

  it('saves a sentence and shows it after a reload; the page has no serious accessibility problem', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/review/es/${DOC}#token=${TOKEN}`);
    const first = page.locator('textarea').first();
    await first.waitFor();
    expect(page.url()).not.toContain(TOKEN);
    await first.fill('EE. UU. y Rusia se acercan en la lucha contra el EI');
    await first.press('Control+Enter');
    await page.waitForFunction("document.getElementById('status').textContent === 'Saved'");
    await page.reload();
    await page.locator('textarea').first().waitFor();
    expect(await page.locator('textarea').first().inputValue()).toBe('EE. UU. y Rusia se acercan en la lucha contra el EI');
    expect(await page.locator('.unit .meta').first().textContent()).toBe('State: translated · Origin: human');
    expect(await accessibility(page)).toEqual([]);
    // The README's picture of the page is this screenshot (docs/review-page.png, copied from a run).
    const shot = await page.screenshot({ path: path.join(project.dir, 'review-page.png') });
    expect(shot.length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('two reviewers on one sentence: the later save is refused and both texts are shown', async () => {
    const [a, b] = [await browser.newPage(), await browser.newPage()];
    for (const page of [a, b]) {
      await page.goto(`${server.url}/review/es/${DOC}#token=${TOKEN}`);
      await page.locator('textarea').nth(1).waitFor();
    }
    await a.locator('textarea').nth(1).fill('Versión de Ana.');
    await a.locator('textarea').nth(1).press('Control+Enter');
    await a.waitForFunction("document.getElementById('status').textContent === 'Saved'");
    await b.locator('textarea').nth(1).fill('Versión de Bea.');
    await b.locator('textarea').nth(1).press('Control+Enter');
    await b.waitForSelector('.conflict');
    expect(await b.textContent('.conflict .theirs')).toBe('Versión de Ana.');
    expect(await b.textContent('.conflict .yours')).toBe('Versión de Bea.');
    // Bea keeps her own, knowingly: saved over Ana's.
    await b.click('.conflict button:has-text("Save mine over theirs")');
    await b.waitForFunction("document.getElementById('status').textContent === 'Saved'");
    await a.reload();
    await a.locator('textarea').nth(1).waitFor();
    expect(await a.locator('textarea').nth(1).inputValue()).toBe('Versión de Bea.');
    await Promise.all([a.close(), b.close()]);
  });

  it('takes the Spanish article from empty to published, sentence by sentence, with the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/review/es/${DOC}#token=${TOKEN}`);
    await page.locator('textarea').first().waitFor();
    const sources = await page.locator('.source').allTextContents();
    await page.locator('textarea').first().focus();
    for (const [index, source] of sources.entries()) {
      const text = spanish[source]!;
      expect(text, source).toBeDefined();
      const area = page.locator('textarea').nth(index);
      await area.fill(text);
      await area.press('Control+Shift+Enter');
      await page.waitForFunction(`document.getElementById('progress-text').textContent.startsWith('${index + 1} of')`);
    }
    expect(await page.textContent('#progress-text')).toBe(`${sources.length} of ${sources.length} sentences approved`);
    expect(await page.textContent('#published')).toBe('· published');
    expect(await page.textContent('#locale-progress')).toBe(`All es documents: ${sources.length} of ${sources.length} sentences approved, 1 of 1 documents published`);
    const manifest = JSON.parse(await readFile(path.join(project.dir, 'locales/index.json'), 'utf8'));
    expect(manifest.documents[DOC].published).toContain('es');
    const memory = JSON.parse(await readFile(path.join(project.dir, 'memory/es.json'), 'utf8')) as { source: string; state: string }[];
    expect(memory).toHaveLength(sources.length);
    expect(memory.every((entry) => entry.state === 'reviewed')).toBe(true);
    // The server picks the new article up without a restart.
    await expect.poll(async () => (await fetch(`${server.url}/api/articles/${DOC}?lng=es`)).headers.get('content-language'), { timeout: 5000 }).toBe('es');
    await page.close();

    // The file is the XLIFF a CAT tool reads: valid, every unit in OmegaT, and importing it back changes nothing.
    const xliff = path.join(project.dir, 'locales/es', `${DOC}.xlf`);
    const text = await readFile(xliff, 'utf8');
    expect(await validateSchema(text, '1.2-strict')).toEqual([]);
    expect(text.match(/<trans-unit /g)).toHaveLength(sources.length);
    expect(text.match(/state="signed-off"/g)).toHaveLength(sources.length);
    const returned = path.join(project.dir, 'returned-es.xlf');
    await copyFile(xliff, returned);
    const imported = await runCli(['import', returned], { cwd: project.dir });
    expect(imported.stdout).toMatch(new RegExp(`returned-es.xlf\\s+es\\s+0\\s+${sources.length}\\s`));
    expect(await readFile(xliff, 'utf8')).toBe(text);
    const omegat = path.join(project.dir, 'omegat-es');
    for (const folder of ['source', 'target', 'tm', 'omegat', 'glossary']) await mkdir(path.join(omegat, folder), { recursive: true });
    await copyFile(xliff, path.join(omegat, 'source', `${DOC}.xlf`));
    await writeFile(
      path.join(omegat, 'omegat.project'),
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<omegat><project version="1.0"><source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir><glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir><source_lang>DE</source_lang><target_lang>ES</target_lang><sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations><remove_tags>false</remove_tags></project></omegat>\n',
    );
    const opened = spawnSync('java', ['-Djava.awt.headless=true', '-jar', '/usr/share/omegat/OmegaT.jar', omegat, '--mode=console-translate'], { encoding: 'utf8', timeout: 120_000 });
    expect(opened.status, opened.stderr).toBe(0);
    // OmegaT's statistics of the project it loaded: one segment per unit of the file.
    const report = await readFile(path.join(omegat, 'omegat/project_stats.txt'), 'utf8');
    expect(report).toMatch(new RegExp(`\\n${DOC}\\.xlf\\s+${sources.length}\\s`));
  });

  it('lists every document and locale to review, with its progress, to a reviewer with the token only', async () => {
    const page = await browser.newPage();
    // Without the token the page shows nothing of the project: it asks for the token.
    await page.goto(`${server.url}/review`);
    await page.locator('#token').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(0);
    expect(await page.content()).not.toContain(DOC);
    await page.goto(`${server.url}/review#token=${TOKEN}`);
    await page.locator('tbody tr').first().waitFor();
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows).toContain(`${DOC}es26 of 26`);
    expect(rows.some((row) => row.startsWith(`${DOC}en`))).toBe(true);
    expect(await accessibility(page)).toEqual([]);
    await page.click(`a[href="/review/es/${DOC}"]`);
    await page.waitForURL(new RegExp(`/review/es/${DOC}$`));
    await page.close();
  });

  it('the article page and the index have no serious accessibility problem', async () => {
    const page = await browser.newPage({ locale: 'ja' });
    for (const url of [`${server.url}/articles/${DOC}`, `${server.url}/`]) {
      await page.goto(url);
      expect(await accessibility(page), url).toEqual([]);
    }
    await page.close();
  });
});
