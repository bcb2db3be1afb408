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
 *
 * Text between codes is text, not markup: a segment holds it decoded (`&amp;`
 * is `&` to a translator, an engine and the memory), and a translation is
 * written back encoded (WHATWG HTML §13.1.4, §13.3 "Escaping a string"), so the
 * only markup in a localised page is the source's, carried by its codes; a
 * translation's `<svg onload=…>` or stray `"` is text a reader sees. Where a
 * translation equals its source, the source's bytes are written unchanged.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { blockIdFor, createSegmentIdSource } from '../core/ids.js';
import { textDirection } from '../core/lang.js';
import type { Block, BlockKind, CodeSpan, Doc, Gap, Segment } from '../core/types.js';
import { blocksOf, segmentsOf } from '../core/doc.js';
import { firstForbidden } from '../core/admit.js';
import { codesIn, writeCodes } from '../core/codes.js';
import { escapeAttribute, escapeText } from '../html/escape.js';
import { refuseDeepNesting } from './nesting.js';
import { sentences, type Span } from './sentences.js';
import { applyEdits, type Edit } from './splice.js';
import type { SourceFormat } from './types.js';

/** The parser and the entity decoder, loaded by `prepare`: the command line starts without them. */
let parse5: typeof import('parse5') | undefined;
let entities: typeof import('entities/decode') | undefined;

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Left out with everything inside: not text for a reader, or raw text whose `&` and `<` are not markup (`xmp`, `noembed`, `noframes`, `plaintext`). */
const SKIPPED = new Set(['script', 'style', 'pre', 'textarea', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'xmp', 'noembed', 'noframes', 'plaintext']);
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
  /** The attribute value each segment of an attribute unit is in, by the segment's start: written as an attribute value. */
  readonly attributes?: ReadonlyMap<number, AttributeValue>;
}

interface AttributeValue {
  readonly start: number;
  readonly end: number;
  /** The quote around the value in the source; none for an unquoted value (`alt=Logo`), which gets `"` when it is written. */
  readonly quote?: '"' | "'" | '';
}

export const html: SourceFormat<HtmlSkeleton> = {
  extension: 'html',
  kind: 'document',
  ownFileAlways: true,
  async prepare() {
    parse5 ??= await import('parse5');
    entities ??= await import('entities/decode');
  },
  parse(text, options) {
    if (!parse5 || !entities) throw new Error('html.prepare() was not awaited before parse()');
    const { parse, parseFragment } = parse5;
    const whole = isWholeDocument(text);
    const tree = whole ? parse(text, { sourceCodeLocationInfo: true }) : parseFragment(text, { sourceCodeLocationInfo: true });
    refuseDeepNesting<Node>(tree, (node) => ('childNodes' in node ? node.childNodes : undefined), options.file);
    const body: (Block | Gap)[] = [];
    const nextId = createSegmentIdSource();
    const attributeOf = new Map<number, AttributeValue>();
    const add = (type: BlockKind, start: number, end: number, spans: Span[], attribute?: AttributeValue) => {
      const parts = sentences(text, start, end, spans, options).map((part) => {
        if (part.kind === 'gap') return part;
        const segment = decodeSegment(part, attribute !== undefined);
        if (attribute) attributeOf.set(segment.start, attribute);
        return { ...segment, id: nextId(segment.text) };
      });
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
          codesOf(text, piece, spans);
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
    const inText = sortedSpans(body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part) => part.kind === 'segment') : [])));
    for (const value of attributes) {
      if (!overlapsAny(inText, value)) {
        const spans: Span[] = [];
        unsafeReferences(text, value.start, value.end, spans);
        add('caption', value.start, value.end, spans, value);
      }
    }
    return { doc: { id: options.docId, lang: options.lang, body } satisfies Doc, skeleton: { text, ...(root ? { root } : {}), ...(attributeOf.size > 0 ? { attributes: attributeOf } : {}) } };
  },
  write(parsed, lang, textOf) {
    const { text, root, attributes } = parsed.skeleton;
    const edits: Edit[] = [];
    const quoted = new Set<AttributeValue>();
    for (const part of segmentsOf(parsed.doc)) {
      const translated = textOf(part);
      // The source's own bytes where nothing changed: the identity round trip is byte for byte.
      if (translated === part.text) continue;
      const attribute = attributes?.get(part.start);
      edits.push({ start: part.start, end: sourceEnd(part), text: encodeSegment(part, translated, attribute ? 'attribute' : 'text') });
      // An unquoted value ends at a space, `>` or quote: a translated one is quoted (WHATWG HTML §13.1.2.3).
      if (attribute?.quote === '' && !quoted.has(attribute)) {
        quoted.add(attribute);
        edits.push({ start: attribute.start, end: attribute.start, text: '"' }, { start: attribute.end, end: attribute.end, text: '"' });
      }
    }
    // The page says what language it is in now, and which way it runs.
    if (root && lang !== parsed.doc.lang) {
      const set = (name: string, value: string, existing: AttributeValue | undefined) =>
        edits.push(existing ? { ...existing, text: value } : { start: root.nameEnd, end: root.nameEnd, text: ` ${name}="${value}"` });
      set('lang', lang, root.lang);
      set('dir', textDirection(lang), root.dir);
    }
    return applyEdits(text, edits);
  },
  resources(parsed, _lang, textOf) {
    const { attributes } = parsed.skeleton;
    const blocks: Record<string, string> = {};
    const segments: Record<string, string> = {};
    for (const block of blocksOf(parsed.doc)) {
      const inAttribute = block.parts.some((part) => part.kind === 'segment' && attributes?.has(part.start));
      blocks[block.id] = block.parts
        .map((part) => {
          // Gaps are the source's whitespace and code-only runs (an image): its markup; in an attribute, its text.
          if (part.kind === 'gap') return inAttribute ? escapeText(decodeAttribute(part.text)) : part.text;
          const fragment = encodeSegment(part, textOf(part), 'text');
          segments[part.id] = fragment;
          return fragment;
        })
        .join('');
    }
    return { blocks, segments };
  },
};

/** A whole page (doctype or `<html>` after comments and space), not a fragment; one pass, where a regex over the comments backtracked exponentially. */
function isWholeDocument(text: string): boolean {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (!text.startsWith('<!--', at)) return /^(?:<!doctype|<html)/i.test(text.slice(at, at + 9));
    const end = text.indexOf('-->', at + 4);
    if (end === -1) return false;
    at = end + 3;
  }
}

/** Segments' source spans by start, for `overlapsAny`; sentences do not overlap one another. */
function sortedSpans(segments: readonly Segment[]): { start: number; end: number }[] {
  return segments.map((segment) => ({ start: segment.start, end: sourceEnd(segment) })).sort((a, b) => a.start - b.start);
}

/** Whether `value` overlaps one of the sorted, disjoint `spans`: a binary search, where trying each span per attribute was quadratic. */
function overlapsAny(spans: readonly { start: number; end: number }[], value: { start: number; end: number }): boolean {
  let low = 0;
  let high = spans.length;
  // The first span that ends after the value starts is the only one that can overlap it first.
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.end <= value.start) low = mid + 1;
    else high = mid;
  }
  return low < spans.length && spans[low]!.start < value.end;
}

/** Where a segment's source ends: its text is decoded, so its length may differ from the span it replaces. */
function sourceEnd(segment: Segment): number {
  return segment.end ?? segment.start + segment.text.length;
}

/**
 * A sentence with the text between its codes decoded: character references
 * (`&amp;`, `&#x27;`) become the characters they stand for, as a browser reads
 * them (entities' decoder follows WHATWG HTML §13.2.5.72, attributes' legacy
 * rule included); codes stay the source's markup.
 */
function decodeSegment(segment: Segment, attribute: boolean): Segment {
  const decode = attribute ? decodeAttribute : decodeText;
  let text = '';
  let cursor = 0;
  const codes: CodeSpan[] = [];
  for (const code of segment.codes ?? []) {
    text += decode(segment.text.slice(cursor, code.start));
    codes.push({ ...code, start: text.length, end: text.length + code.end - code.start });
    text += segment.text.slice(code.start, code.end);
    cursor = code.end;
  }
  text += decode(segment.text.slice(cursor));
  if (text === segment.text) return segment;
  return { ...segment, text, end: segment.start + segment.text.length, ...(codes.length > 0 ? { codes } : {}) };
}

function decodeText(raw: string): string {
  return raw.includes('&') ? entities!.decodeHTML(raw) : raw;
}

function decodeAttribute(raw: string): string {
  return raw.includes('&') ? entities!.decodeHTMLAttribute(raw) : raw;
}


/**
 * A translation as markup: the source's codes where the translation has them
 * (found by their text, `codesIn`), everything else encoded as text.
 */
function encodeSegment(segment: Segment, translated: string, context: 'text' | 'attribute'): string {
  const escape = context === 'attribute' ? escapeAttribute : escapeText;
  const code = (_code: CodeSpan, data: string) => data;
  return writeCodes(translated, codesIn(translated, segment), { escape, open: code, close: code, standalone: code });
}

/**
 * Numeric references to characters XML cannot carry (`&#1;`, `&#xFFFE;`): codes,
 * written back as the source has them, so the decoded text stays what an XLIFF
 * file and the admission gate (`firstForbidden`) accept.
 */
function unsafeReferences(text: string, start: number, end: number, spans: Span[]): void {
  // Over this text only: a search from `start` through the whole page for each text node would be quadratic.
  const run = text.slice(start, end);
  if (!run.includes('&#')) return;
  for (const match of run.matchAll(/&#(?:[xX][0-9a-fA-F]+|[0-9]+);?/g)) {
    if (firstForbidden(entities!.decodeHTML(match[0])) !== -1) spans.push({ kind: 'standalone', start: start + match.index, end: start + match.index + match[0].length });
  }
}

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
function codesOf(text: string, nodes: readonly Node[], spans: Span[]): void {
  for (const node of nodes) {
    const location = node.sourceCodeLocation;
    if (!location) continue;
    if (node.nodeName === '#text') {
      unsafeReferences(text, location.startOffset, location.endOffset, spans);
      continue;
    }
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
      codesOf(text, element.childNodes, spans);
      continue;
    }
    const open = spans.push({ kind: 'open', start: tags.startTag.startOffset, end: tags.startTag.endOffset }) - 1;
    codesOf(text, element.childNodes, spans);
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
  return end >= start ? { start, end, quote: match[1] as '"' | "'" | '' } : undefined;
}
