/**
 * The HTTP side, on Fastify: i18next (resources from `locales/` through
 * i18next-fs-backend) with i18next-http-middleware's detector reading `?lng=`
 * and the cookie, and Accept-Language negotiated per document. An article is
 * served whole in one language: the chosen one if the document is published in
 * it, otherwise German.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createServer } from 'node:http';
import i18next, { type i18n } from 'i18next';
import FsBackend from 'i18next-fs-backend';
import * as middleware from 'i18next-http-middleware';
import { InputError } from '../core/errors.js';
import { safeJoin } from '../core/fs.js';
import { MANIFEST_FILE, type Manifest } from '../merge/index.js';
import { negotiateLanguage } from './negotiate.js';
import { renderArticlePage } from './page.js';

export interface ServeOptions {
  /** The `locales/` folder written by `l10n merge`. */
  readonly localesDir: string;
  /** Language every article falls back to as a whole. */
  readonly sourceLanguage: string;
}

const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export interface ArticleBlock {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
}

/** A response prepared once per reload: the body and its strong ETag. */
interface Prepared {
  readonly body: Buffer;
  readonly etag: string;
  readonly type: string;
}

interface Served {
  readonly manifest: Manifest;
  readonly i18n: i18n;
  /** `doc|lng` → the article as JSON and as a page, in that language. */
  readonly articles: ReadonlyMap<string, { readonly json: Prepared; readonly html: Prepared; readonly lang: string }>;
  /** `lng/doc` → the i18next resource file of a published locale. */
  readonly resources: ReadonlyMap<string, Prepared>;
}

function prepare(body: string | Buffer, type: string): Prepared {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: bytes, type, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` };
}

async function loadResources(options: ServeOptions): Promise<Served> {
  const file = path.join(options.localesDir, MANIFEST_FILE);
  const manifest = JSON.parse(
    await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new InputError(error.code === 'ENOENT' ? 'not found: run `l10n run` (or `l10n merge`) first' : error.message, { file });
    }),
  ) as Manifest;
  const languages = [...new Set(Object.values(manifest.documents).flatMap((doc) => doc.published))];
  const instance = i18next.createInstance();
  await instance
    .use(FsBackend)
    .use(middleware.LanguageDetector)
    .init({
      backend: { loadPath: path.join(options.localesDir, '{{lng}}', '{{ns}}.json') },
      fallbackLng: options.sourceLanguage,
      supportedLngs: languages,
      nonExplicitSupportedLngs: true,
      preload: languages,
      ns: Object.keys(manifest.documents),
      defaultNS: false,
      // Accept-Language is negotiated per document (negotiate.ts), over the languages it is published in.
      detection: { order: ['querystring', 'cookie'], lookupQuerystring: 'lng', lookupCookie: 'lng', caches: false },
      // Article text is data, not templates: no interpolation or nesting runs on it.
      interpolation: { escapeValue: false, skipOnVariables: true },
      initAsync: false,
    });
  // Everything served is prepared here, once per reload: a request only negotiates and sends bytes.
  const articles = new Map<string, { json: Prepared; html: Prepared; lang: string }>();
  const resources = new Map<string, Prepared>();
  for (const [id, doc] of Object.entries(manifest.documents)) {
    for (const lang of doc.published) {
      const bundle = instance.getResourceBundle(lang, id) as { blocks?: Record<string, string> } | undefined;
      const article = { id, lang, dir: instance.dir(lang), blocks: doc.blocks.map((block) => ({ ...block, text: bundle?.blocks?.[block.id] ?? '' })) };
      articles.set(`${id}|${lang}`, {
        lang,
        json: prepare(JSON.stringify(article), 'application/json; charset=utf-8'),
        html: prepare(renderArticlePage(article, doc.published), 'text/html; charset=utf-8'),
      });
      const resource = safeJoin(options.localesDir, lang, `${id}.json`);
      if (resource) resources.set(`${lang}/${id}`, prepare(await readFile(resource), 'application/json; charset=utf-8'));
    }
  }
  return { manifest, i18n: instance, articles, resources };
}

/** Longest request target accepted; longer ones get 414 (nothing we serve needs more). */
const MAX_URL_LENGTH = 2048;
/** Largest request head accepted; a bigger one gets 431 from Node before any of our code runs. */
const MAX_HEADER_BYTES = 8 * 1024;

export interface App {
  readonly server: FastifyInstance;
  /** Stops watching `locales/` for changes. */
  close(): void;
}

const notFound = (reply: FastifyReply, error = 'not found') => reply.code(404).send({ error });

export async function createApp(options: ServeOptions): Promise<App> {
  let served = await loadResources(options);
  const app = Fastify({
    serverFactory: (handler) => createServer({ maxHeaderSize: MAX_HEADER_BYTES }, handler),
    routerOptions: { maxParamLength: 256 },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > MAX_URL_LENGTH) return reply.code(414).send({ error: 'request target too long' });
  });
  app.setNotFoundHandler((_request, reply) => notFound(reply));

  const watcher = watchForChanges(options, async () => {
    served = await loadResources(options);
  });

  app.get('/health', async () => ({ status: 'ok', documents: Object.keys(served.manifest.documents).length }));

  app.get('/api/articles', async () =>
    Object.entries(served.manifest.documents).map(([id, doc]) => ({ id, published: doc.published, withheld: doc.withheld })),
  );

  app.get<{ Params: { doc: string } }>('/api/articles/:doc', (request, reply) => sendArticle(served, options, request, reply, 'json'));
  app.get<{ Params: { doc: string } }>('/articles/:doc', (request, reply) => sendArticle(served, options, request, reply, 'html'));

  app.get<{ Params: { lng: string; file: string } }>('/locales/:lng/:file', (request, reply) => {
    const { lng, file } = request.params;
    const ns = file.endsWith('.json') ? file.slice(0, -'.json'.length) : '';
    // Only what the manifest publishes is served, and only from memory: no path from the request reaches the disk.
    const prepared = LANG.test(lng) && DOC_ID.test(ns) ? served.resources.get(`${lng}/${ns}`) : undefined;
    return prepared ? send(request, reply, prepared, {}) : notFound(reply);
  });

  return { server: app, close: () => watcher.close() };
}

/** Sends prepared bytes, or 304 when the client has them (RFC 9110 §13.1.2). */
function send(request: FastifyRequest, reply: FastifyReply, prepared: Prepared, headers: Record<string, string>): FastifyReply {
  const fresh =
    request.headers['if-none-match']?.split(/\s*,\s*/).includes(prepared.etag) && !/no-cache/.test(request.headers['cache-control'] ?? '');
  reply.headers({ ...headers, etag: prepared.etag });
  if (fresh) return reply.code(304).send();
  return reply.type(prepared.type).send(prepared.body);
}

/** The article in the negotiated language, falling back to the source as a whole. */
function sendArticle(
  served: Served,
  options: ServeOptions,
  request: FastifyRequest<{ Params: { doc: string } }>,
  reply: FastifyReply,
  as: 'json' | 'html',
): FastifyReply {
  const id = request.params.doc;
  const doc = DOC_ID.test(id) ? served.manifest.documents[id] : undefined;
  if (!doc) return notFound(reply, `no article "${id}"`);
  const lang = negotiateLanguage(request, served.i18n, doc.published, options.sourceLanguage);
  const article = served.articles.get(`${id}|${lang}`)!;
  return send(request, reply, article[as], { 'content-language': lang, vary: 'Accept-Language, Cookie' });
}

/**
 * Reloads when `l10n run` or `l10n merge` rewrites the manifest or a resource
 * file. Watches the folder, not the files: an atomic write replaces a file, and
 * a watch on the old one would go stale. Changes close together reload once.
 */
function watchForChanges(options: ServeOptions, reload: () => Promise<void>): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(options.localesDir, { recursive: true }, (_event, name) => {
    if (!name?.endsWith('.json')) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A half-written state cannot be read (writes are atomic); a failed reload keeps what is served.
      reload().catch(() => {});
    }, 50);
  });
  return watcher;
}

