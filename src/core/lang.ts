/**
 * Language tags are parsed once, at the boundary (config, CLI, XLIFF), into a
 * canonical BCP 47 `Lang`. Inside the pipeline nothing parses a tag again.
 */
import type { Brand } from './brand.js';

export type Lang = Brand<string, 'Lang'>;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * Pseudo-locales as Android and Windows define them: `en-XA` (accented) and
 * `ar-XB` (bidi). Text under these codes is machine-made on purpose.
 */
const PSEUDO_REGIONS = new Set(['XA', 'XB']);

/** Returns the canonical tag, or `undefined` when the tag is malformed or names an unknown language or region. */
export function parseLang(tag: string): Lang | undefined {
  let canonical: string;
  try {
    [canonical = ''] = Intl.getCanonicalLocales(tag.trim());
  } catch {
    return undefined;
  }
  const locale = new Intl.Locale(canonical);
  if (languageNames.of(locale.language) === undefined) return undefined;
  if (locale.region && !PSEUDO_REGIONS.has(locale.region) && regionNames.of(locale.region) === undefined) {
    return undefined;
  }
  return canonical as Lang;
}

export function isPseudoLocale(lang: Lang): boolean {
  const region = new Intl.Locale(lang).region;
  return region !== undefined && PSEUDO_REGIONS.has(region);
}

/** Right-to-left languages, for runtimes whose Intl.Locale has no text info. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** The direction a language is written in, for HTML's `dir`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
  const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
}

const bases = new Map<string, Lang>();

/** `en-GB` → `en`. Cached: Intl.Locale is slow to construct, and this is called per block. */
export function baseLanguage(lang: Lang): Lang {
  let base = bases.get(lang);
  if (base === undefined) {
    base = new Intl.Locale(lang).language as Lang;
    bases.set(lang, base);
  }
  return base;
}
