/**
 * The HTTP side: i18next (resources from `locales/` through i18next-fs-backend)
 * with i18next-http-middleware detecting the reader's language from `?lng=`, a
 * cookie or Accept-Language. An article is served whole in one language: the
 * detected one if the document is published in it, otherwise German.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
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

interface Served {
  readonly manifest: Manifest;
  readonly i18n: i18n;
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
  return { manifest, i18n: instance };
}

/** Longest request target accepted; longer ones get 414 (nothing we serve needs more). */
const MAX_URL_LENGTH = 2048;

export interface App {
  readonly handler: express.Express;
  /** Stops watching `locales/` for changes. */
  close(): void;
}

export async function createApp(options: ServeOptions): Promise<App> {
  let served = await loadResources(options);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.use((req, res, next) => {
    if (req.url.length > MAX_URL_LENGTH) res.status(414).json({ error: 'request target too long' });
    else next();
  });
  app.use((req, res, next) => middleware.handle(served.i18n)(req, res, next));

  const watcher = watchForChanges(options, async () => {
    served = await loadResources(options);
  });

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', documents: Object.keys(served.manifest.documents).length });
  });

  app.get('/api/articles', (_req, res) => {
    res.json(
      Object.entries(served.manifest.documents).map(([id, doc]) => ({ id, published: doc.published, withheld: doc.withheld })),
    );
  });

  app.get('/api/articles/:doc', (req, res) => {
    const article = articleFor(served, options, req, res);
    if (article) res.json(article);
  });

  app.get('/articles/:doc', (req, res) => {
    const article = articleFor(served, options, req, res);
    if (article) res.type('html').send(renderArticlePage(article, served.manifest.documents[article.id]!.published));
  });

  app.get('/locales/:lng/:file', async (req, res) => {
    const { lng, file } = req.params;
    const ns = file.endsWith('.json') ? file.slice(0, -'.json'.length) : '';
    const doc = served.manifest.documents[ns];
    if (!LANG.test(lng) || !DOC_ID.test(ns) || !doc?.published.includes(lng)) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const resolved = safeJoin(options.localesDir, lng, `${ns}.json`);
    if (!resolved) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.type('json').send(await readFile(resolved));
  });

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not found' });
  });
  return { handler: app, close: () => watcher.close() };
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

interface Article {
  readonly id: string;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly blocks: readonly ArticleBlock[];
}

/** The article in the negotiated language, falling back to the source as a whole; sends 404 itself. */
function articleFor(served: Served, options: ServeOptions, req: Request, res: Response): Article | undefined {
  const id = String(req.params['doc']);
  const doc = DOC_ID.test(id) ? served.manifest.documents[id] : undefined;
  if (!doc) {
    res.status(404).json({ error: `no article "${id}"` });
    return undefined;
  }
  const lang = negotiateLanguage(req, doc.published, options.sourceLanguage);
  const bundle = served.i18n.getResourceBundle(lang, id) as { blocks: Record<string, string> } | undefined;
  const blocks = doc.blocks.map((block) => ({ ...block, text: bundle?.blocks[block.id] ?? '' }));
  res.set('Content-Language', lang);
  res.vary('Accept-Language');
  res.vary('Cookie');
  return { id, lang, dir: served.i18n.dir(lang), blocks };
}
