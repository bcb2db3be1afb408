/**
 * Everything a run reads and writes goes through a `ProjectStore`: source
 * documents, the targets of each (document, locale) pair, translation memory,
 * the machine translation cache, published outputs, the QA report and the
 * record of the last run. Stages never see where these live; `FsStore` keeps
 * them in the project's folders, and a store on a database would be another
 * implementation of this interface.
 */
import type { Lang } from '../core/lang.js';
import type { Doc, DocId, Proposal, SegmentId, Target } from '../core/types.js';
import type { SourceFormat } from '../formats/index.js';
import type { Manifest } from '../merge/index.js';
import type { MachineCache } from '../mt/index.js';
import type { ProjectMemory } from '../memory/memory.js';
import type { ExistingTargets, XliffVersion } from '../xliff/index.js';
import type { ReportFinding } from '../stages/check.js';

/**
 * What a piece of content was when it was last seen: its hash, and whatever
 * lets a store tell cheaply that it has not changed since (a file's size and
 * modification time, as git's index keeps them).
 */
export interface Stamp {
  readonly hash: string;
  readonly size?: number;
  readonly mtimeMs?: number;
}

export interface SourceEntry {
  readonly id: DocId;
  /** How errors name the file. */
  readonly name: string;
  readonly format: SourceFormat;
  readonly stamp: Stamp;
}


export interface SavedTargets {
  readonly doc: Doc;
  /** The source file's name, as the translators' file records it. */
  readonly original: string;
  readonly lang: Lang;
  readonly targets: ReadonlyMap<SegmentId, Target>;
  /** Notes for the translator per unit (QA findings). */
  readonly notes: ReadonlyMap<SegmentId, readonly string[]>;
  /** Memory proposals per unit. */
  readonly proposals?: ReadonlyMap<SegmentId, readonly Proposal[]>;
  readonly version: XliffVersion;
}

/** A localised output of a pair: its format name and content. */
export type Outputs = ReadonlyMap<string, string>;

export interface ProjectStore {
  /** Every source document, in id order; unchanged ones are stamped without being read when the store can tell. */
  listSources(previous: (id: DocId) => Stamp | undefined): Promise<SourceEntry[]>;
  readSource(id: DocId): Promise<string>;

  /** The stamp of a pair's targets as they are now (undefined: none yet), read only when they may have changed. */
  targetsStamp(docId: DocId, lang: Lang, previous: Stamp | undefined): Promise<Stamp | undefined>;
  /** A pair's targets matched to the current document; refuses targets of another language pair. */
  loadTargets(doc: Doc, lang: Lang): Promise<ExistingTargets>;
  /** Saves a pair's targets; returns their new stamp and whether anything changed. */
  saveTargets(saved: SavedTargets): Promise<{ readonly stamp: Stamp; readonly written: boolean }>;

  /**
   * The translation memory, opened on first use and brought up to date with
   * the repository's copies. `write: false` (a dry run, an export) creates no
   * database where there is none.
   */
  memory(options?: { readonly write?: boolean }): ProjectMemory;
  /** The memory's stamp; it changes exactly when the memory does. */
  memoryStamp(lang: Lang): Promise<Stamp>;
  openCache(lang: Lang): Promise<MachineCache>;
  /** Writes what is pending (the memory's repository copies) and closes what is open. */
  close(): Promise<void>;

  /** Which outputs of a pair exist now. */
  publishedFormats(docId: DocId, lang: Lang): Promise<ReadonlySet<string>>;
  /** Writes a pair's outputs and removes those of its formats not given. */
  publish(docId: DocId, lang: Lang, outputs: Outputs, formats: readonly string[]): Promise<void>;
  writeManifest(manifest: Manifest): Promise<void>;
  writeReport(findings: readonly ReportFinding[]): Promise<void>;
  /** Where the report is, as the user should look for it. */
  readonly reportName: string;
  /** How a pair's targets are named in reports (`locales/fr/doc.xlf`). */
  targetsName(docId: DocId, lang: Lang): string;

  /**
   * Removes what a deleted document left: its outputs always; its targets
   * only where `removable` gives their stamp and they are still as stamped, so
   * a translator's later work is kept. Returns the names removed and kept.
   */
  removeDocument(docId: DocId, langs: readonly Lang[], removable: (lang: Lang) => Stamp | undefined): Promise<{ removed: string[]; kept: string[] }>;

  /** The record of the last run (the store keeps it, the plan reads it). */
  readRecord(): Promise<unknown>;
  writeRecord(record: unknown): Promise<void>;
}

