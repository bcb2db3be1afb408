import type { FastifyRequest } from 'fastify';
import type { i18n } from 'i18next';
import Negotiator from 'negotiator';

/**
 * The language to serve a document in, from the languages it is published in:
 * an explicit choice first (`?lng=` or the `lng` cookie, as i18next-http-middleware's
 * detector reads them), then Accept-Language with its q-values and region fallback
 * (`en-GB` → `en`, RFC 4647 lookup as `negotiator` does it), then the source
 * language: a whole article in one language, never a mix.
 */
export function negotiateLanguage(request: FastifyRequest, detector: i18n, published: readonly string[], source: string): string {
  const explicit = explicitChoice(request, detector);
  if (explicit !== undefined) {
    const base = explicit.split('-')[0]!;
    return published.find((lng) => lng === explicit) ?? published.find((lng) => lng === base) ?? source;
  }
  const [fromHeader] = new Negotiator(request).languages([...published]);
  return fromHeader ?? source;
}

/**
 * `?lng=` or the cookie when the reader chose. The detector names its source in
 * `i18nextLookupName`; a value it did not accept (unknown, malformed) is still a
 * choice, and it gets the source language ('' matches nothing).
 */
function explicitChoice(request: FastifyRequest, detector: i18n): string | undefined {
  const req = request as FastifyRequest & { i18nextLookupName?: string };
  const found = detector.services.languageDetector.detect(req, undefined) as string | undefined;
  if (req.i18nextLookupName === 'querystring' || req.i18nextLookupName === 'cookie') return found;
  const query = request.query as Record<string, unknown>;
  return typeof query['lng'] === 'string' || /(?:^|;\s*)lng=/.test(request.headers.cookie ?? '') ? '' : undefined;
}
