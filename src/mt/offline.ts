/**
 * The offline engine: pseudo-localisation for pseudo-locales (en-XA), as Android
 * and Windows do it. Accented letters, vowels doubled and padding for ~30 % more
 * length, the whole text in brackets. Numbers, quotes, URLs, e-mail addresses,
 * placeholders, tags, the termbase's names and capitalised words (names, and in
 * German also nouns) stay as they are, so QA and layouts can be tested on it.
 *
 * It never translates into a real locale: machine-looking text must never be
 * published under a real locale code.
 */
import { isPseudoLocale, type Lang } from '../core/lang.js';
import type { TranslationEngine } from './engine.js';

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((char, i) => [
    char,
    [...'ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ'][i]!,
  ]),
);
const VOWELS = new Set([...'aeiouAEIOU']);

/**
 * Spans copied unchanged: URLs, e-mails, placeholders, tags, character entities, numbers.
 * Linear in the text (#22): an e-mail is tried only where a run of its characters
 * starts (the lookbehind), and a placeholder or a tag stops at the next opening
 * `{`, `(` or `<`, so a 40,000-letter word or a run of `{{` is not rescanned from
 * every position (it took 10 s). A URL stops at `<`: the placeholder of a link's
 * end tag after a URL its text shows was taken into it and lost (#26).
 */
const PROTECTED =
  /https?:\/\/[^\s<]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\{\{[^{}]*\}\}|\$t\([^()]*(?:\([^()]*\)[^()]*)*\)|%\d*\$?[sdfi]|<[^<>]+>|&(?:#\d+|#x[0-9a-f]+|\w+);|\p{N}[\p{N}.,:]*/gu;
const WORD = /\p{L}+/gu;
const PADDING = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const EXPANSION = 1.3;

export function pseudoLocalize(text: string, keep: RegExp = PROTECTED): string {
  let out = '';
  let cursor = 0;
  for (const match of text.matchAll(keep)) {
    out += accentWords(text.slice(cursor, match.index)) + match[0];
    cursor = match.index + match[0].length;
  }
  out += accentWords(text.slice(cursor));
  const wanted = Math.ceil(text.length * EXPANSION);
  for (let i = 0; out.length + 2 < wanted; i = (i + 1) % PADDING.length) out += ` ${PADDING[i]}`;
  return `[${out}]`;
}

/**
 * Accents lower-case words. A capitalised word may be a name (in German it may
 * also be any noun); without a termbase we cannot tell, so all of them stay whole.
 */
function accentWords(text: string): string {
  return text.replace(WORD, (word) =>
    /^\p{Lu}/u.test(word)
      ? word
      : [...word].map((char) => (VOWELS.has(char) ? ACCENTED[char]!.repeat(2) : (ACCENTED[char] ?? char))).join(''),
  );
}

export interface OfflineEngineOptions {
  /** Names to keep whole (from the termbase), such as "dpa" or "Abu al-Dhuhur". */
  readonly names?: readonly string[];
}

export function createOfflineEngine(options: OfflineEngineOptions = {}): TranslationEngine {
  const names = [...(options.names ?? [])].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const keep = names.length > 0 ? new RegExp(`${names.join('|')}|${PROTECTED.source}`, 'gu') : PROTECTED;
  return {
    name: 'offline',
    // It runs here: requests are only a way of batching, and cost nothing.
    limits: { textsPerRequest: 1000, bytesPerRequest: 1024 * 1024, concurrency: 1 },
    billed: () => 0,
    unsupported: (to: Lang) => (isPseudoLocale(to) ? undefined : `the offline engine only makes pseudo-locales, not ${to}`),
    translate: async (texts) => ({ texts: texts.map((text) => pseudoLocalize(text, keep)), billed: 0 }),
  };
}
