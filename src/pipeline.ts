/**
 * A run: plan which (document, locale) pairs need work, load each of those
 * once from the store, pass it through the stages, save it once. Every command
 * that works on the project is a run with some of the stages: `extract` and
 * `check` stop before translating, `translate` before merging, `run` does all
 * and skips what is unchanged since the last run. Saves are atomic and
 * progress is saved while an engine works, so a killed run resumes where it
 * stopped; the record of finished pairs is written last, so nothing is
 * reported done that was not written.
 */
import { hash } from 'node:crypto';
import pLimit, { type LimitFunction } from 'p-limit';
import { coalesceWrites } from './core/coalesce.js';
import { resumeCommand, RunInterrupted } from './core/interrupted.js';
import { segmentsOf } from './core/doc.js';
import type { Lang } from './core/lang.js';
import { isApproved, isMachineOrigin } from './core/state.js';
import type { DocId } from './core/types.js';
import type { EngineChoice } from './mt/registry.js';
import type { Manifest, ManifestDoc, ManifestNamespace } from './merge/index.js';
import { blockOutline } from './merge/index.js';
import { PUBLISHED_FORMATS } from './merge/outputs.js';
import { missingSegments, type MachineCache, type TranslationEngine } from './mt/index.js';
import type { MemoryEntry } from './memory/entry.js';
import { emptyRecord, planRun, type DocRecord, type PairDecision, type PairRecord, type RunRecord } from './plan.js';
import { parseSource, qaContext, type Project } from './project.js';
import { check, forTranslators, reportFindings, type CheckedJob, type ReportFinding } from './stages/check.js';
import { extract as extractStage, toMemoryEntries } from './stages/extract.js';
import { forLocale, originalOf, type Job, type SourceDocument } from './stages/job.js';
import { merge as mergeStage, sourceOutputs } from './stages/merge.js';
import { propose, proposeOptions } from './stages/propose.js';
import { translate as translateStage } from './stages/translate.js';
import type { SourceEntry } from './store/store.js';
import type { XliffVersion } from './xliff/index.js';

export type { ReportFinding };
export type StageName = 'extract' | 'translate' | 'check' | 'merge';

export interface ProgressEvent {
  readonly stage: StageName;
  readonly done: number;
  readonly total: number;
  /** The pair this event is about, for a progress display to name it. */
  readonly pair?: { readonly docId: DocId; readonly lang: Lang };
}

export interface RunOptions {
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly version?: XliffVersion;
  /** Translate with these engines; without, untranslated segments stay so. */
  readonly engines?: EngineChoice;
  /** Write the localised outputs and the manifest. */
  readonly merge?: boolean;
  /** Write `reports/qa.json`. */
  readonly report?: boolean;
  /** Skip pairs whose inputs are unchanged since the last run, and record this one. */
  readonly incremental?: boolean;
  /** Requests in flight at once per engine, across locales and documents. Default: the engine's own limit. */
  readonly concurrency?: number;
  /**
   * Run this one pair and nothing else of the project (a review save): no other
   * pair is loaded, filled from the memory or removed; the record keeps the
   * others as they were. Default: every pair the plan chooses.
   */
  readonly only?: { readonly doc: DocId; readonly lang: Lang };
  /**
   * Aborted when the user interrupts (Ctrl-C): no request starts after it, pairs not yet begun are
   * left for the next run, the pairs in hand save what they received, the record of the finished
   * ones is written, and the run throws `RunInterrupted`.
   */
  readonly signal?: AbortSignal;
}

/** What happened to one pair. */
export interface PairResult {
  readonly docId: DocId;
  readonly lang: Lang;
  readonly file: string;
  /** Targets the translators' file held, and those left aside because their source changed. */
  readonly kept: number;
  readonly stale: number;
  readonly written: boolean;
  readonly fromMemory: number;
  readonly machineTranslated: number;
  readonly charactersSent: number;
  readonly record: PairRecord;
}

export interface RunResult {
  readonly plan: readonly PairDecision[];
  readonly pairs: readonly PairResult[];
  /** The record after this run: every pair, whether it ran now or before. */
  readonly record: RunRecord;
  readonly deleted: readonly { readonly docId: DocId; readonly removed: readonly string[]; readonly kept: readonly string[] }[];
  readonly findings: readonly ReportFinding[];
  readonly manifest?: Manifest;
}

/** Jobs in flight at once: enough to keep an engine's requests going, few enough to hold open files down. */
const JOBS_IN_FLIGHT = 16;


export async function runPipeline(project: Project, options: RunOptions = {}): Promise<RunResult> {
  try {
    return await run(project, options);
  } finally {
    // The memory's repository copies are written even when a pair failed: what was added is in the database.
    await project.store.close();
  }
}

async function run(project: Project, options: RunOptions): Promise<RunResult> {
  const { config, store, locales } = project;
  const version = options.version ?? config.xliffVersion;
  const qa = qaContext(project);
  const engineName = (lang: Lang) => {
    const engine = options.engines?.engineFor(lang);
    return engine && engine.unsupported(lang, config.sourceLanguage) === undefined ? engine.name : 'none';
  };
  const planned = await planRun({ store, settings: project.settings, locales, engineFor: engineName, sourceLang: config.sourceLanguage, incremental: options.incremental ?? false });
  const only = options.only;
  const plan = only ? onlyPair(planned, only) : planned;
  const entries = new Map(plan.sources.map((entry) => [entry.id, entry]));

  // Every source that will be used is read and segmented before anything is written: bad input changes nothing.
  const sources = new Map<DocId, SourceDocument>();
  const parse = async (docId: DocId) => {
    if (!sources.has(docId)) sources.set(docId, await parseSource(project, entries.get(docId)!));
    return sources.get(docId)!;
  };
  const toRun = plan.pairs.filter((pair) => pair.run);
  // Interrupted before anything was written: nothing to record.
  const stopIfInterrupted = () => {
    if (options.signal?.aborted) throw new RunInterrupted({ pairs: 0, finished: 0, command: resumeCommand(options.signal) });
  };
  for (const pair of toRun) {
    stopIfInterrupted();
    await parse(pair.docId);
  }

  // Extract: load each pair once, all before any is written (a bad file changes nothing); approved
  // targets go to the memory before anything is translated from it.
  const jobs: Job[] = [];
  const found = new Map<Lang, MemoryEntry[]>();
  const loaded = new Set<string>();
  const load = async (docId: DocId, lang: Lang) => {
    loaded.add(`${lang}\n${docId}`);
    const source = forLocale(await parse(docId), lang);
    const existing = await store.loadTargets(source.parsed.doc, lang);
    const extracted = extractStage({ source, lang, targets: existing.targets, stale: existing.stale }, qa);
    jobs.push(extracted.job);
    if (!found.has(lang)) found.set(lang, []);
    // A loop, not a spread: a document can hold more entries than a call has room for arguments.
    const into = found.get(lang)!;
    for (const entry of toMemoryEntries(extracted.entries, { sourceLang: config.sourceLanguage, lang, doc: docId })) into.push(entry);
    options.onProgress?.({ stage: 'extract', done: jobs.length, total: toRun.length, pair: { docId, lang } });
  };
  for (const lang of locales) {
    for (const pair of toRun) {
      if (pair.lang !== lang) continue;
      stopIfInterrupted();
      await load(pair.docId, lang);
    }
  }
  const deleted = [];
  for (const docId of only ? [] : plan.deleted) {
    const pairs = plan.record.docs[docId]!.pairs;
    // Machine and memory output can be made again; what people translated stays, in a file of its own.
    const removable = (lang: Lang) => (pairs[lang] && pairs[lang].human === 0 ? pairs[lang].targets : undefined);
    deleted.push({ docId, ...(await store.removeDocument(docId, locales, removable)) });
  }
  const memory = store.memory();
  const proposing = proposeOptions(config);
  const memoryStamps = new Map(plan.memory);
  for (const lang of found.keys()) {
    // A reviewer's corrected translation replaces the one they approved before in the same document.
    const { changedSources } = memory.add(found.get(lang)!, { supersede: true });
    if (changedSources.size > 0) {
      await memory.flush();
      memoryStamps.set(lang, await store.memoryStamp(lang));
      // A new approved translation fills the sentence wherever a skipped pair left it untranslated.
      const added = new Set([...changedSources].map(sentenceKey));
      for (const pair of only ? [] : plan.pairs) {
        if (pair.lang !== lang || pair.run || pair.record.untranslated === 0 || loaded.has(`${lang}\n${pair.docId}`)) continue;
        if (plan.record.docs[pair.docId]!.sentences.some((key) => added.has(key))) await load(pair.docId, lang);
      }
    }
  }

  // Translate, check, save, merge: each job once, several at a time.
  // Each engine's requests share one cap, across locales and documents.
  const limits = new Map<TranslationEngine, LimitFunction>();
  const limitOf = (engine: TranslationEngine | undefined) =>
    engine ? (limits.get(engine) ?? limits.set(engine, pLimit(options.concurrency ?? engine.limits.concurrency)).get(engine)!) : pLimit(1);
  const stop = new AbortController();
  // Ctrl-C stops the engines' requests as a failed request does: what was received is kept.
  if (options.signal) options.signal.addEventListener('abort', () => stop.abort(), { once: true });
  const caches = new Map<Lang, Promise<MachineCache>>();
  const cacheOf = (lang: Lang) => caches.get(lang) ?? caches.set(lang, store.openCache(lang)).get(lang)!;
  const formats = options.merge ? config.merge.formats : [];
  const counters = { translate: 0, check: 0 };
  const finish = async (start: Job): Promise<PairResult> => {
    // A pair not begun when the user interrupted is left as it was, for the next run.
    if (options.signal?.aborted) throw options.signal.reason;
    const docId = start.source.parsed.doc.id;
    let machineTranslated = 0;
    let charactersSent = 0;
    const engine = options.engines?.engineFor(start.lang);
    // Memory first: proposals for translators always, empty targets filled only when translating.
    const proposed = propose(start, memory, { ...proposing, fill: options.engines !== undefined });
    let job = proposed.job;
    const { fromMemory } = proposed;
    if (options.engines && missingSegments(job.source.parsed.doc, job.targets).length > 0) {
      const cache = engine ? await cacheOf(job.lang) : undefined;
      // Progress is saved as it comes, without notes: the check below adds them.
      const save = coalesceSaves(async (current: Job) => {
        await cache?.flush();
        await store.saveTargets({ doc: current.source.parsed.doc, original: originalOf(current.source), lang: current.lang, targets: current.targets, notes: new Map(), ...(current.proposals ? { proposals: current.proposals } : {}), version });
      });
      const done = await translateStage(job, config.sourceLanguage, { engine, ...(cache ? { cache } : {}), limit: limitOf(engine), stop, commit: save });
      ({ machineTranslated, charactersSent } = done.result);
      job = done.job;
      options.onProgress?.({ stage: 'translate', done: ++counters.translate, total: jobs.length, pair: { docId, lang: job.lang } });
    }
    const checked = check(job, qa);
    const saved = await store.saveTargets({ doc: checked.source.parsed.doc, original: originalOf(checked.source), lang: checked.lang, ...forTranslators(checked), ...(checked.proposals ? { proposals: checked.proposals } : {}), version });
    options.onProgress?.({ stage: 'check', done: ++counters.check, total: jobs.length, pair: { docId, lang: job.lang } });
    const file = store.targetsName(docId, job.lang);
    const merged = options.merge ? mergeStage(checked, formats, config.publish) : undefined;
    if (merged) await store.publish(docId, job.lang, merged.outputs, PUBLISHED_FORMATS);
    return {
      docId,
      lang: job.lang,
      file,
      kept: start.targets.size,
      stale: start.stale.length,
      written: saved.written,
      fromMemory,
      machineTranslated,
      charactersSent,
      record: pairRecord(checked, file, saved.stamp, [...(merged?.outputs.keys() ?? [])], engineName(job.lang), memoryStamps.get(job.lang)!.hash, merged?.publication),
    };
  };
  const jobLimit = pLimit(JOBS_IN_FLIGHT);
  const settled = await Promise.allSettled(jobs.map((job) => jobLimit(() => finish(job))));
  for (const cache of caches.values()) await (await cache).compact();
  const results = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  if (options.merge) {
    for (const docId of new Set(results.map((result) => result.docId))) {
      const outputs = sourceOutputs(sources.get(docId)!, config.sourceLanguage);
      await store.publish(docId, config.sourceLanguage, outputs, [...outputs.keys()]);
    }
  }

  // The record: what ran now, and what was skipped as it was recorded before.
  const record = nextRecord(project, plan, results, sources, memoryStamps, loaded, only ? planned.record : undefined);
  // Without a usable record of the other pairs, one pair cannot make the record (or the manifest) of all.
  const whole = !only || Object.keys(planned.record.docs).length > 0;
  if (options.incremental && whole) await store.writeRecord(record);
  const interrupted = options.signal?.aborted === true;
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure && !interrupted) throw (failure as PromiseRejectedResult).reason;

  const findings = locales.flatMap((lang) => plan.sources.flatMap((source) => record.docs[source.id]?.pairs[lang]?.findings ?? []));
  if (options.report && whole) await store.writeReport(findings);
  let manifest: Manifest | undefined;
  if (options.merge && whole) {
    manifest = manifestOf(project, plan.sources, record);
    await store.writeManifest(manifest);
  }
  if (interrupted) {
    // The report and the manifest are the record's, so they name what the finished pairs published.
    const finished = results.filter((result) => result.record.untranslated === 0 || result.record.engine === 'none').length;
    throw new RunInterrupted({ pairs: jobs.length, finished, command: resumeCommand(options.signal!) });
  }
  return { plan: plan.pairs, pairs: results, record, deleted, findings, ...(manifest ? { manifest } : {}) };
}

/**
 * The plan cut down to one pair, which runs whatever the record says (its
 * XLIFF was just written). The other pairs are not run; the record keeps them
 * as it had them (`nextRecord`'s `previous`).
 */
function onlyPair(plan: Awaited<ReturnType<typeof planRun>>, only: NonNullable<RunOptions['only']>): Awaited<ReturnType<typeof planRun>> {
  const pairs = plan.pairs.filter((pair) => pair.docId === only.doc && pair.lang === only.lang).map((pair): PairDecision => (pair.run ? pair : { docId: pair.docId, lang: pair.lang, run: true, reasons: ['saved by a reviewer'] }));
  return { ...plan, sources: plan.sources, pairs, deleted: [] };
}

/** A short key of a sentence, for the record: enough to tell which documents a memory entry may fill. */
function sentenceKey(text: string): string {
  return hash('sha256', text, 'hex').slice(0, 10);
}

function pairRecord(
  job: CheckedJob,
  file: string,
  targets: PairRecord['targets'],
  formats: readonly string[],
  engine: string,
  memory: string,
  publication: PairRecord['publication'] | undefined,
): PairRecord {
  const segments = segmentsOf(job.source.parsed.doc).length;
  let machineTranslated = 0;
  let human = 0;
  let approved = 0;
  for (const target of job.targets.values()) {
    if (isMachineOrigin(target.origin)) machineTranslated++;
    else if (target.origin.by === 'human') human++;
    if (isApproved(target.state)) approved++;
  }
  return {
    targets,
    formats,
    segments,
    fromMemory: job.targets.size - machineTranslated,
    machineTranslated,
    human,
    approved,
    untranslated: segments - job.targets.size,
    engine,
    memory,
    publication: publication ?? { published: false, reason: 'not merged' },
    // With the texts the job holds: the report shows them without reading the XLIFF again (#24).
    findings: reportFindings(job.findings, file, job),
  };
}

function nextRecord(
  project: Project,
  plan: Awaited<ReturnType<typeof planRun>>,
  results: readonly PairResult[],
  sources: ReadonlyMap<DocId, SourceDocument>,
  memory: ReadonlyMap<Lang, PairRecord['targets']>,
  loaded: ReadonlySet<string>,
  /** With `only`: the record before this run, whose pairs outside the plan are kept as they were. */
  previous?: RunRecord,
): RunRecord {
  // A pair an engine could still fill (a failed request stopped the run) is not done: the next run takes it up.
  const done = results.filter((result) => result.record.untranslated === 0 || result.record.engine === 'none');
  const fresh = new Map(done.map((result) => [`${result.lang}\n${result.docId}`, result.record]));
  const skipped = new Map<string, PairRecord>(plan.pairs.flatMap((pair) => (pair.run ? [] : [[`${pair.lang}\n${pair.docId}`, pair.record]])));
  const docs: Record<string, DocRecord> = {};
  for (const source of plan.sources) {
    const pairs: Record<string, PairRecord> = {};
    for (const lang of project.locales) {
      const key = `${lang}\n${source.id}`;
      // A skipped pair was checked against this run's memory: what it left untranslated, the memory does not fill.
      const kept = loaded.has(key) ? undefined : skipped.get(key);
      const pair = fresh.get(key) ?? (kept && { ...kept, memory: memory.get(lang)!.hash }) ?? previous?.docs[source.id]?.pairs[lang];
      if (pair) pairs[lang] = pair;
    }
    const before = plan.record.docs[source.id];
    const parsed = sources.get(source.id);
    const outline = parsed ? { blocks: blockOutline(parsed.parsed.doc), sentences: segmentsOf(parsed.parsed.doc).map((segment) => sentenceKey(segment.text)) } : before;
    if (outline && Object.keys(pairs).length > 0) docs[source.id] = { source: source.stamp, kind: source.format.kind, format: source.format.extension, blocks: outline.blocks, sentences: outline.sentences, pairs };
  }
  return { ...emptyRecord(project.settings), memory: Object.fromEntries(memory), docs };
}

function manifestOf(project: Project, sources: readonly SourceEntry[], record: RunRecord): Manifest {
  const documents: Record<string, ManifestDoc> = {};
  const namespaces: Record<string, ManifestNamespace> = {};
  for (const source of sources) {
    const doc = record.docs[source.id];
    if (!doc) continue;
    const published = [project.config.sourceLanguage as string];
    const withheld: Record<string, string> = {};
    for (const lang of project.locales) {
      const publication = doc.pairs[lang]?.publication;
      if (publication?.published) published.push(lang);
      else if (publication) withheld[lang] = publication.reason;
    }
    if (doc.kind === 'resources') namespaces[source.id] = { published, withheld };
    else documents[source.id] = { blocks: doc.blocks, ...(doc.format !== 'txt' ? { format: doc.format } : {}), published, withheld };
  }
  return { sourceLanguage: project.config.sourceLanguage, documents, ...(Object.keys(namespaces).length > 0 ? { namespaces } : {}) };
}

/** Saves with the latest value; saves asked for while one runs share the next one. */
function coalesceSaves<T>(save: (value: T) => Promise<void>): (value: T) => Promise<void> {
  let latest: T;
  const write = coalesceWrites(() => save(latest));
  return (value) => {
    latest = value;
    return write();
  };
}

// ---- summaries ---------------------------------------------------------------

/** Per locale, what `l10n run --json` prints. */
export interface LocaleSummary {
  readonly locale: Lang;
  readonly engine: string;
  readonly segments: number;
  /** Reviewed or human translations and reuse from memory. */
  readonly fromMemory: number;
  readonly machineTranslated: number;
  readonly untranslated: number;
  readonly charactersSent: number;
  readonly qaErrors: number;
  readonly qaWarnings: number;
  readonly published: readonly string[];
  readonly withheld: Readonly<Record<string, string>>;
}

export interface RunSummary {
  readonly documents: number;
  readonly locales: readonly LocaleSummary[];
  /** Every QA finding, as in `reports/qa.json`. */
  readonly findings: readonly ReportFinding[];
}

/** The project's state per locale after a run, whether each pair ran now or was skipped. */
export function summarize(project: Project, result: RunResult, engines: EngineChoice): RunSummary {
  const docs = Object.entries(result.record.docs);
  const locales = project.locales.map((lang): LocaleSummary => {
    const pairs = docs.flatMap(([docId, doc]) => (doc.pairs[lang] ? [{ docId, pair: doc.pairs[lang] }] : []));
    const sum = (of: (pair: PairRecord) => number) => pairs.reduce((n, { pair }) => n + of(pair), 0);
    const findings = pairs.flatMap(({ pair }) => pair.findings.filter((finding) => !finding.accepted));
    return {
      locale: lang,
      engine: engines.engineFor(lang)?.name ?? 'none',
      segments: sum((pair) => pair.segments),
      fromMemory: sum((pair) => pair.fromMemory),
      machineTranslated: sum((pair) => pair.machineTranslated),
      untranslated: sum((pair) => pair.untranslated),
      charactersSent: result.pairs.filter((pair) => pair.lang === lang).reduce((n, pair) => n + pair.charactersSent, 0),
      qaErrors: findings.filter((finding) => finding.severity === 'error').length,
      qaWarnings: findings.filter((finding) => finding.severity === 'warning').length,
      published: pairs.filter(({ pair }) => pair.publication.published).map(({ docId }) => docId),
      withheld: Object.fromEntries(pairs.flatMap(({ docId, pair }) => (pair.publication.published ? [] : [[docId, pair.publication.reason]]))),
    };
  });
  return { documents: docs.length, locales, findings: result.findings };
}

export interface DryRunLocale {
  readonly lang: Lang;
  readonly engine: string;
  /** Untranslated segments that approved memory will fill. */
  readonly fromMemory: number;
  /** Segments and characters the engine would be sent. */
  readonly toSend: number;
  readonly characters: number;
  /** Segments no one will translate: no memory match and no engine for the locale. */
  readonly leftUntranslated: number;
}

/** What translating would send and bill, per locale, without sending or writing anything. */
export async function planTranslation(project: Project, engines: EngineChoice): Promise<DryRunLocale[]> {
  try {
    return await planLocales(project, engines);
  } finally {
    await project.store.close();
  }
}

async function planLocales(project: Project, engines: EngineChoice): Promise<DryRunLocale[]> {
  const { store } = project;
  const qa = qaContext(project);
  const entries = await store.listSources(() => undefined);
  const sources = [];
  for (const entry of entries) sources.push(await parseSource(project, entry));
  const plan: DryRunLocale[] = [];
  const memory = store.memory({ write: false });
  const proposing = proposeOptions(project.config);
  for (const lang of project.locales) {
    const engine = engines.engineFor(lang);
    const jobs = [];
    const found = [];
    for (const parsed of sources) {
      const source = forLocale(parsed, lang);
      const existing = await store.loadTargets(source.parsed.doc, lang);
      const extracted = extractStage({ source, lang, ...existing }, qa);
      jobs.push(extracted.job);
      for (const entry of extracted.entries) found.push(entry);
    }
    const entry = { lang, engine: engine?.name ?? 'none', fromMemory: 0, toSend: 0, characters: 0, leftUntranslated: 0 };
    // Sentences this run approves count as memory too, though they are not in it yet.
    const approvedNow = new Set(found.filter((approved) => isApproved(approved.target.state)).map((approved) => approved.source));
    for (const job of jobs) {
      const missing = missingSegments(job.source.parsed.doc, job.targets);
      const filled = propose(job, memory, proposing).job.targets;
      const toSend = missing.filter((segment) => !filled.has(segment.id) && !approvedNow.has(segment.text));
      entry.fromMemory += missing.length - toSend.length;
      if (engine) {
        entry.toSend += toSend.length;
        entry.characters += engine.billed(toSend.map((segment) => segment.text), false);
      } else {
        entry.leftUntranslated += toSend.length;
      }
    }
    plan.push(entry);
  }
  return plan;
}
