/**
 * The plain data that moves between stages. Every value here is readonly and
 * JSON-serialisable, so a stage's output can be written out, diffed and read back.
 */
import type { Acceptance } from './acceptance.js';
import type { Brand } from './brand.js';
import type { Lang } from './lang.js';

export type { Brand };

/** File name of a source document without `.txt` (`usa-russland-is`). */
export type DocId = Brand<string, 'DocId'>;
/** A block (paragraph) of a document: `p1`, `p2`, … in document order. */
export type BlockId = Brand<string, 'BlockId'>;
/** A sentence, named after its content (see `ids.ts`): `s-3f9a0c1d2e`. */
export type SegmentId = Brand<string, 'SegmentId'>;

/** What a block is: in a news article, or one entry of a resource file; CAT tools see it as the group's `restype`. */
export type BlockKind = 'headline' | 'paragraph' | 'caption' | 'entry';

/**
 * Where a block of a structured source (Markdown) sits, for a page to show it
 * as the source does: a heading below the headline, an item of a list (the
 * document's n-th list and item, so consecutive items of one list are one
 * list), or a front matter value.
 */
export type BlockRole =
  | { readonly heading: 2 | 3 | 4 | 5 | 6 }
  | { readonly list: number; readonly item: number; readonly ordered: boolean }
  | { readonly frontMatter: string };

/** Whitespace and line breaks between blocks and sentences: kept, never dropped. */
export interface Gap {
  readonly kind: 'gap';
  readonly text: string;
}

/**
 * Markup inside a sentence that is not language (`{{count}}`, `<1>…</1>`): a
 * span of its text. An `open` and a `close` with one id are a pair that wraps
 * text; XLIFF shows them as inline codes, engines get them as tags.
 */
export interface CodeSpan {
  readonly id: string;
  readonly kind: 'open' | 'close' | 'standalone';
  readonly start: number;
  readonly end: number;
}

/** One sentence. `start` is its UTF-16 offset in the document text. */
export interface Segment {
  readonly kind: 'segment';
  readonly id: SegmentId;
  /** The text as the source has it, codes included; a target's text is the same kind of text. */
  readonly text: string;
  readonly start: number;
  /**
   * Where the sentence ends in the document text, when `text` is not the
   * source's bytes (HTML text is decoded: `&amp;` is `&`); else `start + text.length`.
   */
  readonly end?: number;
  /** The codes in `text`, in order, where the format has any. */
  readonly codes?: readonly CodeSpan[];
}

/** One paragraph; joining `parts` gives back the paragraph exactly. */
export interface Block {
  readonly kind: 'block';
  readonly id: BlockId;
  readonly type: BlockKind;
  readonly parts: readonly (Segment | Gap)[];
  /** What a translator should know about it (a plural form and the numbers it is used for). */
  readonly note?: string;
  /** Its place in a structured source, where the format has one (Markdown). */
  readonly role?: BlockRole;
}

/** A segmented document; joining `body` gives back the source text exactly. */
export interface Doc {
  readonly id: DocId;
  readonly lang: Lang;
  readonly body: readonly (Block | Gap)[];
}

/**
 * Translation states, ordered. Every XLIFF state vocabulary maps onto this scale
 * (`state.ts`); machine output never replaces a target at `reviewed` or above.
 */
export const STATES = ['initial', 'translated', 'reviewed', 'final'] as const;
export type State = (typeof STATES)[number];

/**
 * Who made a target: a person, the translation memory (reuse of an approved
 * translation), or a machine translation engine, named where it is known (a
 * CAT tool's own MT often names none).
 */
export type Origin = { readonly by: 'human' } | { readonly by: 'memory' } | { readonly by: 'machine'; readonly engine?: string };

/** A translation of one segment into one locale. */
export interface Target {
  readonly segmentId: SegmentId;
  readonly text: string;
  readonly state: State;
  readonly origin: Origin;
  /** QA findings a reviewer accepted for this very text. */
  readonly accepted?: readonly Acceptance[];
}

/**
 * A translation memory match offered for a segment, as CAT tools show them
 * (XLIFF 1.2 `alt-trans`, XLIFF 2 `mtc:match`): 101 an exact match in the same
 * context, 100 an exact match, below that a fuzzy match. `previous` is the
 * translation this sentence had before its German text was edited.
 */
export interface Proposal {
  readonly score: number;
  readonly source: { readonly text: string; readonly codes?: readonly CodeSpan[] };
  readonly target: { readonly text: string; readonly codes?: readonly CodeSpan[] };
  readonly state: State;
  readonly kind: 'memory' | 'previous';
}

export type Severity = 'error' | 'warning';

/** A QA problem in one target. A bad translation is a finding, never an exception. */
export interface Finding {
  readonly check: string;
  readonly severity: Severity;
  readonly segmentId: SegmentId;
  readonly lang: Lang;
  readonly message: string;
  /** A reviewer accepted it for this target: reported, but it blocks nothing. */
  readonly accepted?: true;
}

/** Whether a finding keeps a translation from approval and publication: an error nobody accepted. */
export function isBlocking(finding: { readonly severity: Severity; readonly accepted?: true }): boolean {
  return finding.severity === 'error' && !finding.accepted;
}
