/**
 * What "comes out right" means for a real Markdown or HTML file (#26), as a
 * reader of the localised file would notice it:
 * - identity: with each translation equal to its source, the file is given back byte for byte;
 * - sent: every unit has words to translate, and none holds markup, macros or code as text;
 * - translated: after the offline pseudo translation (what `run` does for en-XA), no word a
 *   reader sees is left in German;
 * - markup: the pseudo-translated file has the source's markup, element for element.
 */
import type { Html as MdHtml, Nodes as MdNodes, Root as MdRoot } from 'mdast';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Lang } from '../../src/core/lang.js';
import type { DocId, Segment } from '../../src/core/types.js';
import type { SourceFormat } from '../../src/formats/types.js';
import { pseudoLocalize } from '../../src/mt/offline.js';
import { protectCodes } from '../../src/mt/protect.js';
import { rulesFor } from '../../src/segment/index.js';
import { segmentsIn } from '../helpers/segments.js';

type HtmlNode = DefaultTreeAdapterMap['node'];
type HtmlElement = DefaultTreeAdapterMap['element'];

const de = 'de' as Lang;

export interface Verdict {
  readonly identity: boolean;
  /** Units whose text (codes taken out) is markup, a macro, code, or has no word. */
  readonly notText: string[];
  /** Words a reader sees in German after the pseudo translation. */
  readonly german: string[];
  /** Where the markup of the pseudo-translated file first differs from the source's, if it does. */
  readonly markup?: string;
  readonly units: number;
}

export function isRight(verdict: Verdict): boolean {
  return verdict.identity && verdict.notText.length === 0 && verdict.german.length === 0 && verdict.markup === undefined;
}

/** The offline engine's pseudo translation of a segment, codes kept as the pipeline keeps them. */
export function pseudo(segment: Segment): string {
  const protectedText = protectCodes(segment.text, segment.codes ?? []);
  return protectedText.restore(pseudoLocalize(protectedText.markup));
}

export async function judge(format: SourceFormat, text: string, name: string): Promise<Verdict> {
  await format.prepare?.();
  const parsed = format.parse(text, { docId: 'doc' as DocId, lang: de, rules: rulesFor(de), file: name, frontMatter: ['title', 'description'] });
  const identity = format.write(parsed, de, (segment) => segment.text) === text;
  const segments = segmentsIn(parsed.doc);
  // HTML text is held decoded: a `<` in it is a character a reader sees.
  const markup = format.extension === 'md' ? /\{\{|\{%|<\/?[A-Za-z]|^\s*(?:import|export)\s/ : /\{\{|\{%/;
  const notText = segments.map(wordsOf).filter((words) => !/[\p{L}\p{N}]/u.test(words) || markup.test(words));
  const out = format.write(parsed, 'en-XA' as Lang, pseudo);
  const markdown = format.extension === 'md';
  const parse5 = await import('parse5');
  let sourceSkeleton: string[];
  let outSkeleton: string[];
  let visible: string;
  if (markdown) {
    const md = await markdownParser();
    sourceSkeleton = mdSkeleton(md(text), text, parse5);
    const tree = md(out);
    outSkeleton = mdSkeleton(tree, out, parse5);
    visible = mdVisible(tree, out, parse5);
  } else {
    sourceSkeleton = htmlSkeleton(parse5.parse(text));
    const tree = parse5.parse(out);
    outSkeleton = htmlSkeleton(tree);
    visible = htmlVisible(tree);
  }
  const differs = sourceSkeleton.findIndex((item, i) => item !== outSkeleton[i]);
  if (process.env.SKELETON && differs !== -1) console.log(JSON.stringify(sourceSkeleton.slice(differs - 6, differs + 3)), '\n', JSON.stringify(outSkeleton.slice(differs - 6, differs + 3)));
  const changed = differs !== -1 || sourceSkeleton.length !== outSkeleton.length ? `at ${differs}: ${sourceSkeleton[differs] ?? '(end)'} became ${outSkeleton[differs] ?? '(end)'}` : undefined;
  return { identity, notText, german: germanWords(visible), ...(changed ? { markup: changed } : {}), units: segments.length };
}

/** A segment's text without its codes. */
function wordsOf(segment: Segment): string {
  let out = '';
  let cursor = 0;
  for (const code of segment.codes ?? []) {
    out += `${segment.text.slice(cursor, code.start)} `;
    cursor = code.end;
  }
  return out + segment.text.slice(cursor);
}

/**
 * Lower-case words the pseudo translation would have accented: what is left
 * of them is German a reader sees. URLs, macros, file names and e-mail
 * addresses are not words.
 */
function germanWords(visible: string): string[] {
  const cleaned = visible.replace(/https?:\/\/\S+|\{\{[^}]*\}\}|\{%[^%]*%\}|\S+@\S+|\S*[./_]\S+/g, ' ');
  return [...new Set(cleaned.match(/(?<![\p{L}\p{N}])[a-zäöüß]{3,}(?![\p{L}\p{N}])/gu) ?? [])].filter((word) => !PADDING.has(word));
}

/** The words the pseudo translation pads a text with. */
const PADDING = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

async function markdownParser(): Promise<(text: string) => MdRoot> {
  const [{ fromMarkdown }, { frontmatterFromMarkdown }, { gfmFromMarkdown }, { frontmatter }, { gfm }] = await Promise.all([
    import('mdast-util-from-markdown'),
    import('mdast-util-frontmatter'),
    import('mdast-util-gfm'),
    import('micromark-extension-frontmatter'),
    import('micromark-extension-gfm'),
  ]);
  return (text) => fromMarkdown(text, { extensions: [gfm(), frontmatter(['yaml', 'toml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])] });
}

/** Markup's shape: node types and depth, URLs, code, and the tags of HTML; no text. */
function mdSkeleton(tree: MdRoot, text: string, parse5: typeof import('parse5')): string[] {
  const out: string[] = [];
  const visit = (node: MdNodes, depth: number) => {
    if (node.type === 'text') return;
    let item = `${depth}:${node.type}`;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') item += ` ${node.url}`;
    if (node.type === 'code' || node.type === 'inlineCode') item += ` ${node.value}`;
    if (node.type === 'heading') item += ` ${node.depth}`;
    if (node.type === 'list') item += ` ${node.ordered}`;
    out.push(item);
    if (node.type === 'html') out.push(...htmlSkeleton(parse5.parseFragment(htmlOf(node, text))).map((tag) => `${depth} ${tag}`));
    if ('children' in node) for (const child of node.children as MdNodes[]) visit(child, depth + 1);
  };
  visit(tree, 0);
  return out;
}

function htmlOf(node: MdHtml, _text: string): string {
  return node.value;
}

const HIDDEN = new Set(['script', 'style', 'pre', 'code', 'kbd', 'samp', 'textarea', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'xmp']);
const TEXT_ATTRIBUTES = new Set(['alt', 'title', 'placeholder', 'aria-label']);
const TEXT_META = /^(?:description|keywords|og:title|og:description|og:image:alt|twitter:title|twitter:description|twitter:image:alt)$/i;

function textMeta(element: HtmlElement): boolean {
  return element.tagName === 'meta' && element.attrs.some((attr) => (attr.name === 'name' || attr.name === 'property') && TEXT_META.test(attr.value.trim()));
}

/** Elements with their attributes (a text attribute by name only), comments; no text. */
function htmlSkeleton(tree: HtmlNode): string[] {
  const out: string[] = [];
  const visit = (node: HtmlNode) => {
    if (node.nodeName === '#comment') out.push(`<!--${(node as DefaultTreeAdapterMap['commentNode']).data}-->`);
    if ('tagName' in node) {
      const meta = textMeta(node);
      // `lang` and `dir` are the target language's in a localised page.
      const attrs = node.attrs.filter((attr) => attr.name !== 'lang' && attr.name !== 'dir').map((attr) => (TEXT_ATTRIBUTES.has(attr.name) || (meta && attr.name === 'content') ? attr.name : `${attr.name}=${attr.value}`));
      out.push(`<${node.tagName} ${attrs.join(' ')}>`);
      if (node.tagName === 'template') return;
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(tree);
  return out;
}

/** The text a reader sees: text outside code and scripts, and the attributes a reader or a preview shows. */
function htmlVisible(tree: HtmlNode): string {
  const out: string[] = [];
  const visit = (node: HtmlNode) => {
    if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
    if (!('tagName' in node) && !('childNodes' in node)) return;
    if ('tagName' in node) {
      if (node.attrs.some((attr) => (attr.name === 'translate' || attr.name === 'its:translate') && attr.value === 'no')) return;
      const meta = textMeta(node);
      for (const attr of node.attrs) if (TEXT_ATTRIBUTES.has(attr.name) || (meta && attr.name === 'content')) out.push(attr.value);
      if (HIDDEN.has(node.tagName)) return;
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(tree);
  return out.join('\n');
}

function mdVisible(tree: MdRoot, _text: string, parse5: typeof import('parse5')): string {
  const out: string[] = [];
  const visit = (node: MdNodes) => {
    if (node.type === 'text') out.push(node.value);
    if (node.type === 'image' && node.alt) out.push(node.alt);
    if (node.type === 'html') out.push(htmlVisible(parse5.parseFragment(node.value)));
    if ('children' in node) for (const child of node.children as MdNodes[]) visit(child);
  };
  visit(tree);
  return out.join('\n');
}
