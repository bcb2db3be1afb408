/**
 * Markdown articles (CommonMark with GFM tables, and front matter left as it
 * is), parsed by mdast-util-from-markdown, whose every node, inline ones too,
 * has its source offsets. Paragraphs, headings and table cells are blocks;
 * their sentences are units, and the markup inside them (emphasis, links,
 * code spans, line breaks, a blockquote's `> ` on a continued line) is inline
 * codes. The localised file is the source with each sentence replaced in
 * place, so everything that is not a translated sentence stays byte for byte:
 * code blocks, HTML, reference definitions, tables' pipes, front matter.
 */
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { blockIdFor, createSegmentIdSource } from '../core/ids.js';
import type { Block, CodeSpan, Doc, Gap, Segment } from '../core/types.js';
import { segmentText } from '../segment/index.js';
import type { ParseOptions, SourceFormat } from './types.js';

const extensions = [gfm(), frontmatter(['yaml', 'toml'])];
const mdastExtensions = [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])];

/** Stands for a code while a block is split into sentences: not a space, a letter or a punctuation mark. */
const MASK = '\uE000';

/** `space`: a line prefix (`\n> `), which parts sentences as a line break does. */
type Span = { kind: CodeSpan['kind']; start: number; end: number; pair?: number; space?: true };

export const markdown: SourceFormat<string> = {
  extension: 'md',
  kind: 'document',
  ownFileAlways: true,
  parse(text, options) {
    const tree = fromMarkdown(text, { extensions, mdastExtensions });
    const body: (Block | Gap)[] = [];
    const nextId = createSegmentIdSource();
    for (const container of containers(tree)) {
      const children = container.children as PhrasingContent[];
      const spans: Span[] = [];
      let start: number;
      let end: number;
      if (children.every(positioned)) {
        start = offset(children[0]!, 'start');
        end = offset(children.at(-1)!, 'end');
        codesOf(text, children, spans);
      } else if (container.type === 'paragraph') {
        // GFM's literal autolinks come from a transform that leaves its nodes without positions: the paragraph is one text.
        start = offset(container as Nodes, 'start');
        end = offset(container as Nodes, 'end');
      } else continue;
      const parts = sentences(text, start, end, spans, options).map((part) =>
        part.kind === 'gap' ? part : { ...part, id: nextId(part.text) },
      );
      if (!parts.some((part) => part.kind === 'segment')) continue;
      body.push({ kind: 'block', id: blockIdFor(body.length), type: container.type === 'heading' && container.depth === 1 ? 'headline' : 'paragraph', parts });
    }
    return { doc: { id: options.docId, lang: options.lang, body } satisfies Doc, skeleton: text };
  },
  write(parsed, _lang, textOf) {
    const text = parsed.skeleton;
    let out = '';
    let cursor = 0;
    for (const block of parsed.doc.body) {
      if (block.kind !== 'block') continue;
      for (const part of block.parts) {
        if (part.kind !== 'segment') continue;
        out += text.slice(cursor, part.start) + textOf(part);
        cursor = part.start + part.text.length;
      }
    }
    return out + text.slice(cursor);
  },
};

/** Paragraphs, headings and table cells with text, in document order. */
function containers(tree: Root): (Parent & { type: 'paragraph' | 'heading' | 'tableCell'; depth?: number })[] {
  const found: (Parent & { type: 'paragraph' | 'heading' | 'tableCell' })[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') && node.children.length > 0) found.push(node);
    else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

function positioned(node: Nodes): boolean {
  return node.position !== undefined && (!('children' in node) || node.children.every((child) => positioned(child as Nodes)));
}

function offset(node: Nodes, side: 'start' | 'end'): number {
  return node.position![side].offset!;
}

/**
 * The markup among `children` as code spans: what wraps text (emphasis, a
 * link's `[` and `](url)`) as pairs, what does not (code spans, images, HTML,
 * breaks, autolinks, references whose label is their text) as one code, and
 * the line prefix of a continued line (`\n> `) as one code with its newline.
 */
function codesOf(text: string, children: readonly PhrasingContent[], spans: Span[]): void {
  let cursor = children.length > 0 ? offset(children[0]!, 'start') : 0;
  for (const child of children) {
    const start = offset(child, 'start');
    const end = offset(child, 'end');
    if (start > cursor) spans.push({ kind: 'standalone', start: text[cursor - 1] === '\n' ? cursor - 1 : cursor, end: start, ...(text[cursor - 1] === '\n' ? { space: true as const } : {}) });
    cursor = end;
    if (child.type === 'text') {
      prefixes(text, start, end, spans);
      continue;
    }
    const wraps =
      (child.type === 'emphasis' || child.type === 'strong' || child.type === 'delete' || child.type === 'link' || (child.type === 'linkReference' && child.referenceType === 'full')) &&
      child.children.length > 0 &&
      // An autolink (<https://…>, or a bare URL in GFM) is its own text: one code.
      !(child.type === 'link' && text[start] !== '[');
    if (!wraps) {
      spans.push({ kind: 'standalone', start, end });
      continue;
    }
    const inner = (child as Parent).children as PhrasingContent[];
    const open = spans.push({ kind: 'open', start, end: offset(inner[0]!, 'start') }) - 1;
    codesOf(text, inner, spans);
    spans.push({ kind: 'close', start: offset(inner.at(-1)!, 'end'), end, pair: open });
  }
}

/** Continued lines inside a text node: the newline and the prefix the parser took off (`> `, indentation). */
function prefixes(text: string, start: number, end: number, spans: Span[]): void {
  // A `>` after a newline inside a paragraph is a blockquote marker: a line starting with one would begin a quote.
  const line = /\n([ \t>]*)/g;
  line.lastIndex = start;
  for (let match = line.exec(text); match && match.index < end; match = line.exec(text)) {
    if (match[1]!.length > 0) spans.push({ kind: 'standalone', start: match.index, end: Math.min(end, match.index + match[0].length), space: true });
  }
}

/**
 * The sentences of the block `text[start, end)`, split by the language's
 * rules with its codes masked, and joined again where a split would cut a
 * code or part a pair.
 */
function sentences(text: string, start: number, end: number, spans: readonly Span[], options: ParseOptions): (Segment | Gap)[] {
  // A soft line break is a space to the rules (a paragraph's lines are one text); a code is neither space nor letter.
  const masked = text.slice(start, end).replace(/\n/g, ' ').split('');
  for (const span of spans) for (let i = span.start; i < span.end; i++) masked[i - start] = span.space ? ' ' : MASK;
  const split = segmentText(masked.join(''), { docId: options.docId, lang: options.lang, rules: options.rules });
  let ranges = split.body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part) => part.kind === 'segment') : [])).map((s) => [start + s.start, start + s.start + s.text.length] as [number, number]);
  // A sentence holds every code it touches whole, and both codes of a pair: otherwise it is joined with the next.
  const cuts = (from: number, to: number) =>
    spans.some((span) => (!span.space && span.start < to && span.end > from) || (span.kind === 'close' && spans[span.pair!]!.start < from && span.start >= to));
  const joined: [number, number][] = [];
  for (const range of ranges) {
    const last = joined.at(-1);
    if (last && cuts(last[1], range[0])) last[1] = range[1];
    else joined.push([...range]);
  }
  ranges = joined;
  const parts: (Segment | Gap)[] = [];
  let cursor = start;
  for (const [from, to] of ranges) {
    if (from > cursor) parts.push({ kind: 'gap', text: text.slice(cursor, from) });
    const codes = renumber(spans.filter((span) => span.start >= from && span.end <= to), spans, from);
    const sentence = text.slice(from, to);
    // Codes and nothing else to translate (an image, a link around one) stay as they are.
    let words = sentence;
    for (const code of [...codes].reverse()) words = words.slice(0, code.start) + words.slice(code.end);
    if (words.trim()) parts.push({ kind: 'segment', id: '' as Segment['id'], text: sentence, start: from, ...(codes.length > 0 ? { codes } : {}) });
    else parts.push({ kind: 'gap', text: sentence });
    cursor = to;
  }
  if (end > cursor) parts.push({ kind: 'gap', text: text.slice(cursor, end) });
  return parts;
}

/** A sentence's codes relative to it, numbered from 1, a pair sharing its number. */
function renumber(inside: readonly Span[], all: readonly Span[], from: number): CodeSpan[] {
  const ids = new Map<Span, string>();
  let next = 0;
  return inside.map((span) => {
    const id = span.kind === 'close' ? ids.get(all[span.pair!]!)! : String(++next);
    ids.set(span, id);
    return { id, kind: span.kind, start: span.start - from, end: span.end - from };
  });
}
