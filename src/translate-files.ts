/**
 * Pre-translating XLIFF that a CAT tool or TMS wrote (`l10n translate FILE.xlf`):
 * empty segments are filled from approved memory, then by the locale's engine,
 * and the file is updated in place, so everything the tool needs back stays as
 * it was. Progress is saved after every batch: a killed run resumes.
 */
import path from 'node:path';
import type { ResolvedConfig } from './core/config.js';
import { coalesceWrites } from './core/coalesce.js';
import { InputError, XliffError } from './core/errors.js';
import { writeFileAtomic } from './core/fs.js';
import type { Lang } from './core/lang.js';
import type { SegmentId, Target } from './core/types.js';
import type { EngineChoice } from './engines.js';
import pLimit from 'p-limit';
import { billedCharacters, MachineCache, readMemoryFile, translateSegments, type TranslationMemory } from './mt/index.js';
import { readXliffText } from './project.js';
import { updateXliffInPlace, type TargetUpdate } from './xliff/index.js';

export interface FileTranslation {
  readonly file: string;
  readonly lang: Lang;
  readonly engine: string;
  readonly fromMemory: number;
  readonly machineTranslated: number;
  readonly charactersSent: number;
  /** Engine replies that lost, repeated or misplaced an inline code: not applied, left for the translator. */
  readonly rejected: number;
}

export async function translateXliffFiles(
  config: ResolvedConfig,
  engines: EngineChoice,
  files: readonly string[],
  options: { dryRun: boolean },
): Promise<FileTranslation[]> {
  // Read and check every file before changing any.
  const inputs = [];
  for (const file of files) {
    const read = await readXliffText(file);
    if (!read) throw new InputError('no such file', { file });
    const { text: original, content } = read;
    if (!content.targetLang) throw new XliffError('the file names no target language', { file });
    if (!content.sourceLang) throw new XliffError('the file names no source language', { file });
    inputs.push({ file, original, content, lang: content.targetLang, sourceLang: content.sourceLang });
  }
  const results: FileTranslation[] = [];
  for (const { file, original, content, lang, sourceLang } of inputs) {
    const empty = content.segments.filter((segment) => segment.translate && !segment.target && segment.source.text.trim());
    // Memory holds plain sentences of the project's source language: it serves segments without codes.
    const memory: TranslationMemory =
      sourceLang === config.sourceLanguage ? await readMemoryFile(path.join(config.memoryDir, `${lang}.json`)) : new Map();
    const fromMemory = empty.filter((segment) => segment.source.codes.length === 0 && memory.has(segment.source.text));
    const reused = new Set(fromMemory);
    const toEngine = empty.filter((segment) => !reused.has(segment));
    const engine = engines.engineFor(lang);
    const base = { file, lang, engine: engine?.name ?? 'none', fromMemory: fromMemory.length };
    if (options.dryRun) {
      results.push({
        ...base,
        machineTranslated: engine ? toEngine.length : 0,
        charactersSent: engine ? billedCharacters(toEngine.map((segment) => segment.source.markup), true) : 0,
        rejected: 0,
      });
      continue;
    }
    const updates = new Map<string, TargetUpdate>();
    for (const segment of fromMemory) {
      updates.set(segment.id, { text: memory.get(segment.source.text)!.text, state: 'translated', origin: 'memory' });
    }
    const cache = await MachineCache.open(path.join(config.cacheDir, 'mt', `${lang}.json`));
    let rejected: readonly string[] = [];
    const save = coalesceWrites(async () => {
      await cache.flush();
      const updated = updateXliffInPlace(original, updates);
      rejected = updated.rejected;
      await writeFileAtomic(file, updated.text);
    });
    if (fromMemory.length > 0) await save();
    // Every text goes as markup, so inline codes travel as tags and come back in place.
    const result = await translateSegments(
      toEngine.map((segment) => ({ id: segment.id as SegmentId, text: segment.source.markup })),
      {
        sourceLang,
        lang,
        memory: new Map(),
        engine,
        cache,
        markup: true,
        limit: pLimit(config.deepl.concurrency),
        commit: (targets: readonly Target[]) => {
          for (const target of targets) updates.set(target.segmentId, { ...target, markup: true });
          return save();
        },
      },
    );
    results.push({
      ...base,
      machineTranslated: result.machineTranslated - rejected.length,
      charactersSent: result.charactersSent,
      rejected: rejected.length,
    });
  }
  return results;
}
