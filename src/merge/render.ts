import { blocksOf, segmentsOf, segmentsOfBlock } from '../core/doc.js';
import { baseLanguage, type Lang } from '../core/lang.js';
import { renderArticleHtml } from '../html/article.js';
import { isApproved, isMachineOrigin } from '../core/state.js';
import { isBlocking, type BlockKind, type BlockRole, type Doc, type Finding, type Segment, type SegmentId, type Target } from '../core/types.js';

/** Languages written without spaces between sentences. */
const NO_SPACE_BETWEEN_SENTENCES = new Set(['ja', 'zh', 'th', 'lo', 'km', 'my']);

/**
 * Reassembles a document from its translated sentences and the original
 * whitespace and block structure. `textOf` gives each segment's text in the
 * output language (the source text for the source language).
 */
export function renderDoc(doc: Doc, lang: Lang, textOf: (segment: Segment) => string): string {
  const noSpace = NO_SPACE_BETWEEN_SENTENCES.has(baseLanguage(lang));
  return doc.body
    .map((item) => {
      if (item.kind === 'gap') return item.text;
      return item.parts
        .map((part) => {
          if (part.kind === 'segment') return textOf(part);
          return noSpace && !part.text.includes('\n') ? '' : part.text;
        })
        .join('');
    })
    .join('');
}

/**
 * i18next resources for one document (namespace = document id): `blocks.<pN>`
 * for whole paragraphs and `segments.<segment id>` for sentences. Text is stored
 * literally; the server turns interpolation and nesting off for it. A format
 * whose text is markup builds its own (`SourceFormat.resources`): HTML blocks
 * are fragments (the source's inline tags, the text entity-encoded), Markdown
 * blocks Markdown with each translation escaped as the file has it.
 */
export interface DocResources {
  readonly blocks: Readonly<Record<string, string>>;
  readonly segments: Readonly<Record<string, string>>;
}

export function buildResources(doc: Doc, lang: Lang, textOf: (segment: Segment) => string): DocResources {
  const blocks: Record<string, string> = {};
  const segments: Record<string, string> = {};
  for (const block of blocksOf(doc)) {
    blocks[block.id] = renderDoc({ ...doc, body: [block] }, lang, textOf);
    for (const segment of segmentsOfBlock(block)) segments[segment.id] = textOf(segment);
  }
  return { blocks, segments };
}

export type Publication =
  | { readonly published: true }
  | { readonly published: false; readonly reason: string };

/** How reviewed every sentence must be for a document to be published (config `publish`). */
export type PublishLevel = 'machine' | 'needs-review' | 'reviewed';

/**
 * A locale is published for a document only when every sentence is translated
 * at the level the config asks for and QA found no error.
 */
export function decidePublication(
  doc: Doc,
  targets: ReadonlyMap<SegmentId, Target>,
  findings: readonly Finding[],
  level: PublishLevel = 'machine',
): Publication {
  const segments = segmentsOf(doc);
  const untranslated = segments.filter((segment) => !targets.has(segment.id)).length;
  const below = segments.filter((segment) => {
    const target = targets.get(segment.id);
    if (!target || level === 'machine') return false;
    return level === 'reviewed' ? !isApproved(target.state) : isMachineOrigin(target.origin) && !isApproved(target.state);
  }).length;
  const errors = findings.filter(isBlocking).length;
  const reasons = [];
  if (untranslated > 0) reasons.push(`${untranslated} of ${segments.length} segments untranslated`);
  if (below > 0) reasons.push(`${below} of ${segments.length} segments ${level === 'reviewed' ? 'not reviewed' : 'unreviewed machine output'} (publish: ${level})`);
  if (errors > 0) reasons.push(`${errors} QA error(s)`);
  return reasons.length === 0 ? { published: true } : { published: false, reason: reasons.join(', ') };
}

/** The structure apps need to render an article: blocks in order with their kind, and their role where the source has one. */
export function blockOutline(doc: Doc): { id: string; kind: BlockKind; role?: BlockRole }[] {
  return blocksOf(doc).map((block) => ({ id: block.id, kind: block.type, ...(block.role ? { role: block.role } : {}) }));
}

/**
 * The document as Markdown: headline as a heading, caption in italics,
 * paragraphs as they are. The text is text: every character that could start
 * markup (emphasis, links, images, HTML, entities, table cells) is
 * backslash-escaped (CommonMark 0.31 §2.4), so it reads as written.
 */
export function renderMarkdown(doc: Doc, lang: Lang, textOf: (segment: Segment) => string): string {
  const escape = (text: string) => text.replace(/([\\`*_[\]#<>&|!~])/g, '\\$1');
  return `${doc.body
    .flatMap((item) => {
      if (item.kind !== 'block') return [];
      const text = escape(renderDoc({ ...doc, body: [item] }, lang, textOf));
      if (item.type === 'headline') return [`# ${text}`];
      if (item.type === 'caption') return [`*${text}*`];
      return [text];
    })
    .join('\n\n')}\n`;
}

/** The document as an HTML page in its language, for a CMS or a static site. */
export function renderHtml(doc: Doc, lang: Lang, textOf: (segment: Segment) => string): string {
  const blocks = blocksOf(doc).map((block) => ({ id: block.id, kind: block.type, text: renderDoc({ ...doc, body: [block] }, lang, textOf) }));
  return renderArticleHtml({ id: doc.id, lang, blocks });
}
