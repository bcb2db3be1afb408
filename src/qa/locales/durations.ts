/**
 * Durations: race times, game clocks and lengths of time written with clock
 * figures or with hours, minutes and seconds in a row. `2:03:04`, `2:04
 * Stunden`, `1:59:40 h`, `4:05 min`, `4:41,30` are durations, not times of
 * day; so are `2 h 3 min 4 s`, `2 godz. 3 min`, `2時間3分4秒`, `2시간 3분 4초`
 * and `4分41秒30`. Each is read as seconds, with every reading its figures
 * allow (`4:41:30` may be hours or minutes, seconds and hundredths), so that
 * `4:41,30` = `4:41:30` = `4分41秒30`.
 *
 * The words for hours, minutes and seconds are CLDR's unit names through Intl
 * (long, short and narrow, in several plural forms), so any locale reads them
 * with no data of ours. Every pattern is anchored to a figure and bounded, so
 * reading is linear in the text.
 */
import { baseLanguage } from '../../core/lang.js';
import PRESS from './press.json' with { type: 'json' };

export interface Duration {
  /** The length in seconds, for each reading the figures allow. */
  readonly seconds: readonly number[];
  /** The figures as written (`27:37` → 27, 37): what the text says if no duration of the other side matches. */
  readonly figures: readonly { readonly value: number; readonly text: string }[];
  /** Minutes and seconds with no unit (`27:37`): a game clock, which may name the minute of play (`28. Minute`). */
  readonly clock?: { readonly minutes: number };
  /** As written, for messages. */
  readonly text: string;
}

type Rank = 'hour' | 'minute' | 'second';
const RANKS: Record<Rank, number> = { hour: 3600, minute: 60, second: 1 };

interface Words {
  readonly rankOf: Map<string, Rank>;
  /** A clock figure followed by a unit: `2:04 Stunden`, `4:05 min`, `1:59:40 h`. */
  readonly clock: RegExp;
  /** One figure with its unit, one link of a chain: `2 h`, `3 min`, `2時間`, `3분`. */
  readonly part: RegExp;
  /** Hour words that also tell the time of day: after `10:08` they make it one. */
  readonly clockWords: ReadonlySet<string>;
}

const cache = new Map<string, Words>();
/** Words that make a clock figure a time of day (`om 10:08 uur`, `a las 10:30 horas`): press.json's, the time readers', Intl's. */
const CLOCK_WORDS = ['uhr', 'horas', 'hrs', 'h.', 'godz.'];
function clockWordsOf(lang: string): Set<string> {
  const words = new Set(CLOCK_WORDS);
  for (const word of (PRESS as unknown as Record<string, { hourWords?: string[] }>)[baseLanguage(lang as never)]?.hourWords ?? []) words.add(word.toLowerCase());
  try {
    const parts = new Intl.DateTimeFormat(lang, { hour: 'numeric', hourCycle: 'h23', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2020, 0, 1, 15)));
    const literal = parts.filter((part) => part.type === 'literal').map((part) => part.value).join('').trim().toLowerCase();
    if (literal) words.add(literal);
  } catch {
    // Unknown to Intl.
  }
  return words;
}
const CJK = /[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wordsOf(lang: string): Words {
  const found = cache.get(lang);
  if (found) return found;
  const rankOf = new Map<string, Rank>();
  for (const rank of Object.keys(RANKS) as Rank[]) {
    for (const unitDisplay of ['long', 'short', 'narrow'] as const) {
      let format: Intl.NumberFormat;
      try {
        format = new Intl.NumberFormat(lang, { style: 'unit', unit: rank, unitDisplay });
      } catch {
        break;
      }
      for (const n of [1, 2, 5, 1.5]) {
        const word = format.formatToParts(n).filter((part) => part.type === 'unit').map((part) => part.value).join('').trim().toLowerCase();
        // One Latin letter only for the hour and the second as SI writes them (`h`, `s`); `m` is a metre.
        if (!word || /\p{N}/u.test(word) || (word.length === 1 && !CJK.test(word) && word !== 'h' && word !== 's')) continue;
        if (!rankOf.has(word)) rankOf.set(word, rank);
      }
    }
  }
  // The international symbols, which every press may write: `2 h 3 min 4 s`.
  for (const [word, rank] of [['h', 'hour'], ['min', 'minute'], ['s', 'second']] as const) if (!rankOf.has(word)) rankOf.set(word, rank);
  const alternatives = [...rankOf.keys()].sort((a, b) => b.length - a.length).map((word) => escape(word) + (CJK.test(word) ? '' : '(?![\\p{L}])')).join('|');
  const words: Words = {
    rankOf,
    clockWords: clockWordsOf(lang),
    clock: new RegExp(`(?<![\\p{N}:.,])(\\d{1,3}):(\\d{2})(?::(\\d{2}))?(?:[.,](\\d{1,3}))?(?![\\p{N}]|[:.,]\\p{N})(?:\\s?(${alternatives}))?`, 'giu'),
    part: new RegExp(`(?<![\\p{N}.,:])(\\d{1,3})\\s?(${alternatives})(?:(?<=秒)(\\d{1,2})(?![\\p{N}]))?`, 'giu'),
  };
  cache.set(lang, words);
  return words;
}

const round = (value: number) => Math.round(value * 100) / 100;
const fraction = (digits: string | undefined) => (digits ? Number(`0.${digits}`) : 0);

/**
 * The durations of a text, and the text with them blanked (the same length),
 * so that the readers of times and figures do not see them again.
 */
export function readDurations(text: string, lang: string): { durations: Duration[]; text: string } {
  // Most sentences have no clock figure and no unit of time: nothing to read.
  if (!/\d/.test(text)) return { durations: [], text };
  const words = wordsOf(lang);
  const durations: Duration[] = [];
  /** Spans read, in text order (the clock figures first, then the chains). */
  const blanks: [number, number][] = [];
  const figure = (digits: string) => ({ value: Number(digits), text: digits });
  if (text.includes(':')) {
    for (const m of text.matchAll(words.clock)) {
      const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
      const rank = m[5] ? words.rankOf.get(m[5].toLowerCase()) : undefined;
      if (b > 59) continue;
      const figures = [m[1]!, m[2]!, ...(m[3] === undefined ? [] : [m[3]])].map(figure);
      let seconds: number[] = [];
      if (c !== undefined) {
        // `2:03:04` is hours, minutes and seconds; `4:41:30` may be minutes, seconds and hundredths too.
        if (c <= 59 && rank !== 'minute') seconds.push(a * 3600 + b * 60 + c + fraction(m[4]));
        if (m[4] === undefined && m[3]!.length === 2 && rank !== 'hour') seconds.push(a * 60 + b + c / 100);
      } else if (m[4] !== undefined) {
        // `4:41,30`: minutes, seconds and their fraction (`1:59,4 h` is not written).
        seconds.push(a * 60 + b + fraction(m[4]));
      } else if (rank === 'hour' && !words.clockWords.has(m[5]!.toLowerCase())) seconds.push(a * 3600 + b * 60);
      else if (rank === 'hour') continue;
      else if (rank === 'minute' || rank === 'second') seconds.push(a * 60 + b);
      else if (a > 24) {
        // Past any hour of the day: a game clock (`27:37`), or a score, which its figures still say.
        durations.push({ seconds: [a * 60 + b], figures, clock: { minutes: a }, text: m[0] });
        blanks.push([m.index, m.index + m[0].length]);
        continue;
      }
      if (seconds.length === 0) continue;
      durations.push({ seconds: seconds.map(round), figures, text: m[0].trim() });
      blanks.push([m.index, m.index + m[0].length]);
    }
  }
  // Two or more figures with falling units in a row: `2 h 3 min 4 s`, `2時間3分4秒`, `13 分 10 秒`.
  let chain: RegExpExecArray[] = [];
  const close = () => {
    if (chain.length >= 2) {
      const first = chain[0]!;
      const last = chain[chain.length - 1]!;
      let total = 0;
      for (const m of chain) total += Number(m[1]) * RANKS[words.rankOf.get(m[2]!.toLowerCase())!] + (m[3] ? fraction(m[3]) : 0);
      const end = last.index + last[0].length;
      // Minutes and seconds alone may be a game clock too (`27 分 37 秒に`).
      const clock = chain.length === 2 && !last[3] && words.rankOf.get(first[2]!.toLowerCase()) === 'minute' ? { clock: { minutes: Number(first[1]) } } : {};
      durations.push({ seconds: [round(total)], figures: chain.flatMap((m) => [figure(m[1]!), ...(m[3] ? [figure(m[3])] : [])]), text: text.slice(first.index, end), ...clock });
      blanks.push([first.index, end]);
    }
    chain = [];
  };
  // Clock durations come in text order, as the links do: one pointer skips the links inside them.
  let taken = 0;
  for (const m of text.matchAll(words.part)) {
    while (taken < blanks.length && blanks[taken]![1] <= m.index) taken++;
    if (taken < blanks.length && blanks[taken]![0] < m.index + m[0].length) continue;
    const previous = chain[chain.length - 1];
    const rank = RANKS[words.rankOf.get(m[2]!.toLowerCase())!];
    const joined =
      previous !== undefined &&
      /^[\s,]{0,3}$/u.test(text.slice(previous.index + previous[0].length, m.index)) &&
      RANKS[words.rankOf.get(previous[2]!.toLowerCase())!] > rank &&
      !previous[3];
    if (!joined) close();
    chain.push(m);
  }
  close();
  if (blanks.length === 0) return { durations, text };
  let out = '';
  let last = 0;
  for (const [start, end] of blanks.sort((x, y) => x[0] - y[0])) {
    if (start < last) continue;
    out += text.slice(last, start) + ' '.repeat(end - start);
    last = end;
  }
  return { durations, text: out + text.slice(last) };
}
