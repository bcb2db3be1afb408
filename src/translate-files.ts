/**
 * Pre-translating XLIFF that a CAT tool or TMS wrote (`l10n translate FILE.xlf`):
 * empty segments are filled from approved memory, then by the locale's engine,
 * and the file is updated in place, so everything the tool needs back stays as
 * it was. Progress is saved after every batch: a killed run resumes.
 */
import { readFile } from 'node:fs/promises';
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
import { readXliffFile } from './project.js';
import { updateXliffInPlace, type TargetUpdate } from './xliff/index.js';

export interface FileTranslation {
  readonly file: string;
  readonly lang: Lang;
  readonly engine: string;
  readonly fromMemory: number;
  readonly machineTranslated: number;
  readonly charactersSent: number;
  /** Segments left alone because their source has inline codes (they would be lost in plain text). */
  readonly skippedWithCodes: number;
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
    const content = await readXliffFile(file);
    if (!content) throw new InputError('no such file', { file });
    if (!content.targetLang) throw new XliffError('the file names no target language', { file });
    if (!content.sourceLang) throw new XliffError('the file names no source language', { file });
    inputs.push({ file, content, lang: content.targetLang, sourceLang: content.sourceLang });
  }
  const results: FileTranslation[] = [];
  for (const { file, content, lang, sourceLang } of inputs) {
    const empty = content.segments.filter((segment) => segment.translate && !segment.target && segment.source.text.trim());
    const plain = empty.filter((segment) => segment.source.codes.length === 0);
    // Memory holds translations of the project's source language only.
    const memory: TranslationMemory =
      sourceLang === config.sourceLanguage ? await readMemoryFile(path.join(config.memoryDir, `${lang}.json`)) : new Map();
    const engine = engines.engineFor(lang);
    const base = { file, lang, engine: engine?.name ?? 'none', skippedWithCodes: empty.length - plain.length };
    if (options.dryRun) {
      const toSend = plain.filter((segment) => !memory.has(segment.source.text));
      results.push({
        ...base,
        fromMemory: plain.length - toSend.length,
        machineTranslated: engine ? toSend.length : 0,
        charactersSent: engine ? billedCharacters(toSend.map((segment) => segment.source.text)) : 0,
      });
      continue;
    }
    const original = await readFile(file, 'utf8');
    const updates = new Map<string, TargetUpdate>();
    const cache = await MachineCache.open(path.join(config.cacheDir, 'mt', `${lang}.json`));
    const save = coalesceWrites(async () => {
      await cache.flush();
      await writeFileAtomic(file, updateXliffInPlace(original, updates).text);
    });
    const result = await translateSegments(
      plain.map((segment) => ({ id: segment.id as SegmentId, text: segment.source.text })),
      {
        sourceLang,
        lang,
        memory,
        engine,
        cache,
        limit: pLimit(config.deepl.concurrency),
        commit: (targets: readonly Target[]) => {
          for (const target of targets) updates.set(target.segmentId, target);
          return save();
        },
      },
    );
    results.push({ ...base, ...result });
  }
  return results;
}
