/**
 * How alike two sentences are, as translators read a fuzzy-match score:
 * `100 · (1 − edit distance / longer length)`, counted both in tokens (words
 * and single punctuation marks, as OmegaT does) and in characters (as
 * translate-toolkit does), the higher of the two. Every inline code and every
 * number is one placeholder: a number or code that differs costs one point,
 * so "3 Tote" against "5 Tote" is a 99 % match whose number the proposal can
 * put right (`substituteNumbers`). Only the same text scores 100.
 *
 * Why both: a word changed in a short sentence weighs heavily in tokens ("Am
 * Sonntag" → "Am Montag" in a sentence of eight tokens is 87) and lightly in
 * characters (95); a long word replaced by a short one is the reverse. Either
 * way the edit is one word, and translators expect a one-word edit of a
 * sentence to be a high match.
 */
import { distance } from 'fastest-levenshtein';
import type { CodeSpan } from '../core/types.js';

const CODE = '\uE000';
const NUMBER = '\uE001';

export interface Comparable {
  readonly text: string;
  readonly codes?: readonly CodeSpan[] | undefined;
}

/** A sentence with codes and numbers reduced to placeholders, its tokens, and what the placeholders stood for. */
export interface Normalised {
  readonly text: string;
  readonly tokens: readonly string[];
  readonly numbers: readonly string[];
  readonly codes: readonly string[];
}

/** A number as written: digits, with `.`, `,`, thin or no-break spaces or `'` between groups of digits. */
export function numbersIn(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length) {
      if (isDigit(text.charCodeAt(i))) i++;
      else if (SEPARATORS.includes(text[i]!) && i + 1 < text.length && isDigit(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    found.push({ start, end: i });
  }
  return found;
}

const SEPARATORS = '.,\u00A0\u202F\u2009\'';

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function normalise(sentence: Comparable): Normalised {
  const { text } = sentence;
  const numbers: string[] = [];
  const codes: string[] = [];
  let out = '';
  const plain = (from: number, to: number) => {
    let at = from;
    for (const number of numbersIn(text.slice(from, to))) {
      out += text.slice(at, from + number.start) + NUMBER;
      numbers.push(text.slice(from + number.start, from + number.end));
      at = from + number.end;
    }
    out += text.slice(at, to);
  };
  let at = 0;
  for (const code of [...(sentence.codes ?? [])].sort((a, b) => a.start - b.start)) {
    plain(at, code.start);
    out += CODE;
    codes.push(text.slice(code.start, code.end));
    at = code.end;
  }
  plain(at, text.length);
  const normalised = collapseSpace(out);
  return { text: normalised, tokens: tokensOf(normalised), numbers, codes };
}

/** Words (letters and marks), placeholders, and every other character but spaces on its own. */
function tokensOf(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const char of text) {
    if (/[\p{L}\p{M}\p{N}]/u.test(char)) {
      word += char;
      continue;
    }
    if (word) tokens.push(word);
    word = '';
    if (char !== ' ') tokens.push(char);
  }
  if (word) tokens.push(word);
  return tokens;
}

function collapseSpace(text: string): string {
  let out = '';
  let space = false;
  for (const char of text.trim()) {
    const isSpace = char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\u00A0';
    if (isSpace) space = true;
    else {
      if (space) out += ' ';
      space = false;
      out += char;
    }
  }
  return out;
}

/** The score of `b` as a match for `a`, 0–100; 100 only for the same text with the same numbers and codes. */
export function score(a: Normalised, b: Normalised): number {
  const base = Math.max(similarity(a.text, b.text), similarity(...encodeTokens(a.tokens, b.tokens)));
  const differing = countDiffering(a.numbers, b.numbers) + countDiffering(a.codes, b.codes);
  const value = Math.max(0, base - differing);
  return value === 100 && a.text !== b.text ? 99 : value;
}

function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 100 : Math.floor((100 * (longer - distance(a, b))) / longer);
}

/** Each distinct token as one character, so a string edit distance counts tokens. */
function encodeTokens(a: readonly string[], b: readonly string[]): [string, string] {
  const ids = new Map<string, string>();
  const encode = (tokens: readonly string[]) => tokens.map((token) => ids.get(token) ?? ids.set(token, String.fromCharCode(0x4e00 + ids.size)).get(token)!).join('');
  return [encode(a), encode(b)];
}

/**
 * Longer than this, a text is not a sentence (a paragraph without stops, a
 * pasted table): it is matched exactly or not at all, since an edit distance
 * costs the product of the two lengths.
 */
export const MAX_FUZZY_LENGTH = 4_000;

/** The highest score two sentences can reach: each edit distance is at least the difference in length. */
export function maxScore(a: Normalised, b: Normalised): number {
  if (a.text.length > MAX_FUZZY_LENGTH || b.text.length > MAX_FUZZY_LENGTH) return 0;
  const bound = (x: number, y: number) => (Math.max(x, y) === 0 ? 100 : Math.floor((100 * (Math.max(x, y) - Math.abs(x - y))) / Math.max(x, y)));
  return Math.max(bound(a.text.length, b.text.length), bound(a.tokens.length, b.tokens.length));
}

function countDiffering(a: readonly string[], b: readonly string[]): number {
  let differing = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) differing++;
  return differing;
}

/**
 * The words the fuzzy index keys a sentence by: runs of letters, lower-cased,
 * two letters or more, each once. Numbers and codes are left out: they are
 * placeables, not what makes two sentences alike.
 */
export function indexTerms(normalised: string): string[] {
  const terms = new Set<string>();
  let word = '';
  for (const char of normalised.toLowerCase()) {
    if (/\p{L}|\p{M}/u.test(char)) word += char;
    else {
      if (word.length >= 2) terms.add(word);
      word = '';
    }
  }
  if (word.length >= 2) terms.add(word);
  return [...terms];
}

/**
 * The character trigrams the fuzzy index keys a short text by (#26): of the
 * normalised text, lower-cased, with a space before and after so a word's
 * first and last letters count too; each once. A one-word edit of a short
 * text ("Quelldatei auswählen" → "Zieldatei auswählen") shares few words but
 * most trigrams, and a word's inflection ("Einstellung", "Einstellungen")
 * shares no word at all.
 */
export function indexGrams(normalised: string): string[] {
  const chars = Array.from(` ${normalised.toLowerCase()} `);
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  return [...grams];
}
