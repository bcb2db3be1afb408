import type { Request } from 'express';

/**
 * The language to serve a document in, from the languages it is published in:
 * an explicit choice first (`?lng=` or the `lng` cookie, as i18next-http-middleware
 * detected it), then Accept-Language with its q-values and region fallback
 * (`en-GB` → `en`, RFC 4647 lookup as `negotiator` does it), then the source
 * language: a whole article in one language, never a mix.
 */
export function negotiateLanguage(req: Request, published: readonly string[], source: string): string {
  const explicit = explicitChoice(req);
  if (explicit !== undefined) {
    const base = explicit.split('-')[0]!;
    return published.find((lng) => lng === explicit) ?? published.find((lng) => lng === base) ?? source;
  }
  const fromHeader = req.acceptsLanguages(...published);
  return typeof fromHeader === 'string' ? fromHeader : source;
}

/** `?lng=` or the cookie, when the reader chose; i18next-http-middleware sets req.i18nextLookupName for these. */
function explicitChoice(req: Request): string | undefined {
  const lookup = (req as Request & { i18nextLookupName?: string }).i18nextLookupName;
  if (lookup !== 'querystring' && lookup !== 'cookie') {
    // The middleware leaves unsupported or malformed values unnamed; a value was still given.
    return typeof req.query['lng'] === 'string' || /(?:^|;\s*)lng=/.test(req.headers.cookie ?? '') ? '' : undefined;
  }
  return req.language;
}
