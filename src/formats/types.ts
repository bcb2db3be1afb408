/**
 * A source format: how a file of one kind becomes a segmented document, and
 * how the localised file is written back in the same format. Okapi calls the
 * part that is not text the skeleton; here the skeleton is whatever the format
 * needs to rebuild the file around the translated sentences.
 */
import type { Lang } from '../core/lang.js';
import type { Doc, DocId, Segment } from '../core/types.js';
import type { LanguageRules } from '../segment/index.js';

export interface ParseOptions {
  readonly docId: DocId;
  readonly lang: Lang;
  readonly rules: LanguageRules;
}

export interface Parsed<Skeleton> {
  readonly doc: Doc;
  readonly skeleton: Skeleton;
}

export interface SourceFormat<Skeleton = unknown> {
  /** The file name extension, without the dot; `<doc>.<extension>` in the source folder. */
  readonly extension: string;
  parse(text: string, options: ParseOptions): Parsed<Skeleton>;
  /** The localised file: the skeleton with each segment's text in `lang`. */
  write(parsed: Parsed<Skeleton>, lang: Lang, textOf: (segment: Segment) => string): string;
}
