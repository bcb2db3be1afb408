/**
 * Reading dates, times and amounts out of text in a locale's conventions, so
 * that `am 4. und 5. Mai` = `May 4-5` = `5月4、5両日`, `9.15 Uhr` = `9:15 a.m.`
 * = `9 h 15` = `a las 9.15` = `午前9時15分`, `2,8 Mrd. Euro` = `€2.8bn` =
 * `2.800 millones de euros` = `28億ユーロ`, and `die 9. Sinfonie` = `the
 * Ninth Symphony` = `IX Symfonia`. The words come from `numerals.json`, the
 * units from `units.json`.
 *
 * Every pattern here is anchored to a figure or a word and bounded in length,
 * so reading is linear in the text.
 */
import { baseLanguage } from '../../core/lang.js';
import type { LocaleRules } from './rules.js';
import NUMERALS from './numerals.json' with { type: 'json' };
import UNITS from './units.json' with { type: 'json' };
import PRESS from './press.json' with { type: 'json' };
import { readSpelled } from './spellout.js';
import { readDurations, type Duration } from './durations.js';

export interface Amount {
  readonly value: number;
  /** A unit of `units.json` (`km`, `EUR`, `percent`), when the text names one. */
  readonly unit?: string;
  /** As written, for messages. */
  readonly text: string;
  /**
   * In brackets right after a figure in another unit: a conversion for the
   * reader (`12 km (7.5 miles)`, `(2.2-mile)`), which either side may add.
   */
  readonly aside?: boolean;
  /**
   * A small figure joined to an East Asian counter (`2人`, `2つ`, `1年中`): how
   * Japanese and Chinese write what German says with a word (`die beiden`).
   */
  readonly counter?: boolean;
  /** Inside a compound word (`4-Tage-Woche`), which other languages write as a word (`czterodniowy`): never required. */
  readonly inWord?: boolean;  /** A whole figure without a unit followed by a word (`24 Sitze`, `40 av de`): a count, not a share. */
  readonly counted?: boolean;
}

export interface Time {
  /** Minutes after midnight. */
  readonly minutes: number;
  /** The text did not say a.m. or p.m. (nor used a 24-hour figure above 12). */
  readonly twelveHour: boolean;
}

export interface Quantities {
  /** `month-day`, e.g. `9-9`; a range or list of days gives one per day named. */
  readonly dates: string[];
  /** Months named without a day (`im Oktober`, `10月`). */
  readonly months: number[];
  readonly times: Time[];
  /** Figures written with digits, scale words applied (`2,8 Mrd.` = 2.8e9). */
  readonly amounts: Amount[];
  /**
   * Values of spelled numbers, ordinals, fractions and Roman numerals. They
   * may stand for a figure of the other side (`dritten` = `3日目`) but are never
   * required, since which words count as numbers is open-ended.
   */
  readonly words: number[];
  /** Numbers spelled out with a unit after them (`drei Wochen`, `tre uger`, `три недели`): compared by unit when both sides spell them. */
  readonly spelledUnits?: { readonly value: number; readonly unit: string; readonly text: string }[];
  /** Race times, game clocks and lengths of time (`2:04 Stunden`, `4:41,30`, `27:37`, `2時間3分`), in seconds. */
  readonly durations?: Duration[];
  /** Units of time said with an article or `one` (`innerhalb einer Woche`, `within a month`): one of the unit. */
  readonly impliedOne?: { readonly unit: string; readonly text: string }[];
}

interface Numerals {
  readonly cardinals: Record<string, number>;
  readonly ordinals: Record<string, number>;
  readonly fractions: Record<string, number>;
  readonly multipliers: Record<string, number>;
  readonly scales: Record<string, number>;
  readonly dayParts: Record<string, 'am' | 'pm' | 'night' | 'none'>;
  readonly months: Record<string, number>;
  /** How many letters of inflection an ordinal stem takes (2 when not given: `dritt|en`; Polish `pierwsz|ego` 3, Italian `settim|o` 1). */
  readonly ordinalEnding?: number;
  /** Words that say a number and its unit in one (Korean `사흘` three days), read at the start of a word. */
  readonly counts?: Record<string, [value: number, unit: string]>;
}

const NO_NUMERALS: Numerals = { cardinals: {}, ordinals: {}, fractions: {}, multipliers: {}, scales: {}, dayParts: {}, months: {} };
const numeralsOf = (rules: LocaleRules): Numerals =>
  ((NUMERALS as unknown as Record<string, Numerals>)[baseLanguage(rules.textLang)] ?? NO_NUMERALS);

const UNIT_TABLE = UNITS.units as Record<string, { symbols: string[]; stems: string[] }>;
export const CONVERSIONS = UNITS.conversions as [from: string, to: string, factor: number | 'celsius'][];
/** Rough value of each currency in US dollars: enough to tell a conversion from a different figure. */
export const CURRENCY_RATES = UNITS.currencies as Readonly<Record<string, number>>;

interface Press {
  /** Words after a clock figure that make it a time of day (`om 15 uur`, `18 heures`). */
  readonly hourWords?: readonly string[];
  /** Words before a figure with minutes that make it a time of day (`alle 15.00`, `las 14.30`). */
  readonly timeBefore?: readonly string[];
  /** The press writes a 12-hour clock: `at 9.00` may be 21:00. */
  readonly twelveHour?: boolean;
  /** Counters after a figure that make it a rank (`6位`, `3위`). */
  readonly rankAfter?: readonly string[];
  /** Words that count a football minute from the second half's start (`後半15分` = 60th minute). */
  readonly secondHalf?: { readonly before?: readonly string[]; readonly after?: readonly string[] };
}
const pressOf = (rules: LocaleRules): Press => ((PRESS as unknown as Record<string, Press>)[baseLanguage(rules.textLang)] ?? {});

/**
 * Scale words CLDR gives for a locale (compact decimal formats, long and short,
 * in each plural form), as Intl formats them: `miljoen`, `mln.`, `milionů`,
 * `miliony`, `milhões`. A new locale reads `4,2 miljoen` with no data of ours.
 */
function intlScales(lang: string): [string, number][] {
  const out: [string, number][] = [];
  for (const compactDisplay of ['long', 'short'] as const) {
    let format: Intl.NumberFormat;
    try {
      format = new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay });
    } catch {
      return out;
    }
    for (const scale of [1e3, 1e6, 1e9, 1e12]) {
      for (const n of [1, 2, 3, 5, 1.5, 21, 100]) {
        const parts = format.formatToParts(n * scale);
        const word = parts.filter((part) => part.type === 'compact').map((part) => part.value).join('').trim();
        // CJK myriads are read with their figure (`420万`); one-letter short forms (`K`, `B`) are too ambiguous.
        if (!word || /[\p{Nd}\p{sc=Han}\p{sc=Hangul}]/u.test(word) || (compactDisplay === 'short' && word.length < 2)) continue;
        const shown = Number(parts.map((part) => (part.type === 'integer' || part.type === 'fraction' ? part.value : part.type === 'decimal' ? '.' : '')).join(''));
        if (shown > 0) out.push([word.toLowerCase(), round((n * scale) / shown)]);
      }
    }
  }
  return out;
}

/**
 * A numeric date in the locale's own order and separators, from Intl
 * (`10.6.2006`, `10/06/2006`, `10-6-2006`, `10. 6. 2006`, `2006/6/10`), with a
 * four-digit year so that it cannot be a number; zero padding is accepted.
 */
function numericDatePattern(lang: string): RegExp {
  let parts: Intl.DateTimeFormatPart[] = [];
  try {
    parts = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2006, 5, 10)));
  } catch {
    // Unknown to Intl: ISO dates only.
  }
  const field: Record<string, string> = { day: String.raw`(?<d>\d{1,2})`, month: String.raw`(?<m>\d{1,2})`, year: String.raw`(?<y>\d{4})` };
  let own = '';
  for (const part of parts) {
    if (field[part.type]) own += field[part.type];
    else if (part.type === 'literal' && /^[\s./-]{1,3}$/u.test(part.value)) own += part.value.split('').map((char) => (/\s/u.test(char) ? '\\s?' : escape(char))).join('');
    else return /(?<![\p{N}.])(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?![\p{N}])/gu;
  }
  const iso = String.raw`(?<y2>\d{4})-(?<m2>\d{2})-(?<d2>\d{2})`;
  return new RegExp(`(?<![\\p{N}.,])(?:${own || '(?!)'}|${iso})(?![\\p{N}])`, 'gu');
}

function monthBeforeDay(lang: string): boolean {
  try {
    const types = new Intl.DateTimeFormat(lang, { month: 'long', day: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2006, 5, 10))).map((part) => part.type);
    return types.indexOf('month') < types.indexOf('day');
  } catch {
    return true;
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|') || '(?!)';
const flexibleSpaces = (text: string) => text.replace(/ /g, '\\s+');

/** Words that join days in a list or range: `4. und 5.`, `4-5`, `du 4 au 5`, `4、5`; each locale adds its own `and` (CLDR list patterns). */
const DAY_JOIN_WORDS = String.raw`,|und|bis(?:\s+zum)?|oder|and|to|through|or|et|au|ou|y|al|o|i|do|oraz|lub|–|—|-|/|&`;
const dayJoin = (extra: readonly string[]) => String.raw`\s*(?:${[...extra.map(escape), DAY_JOIN_WORDS].join('|')})\s*`;

/**
 * The word a locale joins the last two items of a list with (`og`, `och`,
 * `ve`, `и`, `e`), from CLDR's list patterns through Intl.ListFormat: `19. og
 * 20. marts` lists two days as `19. und 20. März` does.
 */
function intlListWords(lang: string): string[] {
  const words = new Set<string>();
  for (const type of ['conjunction', 'disjunction'] as const) {
    try {
      for (const part of new Intl.ListFormat(lang, { type }).formatToParts(['1', '2'])) {
        const word = part.type === 'literal' ? part.value.trim() : '';
        if (/^\p{L}{1,6}$/u.test(word)) words.add(word);
      }
    } catch {
      // Unknown to Intl: the shared words only.
    }
  }
  return [...words];
}

/**
 * Units of duration, distance and speed as CLDR names them in a locale
 * (`timer`, `dage`, `uger`, `kilometer i timen`, `時間`, `小时`, `недель`), read
 * through Intl's unit formatting in several plural forms: `48 timer` is 48
 * hours in Danish with no data of ours. Long names only: short ones (`t.`,
 * `d`) are too ambiguous after a figure.
 */
const CJK = /[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}]/u;
/** Units of time: a small count of them joined to an East Asian counter (`1年中`, `2週間`) is said with a word in German too. */
const TIME_UNITS = new Set(['hour', 'minute', 'second', 'day', 'week', 'month', 'year']);
// Lengths, weights and temperatures too: a conversion for the reader is read in any locale (`30 yards`, `20フィート`,
// `80 stupňů`, `6 stop`), as CLDR names the unit.
const INTL_UNITS: readonly [cldr: string, unit: string][] = [
  ['hour', 'hour'], ['minute', 'minute'], ['second', 'second'], ['day', 'day'], ['week', 'week'], ['month', 'month'], ['year', 'year'],
  ['kilometer', 'km'], ['kilometer-per-hour', 'kmh'], ['mile', 'mile'], ['mile-per-hour', 'mph'], ['percent', 'percent'],
  ['meter', 'm'], ['centimeter', 'cm'], ['millimeter', 'mm'], ['foot', 'ft'], ['inch', 'inch'], ['yard', 'yard'],
  ['kilogram', 'kg'], ['pound', 'lb'], ['hectare', 'ha'], ['acre', 'acre'], ['liter', 'litre'], ['gallon', 'gallon'],
  ['celsius', 'celsius'], ['degree', 'celsius'], ['fahrenheit', 'fahrenheit'],
];
/** The units of length, weight, area, volume and temperature above: their CLDR names yield to the table's. */
const MEASURE_NAMES = new Set(INTL_UNITS.slice(12).map(([, unit]) => unit));
function intlUnitWords(lang: string, prefixes?: Map<string, string>): [string, string][] {
  const out: [string, string][] = [];
  for (const [cldr, unit] of INTL_UNITS) {
    let format: Intl.NumberFormat;
    try {
      format = new Intl.NumberFormat(lang, { style: 'unit', unit: cldr, unitDisplay: 'long' });
    } catch {
      return out;
    }
    for (const n of [1, 2, 3, 5, 21, 48, 1.5]) {
      const parts = format.formatToParts(n);
      const word = parts.filter((part) => part.type === 'unit').map((part) => part.value).join('').trim().toLowerCase();
      // Some locales name the unit first (Turkish `yüzde 58`): a word before the figure.
      if (prefixes && word && parts.findIndex((part) => part.type === 'unit') < parts.findIndex((part) => part.type === 'integer')) {
        prefixes.set(word, unit);
        continue;
      }
      // One letter is a unit only in scripts that write words with one sign (`日`, `주`).
      if (word && !/\p{N}/u.test(word) && (word.length > 1 || CJK.test(word))) out.push([word, unit]);
    }
  }
  return out;
}
const ORDINAL_MARK = String.raw`(?:\.|er|e|st|nd|rd|th|º|ª)?`;

interface Compiled {
  readonly monthOf: Map<string, number>;
  readonly dayFirst: RegExp;
  readonly monthFirst: RegExp;
  /** The locale writes the month before the day (`June 10`), by Intl. */
  readonly monthFirstOrder: boolean;
  readonly monthAlone: RegExp;
  readonly number: RegExp;
  readonly after: RegExp;
  /** How `after`'s alternatives start, folded (`afterKey`): text that starts no other way has no scale or unit. */
  readonly afterStarts: ReadonlySet<string>;
  readonly dayPart: RegExp;
  readonly wordTime: RegExp;
  readonly word: RegExp;
  /** One more cardinal inside a compound word, after a joiner: `sieben|und|dreißig`, `sedm|a|třicet`, `trent|un`. */
  readonly wordPart: RegExp;
  readonly scaleAfter: RegExp;
  readonly scaleOf: Map<string, number>;
  readonly unitOf: (written: string) => string | undefined;
  readonly numericDate: RegExp;
  /** `om 15 uur`, `18 heures`, `15 Uhr`: a figure followed by a word for the hour. */
  readonly hourAfter: RegExp;
  /** `alle 15.00`, `las 14.30`: a word before a figure with minutes. */
  readonly timeBefore: RegExp;
  readonly twelveHour: boolean;
  /** The locale's clock has twelve hours (CLDR's hour cycle h11 or h12), or its press writes one. */
  readonly clock12: boolean;
  /** Unit names a locale writes before the figure (Turkish `yüzde 58`, CLDR's unit patterns). */
  readonly prefixUnits: ReadonlyMap<string, string>;
  /** `後半15分`, `22 minutos do segundo tempo`: a minute of the second half (figure in group 1 or 2). */
  readonly secondHalf: RegExp;
}

function hourCycle(lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { hour: 'numeric' }).resolvedOptions().hourCycle ?? 'h23';
  } catch {
    return 'h12';
  }
}

/** The word Intl writes after an hour on a 24-hour clock (`15 Uhr`, `15 h`), if any. */
function intlHourWord(lang: string): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat(lang, { hour: 'numeric', hourCycle: 'h23', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2020, 0, 1, 15)));
    const word = parts.filter((part) => part.type === 'literal').map((part) => part.value).join('').trim();
    return /^\p{L}[\p{L}.]*$/u.test(word) ? word : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A case ending after a scale word of five letters or more (`142 milionům`,
 * `milionach`, `miliardového`): CLDR gives the nominative and plural forms,
 * Slavic languages decline them.
 */
const SCALE_ENDING = String.raw`(?:(?<=\p{L}{5})\p{L}{0,4})?`;

const compiledRules = new WeakMap<LocaleRules, Compiled>();

function compiled(rules: LocaleRules): Compiled {
  const found = compiledRules.get(rules);
  if (found) return found;
  const numerals = numeralsOf(rules);
  const monthOf = new Map<string, number>();
  rules.months.forEach((names, index) => {
    for (const name of names) if (!/\d/.test(name)) monthOf.set(name, index + 1);
  });
  for (const [name, month] of Object.entries(numerals.months)) monthOf.set(name, month);
  const months = longestFirst(monthOf.keys());
  // A plain or no-break space groups digits in every locale's press (`25 000`, `40 000`), whatever CLDR's own group is.
  const group = `[${rules.groups.map(escape).join('')} \u00a0\u202f]`;
  const decimal = escape(rules.decimal);
  const day = String.raw`(?<![\p{N}])\d{1,2}${ORDINAL_MARK}`;
  // Months alone only in their long form, and capitalised where the language capitalises them
  // ("May" is a month, "may" a verb).
  const capitalised = /^(de|en)$/.test(baseLanguage(rules.textLang));
  const longMonths = longestFirst(rules.monthWords.flatMap((names) => names.filter((name) => !/\d/.test(name)).map((name) => (capitalised ? name[0]!.toUpperCase() + name.slice(1) : name))));
  const scaleOf = new Map(Object.entries(numerals.scales).map(([word, value]) => [word.toLowerCase(), value]));
  for (const [word, value] of intlScales(rules.textLang)) if (!scaleOf.has(word)) scaleOf.set(word, value);
  const press = pressOf(rules);
  const hourWords = [...(press.hourWords ?? []), intlHourWord(rules.textLang) ?? ''].filter((word) => word !== '');
  const symbols = new Map<string, string>();
  const stems: [string, string][] = [];
  for (const [unit, { symbols: own, stems: ownStems }] of Object.entries(UNIT_TABLE)) {
    for (const symbol of own) symbols.set(symbol, unit);
    for (const stem of ownStems) stems.push([stem.toLowerCase(), unit]);
  }
  // CLDR's own names of units are whole words (`mil` is miles in Czech, not the start of `milionů`).
  const named = new Map<string, string>();
  const prefixUnits = new Map<string, string>();
  for (const [word, unit] of intlUnitWords(rules.textLang, prefixUnits)) {
    if (stems.some(([stem, known]) => known === unit && word.startsWith(stem))) continue;
    // A measure's name that the table gives another unit stays with it (`ポンド` is the pound sterling in the press).
    const other = symbols.get(word) ?? stems.find(([stem]) => word.startsWith(stem))?.[1];
    if (other !== undefined && other !== unit && MEASURE_NAMES.has(unit)) continue;
    named.set(word, unit);
  }
  stems.sort((a, b) => b[0].length - a[0].length);
  const DAY_JOIN = dayJoin(intlListWords(rules.textLang));
  const unitOf = (written: string) => {
    const exact = symbols.get(written) ?? symbols.get(written.replace(/\s+/g, ' ')) ?? named.get(written.toLowerCase().replace(/\s+/g, ' '));
    if (exact) return exact;
    const lower = written.toLowerCase().replace(/\s+/g, ' ');
    return stems.find(([stem]) => lower.startsWith(stem))?.[1];
  };
  // Word stems first: `km per uur` is a speed before `km` is a distance.
  // Scripts without spaces join the unit to the next word (`48時間で`): no boundary there.
  const namedWords = [...named.keys()].sort((a, b) => b.length - a.length).map((word) => flexibleSpaces(escape(word)) + (CJK.test(word) ? '' : '(?![\\p{L}])'));
  // Stems of several words first: `livres sterling` is the pound sterling before `livres` is the pound of weight.
  const phrases = [...new Set(stems.map(([stem]) => stem).filter((stem) => /\s/u.test(stem)))].map((stem) => flexibleSpaces(escape(stem)) + '\\p{L}*');
  const unitWords = `${phrases.length > 0 ? `(?:${phrases.join('|')})|` : ''}${namedWords.length > 0 ? `(?:${namedWords.join('|')})|` : ''}(?:${[...new Set(stems.map(([stem]) => stem))].map((stem) => flexibleSpaces(escape(stem)) + (CJK.test(stem) ? '' : '\\p{L}*')).join('|')})|(?:${longestFirst(symbols.keys())})(?![\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}\\p{N}])`;
  const spelledHours = longestFirst(Object.keys(numerals.cardinals).filter((word) => word.length > 1 && numerals.cardinals[word]! >= 1 && numerals.cardinals[word]! <= 12));
  const wordForms = [...Object.keys(numerals.cardinals), ...Object.keys(numerals.ordinals), ...Object.keys(numerals.fractions)];
  const afterStarts = new Set<string>(['-', 'de', 'of', "d'"]);
  for (const word of [...scaleOf.keys(), ...symbols.keys(), ...named.keys(), ...stems.map(([stem]) => stem)]) {
    // Letters that fold to ASCII ones under the pattern's case-insensitive matching (`K` KELVIN SIGN, `ſ`) as those.
    const folded = [...word.slice(0, 2)].map((char) => (char.normalize('NFKC').length === 1 ? char.normalize('NFKC') : char).toLowerCase()).join('');
    afterStarts.add(folded.length > 1 ? folded.slice(0, 2) : folded);
  }
  const result: Compiled = {
    monthOf,
    // 9. September, 4. und 5. Mai, 4-5 May, 1er mai, 9 de septiembre, 4 i 5 maja
    dayFirst: new RegExp(`(${day}(?:${DAY_JOIN}\\d{1,2}${ORDINAL_MARK}){0,4})(?:\\s+(?:de|del|of))?\\s+(${months})\\.?(?![\\p{L}])`, 'giu'),
    // September 9, Sept. 9th, May 4-5, May 4 and 5
    monthFirst: new RegExp(`(?<![\\p{L}])(${months})\\.?\\s+(\\d{1,2}(?:st|nd|rd|th)?(?:${DAY_JOIN}\\d{1,2}(?:st|nd|rd|th)?){0,4})(?![\\p{N}])`, 'giu'),
    // June; 10月; 7～9月 (a quarter: July to September)
    monthAlone: new RegExp(`(?<![\\p{L}])(${longMonths})(?![\\p{L}])|(?<![\\p{N}])(\\d{1,2})(?:[～〜~–-](\\d{1,2}))? ?(?:月|월)(?!\\d)`, capitalised ? 'gu' : 'giu'),
    // Grouped, then with the locale's decimal mark, then with a point that cannot be a
    // group separator (not followed by exactly three digits, nor part of a date like
    // 12.5.2015): `3.5` in a French or Spanish software string is a decimal written the
    // international way, not 3 and 5.
    number: new RegExp(
      `(?<![\\p{Nd}])(\\p{Nd}{1,3}(?:${group}\\p{Nd}{3})+(?:${decimal}\\p{Nd}+)?)(?!\\p{Nd})|(\\p{Nd}+(?:${decimal}\\p{Nd}+)?)(?![\\p{Nd}]|\\.\\p{Nd})|(\\p{Nd}+\\.(?!\\p{Nd}{3}(?!\\p{Nd}))\\p{Nd}+)(?!\\p{Nd}|\\.\\p{Nd})|(\\p{Nd}+)`,
      'gu',
    ),
    // What follows a figure: a scale word, then a unit (`2,8 Mrd. Euro`, `2.800 millones de euros`, `€3m`).
    after: new RegExp(
      `\\s*(?:(${longestFirst(scaleOf.keys())})${SCALE_ENDING}(?![\\p{L}])\\s*)?(?:(?:de|of)\\s+|d[’']\\s*|-(?=\\p{L}))?(${unitWords})?`,
      'iuy',
    ),
    afterStarts,
    dayPart: new RegExp(`\\s*(${Object.keys(numerals.dayParts).map((part) => flexibleSpaces(escape(part))).join('|') || '(?!)'})(?![\\p{L}])`, 'iuy'),
    // a las tres (de la tarde), at three o'clock, à trois heures: the word around the number says it is a time
    wordTime: new RegExp(
      `(?<![\\p{L}])(?:a\\s+las?\\s+(${spelledHours})(?![\\p{L}])|(?:à|at)\\s+(${spelledHours})\\s+(?:heures?|o['’]clock)(?![\\p{L}]))`,
      'giu',
    ),
    scaleAfter: new RegExp(`\\s*(${longestFirst(scaleOf.keys())})${SCALE_ENDING}(?![\\p{L}])`, 'iuy'),
    // A hyphen may join the parts of a number word: `thirty-two`, `vingt-deux`.
    word: new RegExp(`(?<![\\p{L}])(${longestFirst(wordForms)})((?:-?\\p{L})*)`, 'giu'),
    wordPart: new RegExp(`(?:und|en|a|e|y|i|-)?(${longestFirst(Object.keys(numerals.cardinals).filter((word) => word.length > 1))})`, 'iuy'),
    scaleOf,
    unitOf,
    numericDate: numericDatePattern(rules.textLang),
    monthFirstOrder: monthBeforeDay(rules.textLang),
    hourAfter: new RegExp(`(?<![\\p{N}.,:])(\\d{1,2})(?:[.:](\\d{2}))?\\s*(?:${longestFirst(hourWords)})(?![\\p{L}])`, 'giu'),
    timeBefore: new RegExp(`(?<![\\p{L}])(?:${(press.timeBefore ?? []).map((word) => flexibleSpaces(escape(word))).join('|') || '(?!)'})\\s+(\\d{1,2})[.:](\\d{2})(?![\\p{N}]|[.,:]\\p{N})`, 'giu'),
    twelveHour: press.twelveHour === true,
    prefixUnits,
    clock12: press.twelveHour === true || /^h1[12]$/.test(hourCycle(rules.textLang)),
    secondHalf: new RegExp(
      `(?:(?<![\\p{L}])(?:${(press.secondHalf?.before ?? []).map((word) => flexibleSpaces(escape(word))).join('|') || '(?!)'})\\s*(\\d{1,2})(?![\\p{N}])|(?<![\\p{N}])(\\d{1,2})\\s*\\p{L}{1,12}\\s+(?:${(press.secondHalf?.after ?? []).map((word) => flexibleSpaces(escape(word))).join('|') || '(?!)'})(?![\\p{L}]))`,
      'giu',
    ),
  };
  compiledRules.set(rules, result);
  return result;
}

/**
 * What follows a figure (`c.after` at `end`): a scale word, a unit. The
 * pattern has hundreds of alternatives, tried one by one, and most figures
 * are followed by none of them: where the next two characters (ASCII ones,
 * whose case folding is plain) start none, there is nothing to try, and the
 * answer is the pattern's own: no scale, no unit.
 */
function following(c: Compiled, text: string, end: number): RegExpExecArray | null {
  let at = end;
  while (at < text.length && SPACE.test(text[at]!)) at++;
  if (at < text.length && !c.afterStarts.has(afterKey(text, at, 1)) && !c.afterStarts.has(afterKey(text, at, 2))) {
    const first = text.charCodeAt(at);
    const second = text.charCodeAt(at + 1);
    if (first < 0x80 && (Number.isNaN(second) || second < 0x80)) return null;
  }
  c.after.lastIndex = end;
  return c.after.exec(text);
}
const SPACE = /\s/u;
/** The first `length` characters at `at`, lower-cased, any space as one (the pattern's `\s+` between words). */
const afterKey = (text: string, at: number, length: number) => text.slice(at, at + length).toLowerCase().replace(/\s/gu, ' ');

const TIME_RANGE =
  /(?<![\p{N}])(\d{1,2})(?:[.:](\d{2}))?\s*(?:bis|und|to|and|-|–|a|y|à|do|i)\s*(\d{1,2})(?:[.:](\d{2}))?\s*(Uhr|horas|h(?![\p{L}])|godz\.|[ap]\.?\s?m\.?)(?![\p{L}])/giu;

const TIME_RANGE_AFTER_WORD = /(?<![\p{L}])(?:godz\.|godzinie|godziny)\s*(\d{1,2})(?:[.:](\d{2}))?\s*(?:do|-|–)\s*(\d{1,2})(?:[.:](\d{2}))?(?![\p{N}])/giu;

/** Times, most specific first; each gives [hour, minutes?, a/p?]. */
const TIMES: readonly { readonly pattern: RegExp; readonly twelveHour: boolean }[] = [
  // 9:15 a.m., 9 pm
  { pattern: /(?<![\p{N}])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\.?(?![\p{L}])/giu, twelveHour: false },
  // 午前9時15分, 午後3時半, 9時
  { pattern: /(午前|午後|上午|下午|오전|오후|밤|저녁|아침|새벽|夜|朝|晚上|早上)? ?(\d{1,2}) ?(?:時|时|點|点|시)(?!間|间|간)(?: ?(\d{1,2}) ?(?:分|분)|(半|반))?/gu, twelveHour: false },
  // 9.15 Uhr, 9 Uhr, 10.30 horas, 10.30 h
  { pattern: /(?<![\p{N}])(\d{1,2})(?:[.:](\d{2}))?\s*(?:Uhr|horas|hrs|h\.|godz\.)(?![\p{L}])/gu, twelveHour: false },
  // a las 10.30, a las 3 de la tarde (with minutes or a part of the day: `a las 10 familias` are families)
  {
    pattern: /(?<![\p{L}])(?:a|desde|hasta)\s+las?\s+(\d{1,2})(?:[.:](\d{2})|(?=\s+de\s+la\s+(?:mañana|madrugada|tarde|noche)))(?![\p{N}])/giu,
    twelveHour: true,
  },
  // o godz. 10.30, o godzinie 15
  { pattern: /(?<![\p{L}])(?:godz\.|godzinie)\s*(\d{1,2})(?:[.:](\d{2}))?(?![\p{N}])/giu, twelveHour: true },
  // 9 h 15, 21h30, 9 h
  { pattern: /(?<![\p{N}:.])(\d{1,2})\s?h(?:\s?(\d{2}))?(?![\p{L}\p{N}])/gu, twelveHour: false },
  // 9:15 (24-hour or unmarked 12-hour)
  { pattern: /(?<![\p{N}:])(\d{1,2}):(\d{2})(?![\p{N}:])/gu, twelveHour: true },
];

/**
 * The half of the day a word before an East Asian clock time names: `午後3時`,
 * `오후 3시`; night and evening words (`밤 10시`, `夜9時`) are p.m. from six,
 * morning words a.m.
 */
function dayPartBefore(word: string | undefined, hour: number): string | undefined {
  if (!word) return undefined;
  if (/^(午前|上午|오전|아침|새벽|朝|早上)$/u.test(word)) return 'a';
  if (/^(午後|下午|오후)$/u.test(word)) return 'p';
  return hour >= 6 && hour < 12 ? 'p' : undefined;
}

/**
 * Replaces what a pattern matched by spaces, so the next reading does not see
 * it again. `each` may return where the match really ends (a figure with its
 * unit), which is blanked too.
 */
function take(text: string, pattern: RegExp, each: (match: RegExpExecArray, end: number) => number | void | false): string {
  let out = '';
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const taken = each(match, match.index + match[0].length);
    // `false`: not what the pattern reads after all (`84:80` is a score, not a time); left for the next reading.
    if (taken === false) continue;
    const end = Math.max(match.index + match[0].length, taken ?? 0);
    out += text.slice(last, match.index) + ' '.repeat(end - match.index);
    last = end;
    pattern.lastIndex = end;
  }
  return out + text.slice(last);
}

const days = (list: string) => [...list.matchAll(/\d{1,2}/g)].map((m) => Number(m[0]));

/** A sign one of the East Asian patterns needs: a month, day or hour, a measure or a myriad. */
const EAST_ASIAN_SIGNS = /[月월日時时點点시メ分兆億亿萬万千百조억만천]/u;

/** `3万1400` = 31400, `28億` = 2.8e9, `2億8000万` = 2.8e8. */
const JAPANESE_NUMBER = /(?<![\p{Nd}]|\p{Nd}[,.])(?:\p{Nd}+(?:[,.]\p{Nd}+)* ?[兆億亿萬万千百조억만천]+ ?)+(?:\p{Nd}{1,3}(?:,\p{Nd}{3})+(?!\p{Nd})|\p{Nd}+)?/gu;
const JAPANESE_SCALE: Record<string, number> = { 百: 1e2, 千: 1e3, 万: 1e4, 億: 1e8, 兆: 1e12, 亿: 1e8, 萬: 1e4, 천: 1e3, 만: 1e4, 억: 1e8, 조: 1e12 };

/**
 * The value of a figure written with East Asian myriads: `2万4312` = 24312,
 * `1,900万` = 1.9e7, `1億2千万` = 1.2e8 (a thousand below a myriad multiplies
 * with it). Figures and units alternate, so one pass reads it.
 */
function myriadValue(written: string): { value: number; scale: number } {
  let total = 0;
  let section = 0;
  let figure = 0;
  let scale = 1;
  for (const [, digits, units] of written.replace(/ /g, '').matchAll(/(\p{Nd}+(?:[,.]\p{Nd}+)*)?([兆億亿萬万千百조억만천]*)/gu)) {
    if (digits) figure = Number(asciiDigits(digits).replace(/,(?=\d{3}(?!\d))/g, ''));
    for (const unit of units ?? '') {
      const value = JAPANESE_SCALE[unit]!;
      if (value < 1e4) section += (figure || 1) * value;
      else {
        total += (section + figure || 1) * value;
        section = 0;
        scale = Math.max(scale, value);
      }
      figure = 0;
    }
  }
  return { value: total + section + figure, scale };
}
/** `1メートル80` = 1.80 m; `4分の1` = 0.25. */
const JAPANESE_MEASURE = /(?<![\p{Nd}])(\d+)メートル(\d{1,2})(?![\p{Nd}])|(?<![\p{Nd}])(\d+)分の(\d+)(?![\p{Nd}])/gu;
const ROMAN = /(?<![\p{L}\p{N}])(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})(?=(?:e|er|ème|es|º|\.)?(?![\p{L}\p{N}]))/gu;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
/** Kanji numerals (`第九`, `三日`): each digit, with 十 and 百 as in 二十三. */
const KANJI = /[一二三四五六七八九十百]+/gu;
const KANJI_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function romanValue(numeral: string): number {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN_VALUES[numeral[i]!]!;
    const next = ROMAN_VALUES[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function kanjiValue(text: string): number {
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char === '十' || char === '百') {
      total += (digit || 1) * (char === '十' ? 10 : 100);
      digit = 0;
    } else digit = KANJI_DIGITS[char] ?? 0;
  }
  return total + digit;
}

const weekdayPatterns = new WeakMap<LocaleRules, { pattern: RegExp; stems: Map<string, number>; declined: Set<string> }>();
const CASE_ENDING = /^[aeiouyıàáâäèéêëìíîïòóôöùúûüýąęěůаеиоуыэюяё]$/iu;

/**
 * Weekdays a text names (1 = Monday), also at the start of a compound or
 * declined: `Samstagabend`, Polish `w sobotę` (the stem without its last
 * vowel), Japanese `木曜` without `日`.
 */
export function readWeekdays(text: string, rules: LocaleRules): number[] {
  let compiled = weekdayPatterns.get(rules);
  if (!compiled) {
    const stems = new Map<string, number>();
    const declined = new Set<string>();
    rules.weekdays.forEach((name, index) => {
      const whole = name.toLowerCase().replace(/日$/u, '');
      const stem = whole.replace(/(?<=\p{L}{4})[aeiouyаеиоуыэюя]$/u, '');
      stems.set(stem, index + 1);
      if (stem !== whole) declined.add(stem);
      // A vowel that declension drops: Polish `czwartek` → `w czwartku`, `piątek` → `piątku`.
      const dropped = stem.replace(/(?<=\p{L}{3})[eě](?=\p{L}$)/u, '');
      if (dropped !== stem) stems.set(dropped, index + 1);
    });
    // Chinese names weekdays by their short form in news (`周三`, CLDR's abbreviated name); one-sign forms (`水`) are too ambiguous.
    try {
      const short = new Intl.DateTimeFormat(rules.textLang, { weekday: 'short', timeZone: 'UTC' });
      for (let day = 1; day <= 7; day++) {
        const name = short.format(new Date(Date.UTC(2024, 0, day))).toLowerCase();
        if (/^[\p{sc=Han}]{2,}$/u.test(name) && !stems.has(name)) stems.set(name, day);
      }
    } catch {
      // Unknown to Intl.
    }
    // Longest first: Turkish `cumartesi` (Saturday) begins with `cuma` (Friday).
    // Han and Hangul write no space before a word (`在周六举行`): no boundary there.
    const spaced = [...stems.keys()].filter((stem) => !CJK.test(stem));
    const unspaced = [...stems.keys()].filter((stem) => CJK.test(stem));
    compiled = { pattern: new RegExp(`((?<![\\p{L}])(?:${longestFirst(spaced)})|(?:${longestFirst(unspaced)}))`, 'giu'), stems, declined };
    weekdayPatterns.set(rules, compiled);
  }
  const { pattern, stems, declined } = compiled;
  return [...text.matchAll(pattern)]
    // A stem without its last vowel takes a vowel ending (`středu`, `пятницу`), not any word it begins (`střední`, `środkowej`).
    .filter((match) => !declined.has(match[1]!.toLowerCase()) || CASE_ENDING.test(text.charAt(match.index + match[0].length)))
    .map((match) => stems.get(match[1]!.toLowerCase()) ?? 0)
    .filter((day) => day > 0);
}

const VOWEL_END = /[aeiouyàáâäåæèéêëìíîïòóôöøùúûüýąęěů]$/iu;
const ordinalPatterns = new WeakMap<LocaleRules, RegExp | undefined>();

/** Ordinals written as words (`zum dritten Mal`, `pour la troisième fois`): their values. */
export function readOrdinals(text: string, rules: LocaleRules): number[] {
  const numerals = numeralsOf(rules);
  if (!ordinalPatterns.has(rules)) {
    const stems = Object.keys(numerals.ordinals);
    // A stem takes only an inflection (`dritt|en`, `pierwsz|ego`), not any word it begins (`erste|llt`, `settim|ana`, `Zehnt|ausende`).
    const inflection = numerals.ordinalEnding ?? 2;
    ordinalPatterns.set(rules, stems.length > 0 ? new RegExp(`(?<![\\p{L}])(${longestFirst(stems)})\\p{L}{0,${inflection}}(?![\\p{L}])`, 'giu') : undefined);
  }
  const pattern = ordinalPatterns.get(rules);
  if (!pattern) return [];
  // A stem that ends in a consonant needs its ending (`non|o` is ninth, `non` is "not").
  return [...text.matchAll(pattern)].filter((match) => match[0].length > match[1]!.length || VOWEL_END.test(match[1]!)).map((match) => numerals.ordinals[match[1]!.toLowerCase()]!);
}

/** Months named alone, in a text without figures (so without dates). */
export function readMonths(text: string, rules: LocaleRules): Pick<Quantities, 'months' | 'dates'> {
  const c = compiled(rules);
  const months: number[] = [];
  for (const m of text.matchAll(c.monthAlone)) {
    const found = m[1] !== undefined ? c.monthOf.get(m[1].toLowerCase()) : Number(m[2]);
    if (found) months.push(found);
    if (m[3] !== undefined) months.push(Number(m[3]));
  }
  return { months, dates: [] };
}

/** What joins the two ends of a range: `8 bis 12 Grad`, `8 to 12 degrees`, `8～12度`. */
const RANGE_JOIN = /^\s*(?:-|–|—|~|～|〜|∼|至|bis|to|à|a|y|do|und|and|et|i|až|tot|till|til|ila|до|e)\s*$/iu;

/** The first figure of a range takes the unit written after the second: `8 bis 12 Grad` is 8 °C to 12 °C. */
function withRangeUnits(text: string, amounts: Amount[], spans: readonly { start: number; end: number }[], scales: readonly number[]): Amount[] {
  const order = amounts.map((_, index) => index).sort((a, b) => spans[a]!.start - spans[b]!.start);
  const result = [...amounts];
  for (let i = order.length - 2; i >= 0; i--) {
    const [here, next] = [order[i]!, order[i + 1]!];
    if (!RANGE_JOIN.test(text.slice(spans[here]!.end, spans[next]!.start))) continue;
    const unit = result[next]!.unit;
    if (result[here]!.unit === undefined && unit !== undefined) result[here] = { ...result[here]!, unit };
    // … and its scale: `10 bis 12 Millionen` is 10 million to 12 million (`€10m-€12m`), `390～420万` is 3.9 to 4.2 million.
    const scale = scales[next] ?? 1;
    if ((scales[here] ?? 1) === 1 && scale > 1 && result[here]!.value < 1000 && result[here]!.unit === result[next]!.unit) {
      result[here] = { ...result[here]!, value: round(result[here]!.value * scale) };
    }
  }
  // A figure in brackets right after a figure in another unit converts it for the reader: `12 km (7.5 miles)`, `(2.2-mile)`.
  for (let i = 1; i < order.length; i++) {
    const [before, here] = [result[order[i - 1]!]!, result[order[i]!]!];
    if (before.unit && here.unit && before.unit !== here.unit && ASIDE.test(text.slice(spans[order[i - 1]!]!.end, spans[order[i]!]!.start))) {
      result[order[i]!] = { ...here, aside: true };
    }
  }
  // A height in feet and inches is one figure (`6-foot-6`, `6 ft 6 in`, `6 stop a 6 palců`, `6フィート6インチ`): 6.5 ft.
  const joined = new Set<number>();
  for (let i = 1; i < order.length; i++) {
    const [feet, inches] = [order[i - 1]!, order[i]!];
    const [a, b] = [result[feet]!, result[inches]!];
    if (a.unit !== 'ft' || joined.has(feet) || !Number.isInteger(b.value) || b.value >= 12) continue;
    const gap = text.slice(spans[feet]!.end, spans[inches]!.start);
    if (!(b.unit === 'inch' ? FEET_INCHES.test(gap) : b.unit === undefined && gap === '-')) continue;
    result[feet] = { ...a, value: round(a.value + b.value / 12), text: `${a.text}${gap}${b.text}` };
    joined.add(inches);
  }
  return joined.size === 0 ? result : result.filter((_, index) => !joined.has(index));
}

/** What joins feet and inches: nothing, a hyphen, or the word for `and` (`6 stop a 6 palců`). */
const FEET_INCHES = /^[\s-]{0,2}(?:(?:and|und|a|i|e|y|et|en|og|och|ve)\s)?$/iu;

/** What stands between a figure and its conversion: an opening bracket, maybe `about` or `=`. */
const ASIDE = /^[\s,]*[(\[（]\s*(?:[~≈=]|ca\.|approx\.|about|around|environ|circa|etwa|rund)?\s*$/iu;

export function readQuantities(input: string, rules: LocaleRules): Quantities {
  const c = compiled(rules);
  const numerals = numeralsOf(rules);
  const dates: string[] = [];
  const months: number[] = [];
  const times: Time[] = [];
  const amounts: Amount[] = [];
  const words: number[] = [];
  const month = (name: string) => c.monthOf.get(name.toLowerCase());
  /** Where each amount was written, in the same order. */
  const spans: { start: number; end: number }[] = [];
  /** The scale word each amount had (1 for none), in the same order. */
  const scales: number[] = [];

  // 10.06.2006, 10/06/2006, 2006-06-10: a date and its year.
  let text = take(input, c.numericDate, (m) => {
    const g = m.groups!;
    const [d, mo, y] = [Number(g['d'] ?? g['d2']), Number(g['m'] ?? g['m2']), g['y'] ?? g['y2']!];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
    dates.push(`${mo}-${d}`);
    amounts.push({ value: Number(y), text: y });
    spans.push({ start: m.index, end: m.index + m[0].length });
    scales.push(1);
    return undefined;
  });
  // Durations before times: `2:04 Stunden`, `1:59:40 h` and `27:37` are no times of day.
  const read = readDurations(text, rules.textLang);
  text = read.text;
  // 5月4日, 5月4、5両日, 5月4日から6日 (not 7月25日から8月28日: the 8 there is a month)
  // East Asian patterns need their signs: most texts have none, and skip them (the text only loses characters to blanks).
  const eastAsian = EAST_ASIAN_SIGNS.test(input);
  if (eastAsian) text = take(text, /(\d{1,2}) ?(?:月|월) ?(\d{1,2}) ?(?:日|일|号|號|(?![\p{sc=Hiragana}\p{sc=Katakana}ヶ]))((?:\s*(?:、|,|～|〜|∼|-|–|から|と|及び)\s*\d{1,2}(?![\d月월])(?:日|일)?){0,4})(?:両日)?(?![\p{Nd}])/gu, (m) => {
    for (const d of [Number(m[2]), ...days(m[3] ?? '')]) dates.push(`${Number(m[1])}-${d}`);
  });
  // 16日午前: a day whose month the dateline gives; it matches any date on that day (`0-16`).
  if (eastAsian) text = take(text, /(?<![\p{N}月])(\d{1,2}) ?日(?![間本目])/gu, (m) => {
    if (Number(m[1]) < 1 || Number(m[1]) > 31) return false;
    dates.push(`0-${Number(m[1])}`);
    return undefined;
  });
  text = take(text, c.dayFirst, (m) => {
    for (const d of days(m[1]!)) dates.push(`${month(m[2]!)}-${d}`);
  });
  if (c.monthFirstOrder) text = take(text, c.monthFirst, (m) => {
    for (const d of days(m[2]!)) dates.push(`${month(m[1]!)}-${d}`);
  });
  const addTime = (hour: number, minutes: number, marker: string | undefined, twelveHour: boolean, end: number): number | false => {
    // Not a time of day: a score (`84:80`), a game clock (`27:37`) or a duration (`4:41,30`).
    if (hour > 24 || minutes > 59) return false;
    c.dayPart.lastIndex = end;
    const part = c.dayPart.exec(text);
    const partMarker = part ? numerals.dayParts[part[1]!.toLowerCase().replace(/\s+/g, ' ')] : undefined;
    if (!marker && partMarker === 'am') marker = 'a';
    if (!marker && (partMarker === 'pm' || (partMarker === 'night' && hour >= 6))) marker = 'p';
    if (marker === 'p' && hour < 12) hour += 12;
    if (marker === 'a' && hour === 12) hour = 0;
    times.push({ minutes: hour * 60 + minutes, twelveHour: !marker && twelveHour && hour <= 12 });
    return part ? end + part[0].length : end;
  };
  // Ranges of times share their marker: `zwischen 8 und 10 Uhr`, `8 to 10 a.m.`, `de 8 a 10 horas`.
  text = take(text, TIME_RANGE, (m, end) => {
    const marker = /^[ap]/i.test(m[5]!) ? m[5]![0]!.toLowerCase() : undefined;
    if (Number(m[1]) > 24 || Number(m[2] ?? 0) > 59) return false;
    addTime(Number(m[1]), Number(m[2] ?? 0), marker, false, end);
    return addTime(Number(m[3]), Number(m[4] ?? 0), marker, false, end);
  });
  // … and where the word comes first: `od godz. 8 do 18`.
  text = take(text, TIME_RANGE_AFTER_WORD, (m, end) => {
    if (Number(m[1]) > 24 || Number(m[2] ?? 0) > 59) return false;
    addTime(Number(m[1]), Number(m[2] ?? 0), undefined, true, end);
    return addTime(Number(m[3]), Number(m[4] ?? 0), undefined, true, end);
  });
  for (const { pattern, twelveHour: unmarked } of TIMES) {
    if (pattern === TIMES[1]!.pattern && !eastAsian) continue;
    // A time without a.m. or p.m. may be on a twelve-hour clock only where the locale's press writes one: CLDR's
    // hour cycle (`h12` for en-US, ko) or press.json; `a las 17.30` ≠ `a las 5.30` in Spanish (h23).
    const twelveHour = unmarked && c.clock12;
    text = take(text, pattern, (m, end) => {
      if (pattern !== TIMES[1]!.pattern) return addTime(Number(m[1]), Number(m[2] ?? 0), m[3]?.toLowerCase(), twelveHour, end);
      // 午前9時15分, 午後3時半
      return addTime(Number(m[2]), m[4] ? 30 : Number(m[3] ?? 0), dayPartBefore(m[1], Number(m[2])), twelveHour, end);
    });
  }
  // Press conventions (press.json, Intl's hour word): `om 15 uur`, `18 heures`, `alle 15.00`, `las 14.30`.
  text = take(text, c.hourAfter, (m, end) => addTime(Number(m[1]), Number(m[2] ?? 0), undefined, c.twelveHour, end));
  text = take(text, c.timeBefore, (m, end) => {
    // `at 2.50 euros`, `alle 0.25 per cento`: a figure with a unit or scale is no time.
    const follow = following(c, text, end);
    if (follow?.[1] || follow?.[2]) return false;
    return addTime(Number(m[1]), Number(m[2]), undefined, c.twelveHour, end);
  });
  text = take(text, c.wordTime, (m, end) => addTime(numerals.cardinals[(m[1] ?? m[2])!.toLowerCase()]!, 0, undefined, true, end));
  text = take(text, c.monthAlone, (m) => {
    const found = m[1] !== undefined ? month(m[1]) : Number(m[2]);
    if (found) months.push(found);
    if (m[3] !== undefined) months.push(Number(m[3]));
  });
  const addAmount = (value: number, start: number, end: number, written: string, ownScale = 1) => {
    const follow = following(c, text, end);
    const before = text.slice(Math.max(0, start - 4), start).match(/(US\$|US-\$|[€$£¥₽₴%]|CHF|EUR|USD)\s?$/u)?.[1];
    let scaleWord = follow?.[1]?.toLowerCase();
    let unit = follow?.[2] ? c.unitOf(follow[2]) : undefined;
    let consumed = end + (follow?.[0].length ?? 0);
    // `€3m` is three million euros; `3 m` alone is three metres.
    if (scaleWord === 'm' && !before && !isCurrency(unit)) {
      scaleWord = undefined;
      unit = 'm';
    }
    // `100 Yard/Meter`: either unit, so none.
    if (unit && MEASURE_NAMES.has(unit) && text[consumed] === '/' && MEASURE_NAMES.has(c.unitOf(text.slice(consumed + 1).match(/^\p{L}+/u)?.[0] ?? '') ?? '')) unit = undefined;
    if (!unit && before) unit = c.unitOf(before);
    if (!unit && c.prefixUnits.size > 0) unit = c.prefixUnits.get(text.slice(Math.max(0, start - 16), start).match(/(\p{L}+)\s$/u)?.[1]?.toLowerCase() ?? '');
    if (!follow?.[2] && !scaleWord) consumed = end;
    const scale = scaleWord ? (c.scaleOf.get(scaleWord) ?? 1) : 1;
    // A sign matters for temperatures (−5 °C is 23 °F); elsewhere `minus 5 Prozent` is often `down 5%`.
    const negative = (unit === 'celsius' || unit === 'fahrenheit') && /(?:minus|moins|menos|マイナス|−|(?<!\S)-)\s?$/iu.test(text.slice(Math.max(0, start - 7), start));
    const shown = `${before ?? ''}${written}${text.slice(end, consumed).trimEnd()}`;
    const counted = !unit && scale === 1 && Number.isInteger(value) && COUNTED.test(text.slice(consumed, consumed + 24));
    const counter = (!unit || TIME_UNITS.has(unit)) && scale === 1 && value <= 10 && /^\p{Nd}+$/u.test(written) && COUNTER.test(text.slice(end, end + 2));
    amounts.push({ value: round((negative ? -value : value) * scale), ...(unit ? { unit } : {}), ...(counter ? { counter } : {}), ...(counted ? { counted } : {}), text: shown });
    spans.push({ start, end: consumed });
    scales.push(scale * ownScale);
    return consumed;
  };
  // A rank written into a name or title, which translations drop or say with a word: a club (`1. FC Köln` = `al
  // Colonia`), the strongest party (`stärkste Kraft` = `第1党`, `제1당`). A figure it matches, never one it requires.
  text = take(text, /(?<![\p{N}.])(\d{1,2})\.\s(?=\p{Lu}{2,}(?![\p{Ll}]))|(?<=[第제]\s?)(\d{1,2})(?![\p{Nd}])/gu, (m) => {
    words.push(Number(m[1] ?? m[2]));
  });
  // A minute of the second half, counted as the match clock does: `後半22分` = `67. Minute`.
  text = take(text, c.secondHalf, (m) => {
    const minute = Number(m[1] ?? m[2]);
    if (minute > 45) return false;
    amounts.push({ value: 45 + minute, unit: 'minute', text: m[0] });
    spans.push({ start: m.index, end: m.index + m[0].length });
    scales.push(1);
    return undefined;
  });
  // German decades (`90er Jahre`, `1990er`) are the 1990s, or the nineties: a figure they match, never one they require.
  if (baseLanguage(rules.textLang) === 'de') {
    text = take(text, /(?<![\p{N}])(\d0|\d{3}0)er(?:n|-Jahren?|\s+Jahren?)?(?![\p{L}])/gu, (m) => {
      const decade = Number(m[1]);
      // `1980er Jahre` = `the 80s`, `jaren 80`, `anni '80`.
      // … and its century: `1930er-Jahren` = `30. letech 20. století`, `1800er Jahren` = `19. století`.
      words.push(decade, ...(decade < 100 ? [1900 + decade, 2000 + decade, 20, 21] : [decade % 100, Math.floor(decade / 100) + 1]));
    });
    // A figure inside a compound noun (`4-Tage-Woche`, `30-Stunden-Woche`) is written as a word by other languages
    // (`czterodniowy tydzień`, `週4日`): a figure it matches, never one it requires.
    text = take(text, /(?<![\p{N}.,-])(\d{1,3})(?=-\p{Lu}\p{L}{0,20}-\p{Lu})/gu, (m, end) => {
      // Its unit still counts: `48-Stunden-Streik` ≠ `sciopero di 48 giorni`.
      const consumed = addAmount(Number(m[1]), m.index, end, m[1]!);
      amounts[amounts.length - 1] = { ...amounts[amounts.length - 1]!, inWord: true };
      words.push(Number(m[1]));
      return consumed;
    });
  }
  // `1950-53`, `2018/19`: the second year is written with its last two digits.
  text = take(text, /(?<![\p{N}.,])((?:1[5-9]|20)\d{2}) ?[-–/～〜~] ?(\d{2})(?![\p{N}]|[.,]\p{N})/gu, (m, end) => {
    const first = Number(m[1]);
    const second = first - (first % 100) + Number(m[2]);
    if (second <= first) return false;
    amounts.push({ value: first, text: m[1]! }, { value: second, text: m[2]! });
    spans.push({ start: m.index, end: m.index + m[1]!.length }, { start: end - m[2]!.length, end });
    scales.push(1, 1);
    return end;
  });
  if (eastAsian) text = take(text, JAPANESE_MEASURE, (m, end) => {
    if (m[1] !== undefined) {
      amounts.push({ value: Number(m[1]) + Number(m[2]) / 100, unit: 'm', text: m[0] });
      spans.push({ start: m.index, end: m.index + m[0].length });
      scales.push(1);
    }
    else return addAmount(Number(m[4]) / Number(m[3]), m.index, end, m[0]);
    return undefined;
  });
  if (eastAsian) text = take(text, JAPANESE_NUMBER, (m, end) => {
    const { value, scale } = myriadValue(m[0]);
    return addAmount(value, m.index, end, m[0], scale);
  });
  text = take(text, c.number, (m, end) => {
    const [, grouped, local, point, digits] = m;
    let value: number;
    if (point !== undefined) value = Number(asciiDigits(point));
    else if (digits !== undefined) value = Number(asciiDigits(digits));
    else {
      let normalised = asciiDigits(grouped ?? local!);
      if (grouped !== undefined) for (const group of [...rules.groups, ' ', '\u00a0', '\u202f']) normalised = normalised.split(group).join('');
      value = Number(normalised.replace(rules.decimal, '.'));
    }
    return addAmount(value, m.index, end, m[0]);
  });
  for (const m of text.matchAll(c.word)) {
    const stem = m[1]!.toLowerCase();
    // A number written as one word of several (`siebenunddreißig`, `sedmatřicetiletá` = 37, `trentunenne` = 31).
    const compound = compoundValue(m[0]!, m[1]!.length, numerals.cardinals, c.wordPart);
    if (compound !== undefined) words.push(compound);
    for (const table of [numerals.cardinals, numerals.ordinals, numerals.fractions]) {
      const value = table[stem];
      if (value === undefined) continue;
      // German writes compounds as one word: zehntausend, zweihundert.
      const whole = m[0].toLowerCase();
      let multiplier = 1;
      for (const [word, factor] of Object.entries(numerals.multipliers)) if (whole.indexOf(word, 1) > 0) multiplier *= factor;
      words.push(round(value * multiplier));
      // `eine Million` = `1 million`.
      c.scaleAfter.lastIndex = m.index + m[0].length;
      const scale = c.scaleAfter.exec(text)?.[1];
      if (scale) words.push(round(value * multiplier * (c.scaleOf.get(scale.toLowerCase()) ?? 1)));
    }
  }
  // Spelled numbers from CLDR's rule-based formats, in any locale CLDR covers (`fire`, `nionde`, `четыре`).
  const spelledUnits: { value: number; unit: string; text: string }[] = [];
  for (const found of readWordUnits(text, rules)) {
    words.push(found.value);
    spelledUnits.push(found);
  }
  const impliedOne: { unit: string; text: string }[] = [];
  for (const spelled of readSpelled(text, rules.textLang)) {
    words.push(spelled.value);
    if (spelled.ordinal) continue;
    const follow = following(c, text, spelled.end);
    const unit = follow?.[2] && !follow[1] ? c.unitOf(follow[2]) : undefined;
    // `innerhalb einer Woche`: one of a unit of time, said with the article (`ein Jahrzehnt`, `una década` are no count).
    if (spelled.value === 1 && unit !== undefined && TIME_UNITS.has(unit)) impliedOne.push({ unit, text: text.slice(spelled.start, spelled.end + follow![0].length).trim() });
    if (spelled.value < 2) continue;
    if (unit) spelledUnits.push({ value: spelled.value, unit, text: text.slice(spelled.start, spelled.end + follow![0].length).trim() });
  }
  for (const m of text.matchAll(ROMAN)) if (m[0].length > 0) words.push(romanValue(m[0]));
  for (const m of text.matchAll(KANJI)) words.push(kanjiValue(m[0]));
  return { dates, months, times, amounts: withRangeUnits(input, amounts, spans, scales), words, spelledUnits, durations: read.durations, impliedOne };
}

const rankPatterns = new WeakMap<LocaleRules, RegExp | undefined>();

/** Ranks written as a figure and a counter (`6位`, `3위`, press.json's `rankAfter`): their values. */
export function readRanks(text: string, rules: LocaleRules): number[] {
  if (!rankPatterns.has(rules)) {
    const counters = pressOf(rules).rankAfter ?? [];
    rankPatterns.set(rules, counters.length > 0 ? new RegExp(`(?<![\\p{N}.,])(\\d{1,3}) ?(?:${longestFirst(counters)})`, 'gu') : undefined);
  }
  const pattern = rankPatterns.get(rules);
  return pattern ? [...text.matchAll(pattern)].map((m) => Number(m[1])) : [];
}

const timeWordPatterns = new WeakMap<LocaleRules, { whole: RegExp; anywhere: RegExp; unitOf: Map<string, string> }>();

/**
 * The units of time a text names, by CLDR's names through Intl and the
 * stems of `units.json`: as whole words (`month`, `měsíce`, `个月`), or
 * `anywhere`, inside compounds too (`Monatsende`, `Wochenende`).
 */
export function timeUnitsNamed(text: string, rules: LocaleRules, anywhere = false): Set<string> {
  let found = timeWordPatterns.get(rules);
  if (!found) {
    const unitOf = new Map<string, string>();
    for (const [word, unit] of intlUnitWords(rules.textLang)) if (TIME_UNITS.has(unit) && word.length >= 2) unitOf.set(word, unit);
    for (const [unit, { stems }] of Object.entries(UNIT_TABLE)) if (TIME_UNITS.has(unit)) for (const stem of stems) unitOf.set(stem.toLowerCase(), unit);
    const words = [...unitOf.keys()].sort((a, b) => b.length - a.length);
    const alternatives = words.map((word) => flexibleSpaces(escape(word))).join('|') || '(?!)';
    const bounded = words.map((word) => (CJK.test(word) ? flexibleSpaces(escape(word)) : `(?<![\\p{L}])${flexibleSpaces(escape(word))}(?![\\p{L}])`)).join('|') || '(?!)';
    found = { whole: new RegExp(bounded, 'giu'), anywhere: new RegExp(alternatives, 'giu'), unitOf };
    timeWordPatterns.set(rules, found);
  }
  const units = new Set<string>();
  for (const m of text.matchAll(anywhere ? found.anywhere : found.whole)) {
    const unit = found.unitOf.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (unit) units.add(unit);
  }
  return units;
}

/** Units a number word makes one word with: shares and lengths of time (`Fünfprozenthürde`, `dreitägig`, `Zweijahresvertrag`). */
const COMPOUND_UNITS = new Set([...TIME_UNITS, 'percent']);
const countPatterns = new WeakMap<LocaleRules, RegExp | undefined>();

/**
 * Numbers said in one word with their unit: a cardinal at the start of a
 * compound whose rest is a unit of time or a share (`Fünfprozenthürde` = 5
 * per cent, `dreitägigen` = 3 days; not `Elfmeter`, a penalty), and the
 * counts of `numerals.json` (`사흘간` = 3 days).
 */
export function readWordUnits(text: string, rules: LocaleRules): { value: number; unit: string; text: string }[] {
  const numerals = numeralsOf(rules);
  const out: { value: number; unit: string; text: string }[] = [];
  if (Object.keys(numerals.cardinals).length > 0) {
    const c = compiled(rules);
    for (const m of text.matchAll(c.word)) {
      const value = numerals.cardinals[m[1]!.toLowerCase()];
      const rest = m[2]!.replace(/^-/, '');
      if (value === undefined || value < 2 || rest.length < 3) continue;
      const unit = c.unitOf(rest);
      if (unit !== undefined && COMPOUND_UNITS.has(unit)) out.push({ value, unit, text: m[0] });
    }
  }
  const counts = numerals.counts;
  if (counts) {
    if (!countPatterns.has(rules)) countPatterns.set(rules, new RegExp(`(?<![\\p{L}])(?:${longestFirst(Object.keys(counts))})`, 'gu'));
    for (const m of text.matchAll(countPatterns.get(rules)!)) {
      const [value, unit] = counts[m[0]]!;
      out.push({ value, unit, text: m[0] });
    }
  }
  return out;
}

/** The value of a word made of several cardinals, or undefined if it has only one. */
function compoundValue(word: string, firstLength: number, cardinals: Record<string, number>, part: RegExp): number | undefined {
  const first = cardinals[word.slice(0, firstLength).toLowerCase()];
  if (first === undefined) return undefined;
  let total = first;
  let parts = 1;
  let position = firstLength;
  while (position < word.length) {
    part.lastIndex = position;
    const next = part.exec(word);
    if (!next) break;
    const value = cardinals[next[1]!.toLowerCase()]!;
    total = value === 100 || value === 1000 ? total * value : total + value;
    parts++;
    position = part.lastIndex;
  }
  return parts > 1 ? total : undefined;
}

/** A word after a figure (not one joining a range or list): `24 Sitze`, `40 av`. */
const COUNTED = /^\s+(?!(?:und|bis|and|to|or|y|e|et|a|i|en|og|och|ve|и|или|oder|o|ou|of|de|del|di)(?![\p{L}]))\p{L}{2,}/u;
const COUNTER = /^ ?[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;

const isCurrency = (unit: string | undefined) => unit !== undefined && CURRENCY_RATES[unit] !== undefined;

/** Twelve significant digits: 2.8 × 1e9 is 2800000000, not 2800000000.0000005. */
const round = (value: number) => Number(value.toPrecision(12));

/**
 * Decimal digits of any script (`３`, `٣`, `३`) as ASCII, so `Number` can read
 * them. Unicode keeps each script's digits 0–9 in a run of ten code points
 * (UnicodeData.txt, general category Nd), so a digit's value is its distance
 * from the start of its run.
 */
function asciiDigits(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (char) => {
    if (!/\p{Nd}/u.test(char)) return char;
    let start = char.codePointAt(0)!;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((char.codePointAt(0)! - start) % 10);
  });
}
