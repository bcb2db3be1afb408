/**
 * A job is one (document, locale) pair: the segmented source, the targets the
 * translators' file holds, the targets whose source changed since, and, once
 * the check stage ran, the QA findings of exactly these targets. Stages take a
 * job and return a new one; they read no file and know no path.
 */
import type { Lang } from '../core/lang.js';
import type { Finding, Proposal, SegmentId, Target } from '../core/types.js';
import type { Parsed, SourceFormat } from '../formats/index.js';
import type { Termbase } from '../termbase/index.js';
import type { ExistingTargets } from '../xliff/index.js';

export interface SourceDocument {
  readonly format: SourceFormat;
  readonly parsed: Parsed<unknown>;
}

/** The document as a target language needs it (its own plural forms), where the format says it differs. */
export function forLocale(source: SourceDocument, lang: Lang): SourceDocument {
  return source.format.forLocale ? { ...source, parsed: source.format.forLocale(source.parsed, lang) } : source;
}

/** The source file's name (`<doc>.<extension>`), as XLIFF's `<file original>` records it. */
export function originalOf(source: SourceDocument): string {
  return `${source.parsed.doc.id}.${source.format.extension}`;
}

export interface Job {
  readonly source: SourceDocument;
  readonly lang: Lang;
  readonly targets: ReadonlyMap<SegmentId, Target>;
  readonly stale: ExistingTargets['stale'];
  /** Memory proposals per segment, from the propose stage; written beside the targets for translators. */
  readonly proposals?: ReadonlyMap<SegmentId, readonly Proposal[]>;
  /** QA of `targets`; absent until the check stage ran, and again after a stage changed them. */
  readonly findings?: readonly Finding[];
}

/** What QA needs besides the job: the project's source language and termbase. */
export interface QaContext {
  readonly sourceLang: Lang;
  readonly termbase?: Termbase;
}
