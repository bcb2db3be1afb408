/**
 * What QA needs to know about a locale, as data. Quotation marks follow CLDR
 * (delimiters.json: quotationStart/End and the alternates); number symbols come
 * from Intl, so they match what Node formats.
 */
import { baseLanguage, isPseudoLocale, type Lang } from '../../core/lang.js';

export interface LocaleRules {
  readonly lang: Lang;
  /** The language the text's names, numbers and quotes follow: the source's for a pseudo-locale. */
  readonly textLang: Lang;
  /** Characters that open a quotation in this locale (primary, alternate, and common variants). */
  readonly quoteOpeners: readonly string[];
  readonly decimal: string;
  /** Group separators accepted in numbers: the locale's own and the spaces MT writes instead. */
  readonly groups: readonly string[];
}

/** Opening quotation marks per language (CLDR 48 primary and alternate). */
const QUOTE_OPENERS: Readonly<Record<string, readonly string[]>> = {
  de: ['„', '‚', '»', '›'],
  en: ['“', '‘'],
  fr: ['«', '“'],
  es: ['«', '“'],
  it: ['«', '“'],
  pl: ['„', '«'],
  pt: ['“', '«'],
  nl: ['‘', '“'],
  ru: ['«', '„'],
  ja: ['「', '『'],
  zh: ['“', '‘', '「'],
};

const SPACES = [' ', '\u00a0', '\u202f'];

export function localeRules(lang: Lang, sourceLang: Lang): LocaleRules {
  // Pseudo-localisation leaves numbers and quotes of the source untouched.
  const effective = isPseudoLocale(lang) ? sourceLang : lang;
  const parts = new Intl.NumberFormat(effective, { useGrouping: 'always' } as Intl.NumberFormatOptions).formatToParts(
    12345.6,
  );
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  return {
    lang,
    textLang: effective,
    quoteOpeners: QUOTE_OPENERS[baseLanguage(effective)] ?? ['“', '‘'],
    decimal,
    groups: [...new Set([group, ...(SPACES.includes(group) ? SPACES : [])])],
  };
}
