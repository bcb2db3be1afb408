import type { FastifyRequest } from 'fastify';
import type { i18n } from 'i18next';
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
export function negotiateLanguage(request: FastifyRequest, i18n: i18n, published: readonly string[], source: string): LanguageChoice {
  const explicit = explicitChoice(request, i18n);
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

/** The part of i18next-http-middleware's LanguageDetector used here: its lookups, in its order. */
interface Detector {
  readonly options: { readonly order: readonly string[] } & Record<string, unknown>;
  readonly detectors: Record<string, { lookup(req: unknown, res: unknown, options: unknown): unknown }>;
}

/**
 * `?lng=` or the `lng` cookie when the reader chose, read by
 * i18next-http-middleware's own lookups in its detection order. Not its
 * detect(), which turns a language we do not publish into the fallback: the
 * reader who asked for it is to be told it is not there yet.
 */
function explicitChoice(request: FastifyRequest, i18n: i18n): string | undefined {
  const detector = i18n.services.languageDetector as Detector;
  for (const name of detector.options.order) {
    const found = detector.detectors[name]?.lookup(request, undefined, detector.options);
    if (typeof found === 'string') return found;
  }
  return undefined;
}
