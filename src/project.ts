/**
 * A project as a run sees it: its config, locales, segmentation rules and
 * termbase, read and validated once at the start, and the store that holds
 * everything else. Bad input is refused here, before any stage writes a byte.
 */
import { hash } from 'node:crypto';
import path from 'node:path';
import { ADMISSION_LIMITS, admitAttribute, admitText, isAdmitted } from './core/admit.js';
import { loadConfig, outputLocales, type ResolvedConfig } from './core/config.js';
import { lineLocator } from './core/errors.js';
import { blocksOf, segmentsOfBlock } from './core/doc.js';
import type { Lang } from './core/lang.js';
import type { Doc } from './core/types.js';
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

/**
 * Reads and segments a source document in its format. Every sentence and note
 * passes the admission gate: the file's bytes were checked as they were read,
 * but a format decodes escapes (`&#1;` in HTML, `\u0000` in JSON) into
 * characters the bytes did not show, and a sentence has a size bound.
 */
export async function parseSource(project: Project, entry: SourceEntry): Promise<SourceDocument> {
  const text = await project.store.readSource(entry.id);
  await entry.format.prepare?.();
  const parsed = entry.format.parse(text, { docId: entry.id, lang: project.config.sourceLanguage, rules: project.rules, file: entry.name, frontMatter: project.config.markdown.frontMatter });
  admitDocument(parsed.doc, text, entry.name);
  return { format: entry.format, parsed };
}

/** Each segment and block note of a parsed source through the gate, named by file, line and unit. */
function admitDocument(doc: Doc, text: string, file: string): void {
  let locate: ReturnType<typeof lineLocator> | undefined;
  // Where a segment starts, found only for a refusal.
  const where = (start: number, unitId: string) => ({ file, unitId, ...(locate ??= lineLocator(text))(Math.min(start, text.length)) });
  for (const block of blocksOf(doc)) {
    const segments = segmentsOfBlock(block);
    for (const segment of segments) {
      if (!isAdmitted(segment.text)) admitText(segment.text, { ...where(segment.start, segment.id), what: 'the sentence' });
    }
    if (block.note !== undefined && !isAdmitted(block.note, ADMISSION_LIMITS.attribute)) {
      admitAttribute(block.note, { ...where(segments[0]?.start ?? 0, block.id), what: 'the note' });
    }
  }
}

export function qaContext(project: Project): QaContext {
  return { sourceLang: project.config.sourceLanguage, ...(project.termbase ? { termbase: project.termbase } : {}) };
}
