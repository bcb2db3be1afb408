import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

/** The language a document is served in, and the one the reader wanted if that was another. */
export interface LanguageChoice {
  readonly lang: string;
  /** What the reader asked for (`?lng=`, the cookie, or their first Accept-Language); undefined when they said nothing. */
  readonly wanted?: string;
  /** Whether the reader chose it themselves (`?lng=` or the cookie) rather than through their browser. */
  readonly chosen: boolean;
}

/**
 * The language to serve a document in, from the languages it is published in:
 * an explicit choice first (`?lng=` or the `lng` cookie, as i18next-http-middleware's
 * detector reads them), then Accept-Language with its q-values and region fallback
 * (`en-GB` → `en`, RFC 4647 lookup as `negotiator` does it), then the source
 * language: a whole article in one language, never a mix.
 */
export function negotiateLanguage(request: FastifyRequest, published: readonly string[], source: string): LanguageChoice {
  const explicit = explicitChoice(request);
  if (explicit !== undefined) {
    const base = explicit.split('-')[0]!;
    const lang = published.find((lng) => lng === explicit) ?? published.find((lng) => lng === base) ?? source;
    return { lang, chosen: true, ...(explicit ? { wanted: published.includes(lang) && lang !== source ? lang : explicit } : {}) };
  }
  const negotiator = new Negotiator(request);
  const [fromHeader] = negotiator.languages([...published]);
  const [first] = negotiator.languages();
  const wanted = first && first !== '*' ? first : undefined;
  const lang = fromHeader ?? source;
  // A reader whose first language is published gets it; one whose first language is not is told so.
  const served = wanted && lang.split('-')[0] !== wanted.split('-')[0] ? wanted : lang;
  return { lang, chosen: false, ...(wanted ? { wanted: served } : {}) };
}

/**
 * `?lng=` or the `lng` cookie when the reader chose (the names i18next-http-middleware's
 * detector reads; its own detect() would turn a language we do not publish into the
 * fallback, and the reader who asked for it would not be told).
 */
function explicitChoice(request: FastifyRequest): string | undefined {
  const query = (request.query as Record<string, unknown>)['lng'];
  if (typeof query === 'string') return query;
  const cookie = /(?:^|;\s*)lng=([^;]*)/.exec(request.headers.cookie ?? '')?.[1];
  return cookie === undefined ? undefined : decodeURIComponentSafe(cookie);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
