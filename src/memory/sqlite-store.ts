/**
 * The translation memory in one SQLite file (better-sqlite3): embedded, no
 * server, one write transaction per batch, WAL so readers never wait.
 *
 * Fuzzy candidates come from our own inverted index of words, not from FTS5:
 * FTS5's trigram OR query over a large memory reads posting lists of the most
 * common trigrams and was measured slower than scanning every entry. Here
 * each word keeps its document frequency, and a word's postings stop growing
 * once it occurs in more than `COMMON` entries (articles and auxiliaries say
 * nothing about which sentence is meant). A query reads the postings of its
 * few rarest words only, so its cost follows how rare its words are, not how
 * large the memory is.
 *
 * Short texts (up to `INDEXED_SHORT` characters) are indexed by character trigrams
 * too, each posting with the text's length (#26): a short query's best match
 * often shares none of its rarer words, and a word common to thousands of
 * entries cannot rank them. Its candidates are the entries of a length that
 * can reach the score wanted (`maxScore`'s bound) sharing the most trigrams,
 * read rarest trigram first within a budget, as pg_trgm would rank them.
 *
 * One entry per language pair, source and target: what lookups see. A TMX
 * unit that repeats a pair another unit brought (real files do: the same
 * heading in two documents, each with its own props and tuid) is kept as a
 * repeat of that entry (`repeat`), never indexed or proposed, and given back
 * by `entries()` in its own unit, so an export holds every imported unit.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { stateRank } from '../core/state.js';
import type { CodeSpan, Origin, State } from '../core/types.js';
import type { MemoryEntry, StoredEntry } from './entry.js';
import { indexGrams, indexTerms, normalise } from './match.js';
import { servesLocale, type AddResult, type CandidateQuery, type MemoryStore } from './memory.js';

/** A word in more entries than this gets no more postings: it no longer narrows anything down. */
const COMMON = 20_000;
/** For a short text, only words in at most this many entries are looked up: the rare ones that name what it is about. */
const RARE = 1_000;
/** How many of a query's rarest words are looked up. */
const RAREST = 5;
/** Queries up to this many normalised characters are short (about six words of German): their candidates come from trigrams too. */
const SHORT = 48;
/** Entries indexed by trigrams: as long as a short query's match can be (48 characters reach 75 against 64). */
const INDEXED_SHORT = 64;
/** Trigram postings a query reads at most, rarest trigram first: bounds its cost in a memory of millions of short texts. */
const GRAM_BUDGET = 8_000;
/** Marks a trigram in the term table, so trigrams and words keep one vocabulary per language pair apart. */
const GRAM = '\u0001';

/** Raised when the tables change; a database of another version is refused, never misread. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entry (
  id INTEGER PRIMARY KEY,
  src TEXT NOT NULL,
  lang TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  state TEXT NOT NULL,
  origin TEXT NOT NULL,
  engine TEXT,
  doc TEXT,
  prev TEXT,
  next TEXT,
  created TEXT,
  creator TEXT,
  changed TEXT,
  changer TEXT,
  unit TEXT,
  codes TEXT,
  tmx TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS entry_text ON entry (src, lang, source, target);
CREATE TABLE IF NOT EXISTS term (id INTEGER PRIMARY KEY, lang TEXT NOT NULL, word TEXT NOT NULL, df INTEGER NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS term_word ON term (lang, word);
CREATE TABLE IF NOT EXISTS posting (term INTEGER NOT NULL, entry INTEGER NOT NULL, PRIMARY KEY (term, entry)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS language (lang TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS gram (term INTEGER NOT NULL, len INTEGER NOT NULL, entry INTEGER NOT NULL, PRIMARY KEY (term, len, entry)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS repeat (entry INTEGER NOT NULL, unit TEXT NOT NULL, row TEXT NOT NULL, PRIMARY KEY (entry, unit)) WITHOUT ROWID;
`;

interface Row {
  id: number;
  src: string;
  lang: string;
  source: string;
  target: string;
  state: string;
  origin: string;
  engine: string | null;
  doc: string | null;
  prev: string | null;
  next: string | null;
  created: string | null;
  creator: string | null;
  changed: string | null;
  changer: string | null;
  unit: string | null;
  codes: string | null;
  tmx: string | null;
}

export class SqliteMemory implements MemoryStore {
  readonly #db: Database.Database;
  readonly #file: string;
  readonly #statements;
  readonly #terms = new Map<string, { id: number; df: number }>();
  readonly sourceLang: Lang;
  #languages: Lang[] | undefined;

  /** Lookups serve translations from `sourceLang`; entries from other source languages are kept, for export. */
  constructor(file: string, sourceLang: Lang) {
    this.sourceLang = sourceLang;
    this.#file = file;
    this.#db = guard(file, () => new Database(file));
    try {
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      // 64 MB of page cache: index pages of a million-entry memory stay in memory across a batch.
      this.#db.pragma('cache_size = -65536');
      this.#db.exec(SCHEMA);
    } catch (error) {
      this.#db.close();
      const named = databaseError(error, file);
      if (named !== error) throw named;
      throw new InputError(`not a memory database SQLite can read (${(error as Error).message}): delete it to rebuild it from the copies`, { file }, { cause: error });
    }
    try {
      this.#statements = this.#prepare();
      if (!this.meta('id')) {
        this.setMeta('id', randomUUID());
        this.setMeta('schema', String(SCHEMA_VERSION));
      }
    } catch (error) {
      this.#db.close();
      throw error;
    }
    const schema = Number(this.meta('schema'));
    if (schema !== SCHEMA_VERSION) {
      this.#db.close();
      throw new InputError(`a memory database of another l10n version (schema ${schema}, this one reads ${SCHEMA_VERSION}): rebuild it from the copies by deleting it, or export it with that version`, { file });
    }
    // A database made before short texts had trigrams gets them once, here (its tables are the same otherwise).
    if (this.meta('index:grams') !== '1') {
      try {
        this.#indexAllGrams();
      } catch (error) {
        this.#db.close();
        throw databaseError(error, file);
      }
    }
  }

  #prepare() {
    const db = this.#db;
    return guard(this.#file, () => ({
      exact: db.prepare<[string, string, string], Row>('SELECT * FROM entry WHERE src = ? AND lang = ? AND source = ?'),
      byId: db.prepare<[number], Row>('SELECT * FROM entry WHERE id = ?'),
      find: db.prepare<[string, string, string, string], Row>('SELECT * FROM entry WHERE src = ? AND lang = ? AND source = ? AND target = ?'),
      insert: db.prepare(
        `INSERT INTO entry (src, lang, source, target, state, origin, engine, doc, prev, next, created, creator, changed, changer, unit, codes, tmx)
         VALUES (@src, @lang, @source, @target, @state, @origin, @engine, @doc, @prev, @next, @created, @creator, @changed, @changer, @unit, @codes, @tmx)
         ON CONFLICT (src, lang, source, target) DO NOTHING`,
      ),
      update: db.prepare(
        `UPDATE entry SET state = @state, origin = @origin, engine = @engine, doc = @doc, prev = @prev, next = @next, created = @created,
         creator = @creator, changed = @changed, changer = @changer, unit = @unit, codes = @codes, tmx = @tmx WHERE id = @id`,
      ),
      superseded: db.prepare<[string, string, string, string, string], { id: number }>('SELECT id FROM entry WHERE src = ? AND lang = ? AND source = ? AND doc = ? AND target <> ?'),
      remove: db.prepare<[number]>('DELETE FROM entry WHERE id = ?'),
      term: db.prepare<[string, string], { id: number; df: number }>('SELECT id, df FROM term WHERE lang = ? AND word = ?'),
      addTerm: db.prepare<[string, string]>('INSERT INTO term (lang, word, df) VALUES (?, ?, 0)'),
      setDf: db.prepare<[number, number]>('UPDATE term SET df = ? WHERE id = ?'),
      post: db.prepare<[number, number]>('INSERT OR IGNORE INTO posting (term, entry) VALUES (?, ?)'),
      postings: db.prepare<[number], { entry: number }>('SELECT entry FROM posting WHERE term = ?').pluck(),
      gram: db.prepare<[number, number, number]>('INSERT OR IGNORE INTO gram (term, len, entry) VALUES (?, ?, ?)'),
      grams: db.prepare<[number, number, number], number>('SELECT entry FROM gram WHERE term = ? AND len = ? LIMIT ?').pluck(),
      clearGrams: db.prepare<[string]>("DELETE FROM gram WHERE term IN (SELECT id FROM term WHERE lang LIKE '%>' || ?)"),
      allSources: db.prepare<[], Pick<Row, 'id' | 'src' | 'lang' | 'source' | 'codes'>>('SELECT id, src, lang, source, codes FROM entry'),
      // Repeats (`rep`, the row as its unit brought it) in their own unit's place, so export writes each unit once.
      all: db.prepare<[], ListedRow>(
        `SELECT coalesce(unit, 's' || src || char(10) || source) AS k, NULL AS rep, entry.* FROM entry
         UNION ALL SELECT repeat.unit, repeat.row, entry.* FROM repeat JOIN entry ON entry.id = repeat.entry ORDER BY k, id`,
      ),
      ofLang: db.prepare<[string, string], ListedRow>(
        `SELECT '' AS k, NULL AS rep, entry.* FROM entry WHERE lang = ?
         UNION ALL SELECT repeat.unit, repeat.row, entry.* FROM repeat JOIN entry ON entry.id = repeat.entry WHERE entry.lang = ? ORDER BY id, k`,
      ),
      repeats: db.prepare<[number], { unit: string; row: string }>('SELECT unit, row FROM repeat WHERE entry = ?'),
      setRepeat: db.prepare<[number, string, string]>('INSERT INTO repeat (entry, unit, row) VALUES (?, ?, ?) ON CONFLICT (entry, unit) DO UPDATE SET row = excluded.row'),
      removeRepeats: db.prepare<[number]>('DELETE FROM repeat WHERE entry = ?'),
      clearRepeats: db.prepare<[string]>('DELETE FROM repeat WHERE entry IN (SELECT id FROM entry WHERE lang = ?)'),
      setState: db.prepare<[string, number]>('UPDATE entry SET state = ? WHERE id = ?'),
      // The tags kept in a table of their own: a DISTINCT over a million entries is a scan.
      languages: db.prepare<[], { lang: string }>('SELECT lang FROM language ORDER BY lang').pluck(),
      addLanguage: db.prepare<[string]>('INSERT OR IGNORE INTO language (lang) VALUES (?)'),
      removeLanguage: db.prepare<[string]>('DELETE FROM language WHERE lang = ?'),
      size: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM entry WHERE lang = ?').pluck(),
      meta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      clearEntries: db.prepare<[string]>('DELETE FROM entry WHERE lang = ?'),
      clearPostings: db.prepare<[string]>("DELETE FROM posting WHERE term IN (SELECT id FROM term WHERE lang LIKE '%>' || ?)"),
      clearTerms: db.prepare<[string]>("DELETE FROM term WHERE lang LIKE '%>' || ?"),
    }));
  }

  exact(locale: Lang, source: string): StoredEntry[] {
    return guard(this.#file, () => this.#served(locale).flatMap((lang) => this.#statements.exact.all(this.sourceLang, lang, source).map(entryOf)));
  }

  candidates(locale: Lang, terms: readonly string[], limit: number, query?: CandidateQuery): StoredEntry[] {
    return guard(this.#file, () => {
      const short = query !== undefined && query.text.length > 0 && query.text.length <= SHORT;
      // A short text's words are mostly common ones: their postings say little and cost much; its trigrams find its matches.
      const ids = this.#candidates(locale, terms, limit, short ? RARE : COMMON);
      if (short) for (const id of this.#shortCandidates(locale, query, limit)) if (!ids.includes(id)) ids.push(id);
      return ids.flatMap((id) => {
        const row = this.#statements.byId.get(id);
        return row ? [entryOf(row)] : [];
      });
    });
  }

  /**
   * Short entries sharing trigrams with a short text: those most alike (the
   * shared trigrams as a share of the longer text's), and those holding most
   * of the text's own trigrams, whatever their length: `maxScore` lets a
   * text of few tokens match one of a quite different length by tokens
   * ("»%s« ersetzen?" and "Ordner »%s« ersetzen?", 85). Among equals, the
   * closer length. Postings are read length by length outward from the
   * text's own, each length's trigrams all (so its entries' counts are
   * whole), until `GRAM_BUDGET` rows have been read; trigrams in more short
   * texts than the budget are left out once three rarer ones are there.
   * With `minScore` at 100 (exact only) there is nothing to find.
   */
  #shortCandidates(locale: Lang, query: CandidateQuery, limit: number): number[] {
    if (query.minScore >= 100) return [];
    const length = query.text.length;
    const min = Math.max(1, query.minScore);
    // The lengths `maxScore`'s character bound allows, widened to half and twice the length for its token bound.
    const low = Math.max(1, Math.min(Math.ceil((length * min) / 100), Math.ceil(length / 2)));
    const high = Math.min(INDEXED_SHORT, Math.max(Math.floor((length * 100) / min), 2 * length));
    const grams = indexGrams(query.text);
    const shared = new Map<number, number>();
    const lengths = new Map<number, number>();
    for (const lang of this.#served(locale)) {
      const known = grams.flatMap((gram) => {
        const term = this.#term(this.sourceLang, lang, GRAM + gram);
        return term && term.df > 0 ? [term] : [];
      });
      const used = known.sort((a, b) => a.df - b.df).filter((term, at) => at < 3 || term.df <= GRAM_BUDGET);
      let read = 0;
      for (let step = 0; read < GRAM_BUDGET && (length - step >= low || length + step <= high); step++) {
        for (const len of step === 0 ? [length] : [length - step, length + step]) {
          if (len < low || len > high) continue;
          for (const term of used) {
            if (read >= GRAM_BUDGET) break;
            const entries = this.#statements.grams.all(term.id, len, GRAM_BUDGET - read) as unknown as number[];
            read += entries.length;
            for (const entry of entries) {
              shared.set(entry, (shared.get(entry) ?? 0) + 1);
              lengths.set(entry, len);
            }
          }
        }
      }
    }
    const ids = [...shared.keys()];
    if (ids.length === 0) return [];
    // A padded text of n characters has n trigrams: the share of the longer one's is what a match needs to be high.
    const alike = new Float64Array(ids.length);
    const holding = new Float64Array(ids.length);
    for (const [at, id] of ids.entries()) {
      const count = shared.get(id)!;
      const len = lengths.get(id)!;
      // Among equals, the closer length (a fraction below one step of either key).
      const closeness = 1 / (2 + Math.abs(len - length));
      alike[at] = count / Math.max(grams.length, len) + closeness / (4 * INDEXED_SHORT ** 2);
      holding[at] = count + closeness;
    }
    return [...new Set([...top(ids, alike, limit), ...top(ids, holding, Math.ceil(limit / 2))])];
  }

  #candidates(locale: Lang, terms: readonly string[], limit: number, maxDf: number): number[] {
    const hits = new Map<number, number>();
    for (const lang of this.#served(locale)) {
      const known = terms.flatMap((word) => {
        const term = this.#term(this.sourceLang, lang, word);
        return term && term.df > 0 && term.df <= maxDf ? [term] : [];
      });
      const rarest = known.sort((a, b) => a.df - b.df).slice(0, RAREST);
      for (const term of rarest) for (const entry of this.#statements.postings.all(term.id) as unknown as number[]) hits.set(entry, (hits.get(entry) ?? 0) + 1);
    }
    // Most shared rare words first; among equals, the newer entry: one key each, sorted as numbers (a query's hits can be 100,000).
    const keys = new Float64Array(hits.size);
    let at = 0;
    for (const [id, count] of hits) keys[at++] = count * 2 ** 32 + id;
    keys.sort();
    const best: number[] = [];
    for (let i = keys.length - 1; i >= 0 && best.length < limit; i--) best.push(keys[i]! % 2 ** 32);
    return best;
  }

  add(entries: Iterable<MemoryEntry>, options: { readonly supersede?: boolean } = {}): AddResult {
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const changedSources = new Set<string>();
    const touched = new Set<string>();
    // Locales whose copies must be written again though no lookup changes: a repeat was kept.
    const rewritten = new Set<string>();
    const dirty = new Map<number, number>();
    const postings: number[] = [];
    const grams: number[] = [];
    const run = this.#db.transaction(() => {
      for (const entry of entries) {
        const row = rowOf(entry);
        if (options.supersede && entry.doc) {
          for (const { id } of this.#statements.superseded.all(row.src, entry.lang, row.source, entry.doc, row.target)) {
            this.#statements.removeRepeats.run(id);
            this.#statements.remove.run(id);
            changedSources.add(row.source);
            touched.add(entry.lang);
          }
        }
        // Most entries are new: insert first, and look the entry up only when it is there already.
        const inserted = this.#statements.insert.run(row);
        if (inserted.changes === 1) {
          this.#index(entry.sourceLang, entry.lang, entry, Number(inserted.lastInsertRowid), { dirty, postings, grams });
          added++;
        } else {
          const known = this.#statements.find.get(row.src, entry.lang, row.source, row.target)!;
          if (row.unit !== null && known.unit !== null && row.unit !== known.unit) {
            // Another TMX unit with the same pair: kept as a repeat, for export; it changes a lookup only by a higher state.
            const repeat = this.#repeat(known, row);
            if (repeat.kept === 'unchanged') {
              unchanged++;
              continue;
            }
            if (repeat.kept === 'added') added++;
            else updated++;
            rewritten.add(entry.lang);
            if (repeat.raised) {
              changedSources.add(row.source);
              touched.add(entry.lang);
            }
            continue;
          }
          // The same text seen again keeps its first origin: approving an engine's text does not make it a person's.
          // An entry of ours (no unit) that an imported unit holds too keeps that unit's place and markup, for export.
          const merged = {
            ...row,
            origin: known.origin,
            engine: known.engine,
            state: stateRank(row.state as State) >= stateRank(known.state as State) ? row.state : known.state,
            created: known.created ?? row.created,
            unit: row.unit ?? known.unit,
            tmx: row.unit === null && known.unit !== null ? known.tmx : row.tmx,
          };
          // The same translation seen again is not a change: its dates stay as they were.
          if (sameRow({ ...merged, changed: known.changed }, known)) {
            unchanged++;
            continue;
          }
          this.#statements.update.run({ ...merged, id: known.id });
          updated++;
        }
        changedSources.add(row.source);
        touched.add(entry.lang);
      }
      // In index order: each page of the posting tree is written once per batch, not once per entry.
      const order = [...Array(postings.length / 2).keys()].sort((a, b) => postings[2 * a]! - postings[2 * b]! || postings[2 * a + 1]! - postings[2 * b + 1]!);
      for (const at of order) this.#statements.post.run(postings[2 * at]!, postings[2 * at + 1]!);
      this.#writeGrams(grams);
      for (const [id, df] of dirty) this.#statements.setDf.run(df, id);
      for (const lang of touched) {
        this.#statements.addLanguage.run(lang);
        this.#bump(lang);
      }
      for (const lang of rewritten) if (!touched.has(lang)) this.setMeta(`unwritten:${lang}`, '1');
    });
    try {
      guard(this.#file, run);
    } catch (error) {
      // The cached terms' document frequencies were counted up for rows that were rolled back.
      this.#terms.clear();
      this.#languages = undefined;
      throw error;
    }
    this.#languages = undefined;
    return { added, updated, unchanged, changedSources };
  }

  /**
   * Runs `work` (which adds entries, over several batches and awaits) as one
   * write transaction: everything it added is kept, or, when it throws,
   * nothing, with the versions and the copies' marks as they were. The lock
   * is taken first (`BEGIN IMMEDIATE`), so a writer elsewhere is met before
   * anything is read, not half-way. Not nested; while it runs, the whole
   * connection is inside it, so only a command that does nothing else with
   * the memory meanwhile (`l10n tm import`) uses it.
   */
  async atomically<T>(work: () => Promise<T>): Promise<T> {
    guard(this.#file, () => this.#db.exec('BEGIN IMMEDIATE'));
    try {
      const result = await work();
      guard(this.#file, () => this.#db.exec('COMMIT'));
      return result;
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      this.#terms.clear();
      this.#languages = undefined;
      throw error;
    }
  }

  *entries(lang?: Lang): IterableIterator<StoredEntry> {
    const rows = guard(this.#file, () => (lang === undefined ? this.#statements.all.iterate() : this.#statements.ofLang.iterate(lang, lang)));
    try {
      for (;;) {
        const next = guard(this.#file, () => rows.next());
        if (next.done) return;
        const row = next.value as ListedRow;
        yield entryOf(row.rep === null ? row : { ...(JSON.parse(row.rep) as RowValues), id: row.id });
      }
    } finally {
      rows.return?.();
    }
  }

  languages(): Lang[] {
    return guard(this.#file, () => this.#statements.languages.all() as unknown as Lang[]);
  }

  size(lang: Lang): number {
    return guard(this.#file, () => this.#statements.size.get(lang) as unknown as number);
  }

  version(locale: Lang): string {
    return `${this.meta('id')}:${this.#served(locale)
      .map((lang) => `${lang}=${this.meta(`version:${lang}`) ?? '0'}`)
      .join(',')}`;
  }

  clear(lang: Lang): void {
    guard(this.#file, () =>
      this.#db.transaction(() => {
        this.#statements.clearPostings.run(lang);
        this.#statements.clearGrams.run(lang);
        this.#statements.clearTerms.run(lang);
        this.#statements.clearRepeats.run(lang);
        this.#statements.clearEntries.run(lang);
        this.#statements.removeLanguage.run(lang);
        this.#bump(lang);
      })(),
    );
    this.#terms.clear();
    this.#languages = undefined;
  }

  close(): void {
    this.#db.close();
  }

  /** A value kept with the memory: its id and versions, and the repository copies' stamps. */
  meta(key: string): string | undefined {
    return guard(this.#file, () => this.#statements.meta.get(key) as unknown as string | undefined);
  }

  setMeta(key: string, value: string): void {
    guard(this.#file, () => this.#statements.setMeta.run(key, value));
  }

  /**
   * A unit repeating the pair of `known` (another unit): unchanged when it is
   * kept already, as this unit or as the same content under another file's
   * unit (our own export imported again); else kept (added, or the unit's
   * earlier content updated), `raised` when its state is higher than the
   * entry's (which then takes it).
   */
  #repeat(known: Row, row: RowValues): { kept: 'unchanged' | 'added' | 'updated'; raised: boolean } {
    const unit = row.unit!;
    const repeats = this.#statements.repeats.all(known.id);
    const same = repeats.find((repeat) => repeat.unit === unit);
    if (same && same.row === JSON.stringify(row)) return { kept: 'unchanged', raised: false };
    if (!same) {
      const file = fileOf(unit);
      const others = [known, ...repeats.map((repeat) => JSON.parse(repeat.row) as RowValues)].filter((other) => other.unit !== null && fileOf(other.unit) !== file);
      if (others.some((other) => sameRow({ ...row, unit: other.unit }, other))) return { kept: 'unchanged', raised: false };
    }
    this.#statements.setRepeat.run(known.id, unit, JSON.stringify(row));
    const kept = same ? 'updated' : 'added';
    if (stateRank(row.state as State) <= stateRank(known.state as State)) return { kept, raised: false };
    this.#statements.setState.run(row.state, known.id);
    return { kept, raised: true };
  }

  #index(src: Lang, lang: Lang, entry: Pick<MemoryEntry, 'source'>, id: number, batch: IndexBatch): void {
    const { text } = normalise(entry.source);
    for (const word of indexTerms(text)) {
      const term = this.#counted(src, lang, word, batch.dirty);
      if (term.df <= COMMON) batch.postings.push(term.id, id);
    }
    if (text.length === 0 || text.length > INDEXED_SHORT) return;
    for (const gram of indexGrams(text)) batch.grams.push(this.#counted(src, lang, GRAM + gram, batch.dirty).id, text.length, id);
  }

  /** The term, made when new, with one more entry counted. */
  #counted(src: Lang, lang: Lang, word: string, dirty: Map<number, number>): { id: number; df: number } {
    let term = this.#term(src, lang, word);
    if (!term) {
      term = { id: Number(this.#statements.addTerm.run(pairKey(src, lang), word).lastInsertRowid), df: 0 };
      this.#terms.set(`${pairKey(src, lang)}\n${word}`, term);
    }
    term.df++;
    dirty.set(term.id, term.df);
    return term;
  }

  /** In index order, as postings are. */
  #writeGrams(grams: readonly number[]): void {
    const order = [...Array(grams.length / 3).keys()].sort((a, b) => grams[3 * a]! - grams[3 * b]! || grams[3 * a + 1]! - grams[3 * b + 1]! || grams[3 * a + 2]! - grams[3 * b + 2]!);
    for (const at of order) this.#statements.gram.run(grams[3 * at]!, grams[3 * at + 1]!, grams[3 * at + 2]!);
  }

  /** Trigrams for the short texts of a database made before they had them (#26), in one transaction. */
  #indexAllGrams(): void {
    this.#db.transaction(() => {
      const dirty = new Map<number, number>();
      const grams: number[] = [];
      for (const row of this.#statements.allSources.iterate()) {
        const codes = row.codes ? (JSON.parse(row.codes) as { source: CodeSpan[] }).source : [];
        const { text } = normalise({ text: row.source, codes });
        if (text.length === 0 || text.length > INDEXED_SHORT) continue;
        for (const gram of indexGrams(text)) grams.push(this.#counted(row.src as Lang, row.lang as Lang, GRAM + gram, dirty).id, text.length, row.id);
      }
      this.#writeGrams(grams);
      for (const [id, df] of dirty) this.#statements.setDf.run(df, id);
      this.setMeta('index:grams', '1');
    })();
  }

  /**
   * The tags whose entries serve a project locale: the locale itself, its
   * regions (`fr-CA`, `fr-FR` for `fr`), and for a regional locale its language.
   * Pseudo-locales are machine-made on purpose: they neither serve nor are served.
   */
  #served(locale: Lang): Lang[] {
    this.#languages ??= guard(this.#file, () => this.languages());
    return [locale, ...this.#languages.filter((lang) => lang !== locale && servesLocale(lang, locale))];
  }

  #term(src: Lang, lang: Lang, word: string): { id: number; df: number } | undefined {
    const pair = pairKey(src, lang);
    const key = `${pair}\n${word}`;
    let term = this.#terms.get(key);
    if (!term) {
      term = this.#statements.term.get(pair, word);
      if (term) this.#terms.set(key, term);
    }
    return term;
  }

  /** In the writing transaction: a new version, and a mark that the locale's repository copy is behind. */
  #bump(lang: string): void {
    this.setMeta(`version:${lang}`, String(Number(this.meta(`version:${lang}`) ?? '0') + 1));
    this.setMeta(`unwritten:${lang}`, '1');
  }
}

/** `work`, with what SQLite refuses for a reason the user can act on turned into a named refusal. */
function guard<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw databaseError(error, file);
  }
}

/**
 * SQLite's refusals that have a cause outside l10n, as one line naming the
 * database and what to do (result codes: https://www.sqlite.org/rescode.html);
 * any other error is returned as it was: a bug, for exit 70.
 */
export function databaseError(error: unknown, file: string): unknown {
  if (error instanceof InputError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const copies = `${path.basename(path.dirname(file))}/*.json`;
  const why = (message: string) => new InputError(message, { file }, { code: 'DATABASE', cause: error });
  // BUSY: another connection holds the write lock past the busy timeout (better-sqlite3 waits 5 s).
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return why('the memory database is locked: another l10n process (a run, a tm import, a review server) is writing to it. Let it finish or stop it, then try again');
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_AUTH') {
    return why(`cannot write the memory database: it is read-only for this user (${code}). Check the permissions of the file and of its folder, where SQLite keeps its -wal and -shm files`);
  }
  const rebuild = `delete it (with its -wal and -shm files); the next command rebuilds it from the copies ${copies}`;
  if (code.startsWith('SQLITE_CORRUPT')) return why(`the memory database is damaged (${code}): ${rebuild}`);
  if (code === 'SQLITE_NOTADB') return why(`not a memory database SQLite can read (${code}: damaged, or another kind of file): ${rebuild}`);
  if (code.startsWith('SQLITE_FULL') || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') return why(`cannot write the memory database: no space left on the disk, or the disk failed (${code})`);
  return error;
}

/** The index keeps one vocabulary per language pair. */
function pairKey(src: Lang, lang: Lang): string {
  return `${src}>${lang}`;
}

type RowValues = Omit<Row, 'id'>;

/** What indexing a batch of entries collects, written once at its end: document frequencies, word and trigram postings. */
interface IndexBatch {
  readonly dirty: Map<number, number>;
  readonly postings: number[];
  readonly grams: number[];
}

/** A row as `entries()` lists it: an entry, or (`rep`, its JSON) a repeat of it in another unit. */
type ListedRow = Row & { k: string; rep: string | null };

/** The `count` ids of the highest keys, highest first: a sort of their positions by key. */
function top(ids: readonly number[], keys: Float64Array, count: number): number[] {
  const order = Uint32Array.from(ids.keys());
  order.sort((a, b) => keys[b]! - keys[a]!);
  return Array.from(order.subarray(0, count), (at) => ids[at]!);
}

/** The file a unit came from: its id up to the last `#` (`memory.tmx#000000012`). */
function fileOf(unit: string): string {
  return unit.slice(0, unit.lastIndexOf('#') + 1);
}

function rowOf(entry: MemoryEntry): RowValues {
  const codes = entry.source.codes?.length || entry.target.codes?.length ? JSON.stringify({ source: entry.source.codes ?? [], target: entry.target.codes ?? [] }) : null;
  const tmx = entry.tmx || entry.source.tmx !== undefined || entry.target.tmx !== undefined ? JSON.stringify({ ...entry.tmx, sourceSeg: entry.source.tmx, targetSeg: entry.target.tmx }) : null;
  return {
    src: entry.sourceLang,
    lang: entry.lang,
    source: entry.source.text,
    target: entry.target.text,
    state: entry.state,
    origin: entry.origin.by,
    engine: entry.origin.by === 'machine' ? (entry.origin.engine ?? null) : null,
    doc: entry.doc ?? null,
    prev: entry.context?.prev ?? null,
    next: entry.context?.next ?? null,
    created: entry.created ?? null,
    creator: entry.creator ?? null,
    changed: entry.changed ?? null,
    changer: entry.changer ?? null,
    unit: entry.unit ?? null,
    codes,
    tmx,
  };
}

function sameRow(a: RowValues, b: RowValues): boolean {
  return (Object.keys(a) as (keyof RowValues)[]).every((key) => a[key] === b[key]);
}

function entryOf(row: Row): StoredEntry {
  const codes = row.codes ? (JSON.parse(row.codes) as { source: []; target: [] }) : undefined;
  const tmx = row.tmx ? (JSON.parse(row.tmx) as NonNullable<MemoryEntry['tmx']> & { sourceSeg?: string; targetSeg?: string }) : undefined;
  const { sourceSeg, targetSeg, ...extras } = tmx ?? {};
  const origin: Origin = row.origin === 'machine' ? (row.engine ? { by: 'machine', engine: row.engine } : { by: 'machine' }) : { by: row.origin as 'human' | 'memory' };
  return {
    id: row.id,
    sourceLang: row.src as Lang,
    lang: row.lang as Lang,
    source: { text: row.source, ...(codes?.source.length ? { codes: codes.source } : {}), ...(sourceSeg !== undefined ? { tmx: sourceSeg } : {}) },
    target: { text: row.target, ...(codes?.target.length ? { codes: codes.target } : {}), ...(targetSeg !== undefined ? { tmx: targetSeg } : {}) },
    state: row.state as State,
    origin,
    ...(row.doc !== null ? { doc: row.doc } : {}),
    ...(row.prev !== null || row.next !== null ? { context: { prev: row.prev ?? '', next: row.next ?? '' } } : {}),
    ...(row.created !== null ? { created: row.created } : {}),
    ...(row.creator !== null ? { creator: row.creator } : {}),
    ...(row.changed !== null ? { changed: row.changed } : {}),
    ...(row.changer !== null ? { changer: row.changer } : {}),
    ...(row.unit !== null ? { unit: row.unit } : {}),
    ...(Object.keys(extras).length > 0 ? { tmx: extras as NonNullable<MemoryEntry['tmx']> } : {}),
  };
}
