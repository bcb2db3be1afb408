/**
 * A deterministic corpus of German-like news sentences for the memory bench.
 * Words are drawn by a Zipf law (exponent 1.05) from a vocabulary of 150,000
 * types: the seed article's words first, the rest made of German syllables, so
 * document frequencies fall off as in real news text (a few hundred words in
 * most sentences, most words rare). Sentences run 8–30 words, with numbers.
 */

const SYLLABLES = ['ber', 'lin', 'ge', 'stern', 'mi', 'nis', 'ter', 'wahl', 'kampf', 'stadt', 'rat', 'haus', 'bund', 'es', 'tag', 'po', 'li', 'zei', 'wirt', 'schaft', 'ver', 'hand', 'lung', 'kri', 'se', 'markt', 'bank', 'zins', 'recht', 'ge', 'richt', 'schu', 'le', 'kin', 'der', 'gar', 'ten', 'bahn', 'hof', 'stre', 'cke', 'wet', 'ter', 'sturm', 'flut', 'en', 'er', 'gie', 'strom', 'netz', 'werk', 'ar', 'beit', 'neh', 'mer', 'lohn', 'steu', 'ern', 'kas', 'sa'];

/** A small seeded generator (mulberry32), so every run builds the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function vocabulary(seedText: string, size: number, next: () => number): string[] {
  const words = [...new Set(seedText.match(/\p{L}+/gu) ?? [])];
  const seen = new Set(words);
  while (words.length < size) {
    const parts = 2 + Math.floor(next() * 3);
    let word = '';
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    if (next() < 0.4) word = word[0]!.toUpperCase() + word.slice(1);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** Draws word ranks by a Zipf law through a cumulative table and binary search. */
function zipf(size: number, exponent: number, next: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1) ** exponent;
  return () => {
    const x = next() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * `count` distinct texts of the seed's vocabulary, Zipf-distributed as real
 * text is: `words(next, word)` makes one text's words; its first letter is
 * capitalised and `end` added.
 */
function distinctTexts(seedText: string, count: number, seed: number, words: (next: () => number, word: () => string) => string[], end: string): string[] {
  const next = random(seed);
  const pool = vocabulary(seedText, 150_000, next);
  const rank = zipf(pool.length, 1.05, next);
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const joined = words(next, () => pool[rank()]!).join(' ');
    const text = `${joined[0]!.toUpperCase()}${joined.slice(1)}${end}`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

/** `count` distinct sentences. */
export function sentences(seedText: string, count: number, seed = 1): string[] {
  return distinctTexts(
    seedText,
    count,
    seed,
    (next, word) => Array.from({ length: 8 + Math.floor(next() * 23) }, () => (next() < 0.05 ? String(Math.floor(next() * 2000)) : word())),
    '.',
  );
}

/** A sentence with one of its words replaced by another from the sentence list: a one-word edit. */
export function editOneWord(sentence: string, next: () => number, donor: string): string {
  const words = sentence.slice(0, -1).split(' ');
  const others = donor.slice(0, -1).split(' ');
  const at = Math.floor(next() * words.length);
  words[at] = others[Math.floor(next() * others.length)]!.toLowerCase();
  return `${words.join(' ')}.`;
}

/** `count` distinct short texts of one to six words, as UI strings and headings are (#26), no final stop. */
export function shortPhrases(seedText: string, count: number, seed = 2): string[] {
  return distinctTexts(seedText, count, seed, (next, word) => Array.from({ length: 1 + Math.floor(next() * 6) }, word), '');
}

/** A short text with one word changed: replaced by another (`donor`'s), or inflected (an ending added or dropped). */
export function editShortPhrase(text: string, next: () => number, donor: string): string {
  const words = text.split(' ');
  const at = Math.floor(next() * words.length);
  const word = words[at]!;
  const choice = next();
  if (choice < 0.4) words[at] = donor.split(' ')[0]!.toLowerCase();
  else if (choice < 0.7 || word.length < 5) words[at] = `${word}en`;
  else words[at] = word.slice(0, -1);
  return words.join(' ');
}
