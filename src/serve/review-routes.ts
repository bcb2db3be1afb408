/**
 * The review routes, on only when the server has a review token: the page,
 * the pair's units as JSON, and saving one unit. Reading and writing need the
 * token as `Authorization: Bearer`, which a browser never sends on its own, so
 * another site cannot forge a save (CSRF); a write that names another origin
 * is refused as well. A save names the version it edited (`If-Match`): 428
 * without one, 412 with the unit as it is now when another reviewer saved it
 * first, so nothing is overwritten unseen (RFC 9110 §13.1.1, RFC 6585 §3).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { L10nError } from '../core/errors.js';
import type { Project } from '../project.js';
import { usableRecord } from '../plan.js';
import { renderReviewIndex, renderReviewPage } from './review-page.js';
import { loadReview, ReviewConflict, ReviewNotFound, saveReview, type ReviewEdit } from './review.js';

export interface ReviewOptions {
  readonly token: string;
  /** The project, loaded afresh for each request: files may have changed since the last. */
  readonly open: () => Promise<Project>;
}

type PairRequest = FastifyRequest<{ Params: { lng: string; doc: string; unit?: string } }>;

export function registerReview(app: FastifyInstance, options: ReviewOptions): void {
  const expected = digest(options.token);
  const authorised = (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    return header.startsWith('Bearer ') && timingSafeEqual(digest(header.slice('Bearer '.length)), expected);
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/review') || request.url.startsWith('/api/review')) reply.header('cache-control', 'no-store');
    if (!request.url.startsWith('/api/review')) return;
    if (!authorised(request)) return reply.code(401).header('www-authenticate', 'Bearer realm="l10n review"').send({ error: 'a review token is needed (Authorization: Bearer …)' });
    const origin = request.headers.origin;
    if (request.method !== 'GET' && origin !== undefined && origin !== `${request.protocol}://${request.headers.host}`) {
      return reply.code(403).send({ error: `writes are accepted from this server's own pages only, not from ${origin}` });
    }
  });

  app.get('/review', async (_request, reply) => {
    const project = await options.open();
    const record = usableRecord(await project.store.readRecord(), project.settings).record;
    const sources = await project.store.listSources(() => undefined);
    reply.type('text/html; charset=utf-8');
    return renderReviewIndex(
      sources.flatMap((source) =>
        project.locales.map((lang) => {
          const pair = record?.docs[source.id]?.pairs[lang];
          return { doc: source.id, lang, ...(pair ? { approved: pair.approved, total: pair.segments } : {}) };
        }),
      ),
    );
  });

  app.get<{ Params: { lng: string; doc: string } }>('/review/:lng/:doc', async (request, reply) => {
    const project = await options.open();
    reply.type('text/html; charset=utf-8');
    return renderReviewPage(request.params.doc, request.params.lng, project.config.sourceLanguage);
  });

  app.get('/api/review/:lng/:doc', async (request: PairRequest, reply) => answer(reply, () => options.open().then((project) => loadReview(project, request.params.doc, request.params.lng))));

  app.put('/api/review/:lng/:doc/units/:unit', async (request: PairRequest, reply) => {
    const version = request.headers['if-match'];
    if (typeof version !== 'string' || version === '') return reply.code(428).send({ error: 'say which version you edited: If-Match' });
    const edit = editOf(request.body);
    if (!edit) return reply.code(400).send({ error: 'expected { text: string, approve: boolean, accept?: { check, note } }' });
    return answer(reply, async () => saveReview(await options.open(), request.params.doc, request.params.lng, request.params.unit!, version.replace(/^W\/|"/g, ''), edit));
  });
}

async function answer(reply: FastifyReply, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReviewConflict) return reply.code(412).send({ error: error.message, current: error.current });
    if (error instanceof ReviewNotFound) return reply.code(404).send({ error: error.message });
    // A project file that cannot be read: said as it is, not as a crash.
    if (error instanceof L10nError) return reply.code(500).send({ error: error.message });
    throw error;
  }
}

function editOf(body: unknown): ReviewEdit | undefined {
  const value = body as Partial<ReviewEdit> | null;
  if (typeof value?.text !== 'string' || typeof value.approve !== 'boolean' || value.text.length > 100_000) return undefined;
  const accept = value.accept;
  if (accept !== undefined && (typeof accept?.check !== 'string' || typeof accept.note !== 'string' || !/^[a-z][\w-]{0,40}$/.test(accept.check))) return undefined;
  return { text: value.text, approve: value.approve, ...(accept ? { accept: { check: accept.check, note: accept.note.slice(0, 500) } } : {}) };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
