/**
 * Applying XLIFF that translators send back. Rules that protect people's work:
 * a reviewed target is never replaced by machine output or by a lower state, a
 * unit whose German source changed since export is reported stale and not
 * applied, and a file for another language is refused.
 */
import path from 'node:path';
import { InputError, XliffError } from './core/errors.js';
import type { Lang } from './core/lang.js';
import { isApproved, isMachineOrigin, stateRank } from './core/state.js';
import type { Target } from './core/types.js';
import { mergeIntoMemory, readMemoryFile, writeMemoryFile } from './mt/index.js';
import { checkProjectDoc, memoryWorthy, readProjectTargets, readXliffFile, writeProjectXliff, type Project } from './project.js';
import { targetsFromXliff, type XliffSegment } from './xliff/index.js';

export interface ImportResult {
  readonly lang: Lang;
  readonly applied: number;
  readonly unchanged: number;
  /** Incoming targets not applied because a reviewed one is already there. */
  readonly kept: number;
  /** Units whose source differs from the current document. */
  readonly stale: number;
  /** Targets emptied under a state that says translated: not applied (nothing is replaced by nothing), reported. */
  readonly emptied: number;
}

export async function importXliff(project: Project, file: string): Promise<ImportResult> {
  const content = await readXliffFile(file);
  if (!content) throw new InputError('no such file', { file });
  const lang = content.targetLang;
  if (!lang) throw new XliffError('the file names no target language', { file });
  if (!project.locales.includes(lang)) {
    throw new XliffError(`target language ${lang} is not one of the project's locales (${project.locales.join(', ')})`, { file });
  }
  if (content.sourceLang && content.sourceLang !== project.config.sourceLanguage) {
    throw new XliffError(`source language is ${content.sourceLang}, expected ${project.config.sourceLanguage}`, { file });
  }
  const byDoc = new Map<string, XliffSegment[]>();
  for (const unit of content.segments) {
    const docId = unit.file.replace(/\.txt$/, '');
    const list = byDoc.get(docId) ?? [];
    list.push(unit);
    byDoc.set(docId, list);
  }
  for (const docId of byDoc.keys()) {
    if (!project.docs.some((doc) => doc.id === docId)) {
      throw new XliffError(`<file original="${docId}"> is not a document of this project`, { file });
    }
  }
  const result = { lang, applied: 0, unchanged: 0, kept: 0, stale: 0, emptied: content.segments.filter((unit) => unit.emptyTarget).length };
  const memoryFile = path.join(project.config.memoryDir, `${lang}.json`);
  let memory = await readMemoryFile(memoryFile);
  for (const [docId, units] of byDoc) {
    const doc = project.docs.find((candidate) => candidate.id === docId)!;
    const incoming = targetsFromXliff(doc, { ...content, segments: units });
    const targets = new Map((await readProjectTargets(project, doc, lang)).targets);
    result.stale += incoming.stale.length;
    const accepted: { source: string; target: Target }[] = [];
    const sourceOf = new Map(units.map((unit) => [unit.id, unit.source.text]));
    for (const [id, target] of incoming.targets) {
      const existing = targets.get(id);
      if (existing && existing.text === target.text && existing.state === target.state) {
        result.unchanged++;
      } else if (existing && isApproved(existing.state) && (isMachineOrigin(target.origin) || stateRank(target.state) < stateRank(existing.state))) {
        result.kept++;
      } else {
        targets.set(id, target);
        result.applied++;
        accepted.push({ source: sourceOf.get(id)!, target });
      }
    }
    const findings = checkProjectDoc(project, doc, lang, targets);
    memory = mergeIntoMemory(memory, memoryWorthy(project, lang, accepted, findings));
    await writeProjectXliff(project, doc, lang, targets, project.config.xliffVersion, findings);
  }
  if (memory.size > 0) await writeMemoryFile(memoryFile, memory);
  return result;
}
