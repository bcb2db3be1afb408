/**
 * Finding many fixed phrases (termbase entries, city names) in text in one
 * pass: phrases are indexed by their first character, so each position of
 * the text costs a map lookup and, where a phrase could start, a few
 * comparisons. A regular expression with hundreds of alternatives tries them
 * one by one at every position.
 */
export interface Phrase<T> {
  readonly text: string;
  readonly value: T;
  /** Whether the phrase may start at `start` and end at `end` of `text` (word boundaries, compounds). */
  readonly fits?: (text: string, start: number, end: number) => boolean;
}

export interface PhraseMatch<T> {
  readonly phrase: Phrase<T>;
  readonly start: number;
  readonly end: number;
}

/** Leftmost, then longest, non-overlapping matches. */
export function phraseFinder<T>(phrases: Iterable<Phrase<T>>): (text: string) => PhraseMatch<T>[] {
  // By first UTF-16 code unit, as a number: no one-character string is made per position of the text.
  const byFirst = new Map<number, Phrase<T>[]>();
  for (const phrase of phrases) {
    if (phrase.text.length === 0) continue;
    const first = phrase.text.charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push(phrase);
    else byFirst.set(first, [phrase]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  const starts = new Uint8Array(0x10000);
  for (const first of byFirst.keys()) starts[first] = 1;
  return (text) => {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < text.length; i++) {
      if (starts[text.charCodeAt(i)] === 0) continue;
      const candidates = byFirst.get(text.charCodeAt(i));
      if (!candidates) continue;
      for (const phrase of candidates) {
        const end = i + phrase.text.length;
        if (text.startsWith(phrase.text, i) && (phrase.fits?.(text, i, end) ?? true)) {
          found.push({ phrase, start: i, end });
          i = end - 1;
          break;
        }
      }
    }
    return found;
  };
}
