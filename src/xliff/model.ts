import type { Acceptance } from '../core/acceptance.js';
import type { StateOfTarget } from './flavours/types.js';
import type { Lang } from '../core/lang.js';
import type { BlockKind, Doc, Origin, Proposal, SegmentId, State, Target } from '../core/types.js';

export type XliffVersion = '1.2' | '2.0';

/** What `extract` writes: one document into one target locale. */
export interface XliffExport {
  readonly doc: Doc;
  /** The source file's name, for `<file original>`; default `<doc id>.txt`. */
  readonly original?: string;
  readonly sourceLang: Lang;
  readonly targetLang: Lang;
  /** Current translations by segment; segments without one get an empty target. */
  readonly targets: ReadonlyMap<SegmentId, Target>;
  /** Notes for the translator per segment (QA findings). */
  readonly notes?: ReadonlyMap<SegmentId, readonly string[]>;
  /** Translation memory proposals per segment, best first. */
  readonly proposals?: ReadonlyMap<SegmentId, readonly Proposal[]>;
}

/**
 * An inline code as CAT tools write it: XLIFF 1.2 `g x bx ex ph bpt ept it`,
 * XLIFF 2 `pc ph sc ec`, and annotations (`mrk` other than segments).
 */
export interface InlineCode {
  readonly kind: string;
  readonly id: string;
}

/** Text of a source or target: what a reader sees (codes' native data left out), and the codes in order. */
export interface XliffText {
  readonly text: string;
  readonly codes: readonly InlineCode[];
  /**
   * The content as XML for a machine translation engine: text escaped, each code
   * a placeholder numbered in document order, `<x i="1"/>` for a standalone code
   * and `<g i="2">…</g>` for one that wraps text. `updateXliffInPlace` turns the
   * placeholders back into the file's own markup.
   */
  readonly markup: string;
}

export interface XliffTarget extends XliffText {
  readonly state: State;
  readonly origin: Origin;
}

/**
 * One segment: what a translator confirms. A 1.x `<trans-unit>` without
 * `<seg-source>` is one segment; with it, each `<mrk mtype="seg">` is one; in
 * XLIFF 2, each `<segment>`.
 */
export interface XliffSegment {
  /**
   * Unique in the document: (file position, unit, segment). In-place updates are
   * addressed by it; ids alone repeat across `<file>`s.
   */
  readonly key: string;
  /** `<file original>` (or the 2.x file id). */
  readonly file: string;
  /** trans-unit id (1.x) or unit id (2.x); `#position` in its `<file>` where the id is missing or repeated. */
  readonly unit: string;
  /** `mrk/@mid` (1.x with seg-source) or segment id (2.x); absent for an unsegmented 1.x unit. */
  readonly segment?: string;
  /** How the pipeline names it: the segment id if there is one, else the unit id. */
  readonly id: string;
  readonly source: XliffText;
  /** Absent when the file has no target text for it. */
  readonly target?: XliffTarget;
  /**
   * A target with no text whose state says it is translated (`<target
   * state="translated"></target>`): not work to do, but a translation lost. QA
   * reports it as empty.
   */
  readonly emptyTarget?: StateOfTarget;
  /** QA findings a reviewer accepted, from the unit's notes (each for the target text it names by hash). */
  readonly accepted?: readonly Acceptance[];
  /** `translate="no"`: to be left as it is. */
  readonly translate: boolean;
  /** The enclosing group (1.2) or unit (2.x), and its kind when we wrote the file. */
  readonly block?: string;
  readonly blockKind?: BlockKind;
}

export interface XliffContent {
  readonly version: string;
  /** The namespace of the document's XLIFF elements ('' for XLIFF 1.0). */
  readonly namespace: string;
  /** `<file>` elements in the document. */
  readonly files: number;
  /** Unit ids repeated within their `<file>`, as `original: id` (such units are addressed by position). */
  readonly duplicateIds: readonly string[];
  readonly sourceLang: Lang | undefined;
  readonly targetLang: Lang | undefined;
  /** trans-units (1.x) or units (2.x) in the file. */
  readonly unitCount: number;
  readonly segments: readonly XliffSegment[];
}

/** The label a person sees for a segment: `unit`, or `unit/segment` where units hold several. */
export function segmentLabel(segment: XliffSegment): string {
  return segment.segment === undefined ? segment.unit : `${segment.unit}/${segment.segment}`;
}

export const TOOL_ID = 'l10n-pipeline';

/** The `origin` of our memory proposals (`alt-trans`, `mtc:match`), told apart from an engine's name by it. */
export const MEMORY_ORIGIN = 'memory';

/** Group `restype` (1.2) / unit `type` (2.x) per block kind. */
export const BLOCK_RESTYPE: Readonly<Record<BlockKind, string>> = {
  headline: 'x-headline',
  paragraph: 'x-paragraph',
  caption: 'x-caption',
  entry: 'x-entry',
};
