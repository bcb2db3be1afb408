/**
 * HTML articles and pages, whole documents or fragments, parsed by parse5 (the
 * WHATWG parsing algorithm) with source offsets. Block elements hold blocks of
 * sentences; inline elements are codes (Okapi's HTML filter makes the same
 * split); `code`, `kbd`, `samp`, images, line breaks and anything marked
 * `translate="no"` (HTML, and ITS 2.0 `its:translate`) are codes whose content
 * is never translated; `script`, `style`, `pre` and the like are left out.
 * `alt`, `title`, `placeholder` and `aria-label` attributes and the meta
 * description are units of their own. The localised page is the source with
 * each sentence replaced in place, and `lang` and `dir` set on `<html>`.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { blockIdFor, createSegmentIdSource } from '../core/ids.js';
import { textDirection } from '../core/lang.js';
import type { Block, BlockKind, Doc, Gap } from '../core/types.js';
import { segmentsOf } from '../core/doc.js';
import { refuseDeepNesting } from './nesting.js';
import { sentences, type Span } from './sentences.js';
import { applyEdits, type Edit } from './splice.js';
import type { SourceFormat } from './types.js';

/** The parser, loaded by `prepare`: the command line starts without it. */
let parse5: typeof import('parse5') | undefined;

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Left out with everything inside: not text for a reader. */
const SKIPPED = new Set(['script', 'style', 'pre', 'textarea', 'template', 'noscript', 'svg', 'math', 'iframe', 'object']);
/** Inline elements (Okapi's INLINE list): codes inside a sentence. */
const INLINE = new Set(
  'a abbr acronym b bdi bdo big br button cite code data del dfn em font i img input ins kbd label mark q s samp small span strike strong sub sup time tt u var wbr'.split(' '),
);
/** Inline elements whose content is not translated: one code, content and all. */
const OPAQUE = new Set(['br', 'img', 'input', 'wbr', 'code', 'kbd', 'samp', 'button']);
const TRANSLATABLE_ATTRIBUTES = ['alt', 'title', 'placeholder', 'aria-label'];

export interface HtmlSkeleton {
  readonly text: string;
  /** The `<html>` start tag and its `lang`/`dir` attributes, where the source has one. */
  readonly root?: { readonly tagEnd: number; readonly lang?: AttributeValue; readonly dir?: AttributeValue; readonly nameEnd: number };
}

interface AttributeValue {
  readonly start: number;
  readonly end: number;
}

export const html: SourceFormat<HtmlSkeleton> = {
  extension: 'html',
  kind: 'document',
  ownFileAlways: true,
  async prepare() {
    parse5 ??= await import('parse5');
  },
  parse(text, options) {
    if (!parse5) throw new Error('html.prepare() was not awaited before parse()');
    const { parse, parseFragment } = parse5;
    const whole = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype|<html)/i.test(text);
    const tree = whole ? parse(text, { sourceCodeLocationInfo: true }) : parseFragment(text, { sourceCodeLocationInfo: true });
    refuseDeepNesting<Node>(tree, (node) => ('childNodes' in node ? node.childNodes : undefined), options.file);
    const body: (Block | Gap)[] = [];
    const nextId = createSegmentIdSource();
    const add = (type: BlockKind, start: number, end: number, spans: Span[]) => {
      const parts = sentences(text, start, end, spans, options).map((part) => (part.kind === 'gap' ? part : { ...part, id: nextId(part.text) }));
      if (parts.some((part) => part.kind === 'segment')) body.push({ kind: 'block', id: blockIdFor(body.length), type, parts });
    };
    let root: HtmlSkeleton['root'];
    const visit = (node: Node, type: BlockKind) => {
      if (!('childNodes' in node)) return;
      const element = 'tagName' in node ? node : undefined;
      if (element) {
        if (element.tagName === 'html' && element.sourceCodeLocation?.startTag) {
          const tag = element.sourceCodeLocation.startTag;
          root = { tagEnd: tag.endOffset, nameEnd: tag.startOffset + '<html'.length, ...langAndDir(text, element) };
        }
        attributes.push(...attributeUnits(text, element));
        if (SKIPPED.has(element.tagName) || notTranslated(element)) return;
      }
      const own: BlockKind = element?.tagName === 'h1' ? 'headline' : element?.tagName === 'figcaption' || element?.tagName === 'caption' ? 'caption' : type === 'headline' ? 'paragraph' : type;
      let run: Node[] = [];
      const flush = () => {
        // A run is what stands together in the source: the parser moves text after `</body>` into the body.
        const pieces: Node[][] = [];
        for (const child of run.filter((node) => node.sourceCodeLocation && !spansTags(text, node))) {
          const last = pieces.at(-1)?.at(-1);
          if (last && last.sourceCodeLocation!.endOffset === child.sourceCodeLocation!.startOffset) pieces.at(-1)!.push(child);
          else pieces.push([child]);
        }
        for (const piece of pieces) {
          const spans: Span[] = [];
          codesOf(piece, spans);
          add(own, piece[0]!.sourceCodeLocation!.startOffset, piece.at(-1)!.sourceCodeLocation!.endOffset, spans);
        }
        run = [];
      };
      for (const child of node.childNodes) {
        if (child.nodeName === '#text' || child.nodeName === '#comment' || isInline(child)) run.push(child);
        else {
          flush();
          visit(child, own);
        }
      }
      flush();
      for (const child of node.childNodes) if ('tagName' in child && isInline(child)) inlineAttributes(text, child, attributes);
    };
    const attributes: AttributeValue[] = [];
    visit(tree, 'paragraph');
    // An attribute inside a sentence's code (a link's title, an image's alt in a paragraph) goes with the code.
    const inText = body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part) => part.kind === 'segment') : []));
    for (const value of attributes) {
      if (!inText.some((segment) => value.start < segment.start + segment.text.length && value.end > segment.start)) add('caption', value.start, value.end, []);
    }
    return { doc: { id: options.docId, lang: options.lang, body } satisfies Doc, skeleton: { text, ...(root ? { root } : {}) } };
  },
  write(parsed, lang, textOf) {
    const { text, root } = parsed.skeleton;
    const edits: Edit[] = segmentsOf(parsed.doc).map((part) => ({ start: part.start, end: part.start + part.text.length, text: textOf(part) }));
    // The page says what language it is in now, and which way it runs.
    if (root && lang !== parsed.doc.lang) {
      const set = (name: string, value: string, existing: AttributeValue | undefined) =>
        edits.push(existing ? { ...existing, text: value } : { start: root.nameEnd, end: root.nameEnd, text: ` ${name}="${value}"` });
      set('lang', lang, root.lang);
      set('dir', textDirection(lang), root.dir);
    }
    return applyEdits(text, edits);
  },
};

/** Text the parser gathered across end tags it moved (whitespace after `</body>` and `</html>`). */
function spansTags(text: string, node: Node): boolean {
  if (node.nodeName !== '#text') return false;
  const { startOffset, endOffset } = node.sourceCodeLocation!;
  return text.slice(startOffset, endOffset).includes('<') && !(node as DefaultTreeAdapterMap['textNode']).value.includes('<');
}

function isInline(node: Node): node is Element {
  return 'tagName' in node && INLINE.has(node.tagName) && !hasBlock(node);
}

/** An inline element around a block (`<a><div>…</div></a>`, allowed in HTML5) is a block. */
function hasBlock(element: Element): boolean {
  return element.childNodes.some((child) => 'tagName' in child && (!INLINE.has(child.tagName) || hasBlock(child)));
}

/** HTML `translate="no"` and ITS 2.0 `its:translate="no"` (https://www.w3.org/TR/its20/#trans-datacat). */
function notTranslated(element: Element): boolean {
  return element.attrs.some((attr) => (attr.name === 'translate' || attr.name === 'its:translate') && attr.value.trim().toLowerCase() === 'no');
}

/** Inline markup among `nodes`: tags as pairs around their text; comments, opaque elements and those marked not to translate as one code. */
function codesOf(nodes: readonly Node[], spans: Span[]): void {
  for (const node of nodes) {
    const location = node.sourceCodeLocation;
    if (!location || node.nodeName === '#text') continue;
    if (node.nodeName === '#comment' || !('tagName' in node)) {
      spans.push({ kind: 'standalone', start: location.startOffset, end: location.endOffset });
      continue;
    }
    const element = node as Element;
    const tags = element.sourceCodeLocation!;
    if (OPAQUE.has(element.tagName) || notTranslated(element) || !tags.startTag) {
      spans.push({ kind: 'standalone', start: tags.startOffset, end: tags.endOffset });
      continue;
    }
    if (!tags.endTag) {
      // An element closed by the parser (`<p>a <b>b` at the end): its start tag stands alone.
      spans.push({ kind: 'standalone', start: tags.startTag.startOffset, end: tags.startTag.endOffset });
      codesOf(element.childNodes, spans);
      continue;
    }
    const open = spans.push({ kind: 'open', start: tags.startTag.startOffset, end: tags.startTag.endOffset }) - 1;
    codesOf(element.childNodes, spans);
    spans.push({ kind: 'close', start: tags.endTag.startOffset, end: tags.endTag.endOffset, pair: open });
  }
}

/** `alt`, `title`, `placeholder`, `aria-label` and a meta description: where each value is written. */
function attributeUnits(text: string, element: Element): AttributeValue[] {
  if (notTranslated(element)) return [];
  const names = element.tagName === 'meta' && /^(?:description|keywords)$/i.test(element.attrs.find((attr) => attr.name === 'name')?.value ?? '') ? ['content'] : TRANSLATABLE_ATTRIBUTES;
  return names.flatMap((name) => {
    const value = attributeValue(text, element, name);
    return value && text.slice(value.start, value.end).trim() ? [value] : [];
  });
}

function inlineAttributes(text: string, element: Element, found: AttributeValue[]): void {
  found.push(...attributeUnits(text, element));
  for (const child of element.childNodes) if ('tagName' in child) inlineAttributes(text, child, found);
}

function langAndDir(text: string, element: Element): { lang?: AttributeValue; dir?: AttributeValue } {
  const lang = attributeValue(text, element, 'lang');
  const dir = attributeValue(text, element, 'dir');
  return { ...(lang ? { lang } : {}), ...(dir ? { dir } : {}) };
}

/** Where an attribute's value is in the source (inside its quotes). */
function attributeValue(text: string, element: Element, name: string): AttributeValue | undefined {
  const location = element.sourceCodeLocation?.attrs?.[name];
  if (!location) return undefined;
  const written = text.slice(location.startOffset, location.endOffset);
  const match = /^[^=]*=\s*(["']?)/.exec(written);
  if (!match) return undefined;
  const start = location.startOffset + match[0].length;
  const end = location.endOffset - (match[1] ? 1 : 0);
  return end >= start ? { start, end } : undefined;
}
