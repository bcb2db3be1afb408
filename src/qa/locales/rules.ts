/**
 * What QA needs to know about a locale, as data. Quotation marks come from
 * CLDR (cldr-misc-full, delimiters.json), plus the variants professional
 * translations of that language use; number symbols and month names come from
 * Intl, so they match what Node formats.
 */
import { createRequire } from 'node:module';
import { baseLanguage, isPseudoLocale, type Lang } from '../../core/lang.js';

export type QuotePair = readonly [open: string, close: string];

export interface LocaleRules {
  readonly lang: Lang;
  /** The language the text's names, numbers and quotes follow: the source's for a pseudo-locale. */
  readonly textLang: Lang;
  /** Quotation marks the locale uses, preferred (CLDR primary) first. */
  readonly quotes: readonly QuotePair[];
  readonly decimal: string;
  /** Group separators accepted in numbers: the locale's own and the spaces MT writes instead. */
  readonly groups: readonly string[];
  /** Month names (format and standalone, long and short), lower case, index = month - 1. */
  readonly months: readonly (readonly string[])[];
  /** The long month names alone, lower case: what a text names a month by without a day. */
  readonly monthWords: readonly (readonly string[])[];
  /** Weekday names, lower case, Monday first (Intl, long form). */
  readonly weekdays: readonly string[];
}

const require = createRequire(import.meta.url);

/** Variants in professional use that CLDR does not list as the locale's own. */
const EXTRA_QUOTES: Readonly<Record<string, readonly QuotePair[]>> = {
  de: [['»', '«'], ['›', '‹']],
  fr: [['“', '”'], ['‹', '›']],
  es: [['«', '»']],
  it: [['‘', '’']],
  // Polish also nests »…« inside „…”, beside CLDR's «…».
  pl: [['‚', '’'], ['»', '«']],
  // Danish press and book typography writes »…« (Dansk Sprognævn, Retskrivningsordbogen §56); Swedish and Finnish
  // also write »…» beside CLDR's ”…” (Språkrådet, Svenska skrivregler).
  da: [['»', '«'], ['›', '‹']],
  sv: [['»', '»']],
  fi: [['»', '»']],
};

function cldrQuotes(lang: Lang): QuotePair[] {
  for (const tag of [lang, baseLanguage(lang)]) {
    try {
      const data = require(`cldr-misc-full/main/${tag}/delimiters.json`) as {
        main: Record<string, { delimiters: Record<string, string> }>;
      };
      const d = Object.values(data.main)[0]!.delimiters;
      return [
        [d['quotationStart']!, d['quotationEnd']!],
        [d['alternateQuotationStart']!, d['alternateQuotationEnd']!],
      ];
    } catch {
      // Not in CLDR under this tag: try the base language, then English.
    }
  }
  return [['“', '”'], ['‘', '’']];
}

function weekdayNames(lang: Lang): string[] {
  const format = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  // 2025-09-08 was a Monday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2025, 8, 8 + day))).toLowerCase());
}

function monthNames(lang: Lang, styles: readonly ('long' | 'short')[] = ['long', 'short']): string[][] {
  const names: string[][] = [];
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2025, month, 9));
    const forms = new Set<string>();
    for (const style of styles) {
      // With a day: the format (genitive) form, "września"; alone: the standalone form, "wrzesień".
      const withDay = new Intl.DateTimeFormat(lang, { day: 'numeric', month: style, timeZone: 'UTC' }).formatToParts(date);
      forms.add(withDay.find((part) => part.type === 'month')!.value);
      forms.add(new Intl.DateTimeFormat(lang, { month: style, timeZone: 'UTC' }).format(date));
    }
    names.push([...forms].map((name) => name.toLowerCase().replace(/\.$/, '')).filter((name) => !/^\d+$/.test(name)));
  }
  return names;
}

const cache = new Map<string, LocaleRules>();

export function localeRules(lang: Lang, sourceLang: Lang): LocaleRules {
  const key = `${lang}|${sourceLang}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // Pseudo-localisation leaves numbers, quotes and names of the source untouched.
  const effective = isPseudoLocale(lang) ? sourceLang : lang;
  const parts = new Intl.NumberFormat(effective, { useGrouping: 'always' } as Intl.NumberFormatOptions).formatToParts(12345.6);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const spaces = [' ', '\u00a0', '\u202f'];
  const quotes = [...cldrQuotes(effective), ...(EXTRA_QUOTES[baseLanguage(effective)] ?? [])];
  const rules: LocaleRules = {
    lang,
    textLang: effective,
    quotes: quotes.filter((pair, i) => quotes.findIndex((other) => other[0] === pair[0] && other[1] === pair[1]) === i),
    decimal,
    groups: [...new Set([group, ...(spaces.includes(group) ? spaces : [])])],
    months: monthNames(effective),
    monthWords: monthNames(effective, ['long']),
    weekdays: weekdayNames(effective),
  };
  cache.set(key, rules);
  return rules;
}
