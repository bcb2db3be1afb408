/**
 * The file side of the pipeline: where a project's inputs and outputs live, and
 * reading them. Everything is validated here, before any stage writes a byte, so
 * bad input leaves the project as it was.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, outputLocales, type ResolvedConfig } from './core/config.js';
import { InputError, XliffError } from './core/errors.js';
import type { Lang } from './core/lang.js';
import { decodeUtf8 } from './core/text.js';
import type { Doc } from './core/types.js';
import { listSourceDocs, loadRules, readSourceText, segmentText } from './segment/index.js';
import { parseTermbase, type Termbase } from './termbase/index.js';
import { readXliff, targetsFromXliff, type ExistingTargets, type XliffContent } from './xliff/index.js';

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
  return { config, docs, locales: outputLocales(config), ...(termbase ? { termbase } : {}) };
}

/** The project's termbase, or undefined when there is none. */
export async function loadTermbase(config: ResolvedConfig): Promise<Termbase | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(config.termbaseFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError((error as Error).message, { file: config.termbaseFile }, { cause: error });
  }
  return parseTermbase(decodeUtf8(bytes, config.termbaseFile), config.termbaseFile);
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
  let bytes: Buffer;
  try {
    const { size } = await stat(file);
    if (size > MAX_XLIFF_BYTES) {
      throw new XliffError(`${(size / 1024 / 1024).toFixed(0)} MB is more than the ${MAX_XLIFF_BYTES / 1024 / 1024} MB an XLIFF file may have; split it`, { file });
    }
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return readXliff(decodeUtf8(bytes, file), file);
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
