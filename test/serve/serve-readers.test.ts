/**
 * What readers and caches get from the server, over real sockets: the notice
 * for a language not published yet in the reader's own language (wording from
 * `src/serve/notices.json`, language names from CLDR), the index page's
 * heading in the reader's language with `Vary: Accept-Language`, `Vary`
 * headers without empty members, and a 404 that is a page for a browser and
 * JSON for an API client.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import NOTICES from '../../src/serve/notices.json' with { type: 'json' };
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, REPO_ROOT, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';
const APP = 'http://app.example.test';

describe('the server as readers and caches see it', () => {
  let project: TempProject;
  let server: RunningServer;

  beforeAll(async () => {
    project = await createTempProject();
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    server = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1', cors: [APP] });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await project?.remove();
  });

  const get = (url: string, headers: Record<string, string> = {}) => fetch(`${server.url}${url}`, { headers });

  it.each([
    ['pt-BR,pt;q=0.9', 'pt', 'Este artigo ainda não está disponível em português.'],
    ['nl', 'nl', 'Dit artikel is nog niet beschikbaar in het Nederlands.'],
    ['es-MX', 'es', 'Este artículo aún no está disponible en español.'],
    // No wording for Swedish: the English line, the language still named by CLDR.
    ['sv-SE', 'en', 'This article is not yet available in Swedish.'],
  ])('a reader of %s gets the notice in their language where the project has its wording', async (accept, lang, text) => {
    const page = await (await get(`/articles/${DOC}`, { 'accept-language': accept })).text();
    expect(page).toContain(`<p class="notice" role="status" lang="${lang}">${text}</p>`);
  });

  it('has the notice and the heading worded for every language the project serves', async () => {
    const config = JSON.parse(await readFile(path.join(REPO_ROOT, 'l10n.config.json'), 'utf8')) as { sourceLanguage: string; targetLocales: string[] };
    for (const lng of [config.sourceLanguage, ...config.targetLocales]) {
      expect(NOTICES.notYetAvailable, lng).toHaveProperty(lng);
      expect(NOTICES.articles, lng).toHaveProperty(lng);
    }
    for (const line of Object.values(NOTICES.notYetAvailable)) expect(line).toContain('{language}');
  });

  it.each([
    ['ja,en;q=0.5', 'ja', '記事'],
    ['es-ES', 'es', 'Artículos'],
    ['pt-PT', 'pt', 'Artigos'],
    ['sv', 'en', 'Articles'],
  ])('/ for a reader of %s: the heading in their language, and caches told it depends on Accept-Language', async (accept, lang, heading) => {
    const response = await get('/', { 'accept-language': accept });
    expect(response.headers.get('vary')).toMatch(/\bAccept-Language\b/);
    const page = await response.text();
    expect(page).toContain(`<h1 lang="${lang}">${heading}</h1>`);
    expect(page).toContain(`<title lang="${lang}">${heading}</title>`);
  });

  it('/ for a reader who names no language: the heading in the source language', async () => {
    expect(await (await get('/')).text()).toContain('<h1 lang="de">Artikel</h1>');
  });

  it('says Vary with no empty member where CORS already said Origin', async () => {
    for (const url of [`/locales/en/${DOC}.json`, `/articles/${DOC}`, `/api/articles/${DOC}`]) {
      const vary = (await get(url, { origin: APP, 'accept-encoding': 'gzip' })).headers.get('vary') ?? '';
      const members = vary.split(',').map((member) => member.trim());
      expect(members, `${url}: ${vary}`).not.toContain('');
      expect(members, url).toEqual(expect.arrayContaining(['Origin', 'Accept-Encoding']));
    }
  });

  it('answers an unknown article with an HTML page for a browser and JSON for an API client', async () => {
    const browser = await get('/articles/nope', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
    expect(browser.status).toBe(404);
    expect(browser.headers.get('content-type')).toMatch(/^text\/html/);
    expect(browser.headers.get('vary')).toMatch(/\bAccept\b/);
    const page = await browser.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('no article &quot;nope&quot;');
    expect(page).toContain('<a href="/">');
    for (const accept of ['*/*', 'application/json']) {
      const api = await get('/articles/nope', { accept });
      expect(api.status).toBe(404);
      expect(await api.json()).toEqual({ error: 'no article "nope"' });
    }
    // A browser's address that names nothing at all gets the page too.
    expect((await get('/no/such/page', { accept: 'text/html' })).headers.get('content-type')).toMatch(/^text\/html/);
  });
});
