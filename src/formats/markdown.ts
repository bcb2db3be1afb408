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
import { blockIdFor, createSegmentIdSource } from '../core/ids.js';
import type { Block, BlockRole, Doc, Gap, Segment } from '../core/types.js';
import { codesIn } from '../core/codes.js';
import { segmentsOf } from '../core/doc.js';
import { buildResources } from '../merge/render.js';
import { refuseDeepNesting } from './nesting.js';
import { sentences, type Span } from './sentences.js';
import { applyEdits, type Edit } from './splice.js';
import type { SourceFormat } from './types.js';

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
}
type YamlStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

export const markdown: SourceFormat<MarkdownSkeleton> = {
  extension: 'md',
  kind: 'document',
  ownFileAlways: true,
  async prepare() {
    libraries ??= await loadLibraries();
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
      body.push({ kind: 'block', id: blockIdFor(body.length), type: value.key === 'title' ? 'headline' : 'paragraph', parts: [{ kind: 'segment', id: nextId(source), text: source, start: value.start }], note: `Front matter: ${value.key}`, role: { frontMatter: value.key } });
    }
    const roles = rolesOf(tree);
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
    return { doc: { id: options.docId, lang: options.lang, body } satisfies Doc, skeleton: { text, yaml } };
  },
  write(parsed, _lang, textOf) {
    const { text, yaml } = parsed.skeleton;
    const edits = segmentsOf(parsed.doc).flatMap((part): Edit[] => {
      const translated = textOf(part);
      // The source's own bytes where nothing changed: the identity round trip is byte for byte.
      if (translated === part.text) return [];
      const style = yaml.get(part.start);
      return [{ start: part.start, end: part.start + part.text.length, text: style ? yamlScalar(translated, style) : escapeTranslation(part, translated, text[part.start - 1] ?? '') }];
    });
    return applyEdits(text, edits);
  },
  resources(parsed, lang, textOf) {
    // Markdown still, as the server renders it, with each translation as the file has it: no link or HTML of its own.
    const { text } = parsed.skeleton;
    return buildResources(parsed.doc, lang, (part) => {
      const translated = textOf(part);
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
  const codes = codesIn(translated, segment);
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
