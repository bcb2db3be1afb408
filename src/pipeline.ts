/**
 * The stages put together. Each stage reads what it needs from the project's
 * files and writes its outputs atomically, so every stage runs alone, and a run
 * that is interrupted resumes where it stopped: what was written is complete.
 */
import path from 'node:path';
import pLimit from 'p-limit';
import { coalesceWrites } from './core/coalesce.js';
import { removeFile, writeFileAtomic } from './core/fs.js';
import type { Lang } from './core/lang.js';
import { isMachineOrigin } from './core/state.js';
import type { Doc, Finding, SegmentId, Target } from './core/types.js';
import type { EngineChoice } from './engines.js';
import {
  blockOutline,
  buildResources,
  decidePublication,
  MANIFEST_FILE,
  renderDoc,
  renderHtml,
  renderMarkdown,
  type Manifest,
  type ManifestDoc,
} from './merge/index.js';
import {
  billedCharacters,
  MachineCache,
  mergeIntoMemory,
  missingSegments,
  readMemoryFile,
  translateDoc,
  writeMemoryFile,
  type TranslationMemory,
} from './mt/index.js';
import { checkProjectDoc, memoryWorthy, outputPath, readProjectTargets, writeProjectXliff, type ExistingTargets, type Project } from './project.js';
import type { XliffVersion } from './xliff/index.js';

export type StageName = 'extract' | 'translate' | 'check' | 'merge';

export interface ProgressEvent {
  readonly stage: StageName;
  readonly done: number;
  readonly total: number;
}

export interface StageOptions {
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** Every (document, locale) pair of the project, in a stable order. */
function pairs(project: Project): { doc: Doc; lang: Lang }[] {
  return project.locales.flatMap((lang) => project.docs.map((doc) => ({ doc, lang })));
}

function memoryPath(project: Project, lang: Lang): string {
  return path.join(project.config.memoryDir, `${lang}.json`);
}

// ---- extract ---------------------------------------------------------------

export interface ExtractResult {
  readonly files: readonly { readonly doc: string; readonly lang: Lang; readonly file: string; readonly kept: number; readonly stale: number; readonly written: boolean }[];
}

/**
 * Writes `locales/<lng>/<doc>.xlf` for every document and locale, keeping every
 * target whose source is unchanged. Approved targets also go to the memory, so a
 * reviewed sentence whose source was edited is kept there, not lost.
 */
export async function extract(project: Project, options: StageOptions & { version?: XliffVersion } = {}): Promise<ExtractResult> {
  const version = options.version ?? project.config.xliffVersion;
  const files: ExtractResult['files'][number][] = [];
  const all = pairs(project);
  for (const lang of project.locales) {
    let memory: TranslationMemory = await readMemoryFile(memoryPath(project, lang));
    for (const doc of project.docs) {
      const existing = await readProjectTargets(project, doc, lang);
      // The document's QA serves both the notes in its XLIFF and the memory; stale targets are no longer in it.
      const findings = checkProjectDoc(project, doc, lang, existing.targets);
      memory = mergeIntoMemory(memory, [...memoryWorthy(project, lang, sourcesOf(doc, existing.targets), findings), ...memoryWorthy(project, lang, existing.stale)]);
      const written = await writeProjectXliff(project, doc, lang, existing.targets, version, findings);
      files.push({ doc: doc.id, lang, file: outputPath(project.config, lang, doc.id, 'xlf'), kept: existing.targets.size, stale: existing.stale.length, written });
      options.onProgress?.({ stage: 'extract', done: files.length, total: all.length });
    }
    if (memory.size > 0) await writeMemoryFile(memoryPath(project, lang), memory);
  }
  return { files };
}

function sourcesOf(doc: Doc, targets: ReadonlyMap<SegmentId, Target>): { source: string; target: Target }[] {
  return doc.body.flatMap((block) =>
    block.kind === 'block'
      ? block.parts.flatMap((part) => {
          const target = part.kind === 'segment' ? targets.get(part.id) : undefined;
          return part.kind === 'segment' && target ? [{ source: part.text, target }] : [];
        })
      : [],
  );
}

// ---- translate -------------------------------------------------------------

export interface LocaleTranslation {
  readonly lang: Lang;
  readonly engine: string;
  readonly fromMemory: number;
  readonly machineTranslated: number;
  readonly charactersSent: number;
}

export interface TranslateOptions extends StageOptions {
  readonly engines: EngineChoice;
  readonly version?: XliffVersion;
  /** Engine requests in flight at once, across locales and documents. Default: config `deepl.concurrency`. */
  readonly concurrency?: number;
}

/**
 * Fills every untranslated segment: approved memory first, then cached machine
 * results, then the locale's engine. The XLIFF is saved after every batch, so a
 * killed run loses nothing that was paid for and the next run sends only what is
 * still missing. All locales share one cap on requests in flight.
 */
export async function translate(project: Project, options: TranslateOptions): Promise<LocaleTranslation[]> {
  const version = options.version ?? project.config.xliffVersion;
  const limit = pLimit(options.concurrency ?? project.config.deepl.concurrency);
  const stop = new AbortController();
  const total = project.docs.length * project.locales.length;
  let done = 0;
  return Promise.all(
    project.locales.map(async (lang) => {
      const engine = options.engines.engineFor(lang);
      const { targetsOf, memory } = await readLocale(project, lang);
      const cache = await MachineCache.open(path.join(project.config.cacheDir, 'mt', `${lang}.json`));
      // Documents go at once too: their requests share the cap, so many short articles keep it full.
      const results = await Promise.all(
        project.docs.map(async (doc) => {
          const targets = new Map(targetsOf(doc).targets);
          // Batches finish in any order; writes of one file go one after another, each with all targets so far.
          const save = coalesceWrites(async () => {
            await cache.flush();
            await writeProjectXliff(project, doc, lang, targets, version);
          });
          const result = await translateDoc({
            doc,
            sourceLang: project.config.sourceLanguage,
            lang,
            targets,
            memory,
            engine,
            cache,
            limit,
            stop,
            commit: (added) => {
              for (const target of added) targets.set(target.segmentId, target);
              return save();
            },
          });
          options.onProgress?.({ stage: 'translate', done: ++done, total });
          return result;
        }),
      );
      return {
        lang,
        engine: engine?.name ?? 'none',
        fromMemory: results.reduce((n, r) => n + r.fromMemory, 0),
        machineTranslated: results.reduce((n, r) => n + r.machineTranslated, 0),
        charactersSent: results.reduce((n, r) => n + r.charactersSent, 0),
      };
    }),
  );
}

/**
 * A locale as it is on disk: each document's targets (every XLIFF read once) and
 * the memory they make with the memory file.
 */
async function readLocale(project: Project, lang: Lang): Promise<{ targetsOf: (doc: Doc) => ExistingTargets; memory: TranslationMemory }> {
  const byDoc = new Map<Doc, ExistingTargets>();
  let memory: TranslationMemory = await readMemoryFile(memoryPath(project, lang));
  for (const doc of project.docs) {
    const existing = await readProjectTargets(project, doc, lang);
    byDoc.set(doc, existing);
    memory = mergeIntoMemory(memory, memoryWorthy(project, lang, sourcesOf(doc, existing.targets)));
  }
  return { targetsOf: (doc) => byDoc.get(doc)!, memory };
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

/** What `translate` would send and bill, per locale, without sending anything. */
export async function planTranslation(project: Project, engines: EngineChoice): Promise<DryRunLocale[]> {
  const plan: DryRunLocale[] = [];
  for (const lang of project.locales) {
    const engine = engines.engineFor(lang);
    const { targetsOf, memory } = await readLocale(project, lang);
    const entry = { lang, engine: engine?.name ?? 'none', fromMemory: 0, toSend: 0, characters: 0, leftUntranslated: 0 };
    for (const doc of project.docs) {
      const { targets } = targetsOf(doc);
      const missing = missingSegments(doc, targets);
      const toSend = missing.filter((segment) => !memory.has(segment.text));
      entry.fromMemory += missing.length - toSend.length;
      if (engine) {
        entry.toSend += toSend.length;
        entry.characters += billedCharacters(toSend.map((segment) => segment.text));
      } else {
        entry.leftUntranslated += toSend.length;
      }
    }
    plan.push(entry);
  }
  return plan;
}

// ---- check -----------------------------------------------------------------

/** One line of the QA report, as `l10n check --json` prints it. */
export interface ReportFinding {
  readonly file: string;
  /** The `<file original>` the unit is in, where the XLIFF has several (unit ids repeat across them). */
  readonly original?: string;
  readonly unit: string;
  readonly check: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  /** A reviewer accepted it for this target: it blocks nothing. */
  readonly accepted?: true;
}

export const QA_REPORT_FILE = 'qa.json';

export interface CheckResult {
  readonly findings: readonly ReportFinding[];
  readonly counts: ReadonlyMap<Lang, { errors: number; warnings: number }>;
}

/**
 * Runs QA over every translated segment, writes the findings into the XLIFF as
 * notes, and writes `reports/qa.json`.
 */
export async function check(project: Project, options: StageOptions & { version?: XliffVersion } = {}): Promise<CheckResult> {
  const report: ReportFinding[] = [];
  const counts = new Map(project.locales.map((lang) => [lang, { errors: 0, warnings: 0 }]));
  const all = pairs(project);
  let done = 0;
  for (const { doc, lang } of all) {
    const { targets } = await readProjectTargets(project, doc, lang);
    const file = path.relative(project.config.root, outputPath(project.config, lang, doc.id, 'xlf')).split(path.sep).join('/');
    const findings = checkProjectDoc(project, doc, lang, targets);
    // The translator sees each finding as a note on its unit.
    await writeProjectXliff(project, doc, lang, targets, options.version ?? project.config.xliffVersion, findings);
    for (const finding of findings) {
      report.push({ file, unit: finding.segmentId, check: finding.check, severity: finding.severity, message: finding.message, ...(finding.accepted ? { accepted: true } : {}) });
      if (!finding.accepted) counts.get(lang)![finding.severity === 'error' ? 'errors' : 'warnings']++;
    }
    options.onProgress?.({ stage: 'check', done: ++done, total: all.length });
  }
  await writeFileAtomic(path.join(project.config.reportsDir, QA_REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  return { findings: report, counts };
}

// ---- merge -----------------------------------------------------------------

export interface MergeResult {
  readonly manifest: Manifest;
}

/**
 * Writes the localised documents and i18next resources of every locale that is
 * complete and QA-clean, removes them where a locale no longer is, and writes
 * the source resources and the manifest.
 */
export async function merge(project: Project, options: StageOptions = {}): Promise<MergeResult> {
  const { config } = project;
  const documents: Record<string, ManifestDoc> = {};
  let done = 0;
  for (const doc of project.docs) {
    const source = config.sourceLanguage;
    await writeJson(outputPath(config, source, doc.id, 'json'), buildResources(doc, source, (segment) => segment.text));
    const published: string[] = [source];
    const withheld: Record<string, string> = {};
    for (const lang of project.locales) {
      const { targets } = await readProjectTargets(project, doc, lang);
      const findings = checkProjectDoc(project, doc, lang, targets);
      const decision = decidePublication(doc, targets, findings);
      const textOf = (segment: { id: SegmentId }) => targets.get(segment.id)!.text;
      if (decision.published) {
        await writeJson(outputPath(config, lang, doc.id, 'json'), buildResources(doc, lang, textOf));
        for (const format of DOCUMENT_FORMATS) {
          const file = outputPath(config, lang, doc.id, format);
          if (config.merge.formats.includes(format)) await writeFileAtomic(file, RENDERERS[format](doc, lang, textOf));
          else await removeFile(file);
        }
        published.push(lang);
      } else {
        // Never leave an older, complete version behind for a locale that is now incomplete.
        for (const ext of ['json', ...DOCUMENT_FORMATS] as const) await removeFile(outputPath(config, lang, doc.id, ext));
        withheld[lang] = decision.reason;
      }
      options.onProgress?.({ stage: 'merge', done: ++done, total: project.docs.length * project.locales.length });
    }
    documents[doc.id] = { blocks: blockOutline(doc), published, withheld };
  }
  const manifest: Manifest = { sourceLanguage: config.sourceLanguage, documents };
  await writeJson(path.join(config.localesDir, MANIFEST_FILE), manifest);
  return { manifest };
}

const DOCUMENT_FORMATS = ['txt', 'md', 'html'] as const;
const RENDERERS = { txt: renderDoc, md: renderMarkdown, html: renderHtml } as const;

function writeJson(file: string, value: unknown): Promise<boolean> {
  return writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

// ---- run -------------------------------------------------------------------

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

/** segment → extract → translate → check → merge. */
export async function run(project: Project, options: TranslateOptions): Promise<RunSummary> {
  await extract(project, options);
  const translated = await translate(project, options);
  const { counts, findings } = await check(project, options);
  const { manifest } = await merge(project, options);
  const locales: LocaleSummary[] = [];
  for (const lang of project.locales) {
    let segments = 0;
    let fromMemory = 0;
    let machineTranslated = 0;
    for (const doc of project.docs) {
      const { targets } = await readProjectTargets(project, doc, lang);
      segments += doc.body.reduce((n, block) => n + (block.kind === 'block' ? block.parts.filter((p) => p.kind === 'segment').length : 0), 0);
      for (const target of targets.values()) {
        if (isMachineOrigin(target.origin)) machineTranslated++;
        else fromMemory++;
      }
    }
    const qa = counts.get(lang) ?? { errors: 0, warnings: 0 };
    const docs = Object.entries(manifest.documents);
    const sent = translated.find((entry) => entry.lang === lang);
    locales.push({
      locale: lang,
      engine: sent?.engine ?? 'none',
      segments,
      fromMemory,
      machineTranslated,
      untranslated: segments - fromMemory - machineTranslated,
      charactersSent: sent?.charactersSent ?? 0,
      qaErrors: qa.errors,
      qaWarnings: qa.warnings,
      published: docs.filter(([, doc]) => doc.published.includes(lang)).map(([id]) => id),
      withheld: Object.fromEntries(docs.flatMap(([id, doc]) => (doc.withheld[lang] ? [[id, doc.withheld[lang]]] : []))),
    });
  }
  return { documents: project.docs.length, locales, findings };
}
