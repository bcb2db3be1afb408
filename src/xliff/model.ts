import type { Lang } from '../core/lang.js';
import type { BlockKind, Doc, SegmentId, Target } from '../core/types.js';

export type XliffVersion = '1.2' | '2.0';

/** What `extract` writes: one document into one target locale. */
export interface XliffExport {
  readonly doc: Doc;
  readonly sourceLang: Lang;
  readonly targetLang: Lang;
  /** Current translations by segment; segments without one get an empty target. */
  readonly targets: ReadonlyMap<SegmentId, Target>;
  /** Notes for the translator per segment (QA findings). */
  readonly notes?: ReadonlyMap<SegmentId, readonly string[]>;
}

/** One unit as read back from any XLIFF version. */
export interface XliffUnit {
  /** trans-unit id (1.x) or unit id + "/" + segment id (2.x, only for segments not named by us). */
  readonly id: string;
  /** `file/@original` (1.x) or `file/@original`/`@id` (2.x). */
  readonly file: string;
  readonly source: string;
  /** Absent when the file has no target text for the unit. */
  readonly target?: Target;
  /** The group (1.2) or unit (2.x) the segment belongs to, and its kind when we wrote it. */
  readonly block?: string;
  readonly blockKind?: BlockKind;
}

export interface XliffContent {
  readonly version: string;
  readonly sourceLang: Lang | undefined;
  readonly targetLang: Lang | undefined;
  readonly units: readonly XliffUnit[];
}

export const TOOL_ID = 'l10n-pipeline';

/** Group `restype` (1.2) / unit `type` (2.x) per block kind. */
export const BLOCK_RESTYPE: Readonly<Record<BlockKind, string>> = {
  headline: 'x-headline',
  paragraph: 'x-paragraph',
  caption: 'x-caption',
};
