/**
 * The file side of the pipeline: where a project's inputs and outputs live,
 * reading them, and writing its XLIFF. Inputs are validated here, before any
 * stage writes a byte, so bad input leaves the project as it was.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, outputLocales, type ResolvedConfig } from './core/config.js';
import { unreadable, XliffError } from './core/errors.js';
import { removeStaleTempFiles, writeFileAtomic } from './core/fs.js';
import type { Lang } from './core/lang.js';
import { isApproved } from './core/state.js';
import { decodeXml, type XmlEncoding } from './xml/encoding.js';
import { isBlocking, type Doc, type Finding, type SegmentId, type Target } from './core/types.js';
import { listSourceDocs, loadRules, readSourceText, segmentText } from './segment/index.js';
import { parseTermbase, type Termbase } from './termbase/index.js';
import { checkDoc, checkPairs } from './qa/index.js';
import { acceptedChecks } from './core/acceptance.js';
import { readXliffMapped, targetsFromXliff, writeXliff, type ExistingTargets, type MappedXliff, type XliffContent, type XliffVersion } from './xliff/index.js';

export type { ExistingTargets };

export interface Project {
  readonly config: ResolvedConfig;
  readonly docs: readonly Doc[];
  /** Real target locales and pseudo-locales. */
  readonly locales: readonly Lang[];
  /** Names and their form per locale, when `paths.termbase` exists. */
  readonly termbase?: Termbase;
}

export interface LoadProjectOptions {
  readonly root: string;
  /** Config file; default `<root>/l10n.config.json` (defaults when absent). */
  readonly configFile?: string;
}

/** Reads and validates config and every source document, and segments them. */
export async function loadProject(options: LoadProjectOptions): Promise<Project> {
  const config = await loadConfig(options.root, options.configFile);
  const srx = config.segmentation.srx ? path.resolve(config.root, config.segmentation.srx) : undefined;
  const rules = await loadRules(config.sourceLanguage, srx);
  const sources = await listSourceDocs(config.sourceDir);
  const docs: Doc[] = [];
  for (const source of sources) {
    const text = await readSourceText(source.file);
    docs.push(segmentText(text, { docId: source.id, lang: config.sourceLanguage, rules }));
  }
  const termbase = await loadTermbase(config);
  const project = { config, docs, locales: outputLocales(config), ...(termbase ? { termbase } : {}) };
  await refuseUnreadableInputs(project);
  await removeStaleTempFiles([config.localesDir, config.memoryDir, config.cacheDir, config.reportsDir]);
  return project;
}

/**
 * Every file a stage will read, checked before any stage writes: a memory, an
 * MT cache or an XLIFF that is a folder (or cannot be opened) is refused now,
 * not after other locales were already written.
 */
async function refuseUnreadableInputs(project: Project): Promise<void> {
  const { config } = project;
  const files = project.locales.flatMap((lang) => [
    path.join(config.memoryDir, `${lang}.json`),
    path.join(config.cacheDir, 'mt', `${lang}.json`),
    ...project.docs.map((doc) => outputPath(config, lang, doc.id, 'xlf')),
  ]);
  for (const file of files) {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw unreadable(file, error);
    });
    if (info && !info.isFile()) throw unreadable(file, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  }
}

/** The project's termbase, or undefined when there is none. */
export async function loadTermbase(config: ResolvedConfig): Promise<Termbase | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(config.termbaseFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(config.termbaseFile, error);
  }
  return parseTermbase(decodeXml(bytes, config.termbaseFile).text, config.termbaseFile);
}

/** `locales/<lng>/<doc>.<ext>` */
export function outputPath(config: ResolvedConfig, lang: Lang | string, docId: string, ext: 'xlf' | 'json' | 'txt' | 'md' | 'html'): string {
  return path.join(config.localesDir, lang, `${docId}.${ext}`);
}

/**
 * XLIFF files larger than this are refused before they are read: parsing holds
 * the whole tree in memory (about ten times the file). Our own export of 100,000
 * machine-translated sentences is about 66 MB.
 */
export const MAX_XLIFF_BYTES = 96 * 1024 * 1024;

/** Reads an XLIFF file; undefined when it does not exist. */
export async function readXliffFile(file: string): Promise<XliffContent | undefined> {
  return (await readXliffText(file))?.content;
}

/**
 * Reads an XLIFF file in the encoding it declares, keeping its text and
 * encoding for updating it in place. Every command reads XLIFF through here.
 */
export async function readXliffText(
  file: string,
): Promise<{ text: string; encoding: XmlEncoding; content: XliffContent; mapped: MappedXliff } | undefined> {
  let bytes: Buffer;
  try {
    const { size } = await stat(file);
    if (size > MAX_XLIFF_BYTES) {
      throw new XliffError(`${(size / 1024 / 1024).toFixed(0)} MB is more than the ${MAX_XLIFF_BYTES / 1024 / 1024} MB an XLIFF file may have; split it`, { file });
    }
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof XliffError) throw error;
    throw unreadable(file, error);
  }
  const { text, encoding } = decodeXml(bytes, file);
  return { text, encoding, ...readXliffMapped(text, file) };
}

/**
 * The targets already in `locales/<lng>/<doc>.xlf`, matched to the current
 * document. Refuses a file written for another language pair.
 */
export async function readProjectTargets(project: Project, doc: Doc, lang: Lang): Promise<ExistingTargets> {
  const file = outputPath(project.config, lang, doc.id, 'xlf');
  const content = await readXliffFile(file);
  if (!content) return { targets: new Map(), stale: [] };
  if (content.targetLang !== undefined && content.targetLang !== lang) {
    throw new XliffError(`target language is ${content.targetLang}, expected ${lang}`, { file });
  }
  if (content.sourceLang !== undefined && content.sourceLang !== project.config.sourceLanguage) {
    throw new XliffError(`source language is ${content.sourceLang}, expected ${project.config.sourceLanguage}`, { file });
  }
  return targetsFromXliff(doc, content);
}

/**
 * Writes a document's XLIFF. With `findings` (QA of these targets), each one
 * becomes a note on its unit for the translator, and a unit with an error is
 * written as translated, never approved, until it is fixed. Without, it only
 * saves targets (progress while translating; the check stage adds the notes).
 */
export function writeProjectXliff(
  project: Project,
  doc: Doc,
  lang: Lang,
  targets: ReadonlyMap<SegmentId, Target>,
  version: XliffVersion,
  findings: readonly Finding[] = [],
) {
  const notes = new Map<SegmentId, string[]>();
  const withErrors = new Set<SegmentId>();
  for (const finding of findings) {
    if (finding.accepted) continue;
    notes.set(finding.segmentId, [...(notes.get(finding.segmentId) ?? []), `QA ${finding.severity} (${finding.check}): ${finding.message}`]);
    if (isBlocking(finding)) withErrors.add(finding.segmentId);
  }
  const written = new Map(
    [...targets].map(([id, target]) => [id, withErrors.has(id) && isApproved(target.state) ? { ...target, state: 'translated' as const } : target]),
  );
  return writeFileAtomic(
    outputPath(project.config, lang, doc.id, 'xlf'),
    writeXliff({ doc, sourceLang: project.config.sourceLanguage, targetLang: lang, targets: written, notes }, version),
  );
}

/** QA of a document's targets in one locale. */
export function checkProjectDoc(project: Project, doc: Doc, lang: Lang, targets: ReadonlyMap<SegmentId, Target>): Finding[] {
  return checkDoc(doc, targets, { sourceLang: project.config.sourceLanguage, lang, ...termbaseOf(project) });
}

/**
 * What may go into the memory: approved translations without a QA error
 * nobody accepted. A translation a reviewer approved but QA fails (a wrong
 * figure, a misspelt name) is not reused in other documents until it is fixed.
 */
export function memoryWorthy<Entry extends { readonly source: string; readonly target: Target }>(
  project: Pick<Project, 'config' | 'termbase'>,
  lang: Lang,
  entries: readonly Entry[],
  /** The QA of the document these targets are in, when the caller ran it already: not run again. */
  findings?: readonly Finding[],
): Entry[] {
  const approved = entries.filter((entry) => isApproved(entry.target.state));
  if (approved.length === 0) return [];
  if (findings) {
    const blocked = new Set(findings.filter(isBlocking).map((finding) => finding.segmentId));
    return approved.filter((entry) => !blocked.has(entry.target.segmentId));
  }
  const items = approved.map((entry, index) => ({
    segmentId: String(index) as SegmentId,
    source: entry.source,
    target: entry.target.text,
    accepted: acceptedChecks(entry.target.accepted, entry.target.text),
  }));
  const failing = new Set(checkPairs(items, { sourceLang: project.config.sourceLanguage, lang, ...termbaseOf(project) }).filter(isBlocking).map((f) => f.segmentId));
  return approved.filter((_, index) => !failing.has(String(index) as SegmentId));
}

/** The termbase option for QA, when the project has one. */
function termbaseOf(project: Pick<Project, 'termbase'>): { termbase?: Termbase } {
  return project.termbase ? { termbase: project.termbase } : {};
}
