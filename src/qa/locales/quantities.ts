/**
 * Reading dates, times and numbers out of text in a locale's conventions, so
 * that `am 9. September` = `on 9 September` = `on September 9` = `le 9
 * septembre` = `9月9日`, `9.15 Uhr` = `9:15` = `9:15 a.m.` = `9 h 15`, and
 * `15.000` = `15,000` = `15 000`.
 */
import type { LocaleRules } from './rules.js';

export interface Quantities {
  /** `month-day`, e.g. `9-9`. */
  readonly dates: string[];
  /** Minutes after midnight; `twelveHour` when the text did not say a.m. or p.m. (or 24-hour). */
  readonly times: { readonly minutes: number; readonly twelveHour: boolean }[];
  readonly numbers: number[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new WeakMap<LocaleRules, { dayFirst: RegExp; monthFirst: RegExp; number: RegExp; monthOf: Map<string, number> }>();

function compiled(rules: LocaleRules) {
  let found = patterns.get(rules);
  if (!found) {
    const monthOf = new Map<string, number>();
    rules.months.forEach((names, index) => {
      for (const name of names) if (!/\d/.test(name)) monthOf.set(name, index + 1);
    });
    const names = [...monthOf.keys()].sort((a, b) => b.length - a.length).map(escape).join('|') || '(?!)';
    const group = `[${rules.groups.map(escape).join('')}]`;
    const decimal = escape(rules.decimal);
    found = {
      monthOf,
      // 9. September, 9 septembre, 1er mai, 9 de septiembre, 9 września
      dayFirst: new RegExp(`(?<![\\p{N}])(\\d{1,2})(?:\\.|er|st|nd|rd|th|º)?(?:\\s+de)?\\s+(${names})\\.?(?![\\p{L}])`, 'giu'),
      // September 9, Sept. 9th
      monthFirst: new RegExp(`(?<![\\p{L}])(${names})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}])`, 'giu'),
      // Grouped, then with the locale's decimal mark, then with a point that cannot be a
      // group separator (not followed by exactly three digits, nor part of a date like
      // 12.5.2015): `3.5` in a French or Spanish software string is a decimal written the
      // international way, not 3 and 5.
      number: new RegExp(
        `(?<![\\p{Nd}])(\\p{Nd}{1,3}(?:${group}\\p{Nd}{3})+(?:${decimal}\\p{Nd}+)?)(?!\\p{Nd})|(\\p{Nd}+(?:${decimal}\\p{Nd}+)?)(?!\\.\\p{Nd})|(\\p{Nd}+\\.(?!\\p{Nd}{3}(?!\\p{Nd}))\\p{Nd}+)(?!\\p{Nd}|\\.\\p{Nd})|(\\p{Nd}+)`,
        'gu',
      ),
    };
    patterns.set(rules, found);
  }
  return found;
}

/** Times, most specific first; each gives [hour, minutes?, am/pm?]. */
const TIMES: readonly { readonly pattern: RegExp; readonly twelveHour: boolean }[] = [
  // 9:15 a.m., 9 pm
  { pattern: /(?<![\p{N}])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\.?(?![\p{L}])/giu, twelveHour: false },
  // 9.15 Uhr, 9 Uhr
  { pattern: /(?<![\p{N}])(\d{1,2})(?:[.:](\d{2}))?\s*Uhr(?![\p{L}])/gu, twelveHour: false },
  // 9 h 15, 21h30, 9 h
  { pattern: /(?<![\p{N}])(\d{1,2})\s?h(?:\s?(\d{2}))?(?![\p{L}\p{N}])/gu, twelveHour: false },
  // 9時15分
  { pattern: /(\d{1,2})時(?:(\d{1,2})分)?/gu, twelveHour: false },
  // 9:15 (24-hour or unmarked 12-hour)
  { pattern: /(?<![\p{N}:])(\d{1,2}):(\d{2})(?![\p{N}:])/gu, twelveHour: true },
];

/** Removes what a pattern matched, so the next reading does not see it again. */
function take(text: string, pattern: RegExp, each: (match: RegExpMatchArray) => void): string {
  return text.replace(pattern, (...args) => {
    const match = args.slice(0, -2) as unknown as RegExpMatchArray;
    each(match);
    return ' '.repeat((match[0] as string).length);
  });
}

export function readQuantities(input: string, rules: LocaleRules): Quantities {
  const { dayFirst, monthFirst, number, monthOf } = compiled(rules);
  const dates: string[] = [];
  const times: Quantities['times'] = [];
  const numbers: number[] = [];
  let text = take(input, /(\d{1,2})月(\d{1,2})日/gu, (m) => dates.push(`${Number(m[1])}-${Number(m[2])}`));
  text = take(text, dayFirst, (m) => dates.push(`${monthOf.get(m[2]!.toLowerCase())}-${Number(m[1])}`));
  text = take(text, monthFirst, (m) => dates.push(`${monthOf.get(m[1]!.toLowerCase())}-${Number(m[2])}`));
  for (const { pattern, twelveHour } of TIMES) {
    text = take(text, pattern, (m) => {
      let hour = Number(m[1]);
      const marker = m[3]?.toLowerCase();
      if (marker === 'p' && hour < 12) hour += 12;
      if (marker === 'a' && hour === 12) hour = 0;
      times.push({ minutes: hour * 60 + Number(m[2] ?? 0), twelveHour: twelveHour && hour <= 12 });
    });
  }
  for (const [, grouped, local, point, digits] of text.matchAll(number)) {
    if (point !== undefined) numbers.push(Number(asciiDigits(point)));
    else if (digits !== undefined) numbers.push(Number(asciiDigits(digits)));
    else {
      let normalised = asciiDigits(grouped ?? local!);
      if (grouped !== undefined) for (const group of rules.groups) normalised = normalised.split(group).join('');
      numbers.push(Number(normalised.replace(rules.decimal, '.')));
    }
  }
  return { dates, times, numbers };
}

/**
 * Decimal digits of any script (`３`, `٣`, `३`) as ASCII, so `Number` can read
 * them. Unicode keeps each script's digits 0–9 in a run of ten code points
 * (UnicodeData.txt, general category Nd), so a digit's value is its distance
 * from the start of its run.
 */
export function asciiDigits(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (char) => {
    if (!/\p{Nd}/u.test(char)) return char;
    let start = char.codePointAt(0)!;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((char.codePointAt(0)! - start) % 10);
  });
}

/** Number words a translation may use for a small number (1–12): a warning, not an error. */
export const NUMBER_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  fr: ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'],
  es: ['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce'],
  it: ['uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici'],
  pl: ['jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć', 'dziesięć', 'jedenaście', 'dwanaście'],
  de: ['eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'],
  ja: ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'],
};
