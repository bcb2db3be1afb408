/**
 * Pre-translating XLIFF that a CAT tool or TMS wrote (`l10n translate FILE.xlf`):
 * empty segments are filled from approved memory, then by the locale's engine,
 * and the file is updated in place, in its own encoding, so everything the tool
 * needs back stays as it was. Progress (file and MT cache) is saved at most once
 * a second while the engine works and at the end: a killed run resumes, and
 * sends again at most the last second's work. What is reported is read back
 * from the file on disk: a segment counts only when its translation is there.
 */
import path from 'node:path';
import pLimit from 'p-limit';
import type { Project } from './project.js';
import { throttleWrites } from './core/coalesce.js';
import { InputError, XliffError } from './core/errors.js';
import { writeFileAtomic } from './core/fs.js';
import { baseLanguage, parseLang, type Lang } from './core/lang.js';
import { isMachineOrigin, MEMORY } from './core/state.js';
import type { SegmentId, Target } from './core/types.js';
import type { EngineChoice } from './mt/registry.js';
import { translateSegments } from './mt/index.js';
import { approvedMatch } from './memory/fuzzy.js';
import { readXliffFile } from './xliff/file.js';
import { canEncode, encodeXml, type XmlEncoding } from './xml/encoding.js';
import { parseXml } from './xml/parse.js';
import { prepareUpdate, type MappedXliff, type TargetUpdate, type XliffContent, type XliffSegment } from './xliff/index.js';

export interface FileTranslation {
  readonly file: string;
  readonly sourceLang: Lang;
  readonly lang: Lang;
  readonly engine: string;
  /** Segments that were empty and are now filled from memory / by the engine, as read back from the file. */
  readonly fromMemory: number;
  readonly machineTranslated: number;
  readonly charactersSent: number;
  /** Engine replies that lost, repeated or misplaced an inline code: not applied, left for the translator. */
  readonly rejected: number;
  /** Empty segments left empty: no memory match and no engine for this language pair. */
  readonly untranslated: number;
  /** Why the engine was not asked, when it was not (a language it does not offer). */
  readonly note?: string;
}

/** Progress is saved at most this often while the engine works: a 10 MB file is not rewritten per batch. */
const SAVE_INTERVAL_MS = 1000;

export interface TranslateFilesOptions {
  readonly dryRun: boolean;
  /** Languages for files that name none (XLIFF 1.0 from Passolo, Lingotek); a file that names another is refused. */
  readonly sourceLang?: Lang;
  readonly targetLang?: Lang;
}

export async function translateXliffFiles(
  project: Project,
  engines: EngineChoice,
  files: readonly string[],
  options: TranslateFilesOptions,
): Promise<FileTranslation[]> {
  // Read and check every file before changing any.
  const inputs = [];
  for (const file of files) {
    const read = await readXliffFile(file);
    if (!read) throw new InputError('no such file', { file });
    if (!options.dryRun && !canEncode(read.encoding)) {
      throw new XliffError(`is in ${read.encoding.name}, which l10n reads but cannot write back; convert it to UTF-8 first`, { file });
    }
    inputs.push({ file, ...read, ...fileLanguages(file, read.content, options) });
  }
  const results: FileTranslation[] = [];
  try {
    for (const input of inputs) results.push(await translateFile(project, engines, input, options));
  } finally {
    await project.store.close();
  }
  return results;
}

/**
 * The languages of a CAT tool's file: as it names them, as given for a file
 * that names none, or (target only) as its name says: Angular's
 * `messages.fr.xlf`, Symfony's `validators.pl.xlf` and Xcode's `de.xliff` leave
 * `target-language` out and put the locale in the name.
 */
export function fileLanguages(file: string, content: XliffContent, given: { sourceLang?: Lang; targetLang?: Lang }): { sourceLang: Lang; lang: Lang } {
  return {
    sourceLang: languageOf(file, content.sourceLang, given.sourceLang, 'source'),
    lang: languageOf(file, content.targetLang, given.targetLang ?? (content.targetLang ? undefined : localeInName(file)), 'target'),
  };
}

function languageOf(file: string, named: Lang | undefined, given: Lang | undefined, side: 'source' | 'target'): Lang {
  if (named && given && named !== given) throw new XliffError(`the file's ${side} language is ${named}, not ${given} (--${side}-lang)`, { file });
  const lang = named ?? given;
  if (!lang) throw new XliffError(`the file names no ${side} language: give it with --${side}-lang`, { file });
  return lang;
}

/** `messages.fr.xlf`, `validators.pt_BR.xlf`, `de.xliff` → the locale; undefined when the name holds none. */
function localeInName(file: string): Lang | undefined {
  const parts = path.basename(file).split('.').slice(0, -1);
  const candidate = parts.length > 1 ? parts.at(-1) : parts[0];
  return candidate && /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(candidate) ? parseLang(candidate.replace(/_/g, '-')) : undefined;
}

async function translateFile(
  project: Project,
  engines: EngineChoice,
  input: { file: string; text: string; encoding: XmlEncoding; content: XliffContent; mapped: MappedXliff; lang: Lang; sourceLang: Lang },
  options: TranslateFilesOptions,
): Promise<FileTranslation> {
  const { file, text: original, encoding, content, mapped, lang, sourceLang } = input;
  const empty = content.segments.filter((segment) => segment.translate && !segment.target && segment.source.text.trim());
  // Memory holds plain sentences of the project's source language: it serves segments without codes.
  const memory = baseLanguage(sourceLang) === baseLanguage(project.config.sourceLanguage) ? project.store.memory({ write: false }) : undefined;
  const reuse = new Map<XliffSegment, string>();
  for (const segment of empty) {
    const match = memory && segment.source.codes.length === 0 ? approvedMatch(memory, lang, segment.source.text) : undefined;
    if (match) reuse.set(segment, match.target.text);
  }
  const fromMemory = [...reuse.keys()];
  const reused = new Set(fromMemory);
  const toEngine = empty.filter((segment) => !reused.has(segment));
  const chosen = engines.engineFor(lang);
  const note = chosen?.unsupported(lang, sourceLang);
  const engine = note === undefined ? chosen : undefined;
  const base = { file, sourceLang, lang, engine: chosen?.name ?? 'none', ...(note ? { note } : {}) };
  if (options.dryRun) {
    return {
      ...base,
      fromMemory: fromMemory.length,
      machineTranslated: engine ? toEngine.length : 0,
      charactersSent: engine ? engine.billed(toEngine.map((segment) => segment.source.markup), true) : 0,
      rejected: 0,
      untranslated: engine ? 0 : toEngine.length,
    };
  }
  const updates = new Map<string, TargetUpdate>();
  for (const segment of fromMemory) {
    updates.set(segment.key, { text: reuse.get(segment)!, state: 'translated', origin: MEMORY });
  }
  const cache = await project.store.openCache(lang);
  let rejected = 0;
  const update = prepareUpdate(original, file, mapped);
  const saves = throttleWrites(async () => {
    await cache.flush();
    const updated = update(updates);
    rejected = updated.rejected.length;
    // The file we would write must read back: a translator's only copy is never replaced by broken XML.
    parseXml(updated.text, file);
    await writeFileAtomic(file, encodeXml(updated.text, encoding));
  }, SAVE_INTERVAL_MS);
  if (fromMemory.length > 0) await saves.flush();
  // Every text goes as markup, so inline codes travel as tags and come back in place.
  const result = await translateSegments(
    toEngine.map((segment) => ({ id: segment.key as SegmentId, text: segment.source.markup })),
    {
      sourceLang,
      lang,
      engine,
      cache,
      markup: true,
      limit: pLimit(engine?.limits.concurrency ?? 1),
      commit: async (targets: readonly Target[]) => {
        for (const target of targets) updates.set(target.segmentId, { ...target, markup: true });
        saves.request();
      },
    },
  ).finally(() => saves.flush().then(() => cache.compact()));
  const filled = await filledSince(file, content);
  return {
    ...base,
    fromMemory: filled.filter((origin) => origin.by === 'memory').length,
    machineTranslated: filled.filter(isMachineOrigin).length,
    charactersSent: result.charactersSent,
    rejected,
    untranslated: empty.length - filled.length,
  };
}

/** The origins of the targets that are in the file on disk now and were not in `before`. */
async function filledSince(file: string, before: XliffContent): Promise<Target['origin'][]> {
  const after = (await readXliffFile(file))!.content;
  const had = new Set(before.segments.filter((segment) => segment.target).map((segment) => segment.key));
  return after.segments.flatMap((segment) => (segment.target && !had.has(segment.key) ? [segment.target.origin] : []));
}
