/**
 * Markdown articles (CommonMark with GFM tables, and front matter left as it
 * is), parsed by mdast-util-from-markdown, whose every node, inline ones too,
 * has its source offsets. Paragraphs, headings and table cells are blocks;
 * their sentences are units, and the markup inside them (emphasis, links,
 * code spans, line breaks, a blockquote's `> ` on a continued line) is inline
 * codes. HTML blocks are read as HTML (`html.ts`) and written back as HTML;
 * macros and shortcodes are codes (`markdown-extras.ts`). The localised file
 * is the source with each sentence replaced in place, so everything that is
 * not a translated sentence stays byte for byte: code blocks, tags,
 * reference definitions, tables' pipes, front matter.
 */
import type { Html, Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { blockIdFor, createSegmentIdSource } from '../core/ids.js';
import type { Block, BlockRole, CodeSpan, Doc, Gap, Segment } from '../core/types.js';
import { codesIn } from '../core/codes.js';
import { segmentsOf } from '../core/doc.js';
import { buildResources } from '../merge/render.js';
import { html as htmlFormat, htmlFragment, parseHtml, type HtmlSkeleton } from './html.js';
import { alertSpan, clipSpans, isEsStatement, macroSpans, mergeMacros, shortcodeSpans } from './markdown-extras.js';
import { overlapsSorted } from './spans.js';
import { refuseDeepNesting } from './nesting.js';
import { sentences, type Span } from './sentences.js';
import { applyEdits, type Edit } from './splice.js';
import type { Parsed, SourceFormat } from './types.js';

/** The parsers, loaded by `prepare`. */
let libraries: Awaited<ReturnType<typeof loadLibraries>> | undefined;

async function loadLibraries() {
  const [{ fromMarkdown }, { frontmatterFromMarkdown }, { gfmFromMarkdown }, { frontmatter }, { gfm }, yaml] = await Promise.all([
    import('mdast-util-from-markdown'),
    import('mdast-util-frontmatter'),
    import('mdast-util-gfm'),
    import('micromark-extension-frontmatter'),
    import('micromark-extension-gfm'),
    import('yaml'),
  ]);
  const options = { extensions: [gfm(), frontmatter(['yaml', 'toml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])] };
  return { parse: (text: string): Root => fromMarkdown(text, options), yaml };
}

function loaded() {
  if (!libraries) throw new Error('markdown.prepare() was not awaited before parse()');
  return libraries;
}


/** The source, and the YAML style of each front matter value that is a unit (by its offset), to write a translation back in. */
export interface MarkdownSkeleton {
  readonly text: string;
  readonly yaml: ReadonlyMap<number, YamlStyle>;
  /** The HTML blocks with text (CommonMark §4.6), each parsed as an HTML fragment and written back as HTML. */
  readonly html?: readonly HtmlRegion[];
}

/** An HTML block: where it is, its parse as HTML, and the document's segment for each of its segments (by the fragment's offset). */
interface HtmlRegion {
  readonly start: number;
  readonly end: number;
  readonly parsed: Parsed<HtmlSkeleton>;
  readonly segments: ReadonlyMap<number, Segment>;
}
type YamlStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

export const markdown: SourceFormat<MarkdownSkeleton> = {
  extension: 'md',
  kind: 'document',
  ownFileAlways: true,
  async prepare() {
    libraries ??= await loadLibraries();
    await htmlFormat.prepare!();
  },
  parse(text, options) {
    const tree = loaded().parse(text);
    refuseDeepNesting<Nodes>(tree, (node) => ('children' in node ? node.children : undefined), options.file);
    const body: (Block | Gap)[] = [];
    const nextId = createSegmentIdSource();
    const yaml = new Map<number, YamlStyle>();
    for (const value of frontMatterValues(text, tree, options.frontMatter ?? [])) {
      const source = text.slice(value.start, value.end);
      yaml.set(value.start, value.style);
      const codes = codeSpansIn(source);
      body.push({ kind: 'block', id: blockIdFor(body.length), type: value.key === 'title' ? 'headline' : 'paragraph', parts: [{ kind: 'segment', id: nextId(source), text: source, start: value.start, ...(codes.length > 0 ? { codes } : {}) }], note: `Front matter: ${value.key}`, role: { frontMatter: value.key } });
    }
    const roles = rolesOf(tree);
    const regions: HtmlRegion[] = [];
    const { alerts, statements } = specialParagraphs(text, tree);
    const shortcodes = shortcodeSpans(text, codeRanges(tree));
    for (const container of containers(tree)) {
      if (container.type === 'html') {
        const region = htmlRegion(text, container, options, nextId, body);
        if (region) regions.push(region);
        continue;
      }
      if (statements.has(container as Nodes)) continue;
      const children = container.children as PhrasingContent[];
      let spans: Span[] = [];
      let start: number;
      let end: number;
      if (children.every(positioned)) {
        start = offset(children[0]!, 'start');
        end = offset(children.at(-1)!, 'end');
        const alert = alerts.has(container as Nodes) ? alertSpan(text, start, end) : undefined;
        if (alert) spans.push(alert);
        codesOf(text, children, spans);
        spans = mergeMacros(alert ? spans.filter((span) => span === alert || span.end <= alert.start || span.start >= alert.end) : spans, macrosIn(text, start, end, shortcodes));
      } else if (container.type === 'paragraph') {
        // GFM's literal autolinks come from a transform that leaves its nodes without positions: the paragraph is one text.
        start = offset(container as Nodes, 'start');
        end = offset(container as Nodes, 'end');
      } else continue;
      const parts = sentences(text, start, end, spans, options).map((part) =>
        part.kind === 'gap' ? part : { ...part, id: nextId(part.text) },
      );
      if (!parts.some((part) => part.kind === 'segment')) {
        // A paragraph that is only an image (or images): its alt text is the text a reader gets.
        for (const alt of children.filter((child) => child.type === 'image' && child.alt && child.position).map((image) => altText(text, image))) {
          if (alt) body.push({ kind: 'block', id: blockIdFor(body.length), type: 'caption', parts: [{ kind: 'segment', id: nextId(text.slice(alt.start, alt.end)), text: text.slice(alt.start, alt.end), start: alt.start }], note: 'Image description (alt text)' });
        }
        continue;
      }
      const role = roles.get(container as Nodes);
      body.push({ kind: 'block', id: blockIdFor(body.length), type: container.type === 'heading' && container.depth === 1 ? 'headline' : 'paragraph', parts, ...(role ? { role } : {}) });
    }
    return { doc: { id: options.docId, lang: options.lang, body } satisfies Doc, skeleton: { text, yaml, ...(regions.length > 0 ? { html: regions } : {}) } };
  },
  write(parsed, lang, textOf) {
    const { text, yaml, html: regions = [] } = parsed.skeleton;
    const inHtml = htmlSegmentIds(regions);
    const edits = segmentsOf(parsed.doc).flatMap((part): Edit[] => {
      if (inHtml.has(part.id)) return [];
      const translated = textOf(part);
      // The source's own bytes where nothing changed: the identity round trip is byte for byte.
      if (translated === part.text) return [];
      const style = yaml.get(part.start);
      return [{ start: part.start, end: part.start + part.text.length, text: style ? yamlScalar(translated, style) : escapeTranslation(part, translated, text[part.start - 1] ?? '') }];
    });
    // An HTML block is written as HTML: its text encoded, a translated unquoted attribute quoted.
    for (const region of regions) {
      const written = htmlFormat.write(region.parsed, lang, (sub) => textOf(region.segments.get(sub.start)!));
      if (written !== text.slice(region.start, region.end)) edits.push({ start: region.start, end: region.end, text: written });
    }
    return applyEdits(text, edits);
  },
  resources(parsed, lang, textOf) {
    // Markdown still, as the server renders it, with each translation as the file has it: no link or HTML of its own.
    const { text, html: regions = [] } = parsed.skeleton;
    const inHtml = htmlSegmentIds(regions);
    return buildResources(parsed.doc, lang, (part) => {
      const translated = textOf(part);
      if (inHtml.has(part.id)) return htmlFragment(part, translated);
      return translated === part.text ? translated : escapeTranslation(part, translated, text[part.start - 1] ?? '');
    });
  },
};

/**
 * A translation as Markdown that brings no markup of its own: the source's
 * codes where it has them (`codesIn`), and between them text in which what
 * would start markup is escaped, so it reads the same and links, images and
 * HTML are only the source's (CommonMark 0.31 §2.4, §6.3, §6.6, §6.8).
 * `before` is the source character before the sentence.
 */
function escapeTranslation(segment: Segment, translated: string, before: string): string {
  // A code's text after a backslash is an escaped character the translation writes (`\*`), not the code:
  // the source's codes are markup, and markup is never escaped.
  const codes = codesIn(translated, segment).filter((code) => !escaped(translated, code.start));
  let out = '';
  let cursor = 0;
  let previous = before;
  for (const code of [...codes, undefined]) {
    const end = code ? code.start : translated.length;
    const next = code ? translated.slice(code.start, code.end) : '';
    out += escapeRun(translated.slice(cursor, end), previous, next);
    if (!code) break;
    out += next;
    previous = next;
    cursor = code.end;
  }
  return out;
}

/** Whether `text[at]` follows an odd run of backslashes (CommonMark §2.4). */
function escaped(text: string, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/** ASCII punctuation: what a backslash escapes in CommonMark (§2.1, §2.4). */
const PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/**
 * A run of translated text between codes (`before` and `after` the markup
 * around it). `<` becomes `&lt;`, not `\<`: a source's inline tag that a
 * translation moves to the start of a line opens an HTML block (§4.6), where
 * backslash escapes are not read but a browser still reads `&lt;` as text.
 * `[`, `]` and `|` (a table's cell separator, GFM §4.10) are backslash-escaped;
 * a `!` before a code that opens a link would make the link an image, and
 * `(` or `:` after a code that ends in `]` would make a reference a link or a
 * definition. A backslash escape the translator wrote stays one.
 */
function escapeRun(run: string, before: string, after: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const char = run[i]!;
    if (char === '\\') {
      const next = run[i + 1];
      // A backslash at the end of a run would escape the code after it, or make a line break.
      if (next === undefined) out += '\\\\';
      else if (next === '<') out += '&lt;';
      else if (PUNCTUATION.test(next)) out += char + next;
      else out += char;
      if (next !== undefined && PUNCTUATION.test(next)) i++;
      continue;
    }
    if (char === '<') out += '&lt;';
    else if (char === '[' || char === ']' || char === '|') out += `\\${char}`;
    else if (char === '!' && i === run.length - 1 && after.startsWith('[')) out += '\\!';
    else if (i === 0 && before.endsWith(']') && (char === '(' || char === ':' || char === '[')) out += `\\${char}`;
    else out += char;
  }
  return out;
}

/** The front matter values to translate: string scalars of the listed top-level keys, where the file writes them (inside quotes). */
function frontMatterValues(text: string, tree: Root, keys: readonly string[]): { key: string; start: number; end: number; style: YamlStyle }[] {
  const node = tree.children[0];
  if (node?.type !== 'yaml' || keys.length === 0) return [];
  const base = text.indexOf('\n', offset(node, 'start')) + 1;
  const { parseDocument, isMap, isScalar } = loaded().yaml;
  const document = parseDocument(node.value);
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  return document.contents.items.flatMap((item) => {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const value = item.value;
    if (!keys.includes(key) || !isScalar(value) || typeof value.value !== 'string' || !value.range) return [];
    const style = value.type;
    if (style !== 'PLAIN' && style !== 'QUOTE_DOUBLE' && style !== 'QUOTE_SINGLE') return [];
    const quote = style === 'PLAIN' ? 0 : 1;
    const start = base + value.range[0] + quote;
    const end = base + value.range[1] - quote;
    return end > start ? [{ key, start, end, style }] : [];
  });
}

/** Code spans in a front matter value (MDN titles are Markdown: `` `<details>`: … ``): codes, not text. */
function codeSpansIn(value: string): CodeSpan[] {
  return [...value.matchAll(/`[^`\n]+`/g)].map((match, index) => ({ id: String(index + 1), kind: 'standalone', start: match.index, end: match.index + match[0].length }));
}

/** A translation written back in its scalar's style; a plain scalar that would no longer read as one is double-quoted. */
function yamlScalar(value: string, style: YamlStyle): string {
  if (style === 'QUOTE_DOUBLE') return yamlDoubleQuoted(value);
  if (style === 'QUOTE_SINGLE') return value.replace(/''|'/g, "''");
  return /^[\s\-?:,[\]{}#&*!|>'"%@`]|:\s|\s#|\s$|\n/.test(value) ? JSON.stringify(value) : value;
}

/**
 * A translation of a double-quoted YAML value (the text between the quotes,
 * escapes as the source writes them): its escapes (YAML 1.2.2 §5.7) stay, a
 * backslash that starts none is written `\\`, and a quote `\"`, so the value
 * ends where the file says it does.
 */
function yamlDoubleQuoted(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '"') out += '\\"';
    else if (char !== '\\') out += char;
    else if (startsEscape(value, i + 1)) out += char + value[++i];
    else out += '\\\\';
  }
  return out;
}

/** Whether `value[at]` goes on from a backslash to a YAML escape: a letter of the list, or `x`, `u`, `U` with their hex digits. */
function startsEscape(value: string, at: number): boolean {
  const next = value[at];
  if (next === undefined) return false;
  const digits = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
  if (digits === 0) return '0abt\tnvfre "/\\N_LP'.includes(next);
  const hex = value.slice(at + 1, at + 1 + digits);
  return hex.length === digits && /^[0-9A-Fa-f]+$/.test(hex);
}

/** Where an image's alt text is written: between `![` and its closing bracket, escapes and nested brackets skipped. */
function altText(text: string, image: Nodes): { start: number; end: number } | undefined {
  const start = offset(image, 'start') + 2;
  let depth = 0;
  for (let i = start; i < offset(image, 'end'); i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '[') depth++;
    else if (text[i] === ']' && depth-- === 0) return i > start && text.slice(start, i).trim() ? { start, end: i } : undefined;
  }
  return undefined;
}

type Container = (Parent & { type: 'paragraph' | 'heading' | 'tableCell'; depth?: number }) | Html;

/** Paragraphs, headings and table cells with text, and HTML blocks, in document order. */
function containers(tree: Root): Container[] {
  const found: Container[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') && node.children.length > 0) found.push(node);
    // Inside a paragraph HTML is inline (a code); here, outside one, it is an HTML block.
    else if (node.type === 'html' && node.position) found.push(node);
    else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

/**
 * The place of each heading below the first level and of each list item's
 * paragraph, so a page shows them as the source does (`<h2>`, one `<ul>` or
 * `<ol>` per list). Nested lists are lists of their own; nesting is bounded by
 * `refuseDeepNesting`.
 */
function rolesOf(tree: Root): Map<Nodes, BlockRole> {
  const roles = new Map<Nodes, BlockRole>();
  let lists = 0;
  let items = 0;
  const visit = (node: Nodes, item: Extract<BlockRole, { list: number }> | undefined) => {
    if (node.type === 'heading' && node.depth >= 2) roles.set(node, { heading: node.depth as 2 | 3 | 4 | 5 | 6 });
    if (node.type === 'paragraph' && item) roles.set(node, item);
    if (!('children' in node)) return;
    const list = node.type === 'list' ? { list: lists++, ordered: node.ordered === true } : undefined;
    for (const child of node.children as Nodes[]) {
      // A paragraph is an item's when it is the item's own child, not one inside a quote in it.
      visit(child, list && child.type === 'listItem' ? { ...list, item: items++ } : node.type === 'listItem' ? item : undefined);
    }
  };
  visit(tree, undefined);
  return roles;
}

/**
 * Paragraphs read in a way of their own: the first of a blockquote, which may
 * start with an alert marker, and the top-level ES statements of MDX, which
 * are left out.
 */
function specialParagraphs(text: string, tree: Root): { alerts: Set<Nodes>; statements: Set<Nodes> } {
  const alerts = new Set<Nodes>();
  const statements = new Set<Nodes>();
  for (const child of tree.children) {
    if (child.type === 'paragraph' && child.position && isEsStatement(text.slice(offset(child, 'start'), offset(child, 'end')))) statements.add(child);
  }
  const visit = (node: Nodes) => {
    if (node.type === 'blockquote' && node.children[0]?.type === 'paragraph') alerts.add(node.children[0]);
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return { alerts, statements };
}

/**
 * An HTML block's text as blocks of the document: the block is parsed as an
 * HTML fragment (what a Markdown renderer passes through, CommonMark §4.6),
 * its segments moved to where the block is in the file.
 */
function htmlRegion(text: string, node: Html, options: Parameters<SourceFormat['parse']>[1], nextId: (text: string) => Segment['id'], body: (Block | Gap)[]): HtmlRegion | undefined {
  const start = offset(node, 'start');
  const end = offset(node, 'end');
  const source = text.slice(start, end);
  // A comment, or tags without a letter between them, holds nothing to translate.
  if (!/>[^<]*\p{L}|(?:alt|title|aria-label|placeholder|content)\s*=/u.test(source)) return undefined;
  const prefixes = linePrefixes(source, node.value);
  if (!prefixes) return undefined;
  const parsed = parseHtml(source, options, prefixes);
  const segments = new Map<number, Segment>();
  for (const block of parsed.doc.body) {
    if (block.kind !== 'block') continue;
    const parts = block.parts.map((part) => {
      if (part.kind === 'gap') return part;
      const moved: Segment = { ...part, id: nextId(part.text), start: part.start + start, ...(part.end !== undefined ? { end: part.end + start } : {}) };
      segments.set(part.start, moved);
      return moved;
    });
    body.push({ ...block, id: blockIdFor(body.length), parts });
  }
  return segments.size > 0 ? { start, end, parsed, segments } : undefined;
}

/** The macros of a block: its own `{{…}}`, and the parts of the page's Hugo shortcodes in it. */
function macrosIn(text: string, start: number, end: number, shortcodes: readonly Span[]): Span[] {
  const clipped = clipSpans(shortcodes, start, end);
  const own = macroSpans(text, start, end).filter((macro) => !overlapsSorted(clipped, macro));
  return [...clipped, ...own].sort((a, b) => a.start - b.start);
}

/** Where code is (blocks and spans), in order: a `{{<` in it is not a shortcode. */
function codeRanges(tree: Root): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) ranges.push({ start: offset(node, 'start'), end: offset(node, 'end') });
    else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return ranges;
}

/**
 * The line prefixes of an HTML block in a quote or a list (`> `, indentation),
 * which the parser took off its value: each with the newline before it, a
 * code that parts sentences. Undefined where the lines do not match.
 */
function linePrefixes(source: string, value: string): Span[] | undefined {
  if (source === value) return [];
  const sourceLines = source.split('\n');
  const valueLines = value.split('\n');
  if (sourceLines.length !== valueLines.length) return undefined;
  const spans: Span[] = [];
  let at = sourceLines[0]!.length + 1;
  for (let i = 1; i < sourceLines.length; i++) {
    const line = sourceLines[i]!;
    const prefix = line.length - valueLines[i]!.length;
    if (prefix < 0 || !line.endsWith(valueLines[i]!)) return undefined;
    if (prefix > 0) spans.push({ kind: 'standalone', start: at - 1, end: at + prefix, space: true });
    at += line.length + 1;
  }
  return spans;
}

function htmlSegmentIds(regions: readonly HtmlRegion[]): Set<string> {
  return new Set(regions.flatMap((region) => [...region.segments.values()].map((segment) => segment.id)));
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
    // The prefix of a continued line takes the newline before it, unless a code already holds that newline
    // (a hard break ends with it): two codes would each write it (#26).
    const newline = text[cursor - 1] === '\n' && (spans.at(-1)?.end ?? 0) < cursor;
    if (start > cursor) spans.push({ kind: 'standalone', start: newline ? cursor - 1 : cursor, end: start, ...(newline ? { space: true as const } : {}) });
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
    // A prefix after the node's last newline is the gap before the next node, which `codesOf` makes a code
    // itself: two codes would each write the newline (#26, a `> [!NOTE]` alert lost its body).
    if (match[1]!.length > 0 && match.index + 1 < end) spans.push({ kind: 'standalone', start: match.index, end: Math.min(end, match.index + match[0].length), space: true });
  }
}
