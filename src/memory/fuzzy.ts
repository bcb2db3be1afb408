/**
 * Fuzzy matches from any memory store: the store proposes candidates from its
 * index, every candidate is scored here (`score`), and the best above the
 * threshold come back, best first. `scanMatches` scores every entry instead:
 * what the index is measured against.
 */
import type { Lang } from '../core/lang.js';
import type { StoredEntry } from './entry.js';
import { indexTerms, maxScore, normalise, score, type Comparable, type Normalised } from './match.js';
import type { MemoryStore } from './memory.js';

export interface Match {
  readonly entry: StoredEntry;
  readonly score: number;
}

/** Candidates scored per query: enough that the best is among them for a one-word edit of a long sentence. */
const CANDIDATES = 50;

export function fuzzyMatches(store: MemoryStore, lang: Lang, sentence: Comparable, threshold: number, count: number): Match[] {
  const query = normalise(sentence);
  return rank(query, store.candidates(lang, indexTerms(query.text), CANDIDATES, { text: query.text, minScore: threshold }), threshold, count);
}

/** The same ranking over every entry of the locale: a brute-force scan. */
export function scanMatches(store: MemoryStore, lang: Lang, sentence: Comparable, threshold: number, count: number): Match[] {
  const entries = [...store.entries(lang)].filter((entry) => entry.sourceLang === store.sourceLang);
  return rank(normalise(sentence), entries, threshold, count);
}

function rank(query: Normalised, entries: Iterable<StoredEntry>, threshold: number, count: number): Match[] {
  const matches: Match[] = [];
  for (const entry of entries) {
    const candidate = normalise(entry.source);
    if (maxScore(query, candidate) < threshold) continue;
    const value = score(query, candidate);
    if (value >= threshold) matches.push({ entry, score: value });
  }
  return matches.sort(byBest).slice(0, count);
}

/** The best approved translation of exactly this sentence: what may fill a target without a person. */
export function approvedMatch(store: MemoryStore, lang: Lang, source: string): StoredEntry | undefined {
  return store
    .exact(lang, source)
    .filter((entry) => approval(entry) === 1)
    .map((entry) => ({ entry, score: 100 }))
    .sort(byBest)[0]?.entry;
}

/** Higher score, then approved before not, then the later change. */
export function byBest(a: Match, b: Match): number {
  return b.score - a.score || approval(b.entry) - approval(a.entry) || (b.entry.changed ?? '').localeCompare(a.entry.changed ?? '');
}

function approval(entry: StoredEntry): number {
  return entry.state === 'reviewed' || entry.state === 'final' ? 1 : 0;
}
