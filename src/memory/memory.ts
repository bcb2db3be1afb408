/**
 * What a translation memory store does, whatever keeps it (SQLite here; a
 * team's shared Postgres could be another): exact lookup by source text, a
 * short list of fuzzy candidates from an index, and adding entries. Stores
 * only find candidates; `fuzzy.ts` scores them, so every store ranks alike.
 */
import { baseLanguage, isPseudoLocale, type Lang } from '../core/lang.js';
import type { MemoryEntry, StoredEntry } from './entry.js';

export interface AddResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Sources whose best translation may have changed. */
  readonly changedSources: ReadonlySet<string>;
}

/** What a store may use to find candidates beyond the index terms. */
export interface CandidateQuery {
  /** The sentence normalised (`match.ts`: numbers and codes as placeholders, spaces collapsed). */
  readonly text: string;
  /** The lowest score wanted, 0–100: candidates of a length that cannot reach it are left out. */
  readonly minScore: number;
}

export interface MemoryStore {
  /** The language lookups translate from; entries of other source languages are kept only for export. */
  readonly sourceLang: Lang;
  /**
   * Every entry with exactly this source text, any state, serving a project
   * locale: translations into the locale, its regions (`fr-CA` for `fr`) and,
   * for a regional locale, its language.
   */
  exact(locale: Lang, source: string): StoredEntry[];
  /**
   * Entries likely to be fuzzy matches of a sentence with these index terms
   * (`indexTerms`): at most `limit`, best first by shared rare terms. With the
   * sentence's normalised text and the lowest score wanted, a short sentence
   * also gets the entries of a length that can reach that score which share
   * most of its character trigrams (`indexGrams`), at most `limit` more: a
   * short text's best match often shares none of its rarer words (#26).
   */
  candidates(locale: Lang, terms: readonly string[], limit: number, query?: CandidateQuery): StoredEntry[];
  /**
   * Adds entries; one with the same locale, source and target updates the
   * stored one (the higher state and the later date win). With `supersede`, an
   * entry from a document replaces the other translations of its source from
   * that document: a reviewer's corrected translation replaces the one before.
   */
  add(entries: Iterable<MemoryEntry>, options?: { readonly supersede?: boolean }): AddResult;
  /**
   * Runs `work`, which may add entries over several awaits, as one
   * transaction: when it throws, the memory, its versions and what its copies
   * must be are exactly as before (`l10n tm import` is all or nothing).
   */
  atomically<T>(work: () => Promise<T>): Promise<T>;
  /** The entries of one language tag (from any source language), or every entry grouped by TMX unit. */
  entries(lang?: Lang): IterableIterator<StoredEntry>;
  /** The language tags of the entries. */
  languages(): Lang[];
  size(lang: Lang): number;
  /** Changes exactly when the entries serving the project locale do. */
  version(locale: Lang): string;
  /** Removes a locale's entries (before it is loaded again from the repository's copy). */
  clear(lang: Lang): void;
  close(): void;
}

/** A project's memory: a store that also keeps the project's readable copies current. */
export interface ProjectMemory extends MemoryStore {
  /** Writes the copies of the locales changed since they were last written. */
  flush(): Promise<void>;
}

/**
 * Whether translations into `lang` serve the project locale `locale`: the
 * same tag, a region of it (`fr-CA` for `fr`), or its language for a regional
 * locale (`en` for `en-GB`). Pseudo-locales only serve themselves.
 */
export function servesLocale(lang: Lang, locale: Lang): boolean {
  if (lang === locale) return true;
  if (isPseudoLocale(lang) || isPseudoLocale(locale)) return false;
  return baseLanguage(lang) === locale || lang === baseLanguage(locale);
}
