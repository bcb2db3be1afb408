/**
 * The review routes, on only when the server has a review token: two page
 * shells, the list of pairs, a pair's units as JSON, and saving one unit.
 *
 * Who may read and write is decided by the routes themselves, not by the
 * request's URL: the routes live in one encapsulated Fastify plugin whose own
 * `onRequest` hook runs for every route it registers and for nothing else,
 * whatever spelling of the path the router matched (`/api/%72eview`, `…/`).
 * The hook asks for the token as `Authorization: Bearer` (the scheme in any
 * case, RFC 7235 §2.1; the token compared in constant time), which a browser
 * never sends on its own, so another site cannot forge a save (CSRF); a write
 * that names another origin is refused as well; nothing is stored by caches
 * (`no-store`). Every route says `config.review`, which is how the app's CORS
 * decision knows to open none of them to other origins.
 *
 * The two pages (`/review`, `/review/:lng/:doc`) are one static shell: a
 * browser cannot send the token on navigation, so they show nothing about the
 * project; their script reads the token from the URL fragment and loads the
 * data from the token-protected API.
 *
 * A save names the version it edited (`If-Match`): 428 without one, 412 with
 * the unit as it is now when another reviewer saved it first, so nothing is
 * overwritten unseen (RFC 9110 §13.1.1, RFC 6585 §3).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AdmissionError, admitText } from '../core/admit.js';
import { L10nError } from '../core/errors.js';
import type { Project } from '../project.js';
import { REVIEW_SHELL } from './review-page.js';
import { listReview, loadReview, resolvePair, ReviewConflict, ReviewNotFound, ReviewSaveIncomplete, saveReview, type ReviewEdit } from './review.js';

export interface ReviewOptions {
  readonly token: string;
  /** The project, loaded afresh for each request: files may have changed since the last. */
  readonly open: () => Promise<Project>;
}

/** What every review route carries in its `config`: the app opens none of them to other origins (CORS). */
export interface ReviewRouteConfig {
  readonly review: true;
  /** The static page shell: sent to anyone, as it holds nothing about the project. */
  readonly shell?: boolean;
}

/**
 * Longest translation a save accepts, in UTF-16 code units. A real sentence is
 * far below it; QA runs on the text inside the request, so this bounds what one
 * save may cost the server (ADMISSION_LIMITS.text is for files, not requests).
 */
export const MAX_REVIEW_TEXT = 10_000;
/** Longest reason for accepting a QA finding. */
const MAX_NOTE = 500;

type PairRequest = FastifyRequest<{ Params: { lng: string; doc: string; unit?: string } }>;

/** Registers the review side, encapsulated: its hook guards its routes only, and all of them. */
export async function registerReview(app: FastifyInstance, options: ReviewOptions): Promise<void> {
  await app.register(reviewRoutes, options);
}

const reviewRoutes: FastifyPluginAsync<ReviewOptions> = async (app, options) => {
  const expected = digest(options.token);
  const config: ReviewRouteConfig = { review: true };

  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    // No other site may frame the pages (clickjacking a reviewer's Approve) or learn their address from a link.
    reply.header('content-security-policy', "frame-ancestors 'none'").header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
    if ((request.routeOptions.config as Partial<ReviewRouteConfig>).shell === true) return;
    if (!authorised(request.headers.authorization, expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="l10n review"').send({ error: 'a review token is needed (Authorization: Bearer …)' });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && !sameOrigin(request)) {
      return reply.code(403).send({ error: `writes are accepted from this server's own pages only, not from ${request.headers.origin ?? 'another site'}` });
    }
  });

  // The shells: the same bytes for every path, nothing about the project in them.
  const shell = async (_request: FastifyRequest, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(REVIEW_SHELL);
  app.get('/review', { config: { ...config, shell: true } }, shell);
  app.get('/review/:lng/:doc', { config: { ...config, shell: true } }, shell);

  app.get('/api/review', { config }, async (_request, reply) => answer(reply, async () => listReview(await options.open())));

  app.get('/api/review/:lng/:doc', { config }, async (request: PairRequest, reply) =>
    answer(reply, async () => {
      const project = await options.open();
      return loadReview(project, await resolvePair(project, request.params.doc, request.params.lng));
    }),
  );

  app.put('/api/review/:lng/:doc/units/:unit', { config, bodyLimit: 256 * 1024 }, async (request: PairRequest, reply) => {
    const version = request.headers['if-match'];
    if (typeof version !== 'string' || version === '') return reply.code(428).send({ error: 'say which version you edited: If-Match' });
    const unit = request.params.unit!;
    return answer(reply, async () => {
      const edit = editOf(request.body, unit);
      if (!edit) return reply.code(400).send({ error: 'expected { text: string, approve: boolean, accept?: { check, note } }' });
      const project = await options.open();
      return saveReview(project, await resolvePair(project, request.params.doc, request.params.lng), unit, version.replace(/^W\/|"/g, ''), edit);
    });
  });

  // A preflight for a review route is answered here, by a route of this plugin (so by its hook: 401),
  // not by the CORS plugin's catch-all: no other origin is ever told it may send one.
  for (const url of ['/api/review', '/api/review/:lng/:doc', '/api/review/:lng/:doc/units/:unit']) {
    app.options(url, { config }, async (_request, reply) => reply.code(204).send());
  }
};

/** `Authorization: Bearer <token>` with our token; the scheme is case-insensitive (RFC 7235 §2.1). */
function authorised(header: string | undefined, expected: Buffer): boolean {
  if (header === undefined) return false;
  const space = header.indexOf(' ');
  if (space === -1 || header.slice(0, space).toLowerCase() !== 'bearer') return false;
  // Hashes have one length, so comparing them takes the same time whatever was sent.
  return timingSafeEqual(digest(header.slice(space + 1).trim()), expected);
}

/**
 * A write from our own page, or from no browser page at all: a browser names
 * the page's origin (`Origin`) on every cross-origin request and says where
 * the request came from (`Sec-Fetch-Site`, Fetch Metadata).
 */
function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === `${request.protocol}://${request.headers.host}`;
}

async function answer(reply: FastifyReply, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReviewConflict) return reply.code(412).send({ error: error.message, current: error.current });
    if (error instanceof ReviewNotFound) return reply.code(404).send({ error: error.message });
    if (error instanceof AdmissionError) return reply.code(422).send({ error: error.message });
    // The edit is in the XLIFF; what came after it failed. Said so, with the version the next save names.
    if (error instanceof ReviewSaveIncomplete) return reply.code(500).send({ saved: true, error: error.message, unit: error.unit });
    // A project file that cannot be read: said as it is, not as a crash.
    if (error instanceof L10nError) return reply.code(500).send({ error: error.message });
    throw error;
  }
}

/**
 * The edit a body asks for, or undefined when it is not one. Its text passes
 * the admission gate here (characters XML cannot carry, the length bound), so
 * nothing refused reaches the project.
 */
function editOf(body: unknown, unit: string): ReviewEdit | undefined {
  const value = body as Partial<ReviewEdit> | null;
  if (typeof value?.text !== 'string' || typeof value.approve !== 'boolean') return undefined;
  const accept = value.accept;
  if (accept !== undefined && (typeof accept?.check !== 'string' || typeof accept.note !== 'string' || !/^[a-z][\w-]{0,40}$/.test(accept.check))) return undefined;
  const where = { file: 'the review save', unitId: unit };
  admitText(value.text, { ...where, what: 'the translation', max: MAX_REVIEW_TEXT });
  if (accept) admitText(accept.note, { ...where, what: 'the reason for accepting', max: MAX_NOTE });
  return { text: value.text, approve: value.approve, ...(accept ? { accept: { check: accept.check, note: accept.note } } : {}) };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
