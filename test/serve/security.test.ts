/**
 * Who may read and write through the review side, over real sockets: every
 * route the review plugin registers (enumerated with Fastify's `onRoute`),
 * sent without the token, with a wrong one, from another origin, and through
 * every other spelling of its path a router or a proxy may treat as the same
 * (percent-encoded, double slash, trailing slash, upper case, `;` suffix):
 * never a success with data in it, never a file changed. Then what one save
 * may do: a locale in any case lands in the project's own folder; text XML
 * cannot carry, or too much of it, is refused with its unit named; a save
 * depends on no other pair, and one that fails after writing says so.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { loadProject } from '../../src/project.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { registerReview } from '../../src/serve/review-routes.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';
const TOKEN = 'review-token-for-security-tests';
const APP = 'http://app.example.test:5173';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** node:http, so the path goes out exactly as written (fetch would normalise it) with exactly these headers. */
function send(base: string, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path: target, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Other spellings of one path that a router, a proxy or a file system may take for the same. */
function spellings(target: string): string[] {
  const variants = [
    target,
    target.replace('review', '%72eview'),
    target.replace('review', '%72%65%76%69%65%77'),
    target.replace(/^\/api\//, '/%61pi/'),
    target.replace(/^\//, '//'),
    target.replace('/review', '//review'),
    `${target}/`,
    target.toUpperCase(),
    target.replace('review', 'Review'),
    `${target};`,
    `${target};jsessionid=1`,
    target.replace('review', 'review;x=1'),
    target.replace('/es/', '/ES/'),
    target.replace('/es/', '/%65s/'),
    `${target}?token=${TOKEN}`,
  ];
  return [...new Set(variants)];
}

describe('the review side lets no one in without the token', () => {
  let project: TempProject;
  let server: RunningServer;
  const routes: { method: string; url: string }[] = [];
  let unit: { id: string; version: string; source: string };
  const auth = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    project = await createTempProject();
    const config = JSON.parse(await readFile(path.join(project.dir, 'l10n.config.json'), 'utf8'));
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ ...config, targetLocales: ['en', 'fr', 'es'] }));
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    const review = { token: TOKEN, open: () => loadProject({ root: project.dir }) };
    // Every route the review side registers, as Fastify reports them.
    const probe = Fastify();
    probe.addHook('onRoute', (route: RouteOptions) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url! });
    });
    await registerReview(probe, review);
    await probe.ready();
    await probe.close();
    server = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1', cors: [APP], review });
    const pair = JSON.parse((await send(server.url, 'GET', `/api/review/es/${DOC}`, auth)).body) as { units: { id: string; version: string; source: string }[] };
    unit = pair.units[0]!;
  });
  afterAll(async () => {
    await server?.close();
    await project?.remove();
  });

  const fill = (url: string) => url.replace(':lng', 'es').replace(':doc', DOC).replace(':unit', unit.id);

  it('finds the review routes to try', () => {
    expect(routes.map((route) => `${route.method} ${route.url}`)).toEqual(expect.arrayContaining(['GET /review', 'GET /review/:lng/:doc', 'GET /api/review/:lng/:doc', 'PUT /api/review/:lng/:doc/units/:unit']));
  });

  it('answers no spelling of any review route with data, and writes nothing, without the right token', async () => {
    const before = await snapshotTree(project.dir);
    const visitors: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: 'bearer wrong' },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { authorization: `Basic ${Buffer.from(`review:${TOKEN}`).toString('base64')}` },
      { authorization: TOKEN },
      { authorization: 'Bearer' },
      { cookie: `token=${TOKEN}` },
      { origin: 'http://evil.example.test', 'sec-fetch-site': 'cross-site' },
      { origin: APP },
    ];
    const leaks: string[] = [];
    for (const route of routes) {
      for (const target of spellings(fill(route.url))) {
        for (const headers of visitors) {
          const body = route.method === 'PUT' ? JSON.stringify({ text: 'Eingeschleust', approve: true }) : undefined;
          const answer = await send(server.url, route.method, target, { ...headers, 'if-match': unit.version, ...(route.method === 'OPTIONS' ? { 'access-control-request-method': 'PUT' } : {}) }, body);
          const what = `${route.method} ${target} ${JSON.stringify(headers)} → ${answer.status}`;
          // Data: the document, its text, or anything about the project's pairs.
          const data = [DOC, unit.source, '"units":', '"pairs":', 'Eingeschleust', '"approved":'].filter((needle) => answer.body.includes(needle));
          if (answer.status >= 200 && answer.status < 300 && data.length > 0) leaks.push(`${what} with ${data.join(', ')}`);
          // A review route, however spelled, is never opened to another origin, nor kept by a cache.
          if (answer.status !== 404 && route.method !== 'OPTIONS' && answer.headers['access-control-allow-origin'] !== undefined) leaks.push(`${what} allows ${answer.headers['access-control-allow-origin']}`);
          // (A preflight to a path no route has is the CORS plugin's, and says nothing.)
          if (answer.status !== 404 && route.method !== 'OPTIONS' && answer.headers['cache-control'] !== 'no-store') leaks.push(`${what} may be cached (${answer.headers['cache-control']})`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('tells no other origin it may send a review request (preflight)', async () => {
    for (const target of spellings(`/api/review/es/${DOC}/units/${unit.id}`).slice(0, 3)) {
      const answer = await send(server.url, 'OPTIONS', target, { origin: APP, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, if-match, content-type' });
      expect(answer.headers['access-control-allow-origin'], target).toBeUndefined();
    }
  });

  it('shows the same empty page at every review address, token or not', async () => {
    const pages = await Promise.all([`/review`, `/review/es/${DOC}`, `/review/xx/nothing`].map((target) => send(server.url, 'GET', target)));
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200]);
    expect(new Set(pages.map((page) => page.body)).size).toBe(1);
    expect(pages[0]!.body).not.toContain(DOC);
  });

  it('takes the token with the scheme in any case (RFC 7235), and canonicalises the locale once', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const answer = await send(server.url, 'GET', `/api/review/es/${DOC}`, { authorization: `${scheme} ${TOKEN}` });
      expect(answer.status, scheme).toBe(200);
    }
    const list = JSON.parse((await send(server.url, 'GET', '/api/review', auth)).body) as { pairs: { doc: string; lang: string }[] };
    expect(list.pairs).toContainEqual(expect.objectContaining({ doc: DOC, lang: 'es' }));
    const upper = await send(server.url, 'GET', `/api/review/ES/${DOC}`, auth);
    expect(upper.status).toBe(200);
    expect(JSON.parse(upper.body).lang).toBe('es');
    for (const target of [`/api/review/xx/${DOC}`, `/api/review/de/${DOC}`, `/api/review/es/no-such-doc`, `/api/review/es/..%2F..%2Fl10n.config`, `/api/review/${'a'.repeat(200)}/${DOC}`]) {
      expect((await send(server.url, 'GET', target, auth)).status, target).toBe(404);
    }
  });

  it('saves an edit made through an upper-case locale into the locale the project reads', async () => {
    const en = JSON.parse((await send(server.url, 'GET', `/api/review/en/${DOC}`, auth)).body) as { units: { id: string; version: string }[] };
    const target = en.units[1]!;
    const answer = await send(server.url, 'PUT', `/api/review/EN/${DOC}/units/${target.id}`, { ...auth, 'if-match': target.version }, JSON.stringify({ text: 'Edited through EN.', approve: false }));
    expect(answer.status, answer.body).toBe(200);
    expect(existsSync(path.join(project.dir, 'locales/EN'))).toBe(false);
    expect(await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8')).toContain('Edited through EN.');
  });

  it.each([
    ['a control character', 'Text\u0001mehr', /U\+0001/],
    ['a noncharacter', 'Text\uFFFEmehr', /U\+FFFE/],
    ['a lone surrogate', 'Text\uD800mehr', /surrogate/],
    ['more than a save may hold', 'x'.repeat(20_000), /at most 10,000/],
  ])('refuses %s with its unit named, and writes nothing', async (_what, text, message) => {
    const current = (JSON.parse((await send(server.url, 'GET', `/api/review/es/${DOC}`, auth)).body) as { units: { id: string; version: string }[] }).units[0]!;
    const before = await snapshotTree(project.dir);
    const answer = await send(server.url, 'PUT', `/api/review/es/${DOC}/units/${current.id}`, { ...auth, 'if-match': current.version }, JSON.stringify({ text, approve: false }));
    expect([400, 413, 422]).toContain(answer.status);
    const { error } = JSON.parse(answer.body) as { error: string };
    expect(error).toMatch(message);
    if (!/at most/.test(String(message))) expect(error).toContain(unit.id);
    expect(await snapshotTree(project.dir)).toEqual(before);
    // The pair still loads: nothing broke it.
    expect((await send(server.url, 'GET', `/api/review/es/${DOC}`, auth)).status).toBe(200);
  });

  it('saves and publishes one pair though a file of another pair is broken', async () => {
    const fr = path.join(project.dir, 'locales/fr', `${DOC}.xlf`);
    const kept = await readFile(fr, 'utf8');
    await writeFile(fr, '<xliff version="1.2"><file');
    try {
      const pair = JSON.parse((await send(server.url, 'GET', `/api/review/es/${DOC}`, auth)).body) as { units: { id: string; version: string }[] };
      const target = pair.units[2]!;
      const answer = await send(server.url, 'PUT', `/api/review/es/${DOC}/units/${target.id}`, { ...auth, 'if-match': target.version }, JSON.stringify({ text: 'Guardado aunque el francés esté roto.', approve: true }));
      expect(answer.status, answer.body).toBe(200);
      expect(JSON.parse(answer.body).units[2].target).toBe('Guardado aunque el francés esté roto.');
      // The broken file is as it was: the save did not read or touch it.
      expect(await readFile(fr, 'utf8')).toBe('<xliff version="1.2"><file');
      // The other pairs stay as the last run recorded them: French, untouched here, still published.
      const manifest = JSON.parse(await readFile(path.join(project.dir, 'locales/index.json'), 'utf8')) as { documents: Record<string, { published: string[] }> };
      expect(manifest.documents[DOC]!.published).toEqual(expect.arrayContaining(['de', 'fr']));
    } finally {
      await writeFile(fr, kept);
    }
  });

  it('says a save was kept when what follows it fails, and takes the next save', async () => {
    const pair = JSON.parse((await send(server.url, 'GET', `/api/review/es/${DOC}`, auth)).body) as { units: { id: string; version: string }[] };
    const target = pair.units[3]!;
    const copy = path.join(project.dir, 'memory/fr.json');
    expect(existsSync(copy)).toBe(true);
    const kept = await readFile(copy, 'utf8');
    await writeFile(copy, '[{"source": 42');
    try {
      const first = await send(server.url, 'PUT', `/api/review/es/${DOC}/units/${target.id}`, { ...auth, 'if-match': target.version }, JSON.stringify({ text: 'Primera versión.', approve: false }));
      const answer = JSON.parse(first.body) as { saved?: boolean; error: string; unit?: { id: string; version: string } };
      expect(answer.saved, first.body).toBe(true);
      expect(answer.error).toMatch(/^saved in /);
      expect(answer.error).toContain('fr.json');
      expect(await readFile(path.join(project.dir, 'locales/es', `${DOC}.xlf`), 'utf8')).toContain('Primera versión.');
      // The reviewer saves again with the version the answer gave: not refused as a conflict with their own save.
      const second = await send(server.url, 'PUT', `/api/review/es/${DOC}/units/${target.id}`, { ...auth, 'if-match': answer.unit!.version }, JSON.stringify({ text: 'Segunda versión.', approve: false }));
      expect(second.status).not.toBe(412);
      expect(JSON.parse(second.body).saved).toBe(true);
    } finally {
      await writeFile(copy, kept);
    }
    // With the copy repaired, the pair loads with the last save.
    const after = JSON.parse((await send(server.url, 'GET', `/api/review/es/${DOC}`, auth)).body) as { units: { target: string }[] };
    expect(after.units[3]!.target).toBe('Segunda versión.');
  });
});
