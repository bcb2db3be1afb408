/**
 * A source format: how a file of one kind becomes a segmented document, and
 * how the localised file is written back in the same format. Okapi calls the
 * part that is not text the skeleton; here the skeleton is whatever the format
 * needs to rebuild the file around the translated sentences.
 */
import type { Lang } from '../core/lang.js';
import type { Doc, DocId, Finding, Segment, SegmentId, Target } from '../core/types.js';
import type { LanguageRules } from '../segment/index.js';

export interface ParseOptions {
  readonly docId: DocId;
  readonly lang: Lang;
  readonly rules: LanguageRules;
  /** Names the file in errors. */
  readonly file: string;
  /** Front matter keys whose values are text to translate (Markdown's `title`, `description`). */
  readonly frontMatter?: readonly string[];
}

export interface Parsed<Skeleton> {
  readonly doc: Doc;
  readonly skeleton: Skeleton;
}

/** `blocks.<block id>` and `segments.<segment id>` of a document's resources (`locales/<lng>/<doc>.json`). */
export interface FormatResources {
  readonly blocks: Readonly<Record<string, string>>;
  readonly segments: Readonly<Record<string, string>>;
}

export interface SourceFormat<Skeleton = unknown> {
  /** The file name extension, without the dot; `<doc>.<extension>` in the source folder. */
  readonly extension: string;
  /**
   * `document`: an article, published as resources and in the documents the
   * config asks for (txt, md, html). `resources`: a file of UI strings,
   * published as itself, in its own format only.
   */
  readonly kind: 'document' | 'resources';
  /**
   * A document is always published in its own format too (`<doc>.md` for
   * Markdown); plain text only where `merge.formats` lists `txt`.
   */
  readonly ownFileAlways?: boolean;
  /** Loads what parsing needs (a parser library), on first use only: the command line starts without it. */
  prepare?(): Promise<void>;
  /** Parses a file; `prepare` has been awaited. */
  parse(text: string, options: ParseOptions): Parsed<Skeleton>;
  /**
   * The document as one target language needs it, where that differs from the
   * source: i18next plural keys are the target's own CLDR categories.
   */
  forLocale?(parsed: Parsed<Skeleton>, lang: Lang): Parsed<Skeleton>;
  /** The localised file: the skeleton with each segment's text in `lang`. */
  write(parsed: Parsed<Skeleton>, lang: Lang, textOf: (segment: Segment) => string): string;
  /**
   * The i18next resources of a document whose text is markup in its format
   * (HTML: each block and sentence as a fragment, the source's inline tags
   * around encoded text, as `write` puts it in the page; Markdown: Markdown,
   * each translation escaped as `write` writes it). Without it, resources
   * hold the text itself (`buildResources`).
   */
  resources?(parsed: Parsed<Skeleton>, lang: Lang, textOf: (segment: Segment) => string): FormatResources;
  /** QA the format knows and the sentence checks cannot (a plural form missing among translated ones). */
  check?(parsed: Parsed<Skeleton>, lang: Lang, targets: ReadonlyMap<SegmentId, Target>): Finding[];
}
