/**
 * The localised documents merge can write besides the i18next resources, one
 * renderer each. Adding an output format is a renderer and a line here; the
 * config accepts the names listed.
 */
import type { Lang } from '../core/lang.js';
import type { Doc, Segment } from '../core/types.js';
import { renderDoc, renderHtml, renderMarkdown } from './render.js';

export type Renderer = (doc: Doc, lang: Lang, textOf: (segment: Segment) => string) => string;

export const DOCUMENT_FORMATS = ['txt', 'md', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const RENDERERS: Readonly<Record<DocumentFormat, Renderer>> = { txt: renderDoc, md: renderMarkdown, html: renderHtml };

/** The i18next resources of a document. */
export const RESOURCES_FORMAT = 'json';

/** Every file a pair may publish, by extension. */
export const PUBLISHED_FORMATS: readonly string[] = [RESOURCES_FORMAT, ...DOCUMENT_FORMATS];
