/**
 * Language tags are parsed once, at the boundary (config, CLI, XLIFF), into a
 * canonical BCP 47 `Lang`. Inside the pipeline nothing parses a tag again.
 */
import { createRequire } from 'node:module';
import type { Brand } from './brand.js';
import { quoted } from './errors.js';

const require = createRequire(import.meta.url);

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
  try {
    if (languageNames.of(locale.language) === undefined) return undefined;
    if (locale.region && !PSEUDO_REGIONS.has(locale.region) && regionNames.of(locale.region) === undefined) {
      return undefined;
    }
  } catch {
    // DisplayNames refuses subtags BCP 47 reserves (a four-letter language such as `root`).
    return undefined;
  }
  return canonical as Lang;
}

/**
 * The tag that was probably meant by one `parseLang` refuses, or `undefined`: `en_US` → `en-US` (POSIX
 * locale names use `_`, BCP 47 uses `-`), `jp` → `ja` (a country code where a language was wanted: the
 * country's likely language, from CLDR's likelySubtags `und-JP`), `english`/`Deutsch`/`japonais` → the code
 * of a language named so in English, German, French or the language itself (CLDR names through
 * Intl.DisplayNames, over the locales CLDR has data for).
 */
export function suggestLang(tag: string): Lang | undefined {
  const trimmed = tag.trim();
  if (trimmed.includes('_')) {
    const dashed = parseLang(trimmed.replaceAll('_', '-'));
    if (dashed) return dashed;
  }
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const likely = likelySubtags()[`und-${trimmed.toUpperCase()}`];
    const language = likely === undefined ? undefined : parseLang(new Intl.Locale(likely).language);
    if (language) return language;
  }
  return languagesByName().get(trimmed.toLowerCase());
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** `unknown locale "jp"; did you mean "ja" (Japanese)?`: the refusal of a tag, with the code meant when one can be told. */
export function unknownLocale(tag: string): string {
  const lang = suggestLang(tag);
  const name = lang === undefined ? undefined : englishNames.of(lang);
  return `unknown locale ${quoted(tag)}${lang === undefined ? '' : `; did you mean ${quoted(lang)}${name ? ` (${name})` : ''}?`}`;
}

let likely: Readonly<Record<string, string>> | undefined;
function likelySubtags(): Readonly<Record<string, string>> {
  likely ??= (require('cldr-core/supplemental/likelySubtags.json') as { supplemental: { likelySubtags: Record<string, string> } }).supplemental.likelySubtags;
  return likely;
}

let byName: Map<string, Lang> | undefined;
/** Lower-cased language names → code; built once, on the first refused tag. */
function languagesByName(): Map<string, Lang> {
  if (byName) return byName;
  byName = new Map();
  const available = (require('cldr-core/availableLocales.json') as { availableLocales: { full: string[] } }).availableLocales.full;
  const codes = [...new Set(available.map((tag) => tag.split('-')[0]!))];
  const namers = ['en', 'de', 'fr'].map((lang) => new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }));
  for (const code of codes) {
    const lang = parseLang(code);
    if (!lang) continue;
    let own: Intl.DisplayNames | undefined;
    try {
      own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' });
    } catch {
      own = undefined;
    }
    for (const namer of [...namers, own]) {
      const name = namer?.of(code)?.toLowerCase();
      // The first language to claim a name keeps it (English names are asked first).
      if (name && !byName.has(name)) byName.set(name, lang);
    }
  }
  return byName;
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
