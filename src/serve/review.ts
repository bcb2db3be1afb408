/**
 * Reviewing one (document, locale) pair sentence by sentence, as Weblate and
 * Crowdin let reviewers do, on the project's own files: each unit with its
 * source, target, state, origin, QA findings and the memory's proposals, and
 * a version (a hash of what a save could change) that a save must name. A
 * save goes through the store into the same XLIFF a CAT tool would write,
 * under the project lock, then this pair (and no other) runs as `l10n run` runs
 * it: QA again, approved translations into the memory, the article published
 * or withheld.
 */
import { createHash } from 'node:crypto';
import type { Acceptance } from '../core/acceptance.js';
import { acceptanceHash } from '../core/reading.js';
import { blocksOf, segmentsOf, segmentsOfBlock } from '../core/doc.js';
import { parseLang, type Lang } from '../core/lang.js';
import { withProjectLock } from '../core/lock.js';
import { HUMAN, isApproved } from '../core/state.js';
import { isBlocking, type DocId, type Finding, type Proposal, type Target } from '../core/types.js';
import { runPipeline } from '../pipeline.js';
import { usableRecord, type RunRecord } from '../plan.js';
import { parseSource, qaContext, type Project } from '../project.js';
import { check } from '../stages/check.js';
import { forLocale, originalOf, type Job } from '../stages/job.js';
import { propose, proposeOptions } from '../stages/propose.js';

export interface ReviewUnit {
  readonly id: string;
  readonly block: string;
  readonly source: string;
  readonly target: string | null;
  readonly state: Target['state'];
  readonly origin: string;
  readonly findings: readonly Pick<Finding, 'check' | 'severity' | 'message' | 'accepted'>[];
  readonly proposals: readonly Pick<Proposal, 'score' | 'target'>[];
  /** What a save must name (If-Match): it changes whenever the target, its state or its acceptances do. */
  readonly version: string;
}

export interface ReviewPair {
  readonly doc: string;
  readonly lang: string;
  readonly sourceLang: string;
  readonly units: readonly ReviewUnit[];
  readonly progress: { readonly approved: number; readonly total: number };
  /** The locale across every document, as the last run recorded it (undefined before a run kept a record). */
  readonly locale?: { readonly approved: number; readonly total: number; readonly documents: number; readonly published: number };
  readonly published: boolean;
}

export interface ReviewEdit {
  readonly text: string;
  /** Approve (reviewed) or keep it as translated, to be reviewed. */
  readonly approve: boolean;
  /** A QA finding accepted as it is, with the reviewer's reason. */
  readonly accept?: { readonly check: string; readonly note: string };
}

/**
 * The edit was written to the XLIFF, but what runs after it failed: the save
 * is kept, and the unit's version is what the next save names.
 */
export class ReviewSaveIncomplete extends Error {
  constructor(message: string, readonly unit: { readonly id: string; readonly version: string }, cause: unknown) {
    super(message, { cause });
  }
}

/** No such document, locale or unit in the project. */
export class ReviewNotFound extends Error {}

/** A save based on a version that is no longer the unit's: refused, with what the unit is now. */
export class ReviewConflict extends Error {
  constructor(readonly current: ReviewUnit) {
    super('the unit changed since it was loaded');
  }
}

/** A pair the request named, canonical: the project's own locale tag and a document it has. */
export interface ReviewPairId {
  readonly doc: DocId;
  readonly lang: Lang;
}

/**
 * The pair a route names, resolved once at the edge: the locale canonicalised
 * (`EN` → `en`, BCP 47 §2.1.1: tags are case-insensitive) and matched against
 * the project's locales, the document against its sources. Anything else is
 * ReviewNotFound, so no request can make the store read or write a path the
 * project does not have (`locales/EN/`, which nothing reads).
 */
export async function resolvePair(project: Project, docId: string, lng: string): Promise<ReviewPairId> {
  const parsed = lng.length <= 64 ? parseLang(lng) : undefined;
  const lang = parsed && project.locales.find((locale) => locale === parsed);
  if (!lang) throw new ReviewNotFound(`not a locale of this project: "${lng.slice(0, 64)}"`);
  const entry = (await project.store.listSources(() => undefined)).find((source) => source.id === docId);
  if (!entry) throw new ReviewNotFound(`no document "${docId.slice(0, 128)}"`);
  return { doc: entry.id, lang };
}

/** Every document and locale to review, with its progress as the last run recorded it: what `/review` lists. */
export async function listReview(project: Project): Promise<{ readonly pairs: readonly { readonly doc: string; readonly lang: string; readonly approved?: number; readonly total?: number }[] }> {
  const record = usableRecord(await project.store.readRecord(), project.settings).record;
  const sources = await project.store.listSources(() => undefined);
  return {
    pairs: sources.flatMap((source) =>
      project.locales.map((lang) => {
        const pair = record?.docs[source.id]?.pairs[lang];
        return { doc: source.id, lang, ...(pair ? { approved: pair.approved, total: pair.segments } : {}) };
      }),
    ),
  };
}

export async function loadReview(project: Project, pair: ReviewPairId): Promise<ReviewPair> {
  const job = await loadJob(project, pair);
  const checked = check(job, qaContext(project));
  const memory = project.store.memory({ write: false });
  const proposals: ReadonlyMap<string, readonly Proposal[]> = propose(checked, memory, { ...proposeOptions(project.config), fill: false }).job.proposals ?? new Map();
  const locale = localeProgress(usableRecord(await project.store.readRecord(), project.settings).record, pair.lang);
  await project.store.close();
  const segments = segmentsOf(job.source.parsed.doc);
  const blockOf = new Map(blocksOf(job.source.parsed.doc).flatMap((block) => segmentsOfBlock(block).map((segment) => [segment.id, block.id] as const)));
  const units = segments.map((segment): ReviewUnit => {
    const target = checked.targets.get(segment.id);
    return {
      id: segment.id,
      block: blockOf.get(segment.id) ?? '',
      source: segment.text,
      target: target?.text ?? null,
      state: target?.state ?? 'initial',
      origin: target ? (target.origin.by === 'machine' ? `machine${target.origin.engine ? ` (${target.origin.engine})` : ''}` : target.origin.by) : 'none',
      findings: checked.findings.filter((finding) => finding.segmentId === segment.id).map(({ check: id, severity, message, accepted }) => ({ check: id, severity, message, ...(accepted ? { accepted } : {}) })),
      proposals: (proposals.get(segment.id) ?? []).map(({ score, target: text }) => ({ score, target: text })),
      version: versionOf(target),
    };
  });
  const approved = units.filter((unit) => isApproved(unit.state)).length;
  const blocking = checked.findings.some(isBlocking);
  return {
    doc: pair.doc,
    lang: pair.lang,
    sourceLang: project.config.sourceLanguage,
    units,
    progress: { approved, total: units.length },
    ...(locale ? { locale } : {}),
    published: units.every((unit) => unit.target !== null) && !blocking,
  };
}

/**
 * Saves one unit if it is still at `version`, then runs this pair, and only
 * this pair, as `l10n run` would: QA notes, memory, publication, manifest. A
 * broken file of another pair cannot fail the save. Returns the pair as it is
 * after the save. When something fails after the XLIFF was written, the edit
 * is kept: ReviewSaveIncomplete says what failed and gives the unit's version,
 * so the reviewer's next save is not refused as a conflict with their own.
 */
export async function saveReview(project: Project, pair: ReviewPairId, unitId: string, version: string, edit: ReviewEdit): Promise<ReviewPair> {
  let written: Target | undefined;
  const file = project.store.targetsName(pair.doc, pair.lang);
  try {
    await withProjectLock(project.config.root, 'review', () => undefined, async () => {
      const job = await loadJob(project, pair);
      const segment = segmentsOf(job.source.parsed.doc).find((candidate) => candidate.id === unitId);
      if (!segment) throw new ReviewNotFound(`no unit "${unitId.slice(0, 128)}" in ${file}`);
      const current = job.targets.get(segment.id);
      if (versionOf(current) !== version) throw new ReviewConflict((await loadReview(project, pair)).units.find((unit) => unit.id === unitId)!);
      const text = edit.text.normalize('NFC');
      // Acceptances are for the text as QA reads it, codes as placeholders (`core/reading.ts`), as `l10n accept` gives them.
      const hash = acceptanceHash(text, segment);
      const kept = (current?.accepted ?? []).filter((acceptance) => acceptance.target === hash);
      const accepted: Acceptance[] = edit.accept ? [...kept.filter((acceptance) => acceptance.check !== edit.accept!.check), { check: edit.accept.check, target: hash, note: edit.accept.note }] : kept;
      // Who wrote the text changes only when the text does: approving it or accepting a finding on it is
      // a judgement on the text, not authorship (the memory keeps an engine's text as the engine's).
      const origin = current !== undefined && current.text === text ? current.origin : HUMAN;
      const target: Target = { segmentId: segment.id, text, state: edit.approve ? 'reviewed' : 'translated', origin, ...(accepted.length > 0 ? { accepted } : {}) };
      const targets = new Map(job.targets).set(segment.id, target);
      const saved = check({ ...job, targets }, qaContext(project));
      await project.store.saveTargets({ doc: job.source.parsed.doc, original: originalOf(job.source), lang: pair.lang, targets: saved.targets, notes: new Map(), version: project.config.xliffVersion });
      written = saved.targets.get(segment.id);
      // The pair runs as `l10n run` runs it: QA notes, memory, proposals, publication, the manifest.
      await runPipeline(project, { merge: true, report: true, incremental: true, only: pair });
    });
    return await loadReview(project, pair);
  } catch (error) {
    if (written === undefined) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new ReviewSaveIncomplete(`saved in ${file}, but what comes after the save failed (QA notes, memory, publication): ${why}`, { id: unitId, version: versionOf(written) }, error);
  } finally {
    await project.store.close();
  }
}

/** A locale's progress over every document, summed from the record of the last run: no XLIFF is read. */
function localeProgress(record: RunRecord | undefined, lang: string): ReviewPair['locale'] {
  const pairs = Object.values(record?.docs ?? {}).flatMap((doc) => (doc.pairs[lang] ? [doc.pairs[lang]] : []));
  if (pairs.length === 0) return undefined;
  return {
    approved: pairs.reduce((sum, pair) => sum + pair.approved, 0),
    total: pairs.reduce((sum, pair) => sum + pair.segments, 0),
    documents: pairs.length,
    published: pairs.filter((pair) => pair.publication.published).length,
  };
}

async function loadJob(project: Project, pair: ReviewPairId): Promise<Job> {
  const entry = (await project.store.listSources(() => undefined)).find((source) => source.id === pair.doc);
  if (!entry) throw new ReviewNotFound(`no document "${pair.doc}"`);
  const source = forLocale(await parseSource(project, entry), pair.lang);
  const existing = await project.store.loadTargets(source.parsed.doc, pair.lang);
  return { source, lang: pair.lang, targets: existing.targets, stale: existing.stale };
}

function versionOf(target: Target | undefined): string {
  if (!target) return 'empty';
  const accepted = (target.accepted ?? []).map((acceptance) => `${acceptance.check}:${acceptance.target}:${acceptance.note ?? ''}`).join('|');
  return createHash('sha256').update(`${target.state}\n${target.text}\n${accepted}`).digest('base64url').slice(0, 16);
}

