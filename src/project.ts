/**
 * A project as a run sees it: its config, locales, segmentation rules and
 * termbase, read and validated once at the start, and the store that holds
 * everything else. Bad input is refused here, before any stage writes a byte.
 */
import { hash } from 'node:crypto';
import path from 'node:path';
import { loadConfig, outputLocales, type ResolvedConfig } from './core/config.js';
import type { Lang } from './core/lang.js';
import type { SourceEntry } from './store/store.js';
import { FsStore } from './store/fs-store.js';
import type { ProjectStore } from './store/store.js';
import { loadRules, type LanguageRules } from './segment/index.js';
import type { QaContext, SourceDocument } from './stages/job.js';
import { parseTermbase, type Termbase } from './termbase/index.js';
import { TOOL_VERSION } from './xliff/tool-version.js';
import { readXmlFile } from './xml/file.js';

export interface Project {
  readonly config: ResolvedConfig;
  /** Real target locales and pseudo-locales. */
  readonly locales: readonly Lang[];
  /** Names and their form per locale, when `paths.termbase` exists. */
  readonly termbase?: Termbase;
  readonly rules: LanguageRules;
  /** Everything besides sources and targets that shapes a run's outputs, as one hash. */
  readonly settings: string;
  readonly store: ProjectStore;
}

export interface LoadProjectOptions {
  readonly root: string;
  /** Config file; default `<root>/l10n.config.json` (defaults when absent). */
  readonly configFile?: string;
}

export async function loadProject(options: LoadProjectOptions): Promise<Project> {
  const config = await loadConfig(options.root, options.configFile);
  const srx = config.segmentation.srx ? path.resolve(config.root, config.segmentation.srx) : undefined;
  const rules = await loadRules(config.sourceLanguage, srx);
  const termbaseXml = await readXmlFile(config.termbaseFile);
  const termbase = termbaseXml && parseTermbase(termbaseXml.text, config.termbaseFile);
  const srxXml = srx ? await readXmlFile(srx) : undefined;
  const locales = outputLocales(config);
  const { root: _, sourceDir: _s, localesDir: _l, reportsDir: _r, memoryDir: _m, cacheDir: _c, termbaseFile: _t, ...settings } = config;
  const fingerprint = hash('sha256', JSON.stringify([TOOL_VERSION, settings, termbaseXml?.text ?? null, srxXml?.text ?? null]), 'hex').slice(0, 32);
  return { config, locales, rules, settings: fingerprint, store: await FsStore.open(config, locales), ...(termbase ? { termbase } : {}) };
}

/** Reads and segments a source document in its format. */
export async function parseSource(project: Project, entry: SourceEntry): Promise<SourceDocument> {
  const text = await project.store.readSource(entry.id);
  await entry.format.prepare?.();
  return { format: entry.format, parsed: entry.format.parse(text, { docId: entry.id, lang: project.config.sourceLanguage, rules: project.rules, file: entry.name, frontMatter: project.config.markdown.frontMatter }) };
}

export function qaContext(project: Project): QaContext {
  return { sourceLang: project.config.sourceLanguage, ...(project.termbase ? { termbase: project.termbase } : {}) };
}
