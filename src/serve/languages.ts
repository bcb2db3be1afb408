/**
 * Languages as readers see them: each named in its own language, as a menu
 * shows it (`Intl.DisplayNames`; capitalised for the menu, since French,
 * Spanish, Italian and Polish write language names in lower case), and the
 * one-line notice a reader gets when their language is not published yet.
 */
import { baseLanguage, isPseudoLocale, type Lang } from '../core/lang.js';

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

/** "This article is not yet available in {language}" in the languages we have it in; the language named in the same language. */
const NOT_YET: Readonly<Record<string, (language: string) => string>> = {
  de: (language) => `Dieser Artikel ist noch nicht auf ${language} verfügbar.`,
  en: (language) => `This article is not yet available in ${language}.`,
  es: (language) => `Este artículo aún no está disponible en ${language}.`,
  fr: (language) => `Cet article n’est pas encore disponible en ${language}.`,
  it: (language) => `Questo articolo non è ancora disponibile in ${language}.`,
  ja: (language) => `この記事は${language}ではまだご覧いただけません。`,
  pl: (language) => `Ten artykuł nie jest jeszcze dostępny w tym języku (${language}).`,
};

/**
 * The notice for a reader who asked for `wanted`, in their language where we
 * have the sentence, else in English; with its language tag, for `lang=`.
 */
export function notYetAvailable(wanted: string): { readonly lang: string; readonly text: string } | undefined {
  const base = baseLanguage(wanted as Lang);
  const lang = NOT_YET[base] ? base : 'en';
  // The language, not its region: readers of es-ES and es-MX both read "español".
  const name = safeDisplayName(base, lang);
  if (name === undefined) return undefined;
  return { lang, text: NOT_YET[lang]!(name) };
}

/** Languages readers may be offered: pseudo-locales only where the server is told to serve them. */
export function publicLanguages(languages: readonly string[], pseudo: boolean): string[] {
  return pseudo ? [...languages] : languages.filter((lng) => !isPseudoLocale(lng as Lang));
}
