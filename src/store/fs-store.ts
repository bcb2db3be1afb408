/**
 * The project as folders, the layout users know and keep in git:
 * `source/<src>/<doc>.<ext>`, `locales/<lng>/<doc>.xlf` (the translators'
 * file) and the published `<doc>.{json,txt,md,html}` beside it,
 * `memory/memory.sqlite` with its readable copies `memory/<lng>.json`, `cache/mt/<lng>.json`, `reports/qa.json`, and the record
 * of the last run in `cache/runs.json`. Every write is atomic; the project lock
 * is taken by the command before a store is opened.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../core/config.js';
import { InputError, XliffError } from '../core/errors.js';
import { removeFile, removeStaleTempFiles, writeFileAtomic } from '../core/fs.js';
import type { Lang } from '../core/lang.js';
import type { Doc, DocId } from '../core/types.js';
import { formatOfFile, SOURCE_FORMATS } from '../formats/index.js';
import { MANIFEST_FILE, type Manifest } from '../merge/index.js';
import { PUBLISHED_FORMATS } from '../merge/outputs.js';
import { MachineCache } from '../mt/index.js';
import type { ProjectMemory } from '../memory/memory.js';
import { FsMemory } from './fs-memory.js';
import { readSourceText } from '../segment/index.js';
import type { ReportFinding } from '../stages/check.js';
import { readXliffFile } from '../xliff/file.js';
import { targetsFromXliff, writeXliff, type ExistingTargets } from '../xliff/index.js';
import { hashOf, stampOf, statFile } from './files.js';
import type { Outputs, ProjectStore, SavedTargets, SourceEntry, Stamp } from './store.js';

const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RECORD_FILE = 'runs.json';
export const QA_REPORT_FILE = 'qa.json';

export class FsStore implements ProjectStore {
  readonly #config: ResolvedConfig;
  /** The names in each `locales/<lng>/`, read once: a run checks thousands of outputs. */
  readonly #listings = new Map<string, Set<string>>();
  #memory: FsMemory | undefined;
  #memoryWritable = false;

  private constructor(config: ResolvedConfig) {
    this.#config = config;
  }

  /**
   * Opens a project's folders: removes what killed writers left, and refuses a
   * memory or cache that is not a file now, before anything is written.
   */
  static async open(config: ResolvedConfig, locales: readonly Lang[]): Promise<FsStore> {
    await removeStaleTempFiles([config.localesDir, config.memoryDir, config.cacheDir, config.reportsDir]);
    const store = new FsStore(config);
    for (const lang of locales) {
      statFile(path.join(config.memoryDir, `${lang}.json`));
      statFile(store.#cacheFile(lang));
    }
    return store;
  }

  #cacheFile = (lang: Lang) => path.join(this.#config.cacheDir, 'mt', `${lang}.json`);
  #file = (lang: string, docId: string, ext: string) => path.join(this.#config.localesDir, lang, `${docId}.${ext}`);
  #sourceFile = (entry: { id: DocId; format: { extension: string } }) => path.join(this.#config.sourceDir, `${entry.id}.${entry.format.extension}`);
  readonly #sources = new Map<DocId, SourceEntry>();

  async listSources(previous: (id: DocId) => Stamp | undefined): Promise<SourceEntry[]> {
    const dir = this.#config.sourceDir;
    let names: string[];
    let root: string;
    try {
      names = readdirSync(dir).sort();
      root = realpathSync(dir);
    } catch (error) {
      // #24: a new project's first run: say what belongs in the folder, not only that it is missing.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        const kinds = SOURCE_FORMATS.map((format) => `.${format.extension}`).join(', ');
        throw new InputError(`no such folder: create it and put the documents to translate in it, one file each (${kinds})`, { file: dir }, { cause: error });
      }
      throw sourceError(error, dir);
    }
    const entries: SourceEntry[] = [];
    for (const name of names) {
      const format = formatOfFile(name);
      if (!format) continue;
      const file = path.join(dir, name);
      const id = name.slice(0, -format.extension.length - 1) as DocId;
      if (!DOC_ID.test(id)) throw new InputError('a document file name may only use letters, digits, ".", "_" and "-"', { file });
      // A link leading outside the source folder would publish that file.
      const real = realpathOrThrow(file);
      if (!real.startsWith(root + path.sep)) throw new InputError('is a link to a file outside the source folder: refused', { file });
      const info = statSync(real);
      if (!info.isFile()) throw new InputError('is not a regular file', { file });
      const entry = { id, name: file, format, stamp: stampOf(info, previous(id), () => readFileSync(real)) };
      this.#sources.set(id, entry);
      entries.push(entry);
    }
    if (entries.length === 0) throw new InputError('no documents (*.txt, *.md, *.html, *.json) in the source folder', { file: dir });
    return entries;
  }

  readSource(id: DocId): Promise<string> {
    const entry = this.#sources.get(id);
    if (!entry) throw new Error(`listSources() did not list ${id}`);
    return readSourceText(this.#sourceFile(entry));
  }

  async targetsStamp(docId: DocId, lang: Lang, previous: Stamp | undefined): Promise<Stamp | undefined> {
    const file = this.#file(lang, docId, 'xlf');
    const info = statFile(file);
    return info && stampOf(info, previous, () => readFileSync(file));
  }

  async loadTargets(doc: Doc, lang: Lang): Promise<ExistingTargets> {
    const file = this.#file(lang, doc.id, 'xlf');
    const read = await readXliffFile(file);
    if (!read) return { targets: new Map(), stale: [] };
    const { content } = read;
    if (content.targetLang !== undefined && content.targetLang !== lang) {
      throw new XliffError(`target language is ${content.targetLang}, expected ${lang}`, { file });
    }
    if (content.sourceLang !== undefined && content.sourceLang !== this.#config.sourceLanguage) {
      throw new XliffError(`source language is ${content.sourceLang}, expected ${this.#config.sourceLanguage}`, { file });
    }
    return targetsFromXliff(doc, content);
  }

  async saveTargets(saved: SavedTargets): Promise<{ stamp: Stamp; written: boolean }> {
    const file = this.#file(saved.lang, saved.doc.id, 'xlf');
    const text = writeXliff(
      { doc: saved.doc, original: saved.original, sourceLang: this.#config.sourceLanguage, targetLang: saved.lang, targets: saved.targets, notes: saved.notes, ...(saved.proposals ? { proposals: saved.proposals } : {}) },
      saved.version,
    );
    const written = await writeFileAtomic(file, text);
    this.#listed(saved.lang).add(`${saved.doc.id}.xlf`);
    const info = statSync(file);
    return { stamp: { hash: hashOf(Buffer.from(text, 'utf8')), size: info.size, mtimeMs: info.mtimeMs }, written };
  }

  memory(options: { readonly write?: boolean } = {}): ProjectMemory {
    const write = options.write ?? true;
    if (this.#memory && write && !this.#memoryWritable) {
      this.#memory.close();
      this.#memory = undefined;
    }
    if (!this.#memory) {
      this.#memory = FsMemory.open(this.#config.memoryDir, this.#config.sourceLanguage, { copies: this.#config.memory.copies, create: write });
      this.#memoryWritable = write;
    }
    return this.#memory;
  }

  async memoryStamp(lang: Lang): Promise<Stamp> {
    // With copies, they are the memory, and their stamp needs no database (a run that fails early creates none).
    if (this.#config.memory.copies) return { hash: FsMemory.copiesStamp(this.#config.memoryDir, lang) };
    return { hash: this.memory({ write: false }).version(lang) };
  }

  async close(): Promise<void> {
    const memory = this.#memory;
    if (!memory) return;
    this.#memory = undefined;
    try {
      await memory.flush();
    } finally {
      memory.close();
    }
  }

  openCache(lang: Lang): Promise<MachineCache> {
    return MachineCache.open(this.#cacheFile(lang));
  }

  async publishedFormats(docId: DocId, lang: Lang): Promise<ReadonlySet<string>> {
    const listing = this.#listed(lang);
    const prefix = `${docId}.`;
    const formats = new Set<string>();
    for (const ext of PUBLISHED_FORMATS) if (listing.has(prefix + ext)) formats.add(ext);
    return formats;
  }

  async publish(docId: DocId, lang: Lang, outputs: Outputs, formats: readonly string[]): Promise<void> {
    const listing = this.#listed(lang);
    for (const format of formats) {
      const file = this.#file(lang, docId, format);
      const content = outputs.get(format);
      if (content === undefined) {
        await removeFile(file);
        listing.delete(`${docId}.${format}`);
      } else {
        await writeFileAtomic(file, content);
        listing.add(`${docId}.${format}`);
      }
    }
  }

  async writeManifest(manifest: Manifest): Promise<void> {
    await writeJson(path.join(this.#config.localesDir, MANIFEST_FILE), manifest);
  }

  async writeReport(findings: readonly ReportFinding[]): Promise<void> {
    await writeJson(path.join(this.#config.reportsDir, QA_REPORT_FILE), findings);
  }

  get reportName(): string {
    return this.#relative(path.join(this.#config.reportsDir, QA_REPORT_FILE));
  }

  targetsName(docId: DocId, lang: Lang): string {
    return this.#relative(this.#file(lang, docId, 'xlf'));
  }

  async removeDocument(docId: DocId, langs: readonly Lang[], removable: (lang: Lang) => Stamp | undefined) {
    const removed: string[] = [];
    const kept: string[] = [];
    for (const lang of [this.#config.sourceLanguage, ...langs]) {
      for (const ext of PUBLISHED_FORMATS) {
        const file = this.#file(lang, docId, ext);
        if (await removeFile(file)) removed.push(this.#relative(file));
      }
      const xliff = this.#file(lang, docId, 'xlf');
      const recorded = removable(lang);
      const now = statFile(xliff);
      if (!now) continue;
      // A file a translator worked on since our last write is theirs: kept.
      if (recorded && stampOf(now, recorded, () => readFileSync(xliff)).hash === recorded.hash && (await removeFile(xliff))) removed.push(this.#relative(xliff));
      else kept.push(this.#relative(xliff));
    }
    return { removed, kept };
  }

  async readRecord(): Promise<unknown> {
    try {
      return JSON.parse(await readFile(path.join(this.#config.cacheDir, RECORD_FILE), 'utf8'));
    } catch {
      // No record, or one that cannot be read: every pair runs, which rebuilds it.
      return undefined;
    }
  }

  async writeRecord(record: unknown): Promise<void> {
    await writeFileAtomic(path.join(this.#config.cacheDir, RECORD_FILE), JSON.stringify(record));
  }

  #listed(lang: string): Set<string> {
    let listing = this.#listings.get(lang);
    if (!listing) {
      try {
        listing = new Set(readdirSync(path.join(this.#config.localesDir, lang)));
      } catch {
        listing = new Set();
      }
      this.#listings.set(lang, listing);
    }
    return listing;
  }

  #relative(file: string): string {
    return path.relative(this.#config.root, file).split(path.sep).join('/');
  }
}

function writeJson(file: string, value: unknown): Promise<boolean> {
  return writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

function realpathOrThrow(file: string): string {
  try {
    return realpathSync(file);
  } catch (error) {
    throw sourceError(error, file);
  }
}

function sourceError(error: unknown, file: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'is a file, not a folder' : (error as Error).message;
  return new InputError(why, { file }, { cause: error });
}
