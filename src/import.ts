/**
 * Applying XLIFF that translators send back. Rules that protect people's work:
 * a reviewed target is never replaced by machine output or by a lower state, a
 * unit whose German source changed since export is reported stale and not
 * applied, and a file for another language is refused.
 */
import { InputError, XliffError } from './core/errors.js';
import type { Lang } from './core/lang.js';
import { isApproved, isMachineOrigin, stateRank } from './core/state.js';
import { segmentsOf } from './core/doc.js';
import { parseSource, qaContext, type Project } from './project.js';
import { check, forTranslators } from './stages/check.js';
import { memoryWorthy, toMemoryEntries, type ApprovedTarget } from './stages/extract.js';
import { forLocale, originalOf, type SourceDocument } from './stages/job.js';
import { propose, proposeOptions } from './stages/propose.js';
import type { SourceEntry } from './store/store.js';
import { readXliffFile } from './xliff/file.js';
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
  const { store } = project;
  const content = (await readXliffFile(file))?.content;
  if (!content) throw new InputError('no such file', { file });
  const lang = content.targetLang;
  if (!lang) throw new XliffError('the file names no target language', { file });
  if (!project.locales.includes(lang)) {
    throw new XliffError(`target language ${lang} is not one of the project's locales (${project.locales.join(', ')})`, { file });
  }
  if (content.sourceLang && content.sourceLang !== project.config.sourceLanguage) {
    throw new XliffError(`source language is ${content.sourceLang}, expected ${project.config.sourceLanguage}`, { file });
  }
  const listed = await store.listSources(() => undefined);
  // `<file original>` names the source file (`doc.txt`); some tools drop the extension.
  const entries = new Map(listed.flatMap((entry) => [[entry.id as string, entry], [`${entry.id}.${entry.format.extension}`, entry]] as const));
  const byDoc = new Map<string, XliffSegment[]>();
  for (const unit of content.segments) {
    const units = byDoc.get(unit.file);
    if (units) units.push(unit);
    else byDoc.set(unit.file, [unit]);
  }
  // Every <file original> must name a document before anything is applied.
  const sources = new Map<string, SourceDocument>();
  for (const original of byDoc.keys()) {
    const entry = entries.get(original);
    if (!entry) throw new XliffError(`<file original="${original}"> is not a document of this project`, { file });
    sources.set(original, forLocale(await parseSource(project, entry), lang));
  }
  for (const [original, units] of byDoc) {
    await refuseWrongDocument(project, file, original, sources.get(original)!, units, listed);
  }
  const qa = qaContext(project);
  const result = { lang, applied: 0, unchanged: 0, kept: 0, stale: 0, emptied: content.segments.filter((unit) => unit.emptyTarget).length };
  // Everything is worked out for every document first; only then is anything written, so an
  // import that fails on its last document has changed nothing before it.
  const prepared = [];
  for (const [original, units] of byDoc) {
    const source = sources.get(original)!;
    const doc = source.parsed.doc;
    const incoming = targetsFromXliff(doc, { ...content, segments: units });
    const existing = await store.loadTargets(doc, lang);
    const targets = new Map(existing.targets);
    result.stale += incoming.stale.length;
    const accepted: ApprovedTarget[] = [];
    const segmentOf = new Map(segmentsOf(doc).map((segment) => [segment.id as string, segment]));
    for (const [id, target] of incoming.targets) {
      const known = targets.get(id);
      if (known && known.text === target.text && known.state === target.state) {
        result.unchanged++;
      } else if (known && isApproved(known.state) && (isMachineOrigin(target.origin) || stateRank(target.state) < stateRank(known.state))) {
        result.kept++;
      } else {
        targets.set(id, target);
        result.applied++;
        const segment = segmentOf.get(id)!;
        accepted.push({ source: segment.text, ...(segment.codes?.length ? { codes: segment.codes } : {}), target });
      }
    }
    const checked = check({ source, lang, targets, stale: existing.stale }, qa);
    prepared.push({ source, doc, checked, worthy: memoryWorthy(accepted, lang, qa, checked.findings) });
  }
  const memory = store.memory();
  for (const { doc, worthy } of prepared) {
    if (worthy.length > 0) memory.add(toMemoryEntries(worthy, { sourceLang: project.config.sourceLanguage, lang, doc: doc.id }), { supersede: true });
  }
  for (const { source, doc, checked } of prepared) {
    // The file is written as a run writes it: with the memory's proposals for what is not yet approved.
    const { proposals } = propose(checked, memory, { ...proposeOptions(project.config), fill: false }).job;
    await store.saveTargets({ doc, original: originalOf(source), lang, ...forTranslators(checked), ...(proposals ? { proposals } : {}), version: project.config.xliffVersion });
  }
  await store.close();
  return result;
}

/**
 * A `<file>` none of whose units is a sentence of the document its `original` names is the XLIFF of another
 * document (ids are hashes of the sentence text, `core/ids.ts`), not a document whose every sentence was
 * edited since: reporting it as that many stale units and exiting 0 hid the mix-up. The error names the
 * document the file claims and, when the project has it, the document whose sentences the file holds.
 */
async function refuseWrongDocument(
  project: Project,
  file: string,
  original: string,
  claimed: SourceDocument,
  units: readonly XliffSegment[],
  listed: readonly SourceEntry[],
): Promise<void> {
  const claimedIds = new Set<string>(segmentsOf(claimed.parsed.doc).map((segment) => segment.id));
  if (units.length === 0 || units.some((unit) => claimedIds.has(unit.id))) return;
  const claimedId = claimed.parsed.doc.id as string;
  let best: { id: string; count: number } | undefined;
  for (const entry of listed) {
    if ((entry.id as string) === claimedId) continue;
    let ids: Set<string>;
    try {
      ids = new Set<string>(segmentsOf((await parseSource(project, entry)).parsed.doc).map((segment) => segment.id));
    } catch {
      continue; // a document that cannot be read now cannot be the one meant
    }
    const count = units.filter((unit) => ids.has(unit.id)).length;
    if (count > 0 && count > (best?.count ?? 0)) best = { id: entry.id, count };
  }
  const none = `none of its ${units.length} units is a sentence of document "${claimedId}"`;
  const which = best
    ? `${best.count} are sentences of document "${best.id}": this is the XLIFF of "${best.id}", not of "${claimedId}"`
    : 'nor of any other document of this project: this XLIFF was made from another document (or from a version of it whose every sentence has changed since)';
  throw new XliffError(`<file original="${original}">: ${none}; ${which}`, { file });
}
