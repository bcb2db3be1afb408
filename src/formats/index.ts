/**
 * The source formats the pipeline reads. Adding one is a file beside
 * `plain-text.ts` and a line here.
 */
import { html } from './html.js';
import { i18next } from './i18next.js';
import { markdown } from './markdown.js';
import { plainText } from './plain-text.js';
import type { SourceFormat } from './types.js';

export type { ParseOptions, Parsed, SourceFormat } from './types.js';

export const SOURCE_FORMATS: readonly SourceFormat[] = [plainText, markdown as SourceFormat, html as SourceFormat, i18next as SourceFormat];

/** The format of a source file name, or undefined when no format reads it. */
export function formatOfFile(name: string): SourceFormat | undefined {
  return SOURCE_FORMATS.find((format) => name.endsWith(`.${format.extension}`));
}
