/**
 * What a run must do. When a pair's outputs are written, the inputs they were
 * made from are recorded: the source's stamp, the project's settings, the
 * translators' file as written, the published files, and, while segments are
 * untranslated, the memory and engine that could fill them. A pair whose
 * inputs are all as recorded is skipped without its XLIFF being parsed; every
 * other pair runs, and the plan says why (`l10n run --explain`).
 */
import type { Lang } from './core/lang.js';
import type { DocId } from './core/types.js';
import type { ManifestDoc, Publication } from './merge/index.js';
import type { ReportFinding } from './stages/check.js';
import type { ProjectStore, SourceEntry, Stamp } from './store/store.js';

/** Bump when what is recorded or how outputs are made changes: every pair runs once again. */
const RECORD_VERSION = 6;

export interface PairRecord {
  /** The translators' file as this run wrote it. */
  readonly targets: Stamp;
  /** The outputs published (empty when withheld). */
  readonly formats: readonly string[];
  readonly segments: number;
  readonly fromMemory: number;
  readonly machineTranslated: number;
  /** Targets people wrote: their file is never removed with a deleted document. */
  readonly human: number;
  /** Targets at reviewed or above, for a locale's progress. */
  readonly approved: number;
  /** Segments left without a target, which a new memory entry or engine could fill. */
  readonly untranslated: number;
  readonly engine: string;
  readonly memory: string;
  readonly publication: Publication;
  readonly findings: readonly ReportFinding[];
}

export interface DocRecord {
  readonly source: Stamp;
  readonly kind: 'document' | 'resources';
  /** The source file's extension. */
  readonly format: string;
  readonly blocks: ManifestDoc['blocks'];
  /** A short hash of each sentence, so a new memory entry finds the skipped documents it may fill. */
  readonly sentences: readonly string[];
  readonly pairs: Readonly<Record<string, PairRecord>>;
}

export interface RunRecord {
  readonly version: number;
  readonly settings: string;
  /** Each locale's memory as the run left it. */
  readonly memory: Readonly<Record<string, Stamp>>;
  readonly docs: Readonly<Record<string, DocRecord>>;
}

export function emptyRecord(settings: string): RunRecord {
  return { version: RECORD_VERSION, settings, memory: {}, docs: {} };
}

/** The record the store holds, when it is one this version wrote for these settings. */
export function usableRecord(value: unknown, settings: string): { record: RunRecord; reason?: undefined } | { record?: undefined; reason: string } {
  const record = value as Partial<RunRecord> | undefined;
  if (!record || typeof record !== 'object' || typeof record.docs !== 'object' || record.docs === null || typeof record.memory !== 'object') {
    return { reason: 'no record of an earlier run' };
  }
  if (record.version !== RECORD_VERSION) return { reason: 'recorded by another version of l10n' };
  if (record.settings !== settings) return { reason: 'settings changed (config, termbase, segmentation rules or l10n version)' };
  return { record: record as RunRecord };
}

export type PairDecision =
  | { readonly docId: DocId; readonly lang: Lang; readonly run: true; readonly reasons: readonly string[] }
  | { readonly docId: DocId; readonly lang: Lang; readonly run: false; readonly record: PairRecord };

export interface Plan {
  readonly sources: readonly SourceEntry[];
  readonly pairs: readonly PairDecision[];
  /** Documents the record has and the source folder no longer does. */
  readonly deleted: readonly DocId[];
}

export interface PlanInputs {
  readonly store: ProjectStore;
  readonly settings: string;
  readonly locales: readonly Lang[];
  /** What would fill untranslated segments of a locale now: an engine's name, or `none`. */
  readonly engineFor: (lang: Lang) => string;
  readonly sourceLang: Lang;
  /** False: every pair runs (the single-stage commands). */
  readonly incremental: boolean;
}

export async function planRun(inputs: PlanInputs): Promise<Plan & { readonly record: RunRecord; readonly memory: ReadonlyMap<Lang, Stamp> }> {
  const { store } = inputs;
  const usable = inputs.incremental ? usableRecord(await store.readRecord(), inputs.settings) : { reason: 'every pair runs' };
  const record = usable.record ?? emptyRecord(inputs.settings);
  const sources = await store.listSources((id) => record.docs[id]?.source);
  const memory = new Map<Lang, Stamp>();
  for (const lang of inputs.locales) memory.set(lang, await store.memoryStamp(lang));
  const pairs: PairDecision[] = [];
  for (const source of sources) {
    const doc = record.docs[source.id];
    const sourceMissing = doc !== undefined && (await store.publishedFormats(source.id, inputs.sourceLang)).size === 0;
    for (const lang of inputs.locales) {
      const pair = doc?.pairs[lang];
      const { reasons, targets } = usable.reason ? { reasons: [usable.reason] } : await reasonsToRun(inputs, doc, source, lang, memory.get(lang)!);
      if (sourceMissing) reasons.push('source resources missing');
      if (reasons.length > 0 || !pair || !targets) pairs.push({ docId: source.id, lang, run: true, reasons });
      // The XLIFF's stamp as it is now: touched but unchanged, the next run need not read it again.
      else pairs.push({ docId: source.id, lang, run: false, record: { ...pair, targets } });
    }
  }
  const listed = new Set(sources.map((source) => source.id));
  const deleted = inputs.incremental ? (Object.keys(record.docs) as DocId[]).filter((id) => !listed.has(id)) : [];
  return { sources, pairs, deleted, record, memory };
}

async function reasonsToRun(
  inputs: PlanInputs,
  doc: DocRecord | undefined,
  source: SourceEntry,
  lang: Lang,
  memory: Stamp,
): Promise<{ reasons: string[]; targets?: Stamp }> {
  if (!doc) return { reasons: ['new document'] };
  if (doc.source.hash !== source.stamp.hash) return { reasons: ['source changed'] };
  const pair = doc.pairs[lang];
  if (!pair) return { reasons: ['not finished by the last run'] };
  const reasons: string[] = [];
  const targets = await inputs.store.targetsStamp(source.id, lang, pair.targets);
  if (targets?.hash !== pair.targets.hash) reasons.push(targets ? 'XLIFF changed since the last run' : 'XLIFF missing');
  const published = await inputs.store.publishedFormats(source.id, lang);
  const missing = pair.formats.filter((format) => !published.has(format));
  if (missing.length > 0) reasons.push(`published ${missing.join(', ')} missing`);
  if (pair.untranslated > 0) {
    if (inputs.engineFor(lang) !== pair.engine) reasons.push(`engine is now ${inputs.engineFor(lang)}, ${pair.untranslated} segment(s) untranslated`);
    if (memory.hash !== pair.memory) reasons.push(`memory changed, ${pair.untranslated} segment(s) untranslated`);
  }
  return { reasons, ...(targets ? { targets } : {}) };
}
