/**
 * The server as an app and a reader meet it, over real sockets: CORS for the
 * configured origins only, compressed bodies with an ETag per encoding,
 * Cache-Control, the index of articles, pseudo-locales kept out of view, the
 * notice for a language not published yet, and the reader's choice kept.
 */
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';
const APP = 'http://app.example.test:5173';

/** node:http, so the request carries exactly the headers given (fetch adds its own) and bodies stay as sent. */
function raw(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serving for apps and readers', () => {
  let project: TempProject;
  let server: RunningServer;
  let pseudo: RunningServer;
  beforeAll(async () => {
    project = await createTempProject();
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    const base = { localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1' };
    server = await startServer({ ...base, cors: [APP], review: { token: 'secret-token', open: async () => { throw new Error('not used'); } } });
    pseudo = await startServer({ ...base, pseudo: true });
  });
  afterAll(async () => {
    await server.close();
    await pseudo.close();
    await project.remove();
  });

  it('answers a preflight from a configured origin, and gives a foreign one nothing', async () => {
    const preflight = await raw(`${server.url}/locales/en/${DOC}.json`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(APP);
    expect(preflight.headers['access-control-allow-methods']).toMatch(/GET/);
    const allowed = await raw(`${server.url}/locales/en/${DOC}.json`, { headers: { origin: APP } });
    expect(allowed.headers['access-control-allow-origin']).toBe(APP);
    expect(allowed.headers['vary']).toMatch(/Origin/);
    const foreign = await raw(`${server.url}/locales/en/${DOC}.json`, { headers: { origin: 'http://evil.example.test' } });
    expect(foreign.status).toBe(200);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    // The review API is never opened to other origins.
    const review = await raw(`${server.url}/api/review/es/${DOC}`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'PUT' } });
    expect(review.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends brotli or gzip as asked, each with its own ETag, and 304 for the one the client has', async () => {
    const url = `${server.url}/api/articles/${DOC}?lng=en`;
    const plain = await raw(url);
    const br = await raw(url, { headers: { 'accept-encoding': 'gzip, br' } });
    const gzip = await raw(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    expect(gunzipSync(gzip.body)).toEqual(plain.body);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(3);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/);
    expect((await raw(url, { headers: { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) } })).status).toBe(304);
    expect((await raw(url, { headers: { 'if-none-match': String(br.headers.etag) } })).status).toBe(200);
    // Lists made per request are compressed too.
    expect((await raw(`${server.url}/api/articles`, { headers: { 'accept-encoding': 'br' } })).headers['content-type']).toMatch(/json/);
  });

  it('says how long things may be kept: resources for a while, articles revalidated, review never', async () => {
    expect((await raw(`${server.url}/locales/en/${DOC}.json`)).headers['cache-control']).toBe('public, max-age=300');
    expect((await raw(`${server.url}/api/articles/${DOC}`)).headers['cache-control']).toBe('no-cache');
    expect((await raw(`${server.url}/api/review/en/${DOC}`)).headers['cache-control']).toBe('no-store');
  });

  it('lists the articles on / and tells an i18next client what exists', async () => {
    const index = await raw(`${server.url}/`, { headers: { 'accept-language': 'fr' } });
    expect(index.status).toBe(200);
    const html = index.body.toString();
    expect(html).toMatch(/<html lang="fr">/);
    expect(html).toContain('<h2>Français</h2>');
    expect(html).toContain(`<a href="/articles/${DOC}?lng=fr" hreflang="fr">Les États-Unis et la Russie se rapprochent dans la lutte contre l’EI</a>`);
    expect(html.indexOf('Français')).toBeLessThan(html.indexOf('Deutsch'));
    const info = JSON.parse((await raw(`${server.url}/locales/index.json`)).body.toString());
    expect(info).toEqual({ fallbackLng: 'de', languages: ['de', 'en', 'fr'], namespaces: [DOC], loadPath: '/locales/{{lng}}/{{ns}}.json' });
  });

  it('keeps pseudo-locales out of every list and switcher unless told to serve them', async () => {
    const page = (await raw(`${server.url}/articles/${DOC}?lng=en`)).body.toString();
    expect(page).not.toContain('en-XA');
    expect(JSON.parse((await raw(`${server.url}/api/articles`)).body.toString())[0].published).toEqual(['de', 'en', 'fr']);
    expect((await raw(`${server.url}/locales/en-XA/${DOC}.json`)).status).toBe(404);
    // A reader asking for the pseudo-locale gets its language, not the pseudo-locale.
    expect((await raw(`${server.url}/api/articles/${DOC}?lng=en-XA`)).headers['content-language']).toBe('en');
    expect((await raw(`${pseudo.url}/locales/en-XA/${DOC}.json`)).status).toBe(200);
    expect((await raw(`${pseudo.url}/articles/${DOC}?lng=en`)).body.toString()).toContain('hreflang="en-XA"');
  });

  it.each([
    [{ 'accept-language': 'ja' }, 'de', 'ja', 'この記事は日本語ではまだご覧いただけません。'],
    [{ 'accept-language': 'es-ES, fr;q=0.5' }, 'fr', 'es', 'Este artículo aún no está disponible en español.'],
    [{ 'accept-language': 'ko, en;q=0.2' }, 'en', 'en', 'This article is not yet available in Korean.'],
  ])('tells a reader whose language is not published, in their language: %o', async (headers, served, noticeLang, notice) => {
    const response = await raw(`${server.url}/articles/${DOC}`, { headers });
    expect(response.headers['content-language']).toBe(served);
    expect(response.body.toString()).toContain(`<p class="notice" role="status" lang="${noticeLang}">${notice}</p>`);
  });

  it('shows no notice to a reader who gets their language', async () => {
    expect((await raw(`${server.url}/articles/${DOC}`, { headers: { 'accept-language': 'fr-CH, fr;q=0.9' } })).body.toString()).not.toContain('class="notice"');
    expect((await raw(`${server.url}/articles/${DOC}?lng=ja`)).body.toString()).toContain('lang="ja">この記事は日本語ではまだご覧いただけません。');
  });

  it("keeps a reader's choice in a cookie, ahead of the browser's language", async () => {
    const chosen = await raw(`${server.url}/articles/${DOC}?lng=fr`, { headers: { 'accept-language': 'en' } });
    const cookie = String(chosen.headers['set-cookie']);
    expect(cookie).toMatch(/^lng=fr; Path=\/; Expires=[^;]+ GMT; SameSite=Lax$/);
    const later = await raw(`${server.url}/articles/${DOC}`, { headers: { 'accept-language': 'en', cookie: cookie.split(';')[0]! } });
    expect(later.headers['content-language']).toBe('fr');
    expect(later.headers['set-cookie']).toBeUndefined();
  });
});
