/**
 * Reported speech: a word of speech followed by a clause that says what was said (`a déclaré qu’il…`, `said that…`,
 * `ha affermato che…`, `řekl, že…`). A translation may turn a quotation into it, as news translators do; the
 * words of speech and the words that open such a clause are data per language (locales/quotes.json, `speechWords`
 * and `thatWords`), which a team extends without code. Languages without them (Japanese and Korean, whose direct and
 * reported speech end alike, `…と述べた`, `…라고 말했다`) never count as reported speech, so a quotation dropped
 * there stays an error.
 */
import { baseLanguage, type Lang } from '../../core/lang.js';
import QUOTE_WORDS from '../locales/quotes.json' with { type: 'json' };

interface Words {
  readonly speech: ReadonlySet<string>;
  readonly that: ReadonlySet<string>;
  readonly quotative: readonly string[];
}

const WORDS = new Map<string, Words>();
for (const [lang, data] of Object.entries(QUOTE_WORDS as Record<string, unknown>)) {
  if (typeof data !== 'object' || data === null) continue;
  const { speechWords, thatWords, quotativeEndings } = data as { speechWords?: string[]; thatWords?: string[]; quotativeEndings?: string[] };
  WORDS.set(lang, { speech: new Set((speechWords ?? []).map((word) => word.toLowerCase())), that: new Set(thatWords ?? []), quotative: quotativeEndings ?? [] });
}

/** How many words may stand between the word of speech and the word that opens what was said (`a déclaré hier soir que`). */
const BETWEEN = 6;
const WORD = /\p{L}+/gu;

/** The text reports speech: a word of speech, then within a few words a word that opens a clause of what was said. */
export function reportsSpeech(text: string, lang: Lang): boolean {
  const words = WORDS.get(baseLanguage(lang));
  if (!words || words.that.size === 0) return false;
  let sinceSpeech = -1;
  for (const match of text.normalize('NFKC').matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (sinceSpeech >= 0 && words.that.has(word)) return true;
    if (words.speech.has(word)) sinceSpeech = 0;
    else if (sinceSpeech >= 0 && ++sinceSpeech > BETWEEN) sinceSpeech = -1;
  }
  return false;
}

/** The text has a word that opens a clause of what was said (the source's own reported speech, `sagte, dass`). */
export function saysThat(text: string, lang: Lang): boolean {
  const words = WORDS.get(baseLanguage(lang));
  if (!words) return false;
  for (const match of text.normalize('NFKC').matchAll(WORD)) if (words.that.has(match[0].toLowerCase())) return true;
  return false;
}

/** Words of speech in the text (`ha detto`, `раскритиковала`): the words saying, which a quotation does not hold. */
export function speechWordsIn(text: string, lang: Lang): number {
  const words = WORDS.get(baseLanguage(lang));
  if (!words || words.speech.size === 0) return 0;
  let found = 0;
  for (const match of text.normalize('NFKC').matchAll(WORD)) if (words.speech.has(match[0].toLowerCase())) found++;
  return found;
}

/**
 * A word ends in the language's quotative ending (Korean `…일이라고`, `…하겠다고` after `”`): the words before it were
 * quoted, so marks the source has there cannot be a title's that house style drops.
 */
export function endsQuotative(text: string, lang: Lang): boolean {
  const words = WORDS.get(baseLanguage(lang));
  if (!words || words.quotative.length === 0) return false;
  for (const match of text.normalize('NFKC').matchAll(WORD)) if (words.quotative.some((ending) => match[0].length > ending.length && match[0].endsWith(ending))) return true;
  return false;
}
