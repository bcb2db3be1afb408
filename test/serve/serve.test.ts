import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { BIN, cleanEnv, runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';

describe('l10n serve over real sockets', () => {
  let project: TempProject;
  let server: RunningServer;
  beforeAll(async () => {
    project = await createTempProject();
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    server = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    await project.remove();
  });

  const get = (url: string, headers: Record<string, string> = {}) => fetch(`${server.url}${url}`, { headers });

  it('answers /health', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', documents: 1 });
  });

  it('lists articles with the locales each is published in', async () => {
    const body = await (await get('/api/articles')).json();
    expect(body).toEqual([
      expect.objectContaining({ id: DOC, title: 'USA und Russland rücken im Kampf gegen IS näher zueinander', published: ['de', 'en', 'fr'] }),
    ]);
  });

  it.each([
    [{ query: '?lng=en' }, 'en', 'US and Russia move closer together in the fight against IS'],
    [{ header: 'fr-FR,fr;q=0.9,en;q=0.5' }, 'fr', 'Les États-Unis et la Russie se rapprochent dans la lutte contre l’EI'],
    [{ header: 'en-GB,en;q=0.9' }, 'en', 'US and Russia move closer together in the fight against IS'],
    [{ header: 'es, fr;q=0.8, en;q=0.5' }, 'fr', 'Les États-Unis et la Russie se rapprochent dans la lutte contre l’EI'],
    [{ header: 'fr;q=0.3, en;q=0.7' }, 'en', 'US and Russia move closer together in the fight against IS'],
    [{ header: 'es, it' }, 'de', 'USA und Russland rücken im Kampf gegen IS näher zueinander'],
    [{ cookie: 'lng=fr' }, 'fr', 'Les États-Unis et la Russie se rapprochent dans la lutte contre l’EI'],
    [{ query: '?lng=es' }, 'de', 'USA und Russland rücken im Kampf gegen IS näher zueinander'],
    [{ query: '?lng=xx-%3Cscript%3E' }, 'de', 'USA und Russland rücken im Kampf gegen IS näher zueinander'],
    [{}, 'de', 'USA und Russland rücken im Kampf gegen IS näher zueinander'],
  ])('serves the whole article in the negotiated language (%o → %s)', async (how, lang, headline) => {
    const headers: Record<string, string> = {};
    if ('header' in how) headers['accept-language'] = how.header;
    if ('cookie' in how) headers['cookie'] = how.cookie;
    const response = await get(`/api/articles/${DOC}${'query' in how ? how.query : ''}`, headers);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe(lang);
    expect(response.headers.get('vary')).toMatch(/Accept-Language/);
    const article = (await response.json()) as { lang: string; blocks: unknown[] };
    expect(article.lang).toBe(lang);
    expect(article.blocks[0]).toEqual({ id: 'p1', kind: 'headline', text: headline });
    expect(article.blocks).toHaveLength(11);
  });

  it('answers a conditional GET with 304', async () => {
    const first = await get(`/api/articles/${DOC}?lng=en`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // node:http, because fetch() adds `Cache-Control: no-cache` to a request with If-None-Match (Fetch standard, "HTTP-network-or-cache fetch").
    const status = await new Promise((resolve, reject) =>
      // The same encoding as fetch() asked for: each encoding is its own representation with its own ETag.
      request(`${server.url}/api/articles/${DOC}?lng=en`, { headers: { 'if-none-match': etag!, 'accept-encoding': first.headers.get('content-encoding') ?? 'identity' } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end(),
    );
    expect(status).toBe(304);
    const other = await get(`/api/articles/${DOC}?lng=fr`);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('answers an unknown article with 404 JSON', async () => {
    const response = await get('/api/articles/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no article "nope"' });
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])('#11 answers /api/articles/%s with 404, not 500', async (name) => {
    for (const url of [`/api/articles/${name}`, `/articles/${name}`, `/locales/en/${name}.json`]) {
      expect((await get(url)).status).toBe(404);
    }
  });

  it('serves i18next resources of published locales only', async () => {
    const en = await get(`/locales/en/${DOC}.json`);
    expect(en.status).toBe(200);
    const resources = (await en.json()) as { blocks: Record<string, string> };
    expect(Object.keys(resources)).toEqual(['blocks', 'segments']);
    expect(resources.blocks.p3).toBe('Photo: dpa');
    expect((await get(`/locales/es/${DOC}.json`)).status).toBe(404);
  });

  it.each(['/locales/..%2f..%2fetc/passwd', '/locales/%2e%2e/%2e%2e/etc/passwd.json', '/locales/en/..%252f..%252fl10n.config.json', '/locales/..%5c..%5cl10n.config.json/x.json'])(
    'refuses path traversal %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('targetLocales');
    },
  );

  it('refuses oversized request heads (431) and request targets (414)', async () => {
    const { port } = new URL(server.url);
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(16 * 1024)}\r\n\r\n`);
      });
      socket.setEncoding('utf8').once('data', (data: string) => {
        resolve(data.split('\r\n')[0]!);
        socket.destroy();
      });
      socket.on('error', reject);
    });
    expect(status).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    const long = await get(`/api/articles/${DOC}?lng=${'x'.repeat(4000)}`);
    expect(long.status).toBe(414);
  });

  it('renders a readable page with lang and dir and a language switcher', async () => {
    const response = await get(`/articles/${DOC}?lng=fr`);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('<h1>Les États-Unis et la Russie se rapprochent dans la lutte contre l’EI</h1>');
    expect(html).toContain('<a href="?lng=en" hreflang="en" lang="en">English</a>');
    expect(html).toContain('<strong lang="fr" aria-current="page">Français</strong>');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="/articles/usa-russland-is?lng=en">');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="/articles/usa-russland-is?lng=de">');
  });
});

describe('l10n serve as a command', () => {
  it('starts, prints its address, answers, and stops on SIGTERM', async () => {
    const project = await createTempProject();
    try {
      await runCli(['run'], { cwd: project.dir });
      const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: project.dir, env: cleanEnv() });
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (line: string) => {
          const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await project.remove();
    }
  });

  it('refuses to start before anything was merged', async () => {
    const project = await createTempProject({ bare: true });
    try {
      const result = await runCli(['serve', '--port', '0'], { cwd: project.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/locales\/index\.json: not found: run `l10n run`/);
    } finally {
      await project.remove();
    }
  });
});

describe('reloading', () => {
  const headlineOf = async (url: string, lng: string) =>
    ((await (await fetch(`${url}/api/articles/${DOC}?lng=${lng}`)).json()) as { blocks: { text: string }[] }).blocks[0]!.text;
  const until = async (what: () => Promise<boolean>) => {
    for (let i = 0; i < 60 && !(await what()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  };

  it('#11 keeps serving the last good version of a resource that turns into invalid JSON, and says so', async () => {
    const project = await createTempProject();
    const log: string[] = [];
    try {
      expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
      const running = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1', log: (line) => log.push(line) });
      try {
        const english = 'US and Russia move closer together in the fight against IS';
        expect(await headlineOf(running.url, 'en')).toBe(english);
        await writeFile(path.join(project.dir, 'locales/en', `${DOC}.json`), '{"blocks": {"p1": "US and');
        await until(async () => log.length > 0);
        expect(log).toEqual([`en/${DOC}.json cannot be loaded (not valid JSON, or a block missing): still serving its last good version`]);
        expect(await headlineOf(running.url, 'en')).toBe(english);
        const response = await fetch(`${running.url}/api/articles/${DOC}?lng=en`);
        expect(((await response.json()) as { blocks: { text: string }[] }).blocks.every((block) => block.text.length > 0)).toBe(true);
      } finally {
        await running.close();
      }
    } finally {
      await project.remove();
    }
  });

  it('#11 picks up every completed run while serving, run after run', async () => {
    const project = await createTempProject();
    try {
      expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
      const running = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1' });
      try {
        const xliff = path.join(project.dir, 'locales/en', `${DOC}.xlf`);
        let previous = 'US and Russia move closer together in the fight against IS';
        for (let round = 1; round <= 6; round++) {
          const next = `US and Russia, round ${"abcdef"[round - 1]}, in the fight against IS`;
          await writeFile(xliff, (await readFile(xliff, 'utf8')).replace(`>${previous}<`, `>${next}<`));
          expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
          // The run is complete when it exits: from then on the server must come to serve it.
          await until(async () => (await headlineOf(running.url, 'en')) === next);
          expect([round, await headlineOf(running.url, 'en')]).toEqual([round, next]);
          previous = next;
        }
      } finally {
        await running.close();
      }
    } finally {
      await project.remove();
    }
  });

  it('serves new text after l10n merge rewrites the resources, without a restart', async () => {
    const project = await createTempProject();
    try {
      expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
      const running = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1' });
      try {
        const headline = async () => ((await (await fetch(`${running.url}/api/articles/${DOC}?lng=en`)).json()) as { blocks: { text: string }[] }).blocks[0]!.text;
        expect(await headline()).toBe('US and Russia move closer together in the fight against IS');
        const xliff = path.join(project.dir, 'locales/en', `${DOC}.xlf`);
        await writeFile(xliff, (await readFile(xliff, 'utf8')).replace('>US and Russia move closer together in the fight against IS<', '>US and Russia draw closer in the fight against IS<'));
        expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
        let text = '';
        for (let i = 0; i < 50 && text !== 'US and Russia draw closer in the fight against IS'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          text = await headline();
        }
        expect(text).toBe('US and Russia draw closer in the fight against IS');
      } finally {
        await running.close();
      }
    } finally {
      await project.remove();
    }
  });
});
