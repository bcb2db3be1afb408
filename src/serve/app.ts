/**
 * The HTTP side, on Fastify: i18next (resources from `locales/` through
 * i18next-fs-backend) with i18next-http-middleware's detector reading `?lng=`
 * and the cookie, and Accept-Language negotiated per document. An article is
 * served whole in one language: the chosen one if the document is published in
 * it, otherwise German, with a notice for the reader who wanted another.
 * Everything is prepared once per reload and sent compressed as the client
 * asks; CORS for the configured origins; the review routes when a token is set.
 */
import { createHash } from 'node:crypto';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createServer } from 'node:http';
import i18next, { type i18n } from 'i18next';
import FsBackend from 'i18next-fs-backend';
import * as middleware from 'i18next-http-middleware';
import { coalesceWrites } from '../core/coalesce.js';
import { InputError } from '../core/errors.js';
import { safeJoin } from '../core/fs.js';
import { MANIFEST_FILE, type Manifest } from '../merge/index.js';
import { negotiateLanguage } from './negotiate.js';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { renderArticleHtml, type ArticleBlock } from '../html/article.js';
import { escapeHtml } from '../html/escape.js';
import { textDirection } from '../core/lang.js';
import { articlesHeading, notYetAvailable, ownName, publicLanguages } from './languages.js';
import { registerReview, type ReviewOptions, type ReviewRouteConfig } from './review-routes.js';
import { sanitizeFragment, textOfFragment } from '../html/sanitize.js';

export interface ServeOptions {
  /** The `locales/` folder written by `l10n merge`. */
  readonly localesDir: string;
  /** Language every article falls back to as a whole. */
  readonly sourceLanguage: string;
  /** Where the server says what it could not load (and what it serves instead). Default: nothing. */
  readonly log?: (line: string) => void;
  /** Origins whose pages may fetch articles and resources (CORS); `*` for any. Default: none. */
  readonly cors?: readonly string[];
  /** Serve pseudo-locales (`en-XA`) too, for testing layouts. Default: no. */
  readonly pseudo?: boolean;
  /** How long browsers and CDNs may keep a resource file before asking again, in seconds. Default 300. */
  readonly maxAge?: number;
  /** The review page and its API, with the token that opens them; without, they do not exist. */
  readonly review?: ReviewOptions;
}

const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * A response prepared once per reload: the body and its strong ETag, and its
 * brotli and gzip encodings, each made on first request and kept, so a
 * request only negotiates and sends bytes.
 */
interface Prepared {
  readonly body: Buffer;
  readonly etag: string;
  readonly type: string;
  readonly encoded: Map<Encoding, Buffer>;
}

type Encoding = 'br' | 'gzip';

interface ServedArticle {
  /** The headline, for lists. */
  readonly title: string;
  readonly json: Prepared;
  readonly html: Prepared;
  readonly lang: string;
  /** The page again with a notice for readers of a language it is not published in, made on first request. */
  readonly withNotice: (wanted: string) => Prepared;
}

interface Served {
  readonly manifest: Manifest;
  readonly i18n: i18n;
  /** `doc|lng` → the article as JSON and as a page, in that language. */
  readonly articles: ReadonlyMap<string, ServedArticle>;
  /** `lng/doc` → the i18next resource file of a published locale. */
  readonly resources: ReadonlyMap<string, Prepared>;
}

function prepare(body: string | Buffer, type: string): Prepared {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: bytes, type, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`, encoded: new Map() };
}

/**
 * Reads `locales/` and prepares every response. A resource file that cannot be
 * read keeps its last good version from `previous`, or, on the first load,
 * leaves its language out of that article; either way the log says so, and no
 * article is ever served with its text missing.
 */
async function loadResources(options: ServeOptions, previous?: Served): Promise<Served> {
  const file = path.join(options.localesDir, MANIFEST_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? 'not found: run `l10n run` (or `l10n merge`) first' : `cannot be read (${error.code})`, { file }, { cause: error });
  });
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, { file }, { cause: error });
  }
  if (typeof manifest?.documents !== 'object' || manifest.documents === null) throw new InputError('has no "documents"', { file });
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
      detection: { order: ['querystring', 'cookie'], lookupQuerystring: 'lng', lookupCookie: 'lng', caches: false, cookiePath: '/', cookieSameSite: 'lax' },
      // Article text is data, not templates: no interpolation or nesting runs on it.
      interpolation: { escapeValue: false, skipOnVariables: true },
      initAsync: false,
    });
  // Everything served is prepared here, once per reload: a request only negotiates and sends bytes.
  const articles = new Map<string, ServedArticle>();
  const resources = new Map<string, Prepared>();
  const documents: Record<string, Manifest['documents'][string]> = {};
  for (const [id, entry] of Object.entries(manifest.documents)) {
    const published: string[] = [];
    // A pseudo-locale is for testing layouts: served only when asked for, never offered to readers.
    for (const lang of publicLanguages(entry.published, options.pseudo ?? false)) {
      const bundle = instance.getResourceBundle(lang, id) as { blocks?: Record<string, unknown> } | undefined;
      const resource = safeJoin(options.localesDir, lang, `${id}.json`);
      const bytes = resource ? await readFile(resource).catch(() => undefined) : undefined;
      const complete = bundle?.blocks !== undefined && bytes !== undefined && entry.blocks.every((block) => typeof bundle.blocks![block.id] === 'string');
      if (!complete) {
        const kept = previous?.articles.get(`${id}|${lang}`);
        const keptResource = previous?.resources.get(`${lang}/${id}`);
        options.log?.(`${path.join(lang, `${id}.json`)} cannot be loaded (not valid JSON, or a block missing): ${kept ? 'still serving its last good version' : `not serving ${id} in ${lang}`}`);
        if (kept && keptResource) {
          articles.set(`${id}|${lang}`, kept);
          resources.set(`${lang}/${id}`, keptResource);
          published.push(lang);
        }
        continue;
      }
      published.push(lang);
      resources.set(`${lang}/${id}`, prepare(bytes, 'application/json; charset=utf-8'));
    }
    documents[id] = { ...entry, published };
    for (const lang of published) {
      if (articles.has(`${id}|${lang}`)) continue;
      const bundle = instance.getResourceBundle(lang, id) as { blocks: Record<string, string> };
      const blocks: ArticleBlock[] = entry.blocks.map((block) => ({ ...block, text: bundle.blocks[block.id]! }));
      const article = { id, lang, dir: textDirection(lang), blocks };
      // An HTML source's blocks are HTML fragments (its own inline markup, entity-encoded text): shown as
      // that markup, through the allowlist; Markdown as Markdown; anything else as text.
      const markup = entry.format === 'md' ? inlineMarkdown : entry.format === 'html' ? sanitizeFragment : undefined;
      const reader = { languages: published.map((lng) => ({ lang: lng, name: ownName(lng) })), href: `/articles/${id}`, defaultLang: options.sourceLanguage };
      const page = (notice?: { lang: string; text: string }) =>
        prepare(renderArticleHtml(article, { reader: { ...reader, ...(notice ? { notice } : {}) }, ...(markup ? { markup } : {}), ...(entry.format === 'html' ? { plain: textOfFragment } : {}) }), 'text/html; charset=utf-8');
      const notices = new Map<string, Prepared>();
      const headline = blocks.find((block) => block.kind === 'headline')?.text;
      articles.set(`${id}|${lang}`, {
        title: headline === undefined ? id : entry.format === 'html' ? textOfFragment(headline) : headline,
        lang,
        json: prepare(JSON.stringify(article), 'application/json; charset=utf-8'),
        html: page(),
        withNotice: (wanted) => {
          const notice = notYetAvailable(wanted);
          if (!notice) return articles.get(`${id}|${lang}`)!.html;
          // One page per notice text, however many tags ask for it: the cache stays small.
          return notices.get(notice.text) ?? notices.set(notice.text, page(notice)).get(notice.text)!;
        },
      });
    }
  }
  // Resource files of the source folder are served as they were published, for apps' own i18next.
  for (const [ns, entry] of Object.entries(manifest.namespaces ?? {})) {
    for (const lang of publicLanguages(entry.published, options.pseudo ?? false)) {
      const resource = DOC_ID.test(ns) ? safeJoin(options.localesDir, lang, `${ns}.json`) : undefined;
      const bytes = resource ? await readFile(resource).catch(() => undefined) : undefined;
      if (bytes) resources.set(`${lang}/${ns}`, prepare(bytes, 'application/json; charset=utf-8'));
    }
  }
  return { manifest: { ...manifest, documents }, i18n: instance, articles, resources };
}

/**
 * A Markdown block's text as HTML, by micromark (CommonMark and GFM). Raw HTML
 * in it is escaped, not passed through: a translation must not bring markup in.
 */
function inlineMarkdown(text: string): string {
  const rendered = micromark(text, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }).trim();
  const paragraph = /^<p>([\s\S]*)<\/p>$/.exec(rendered);
  return paragraph && !paragraph[1]!.includes('<p>') ? paragraph[1]! : rendered;
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

/**
 * 404: a page for a browser (it asks for text/html first), JSON for an API
 * client (any type, application/json), so neither gets the other's format
 * (RFC 9110 §12.5.1: Accept); `Vary: Accept`, as the body depends on it.
 */
function notFound(request: FastifyRequest, reply: FastifyReply, error = 'not found'): FastifyReply {
  reply.code(404).header('vary', varyWith(reply.getHeader('vary'), 'Accept'));
  if (new Negotiator(request.raw).mediaType(['application/json', 'text/html']) !== 'text/html') return reply.send({ error });
  const page = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found</title></head>\n<body>\n<main>\n<h1>Not found</h1>\n<p>${escapeHtml(error)}.</p>\n<p><a href="/">All articles</a></p>\n</main>\n</body>\n</html>\n`;
  return reply.type('text/html; charset=utf-8').send(page);
}

/** A `Vary` value with `members` added to what is there: no empty member, none twice (RFC 9110 §12.5.5). */
function varyWith(before: unknown, ...members: string[]): string {
  const list = [...String(before ?? '').split(','), ...members].map((member) => member.trim()).filter((member) => member !== '');
  return [...new Map(list.map((member) => [member.toLowerCase(), member])).values()].join(', ');
}

export async function createApp(options: ServeOptions): Promise<App> {
  let served = await loadResources(options);
  const app = Fastify({
    serverFactory: (handler) => createServer({ maxHeaderSize: MAX_HEADER_BYTES }, handler),
    routerOptions: { maxParamLength: 256 },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > MAX_URL_LENGTH) return reply.code(414).send({ error: 'request target too long' });
  });
  app.setNotFoundHandler((request, reply) => notFound(request, reply));

  // Reloads run one at a time, and a change seen during one is picked up by one more after it:
  // overlapping reloads could finish out of order and leave an older state served.
  const reload = coalesceWrites(async () => {
    try {
      served = await loadResources(options, served);
    } catch (error) {
      options.log?.(`reload failed: ${(error as Error).message}; still serving the last good version`);
    }
  });
  const watcher = watchForChanges(options, reload);

  // Articles and resources for apps on other origins (configured); never the review routes.
  if (options.cors && options.cors.length > 0) {
    const origin = options.cors.includes('*') ? '*' : [...options.cors];
    await app.register(cors, {
      // Decided by the route the router matched (its `config`), never by the spelling of the URL.
      delegator: (request, callback) => callback(null, isReviewRoute(request) ? { origin: false } : { origin, methods: ['GET', 'HEAD'], maxAge: 86_400 }),
    });
  }
  // Responses made per request (lists, the index, review data); prepared ones come compressed already.
  await app.register(compress, { threshold: COMPRESS_FROM, encodings: ['br', 'gzip'] });

  app.get('/health', async () => ({ status: 'ok', documents: Object.keys(served.manifest.documents).length }));

  app.get('/api/articles', async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return Object.entries(served.manifest.documents).map(([id, doc]) => ({
      id,
      title: titleOf(served, id, options.sourceLanguage),
      published: doc.published,
      withheld: Object.fromEntries(Object.entries(doc.withheld).filter(([lng]) => publicLanguages([lng], options.pseudo ?? false).length > 0)),
    }));
  });

  // What an i18next client needs to configure itself: the languages, the namespaces, the fallback.
  app.get('/locales/index.json', async (_request, reply) => {
    reply.header('cache-control', `public, max-age=${options.maxAge ?? 300}`);
    const namespaces = [...Object.keys(served.manifest.documents), ...Object.keys(served.manifest.namespaces ?? {})];
    const languages = [...new Set([options.sourceLanguage, ...Object.values(served.manifest.documents).flatMap((doc) => doc.published)])];
    return { fallbackLng: options.sourceLanguage, languages, namespaces, loadPath: '/locales/{{lng}}/{{ns}}.json' };
  });

  if (options.review) await registerReview(app, options.review);

  app.get('/', async (request, reply) => {
    // The heading and the order of the sections follow the reader's Accept-Language: caches must key on it.
    reply.header('cache-control', 'no-cache').header('vary', varyWith(reply.getHeader('vary'), 'Accept-Language')).type('text/html; charset=utf-8');
    return renderIndex(served, options, request);
  });

  app.get<{ Params: { doc: string } }>('/api/articles/:doc', (request, reply) => sendArticle(served, options, request, reply, 'json'));
  app.get<{ Params: { doc: string } }>('/articles/:doc', (request, reply) => sendArticle(served, options, request, reply, 'html'));

  app.get<{ Params: { lng: string; file: string } }>('/locales/:lng/:file', (request, reply) => {
    const { lng, file } = request.params;
    const ns = file.endsWith('.json') ? file.slice(0, -'.json'.length) : '';
    // Only what the manifest publishes is served, and only from memory: no path from the request reaches the disk.
    const prepared = LANG.test(lng) && DOC_ID.test(ns) ? served.resources.get(`${lng}/${ns}`) : undefined;
    return prepared ? send(request, reply, prepared, { 'cache-control': `public, max-age=${options.maxAge ?? 300}` }) : notFound(request, reply);
  });

  return { server: app, close: () => watcher.close() };
}

/** A route of the review side: it says so in its own `config` (review-routes.ts). */
function isReviewRoute(request: FastifyRequest): boolean {
  return (request.routeOptions.config as Partial<ReviewRouteConfig> | undefined)?.review === true;
}

/** An article's headline in a language, else its id. */
function titleOf(served: Served, id: string, lang: string): string {
  return served.articles.get(`${id}|${lang}`)?.title ?? id;
}

/** `/`: every article, per language, each title in its language; the reader's language first. */
function renderIndex(served: Served, options: ServeOptions, request: FastifyRequest): string {
  const docs = Object.entries(served.manifest.documents);
  const languages = [...new Set([options.sourceLanguage, ...docs.flatMap(([, doc]) => doc.published)])];
  const negotiator = new Negotiator(request.raw);
  const [first] = negotiator.languages(languages);
  const heading = articlesHeading(request.headers['accept-language'] ? negotiator.languages() : [], options.sourceLanguage);
  const ordered = first ? [first, ...languages.filter((lng) => lng !== first)] : languages;
  const sections = ordered.map((lng) => {
    const items = docs
      .filter(([, doc]) => lng === options.sourceLanguage || doc.published.includes(lng))
      .map(([id]) => `<li><a href="/articles/${encodeURIComponent(id)}?lng=${encodeURIComponent(lng)}" hreflang="${escapeHtml(lng)}">${escapeHtml(titleOf(served, id, lng))}</a></li>`);
    return `<section lang="${escapeHtml(lng)}" dir="${textDirection(lng)}"><h2>${escapeHtml(ownName(lng))}</h2>\n<ul>\n${items.join('\n')}\n</ul></section>`;
  });
  return `<!doctype html>\n<html lang="${escapeHtml(first ?? options.sourceLanguage)}">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title lang="${escapeHtml(heading.lang)}">${escapeHtml(heading.text)}</title></head>\n<body>\n<main>\n<h1 lang="${escapeHtml(heading.lang)}">${escapeHtml(heading.text)}</h1>\n${sections.join('\n')}\n</main>\n</body>\n</html>\n`;
}

/** Below this, compressing costs more than it saves (one TCP packet). */
const COMPRESS_FROM = 1024;

/**
 * Sends prepared bytes in the best encoding the client takes (brotli, then
 * gzip), or 304 when the client has them (RFC 9110 §13.1.2). Each encoding is
 * its own representation with its own strong ETag (RFC 9110 §8.8.3).
 */
function send(request: FastifyRequest, reply: FastifyReply, prepared: Prepared, headers: Record<string, string>): FastifyReply {
  const chosen = prepared.body.length >= COMPRESS_FROM ? encodingFor(request.headers['accept-encoding']) : undefined;
  const etag = chosen ? `${prepared.etag.slice(0, -1)}-${chosen === 'br' ? 'br' : 'gz'}"` : prepared.etag;
  const match = request.headers['if-none-match'];
  const fresh = match !== undefined && match.split(',').some((tag) => tag.trim() === etag) && !/no-cache/.test(request.headers['cache-control'] ?? '');
  // Added to what CORS put there (Origin), not in its place.
  const before = reply.getHeader('vary');
  reply.headers(headers);
  reply.header('etag', etag).header('vary', varyWith(before, ...(headers['vary'] ? [headers['vary']] : []), 'Accept-Encoding'));
  if (fresh) return reply.code(304).send();
  if (!chosen) return reply.type(prepared.type).send(prepared.body);
  let body = prepared.encoded.get(chosen);
  if (!body) {
    body = chosen === 'br' ? brotliCompressSync(prepared.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: prepared.body.length } }) : gzipSync(prepared.body, { level: 9 });
    prepared.encoded.set(chosen, body);
  }
  return reply.type(prepared.type).header('content-encoding', chosen).send(body);
}

/** Accept-Encoding headers repeat across clients: each is read once (by negotiator, with its q-values). */
const encodings = new Map<string, Encoding | undefined>();

/** Brotli where the client takes it, then gzip: ours is the choice among what it accepts (RFC 9110 §12.5.3). */
function encodingFor(header: string | undefined): Encoding | undefined {
  if (header === undefined) return undefined;
  if (encodings.has(header)) return encodings.get(header);
  const accepted = new Negotiator({ headers: { 'accept-encoding': header } }).encodings(['br', 'gzip']);
  const chosen: Encoding | undefined = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : undefined;
  // Bounded: a client sending a new header with every request cannot grow it without end.
  if (encodings.size < 256) encodings.set(header, chosen);
  return chosen;
}

/** The article in the negotiated language, falling back to the source as a whole, with a notice where the reader wanted another. */
function sendArticle(
  served: Served,
  options: ServeOptions,
  request: FastifyRequest<{ Params: { doc: string } }>,
  reply: FastifyReply,
  as: 'json' | 'html',
): FastifyReply {
  const id = request.params.doc;
  // Own properties only: `constructor` or `toString` is no article.
  const doc = DOC_ID.test(id) && Object.hasOwn(served.manifest.documents, id) ? served.manifest.documents[id] : undefined;
  if (!doc) return notFound(request, reply, `no article "${id}"`);
  const choice = negotiateLanguage(request, served.i18n, doc.published, options.sourceLanguage);
  const article = served.articles.get(`${id}|${choice.lang}`)!;
  // A reader who picks a published language in a page keeps it: i18next-http-middleware writes its cookie
  // (a year, every path), once per choice rather than on every page. Apps calling the API choose per request.
  if (as === 'html' && choice.chosen && choice.lang === choice.wanted && typeof (request.query as Record<string, unknown>)['lng'] === 'string' && !request.headers.cookie?.includes(`lng=${choice.lang}`)) {
    served.i18n.services.languageDetector.cacheUserLanguage(request.raw, reply.raw, choice.lang, ['cookie']);
  }
  const page = as === 'html' && choice.wanted !== undefined && choice.lang !== choice.wanted && LANG.test(choice.wanted) ? article.withNotice(choice.wanted) : article[as];
  return send(request, reply, page, { 'content-language': choice.lang, vary: 'Accept-Language, Cookie', 'cache-control': 'no-cache' });
}

/**
 * Reloads when `l10n run` or `l10n merge` rewrites the manifest or a resource
 * file. Watches folders, not files: an atomic write replaces a file, and a watch
 * on the old one goes stale. Each folder is watched on its own (`locales/` and
 * one per language), because Node's recursive watch on Linux watches the files
 * it found at the start, and so saw the first rewrite of a file but not the
 * next. Language folders that appear later are watched from the next reload.
 * Changes close together reload once.
 */
function watchForChanges(options: ServeOptions, reload: () => Promise<void>): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  // A close that comes while `follow` reads the folder: nothing is watched after it (a watcher keeps the process alive).
  let closed = false;
  const changed = (_event: string, name: string | null) => {
    if (name !== null && !name.endsWith('.json') && name.includes('.')) return;
    clearTimeout(timer);
    // A half-written state cannot be read (writes are atomic); a failed reload keeps what is served.
    timer = setTimeout(() => void reload().then(follow), 50);
  };
  const add = (dir: string) => {
    if (closed || watchers.has(dir)) return;
    try {
      watchers.set(dir, watch(dir, changed));
    } catch {
      // Gone again before we could watch it: the next reload looks again.
    }
  };
  const follow = async () => {
    add(options.localesDir);
    const entries = await readdir(options.localesDir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isDirectory()) add(path.join(options.localesDir, entry.name));
  };
  void follow();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}
