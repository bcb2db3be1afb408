/**
 * Languages as readers see them: each named in its own language, as a menu
 * shows it (`Intl.DisplayNames`; capitalised for the menu, since French,
 * Spanish, Italian and Polish write language names in lower case), and the
 * one-line notice a reader gets when their language is not published yet,
 * worded in `notices.json`.
 */
import { baseLanguage, isPseudoLocale, type Lang } from '../core/lang.js';
import WORDING from './notices.json' with { type: 'json' };

const names = new Map<string, string>();

/** `fr` → "Français", `ja` → "日本語". */
export function ownName(lng: string): string {
  let name = names.get(lng);
  if (name === undefined) {
    const own = safeDisplayName(lng, lng) ?? lng;
    name = own.charAt(0).toLocaleUpperCase(lng) + own.slice(1);
    names.set(lng, name);
  }
  return name;
}

function safeDisplayName(lng: string, inLanguage: string): string | undefined {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'none' }).of(lng);
  } catch {
    return undefined;
  }
}

/**
 * The notice for a reader who asked for `wanted`, in their language where
 * `notices.json` has its wording, else in English; the language named in the
 * notice's own language by CLDR; with the notice's language tag, for `lang=`.
 */
export function notYetAvailable(wanted: string): { readonly lang: string; readonly text: string } | undefined {
  const base = baseLanguage(wanted as Lang);
  const lang = wordingLanguage(NOTICES.notYetAvailable, base);
  // The language, not its region: readers of es-ES and es-MX both read "español".
  const name = safeDisplayName(base, lang);
  if (name === undefined) return undefined;
  // A function as the replacement: a `$` in a language name is not a replacement pattern.
  return { lang, text: NOTICES.notYetAvailable[lang]!.replace('{language}', () => name) };
}

/**
 * The index page's heading for a reader who prefers `preferred` (Accept-Language, best first): in the
 * first of them `notices.json` has wording for, in English when it has none of them, in `source` when
 * the reader said nothing. With its tag, for `lang=`.
 */
export function articlesHeading(preferred: readonly string[], source: string): { readonly lang: string; readonly text: string } {
  const bases = preferred.filter((tag) => tag !== '*').map((tag) => baseLanguage(tag as Lang));
  const lang = bases.find((base) => Object.hasOwn(NOTICES.articles, base)) ?? (bases.length === 0 ? wordingLanguage(NOTICES.articles, baseLanguage(source as Lang)) : 'en');
  return { lang, text: NOTICES.articles[lang]! };
}

/** Readers' wording, one table per message, keyed by base language: one file a team extends (`notices.json`). */
const NOTICES: { readonly notYetAvailable: Readonly<Record<string, string>>; readonly articles: Readonly<Record<string, string>> } = WORDING;

function wordingLanguage(table: Readonly<Record<string, string>>, base: string): string {
  return Object.hasOwn(table, base) ? base : 'en';
}

/** Languages readers may be offered: pseudo-locales only where the server is told to serve them. */
export function publicLanguages(languages: readonly string[], pseudo: boolean): string[] {
  return pseudo ? [...languages] : languages.filter((lng) => !isPseudoLocale(lng as Lang));
}
