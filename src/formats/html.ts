/**
 * HTML articles and pages, whole documents or fragments, parsed by parse5 (the
 * WHATWG parsing algorithm) with source offsets. Block elements hold blocks of
 * sentences; inline elements are codes (Okapi's HTML filter makes the same
 * split); `code`, `kbd`, `samp`, images, line breaks and anything marked
 * `translate="no"` (HTML, and ITS 2.0 `its:translate`) are codes whose content
 * is never translated; `script`, `style`, `pre` and the like are left out.
 * `alt`, `title`, `placeholder` and `aria-label` attributes, the meta
 * description and the `og:`/`twitter:` text of a link preview are units of
 * their own, inside a sentence's code too. The localised page is the source
 * with each sentence replaced in place, and `lang` and `dir` set on `<html>`.
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
import { macroSpans } from './markdown-extras.js';
import { firstEndingAfter, overlapsSorted } from './spans.js';
import { refuseDeepNesting } from './nesting.js';
import { sentences, type Span } from './sentences.js';
import { applyEdits, type Edit } from './splice.js';
import type { ParseOptions, Parsed, SourceFormat } from './types.js';

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
const OPAQUE = new Set(['br', 'img', 'input', 'wbr', 'code', 'kbd', 'samp']);
const TRANSLATABLE_ATTRIBUTES = ['alt', 'title', 'placeholder', 'aria-label'];
/**
 * `<meta>` whose `content` is text a reader sees: the description, and what
 * a link preview shows (the Open Graph protocol, https://ogp.me/, and X's cards).
 */
const TEXT_META = /^(?:description|keywords|og:title|og:description|og:image:alt|twitter:title|twitter:description|twitter:image:alt)$/i;

export interface HtmlSkeleton {
  readonly text: string;
  /** The `<html>` start tag and its `lang`/`dir` attributes, where the source has one. */
  readonly root?: { readonly tagEnd: number; readonly lang?: AttributeValue; readonly dir?: AttributeValue; readonly nameEnd: number };
  /** The attribute value each segment of an attribute unit is in, by the segment's start: written as an attribute value. */
  readonly attributes?: ReadonlyMap<number, AttributeValue>;
  /** Where each code of a sentence is in the source, by the sentence's start: a code's translated attributes are written into it. */
  readonly codeStarts?: ReadonlyMap<number, readonly number[]>;
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
    return parseHtml(text, options, []);
  },
  write(parsed, lang, textOf) {
    const { text, root, attributes, codeStarts } = parsed.skeleton;
    const segments = segmentsOf(parsed.doc);
    // Attribute values first: a sentence whose code holds one writes it into the code.
    const inAttributes: Edit[] = [];
    const quoted = new Set<AttributeValue>();
    for (const part of segments) {
      const attribute = attributes?.get(part.start);
      if (!attribute) continue;
      const translated = textOf(part);
      // The source's own bytes where nothing changed: the identity round trip is byte for byte.
      if (translated === part.text) continue;
      inAttributes.push({ start: part.start, end: sourceEnd(part), text: encodeSegment(part, translated, 'attribute') });
      // An unquoted value ends at a space, `>` or quote: a translated one is quoted (WHATWG HTML §13.1.2.3).
      if (attribute.quote === '' && !quoted.has(attribute)) {
        quoted.add(attribute);
        inAttributes.push({ start: attribute.start, end: attribute.start, text: '"' }, { start: attribute.end, end: attribute.end, text: '"' });
      }
    }
    inAttributes.sort((a, b) => a.start - b.start || a.end - b.end);
    const edits: Edit[] = [];
    for (const part of segments) {
      if (attributes?.has(part.start)) continue;
      const translated = textOf(part);
      if (translated === part.text) continue;
      edits.push({ start: part.start, end: sourceEnd(part), text: encodeSegment(part, translated, 'text', codeWriter(part, codeStarts?.get(part.start), inAttributes)) });
    }
    // An attribute in a sentence that was written is in it; the others are written where they are.
    const written = sortedSpans(edits);
    for (const edit of inAttributes) if (!overlapsSorted(written, edit) && !insideAny(written, edit)) edits.push(edit);
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

/** Edits' spans by start, for `overlapsSorted`; sentences do not overlap one another. */
function sortedSpans(edits: readonly Edit[]): { start: number; end: number }[] {
  return edits.map((edit) => ({ start: edit.start, end: edit.end })).sort((a, b) => a.start - b.start);
}

/** Whether an empty `value` (an inserted quote) is strictly inside one of the sorted `spans`. */
function insideAny(spans: readonly { start: number; end: number }[], value: { start: number; end: number }): boolean {
  if (value.start !== value.end) return false;
  const first = firstEndingAfter(spans, value.start);
  return first < spans.length && spans[first]!.start < value.start;
}

/**
 * How a sentence's codes are written: as the source's markup, with the
 * translated values of the attributes inside each (`edits`, sorted), found
 * through where each of the sentence's codes is in the source (`starts`).
 */
function codeWriter(segment: Segment, starts: readonly number[] | undefined, edits: readonly Edit[]): ((code: CodeSpan, data: string) => string) | undefined {
  if (!starts || edits.length === 0) return undefined;
  const indexOf = new Map(segment.codes!.map((own, index) => [`${own.kind} ${own.id}`, index]));
  return (code, data) => {
    const index = indexOf.get(`${code.kind} ${code.id}`) ?? -1;
    const start = starts[index];
    if (start === undefined) return data;
    const end = start + data.length;
    const inside = editsWithin(edits, start, end);
    return inside.length === 0 ? data : applyEdits(data, inside.map((edit) => ({ start: edit.start - start, end: edit.end - start, text: edit.text })));
  };
}

/** The sorted `edits` inside `[start, end]`: a binary search for the first, then those that follow. */
function editsWithin(edits: readonly Edit[], start: number, end: number): Edit[] {
  let low = 0;
  let high = edits.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (edits[mid]!.start < start) low = mid + 1;
    else high = mid;
  }
  const found: Edit[] = [];
  for (let i = low; i < edits.length && edits[i]!.end <= end; i++) found.push(edits[i]!);
  return found;
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


/** A translation of a segment of HTML text as the HTML it is written as (Markdown's HTML blocks use it for their resources). */
export function htmlFragment(segment: Segment, translated: string): string {
  return encodeSegment(segment, translated, 'text');
}

/**
 * A translation as markup: the source's codes where the translation has them
 * (found by their text, `codesIn`), everything else encoded as text.
 */
function encodeSegment(segment: Segment, translated: string, context: 'text' | 'attribute', writeCode?: (code: CodeSpan, data: string) => string): string {
  const escape = context === 'attribute' ? escapeAttribute : escapeText;
  const code = writeCode ?? ((_code: CodeSpan, data: string) => data);
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

/**
 * An element the parser reopened inside another (the adoption agency
 * algorithm, WHATWG HTML §13.2.6.4.7: `<p>a <b>b</p><p>c</b> d</p>`) carries
 * the location of the start tag it copies, which belongs to the block before:
 * here it is its children, and its end tag where it has one as a code.
 */
function reopened(node: Node, copies: ReadonlySet<Node>): Node[] {
  if (!copies.has(node)) return [node];
  const children = (node as Element).childNodes.flatMap((child) => reopened(child, copies));
  const end = (node as Element).sourceCodeLocation?.endTag;
  return end ? [...children, { nodeName: '#end-tag', sourceCodeLocation: { startOffset: end.startOffset, endOffset: end.endOffset } } as unknown as Node] : children;
}

/**
 * The elements the parser made again from an earlier start tag (they carry
 * its location): in document order, each element whose start tag an element
 * before it already has. An iterative walk: pages nest deep.
 */
function reopenedElements(tree: Node): Set<Node> {
  const copies = new Set<Node>();
  const seen = new Set<number>();
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = 'tagName' in node ? node.sourceCodeLocation?.startTag?.startOffset : undefined;
    if (start !== undefined) {
      if (seen.has(start)) copies.add(node);
      else seen.add(start);
    }
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return copies;
}

/**
 * A sentence without the markup around the whole of it (`<a href=…>` and
 * its `</a>` around all its words, an image before them, a comment) and the
 * space next to it: these stay in the page as they are, so a translation is
 * only ever written inside them. In a Markdown page's HTML block, text written
 * before its first tag would end the block (CommonMark §4.6).
 */
function trimCodes(part: Segment | Gap): (Segment | Gap)[] {
  if (part.kind === 'gap' || !part.codes || part.codes.length === 0) return [part];
  const codes = part.codes;
  let from = 0;
  let to = part.text.length;
  let first = 0;
  let last = codes.length - 1;
  const skipSpace = () => {
    while (from < to && /\s/.test(part.text[from]!)) from++;
    while (to > from && /\s/.test(part.text[to - 1]!)) to--;
  };
  skipSpace();
  for (;;) {
    const head = codes[first];
    const tail = codes[last];
    if (head && first <= last && head.start === from && head.kind === 'standalone') from = head.end, first++;
    else if (tail && first <= last && tail.end === to && tail.kind === 'standalone') to = tail.start, last--;
    else if (head && tail && first < last && head.start === from && tail.end === to && head.kind === 'open' && tail.kind === 'close' && tail.id === head.id) {
      from = head.end;
      to = tail.start;
      first++;
      last--;
    } else break;
    skipSpace();
  }
  if (from === 0 && to === part.text.length) return [part];
  const inside = codes.slice(first, last + 1);
  // Every code inside has its partner inside, or the sentence is left as it was.
  const count = new Map<string, number>();
  for (const code of inside) if (code.kind !== 'standalone') count.set(code.id, (count.get(code.id) ?? 0) + 1);
  if ([...count.values()].some((n) => n !== 2)) return [part];
  const ids = new Map<string, string>();
  let next = 0;
  const moved: CodeSpan[] = inside.map((code) => {
    const id = code.kind === 'close' ? ids.get(code.id)! : String(++next);
    if (code.kind === 'open') ids.set(code.id, id);
    return { ...code, id, start: code.start - from, end: code.end - from };
  });
  const out: (Segment | Gap)[] = [];
  if (from > 0) out.push({ kind: 'gap', text: part.text.slice(0, from) });
  const { codes: _all, ...rest } = part;
  out.push({ ...rest, text: part.text.slice(from, to), start: part.start + from, ...(moved.length > 0 ? { codes: moved } : {}) });
  if (to < part.text.length) out.push({ kind: 'gap', text: part.text.slice(to) });
  return out;
}

/** Whether a segment has a letter or a digit outside its codes. */
function hasWords(segment: Segment): boolean {
  let cursor = 0;
  for (const code of segment.codes ?? []) {
    if (/[\p{L}\p{N}]/u.test(segment.text.slice(cursor, code.start))) return true;
    cursor = code.end;
  }
  return /[\p{L}\p{N}]/u.test(segment.text.slice(cursor));
}

/** `text` with each macro's characters replaced by a private-use character: same offsets, no markup. */
function blank(text: string, macros: readonly Span[], prefixes: ReadonlySet<Span>): string {
  let out = '';
  let cursor = 0;
  for (const macro of macros) {
    // A line prefix is space to the parser, its newline kept.
    const fill = prefixes.has(macro) ? text.slice(macro.start, macro.end).replace(/[^\n]/g, ' ') : '\uE000'.repeat(macro.end - macro.start);
    out += text.slice(cursor, macro.start) + fill;
    cursor = macro.end;
  }
  return out + text.slice(cursor);
}

/** The sorted `macros` inside `[start, end)` as codes: a binary search for the first. */
function macrosWithin(macros: readonly Span[], start: number, end: number, spans: Span[]): void {
  let low = 0;
  let high = macros.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (macros[mid]!.end <= start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < macros.length && macros[i]!.start < end; i++) {
    const macro = macros[i]!;
    if (macro.start >= start && macro.end <= end) spans.push(macro);
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
function codesOf(text: string, nodes: readonly Node[], spans: Span[], macros: readonly Span[], copies: ReadonlySet<Node>): void {
  for (const node of nodes) {
    const location = node.sourceCodeLocation;
    if (!location) continue;
    if (node.nodeName === '#text') {
      const before = spans.length;
      macrosWithin(macros, location.startOffset, location.endOffset, spans);
      unsafeReferences(text, location.startOffset, location.endOffset, spans);
      if (spans.length - before > 1) spans.splice(before, spans.length - before, ...spans.slice(before).sort((a, b) => a.start - b.start));
      continue;
    }
    if (node.nodeName === '#comment' || !('tagName' in node)) {
      spans.push({ kind: 'standalone', start: location.startOffset, end: location.endOffset });
      continue;
    }
    const element = node as Element;
    if (copies.has(element)) {
      // A copy the parser made: its start tag is the original's, in an earlier block; its end tag may be here.
      codesOf(text, reopened(element, copies), spans, macros, copies);
      continue;
    }
    const tags = element.sourceCodeLocation!;
    if (OPAQUE.has(element.tagName) || notTranslated(element) || !tags.startTag) {
      spans.push({ kind: 'standalone', start: tags.startOffset, end: tags.endOffset });
      continue;
    }
    if (!tags.endTag) {
      // An element closed by the parser (`<p>a <b>b` at the end): its start tag stands alone.
      spans.push({ kind: 'standalone', start: tags.startTag.startOffset, end: tags.startTag.endOffset });
      codesOf(text, element.childNodes, spans, macros, copies);
      continue;
    }
    const open = spans.push({ kind: 'open', start: tags.startTag.startOffset, end: tags.startTag.endOffset }) - 1;
    codesOf(text, element.childNodes, spans, macros, copies);
    spans.push({ kind: 'close', start: tags.endTag.startOffset, end: tags.endTag.endOffset, pair: open });
  }
}

/** `alt`, `title`, `placeholder`, `aria-label` and a meta description: where each value is written. */
function attributeUnits(text: string, element: Element): AttributeValue[] {
  if (notTranslated(element)) return [];
  const textMeta = element.tagName === 'meta' && element.attrs.some((attr) => (attr.name === 'name' || attr.name === 'property') && TEXT_META.test(attr.value.trim()));
  const names = textMeta ? ['content'] : TRANSLATABLE_ATTRIBUTES;
  return names.flatMap((name) => {
    const value = attributeValue(text, element, name);
    return value && text.slice(value.start, value.end).trim() ? [value] : [];
  });
}

function inlineAttributes(text: string, element: Element, found: AttributeValue[], copies: ReadonlySet<Node>): void {
  if (notTranslated(element)) return;
  if (!copies.has(element)) found.push(...attributeUnits(text, element));
  for (const child of element.childNodes) if ('tagName' in child) inlineAttributes(text, child, found, copies);
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

/**
 * A page or fragment parsed, with `protect` (the line prefixes of a Markdown
 * HTML block in a quote or list) read as space by the parser and kept as
 * codes that part sentences.
 */
export function parseHtml(text: string, options: ParseOptions, protect: readonly Span[]): Parsed<HtmlSkeleton> {
  if (!parse5 || !entities) throw new Error('html.prepare() was not awaited before parse()');
  const { parse, parseFragment } = parse5;
  const whole = isWholeDocument(text);
  // Template tags (`{{ }}`, `{% %}`: Hugo shortcodes in a Markdown page's HTML, Vue, Jinja) are codes, and
  // the parser reads the page with them blanked out, so a `"` or `<` inside one does not end an attribute
  // or open an element (#26). Offsets stay those of the source.
  const found = macroSpans(text, 0, text.length).filter((macro) => !overlapsSorted(protect, macro));
  const macros = [...found, ...protect].sort((a, b) => a.start - b.start);
  const source = macros.length === 0 ? text : blank(text, macros, new Set(protect));
  const tree = whole ? parse(source, { sourceCodeLocationInfo: true }) : parseFragment(source, { sourceCodeLocationInfo: true });
  refuseDeepNesting<Node>(tree, (node) => ('childNodes' in node ? node.childNodes : undefined), options.file);
  const body: (Block | Gap)[] = [];
  const nextId = createSegmentIdSource();
  const attributeOf = new Map<number, AttributeValue>();
  const codeStarts = new Map<number, number[]>();
  const add = (type: BlockKind, start: number, end: number, spans: Span[], attribute?: AttributeValue) => {
    const parts = sentences(text, start, end, spans, options).flatMap(trimCodes).map((part) => {
      if (part.kind === 'gap') return part;
      const segment = decodeSegment(part, attribute !== undefined);
      // `&nbsp;` between codes has letters in the source and none decoded: nothing to translate.
      if (!hasWords(segment)) return { kind: 'gap' as const, text: part.text };
      if (part.codes && !attribute) codeStarts.set(part.start, part.codes.map((code) => part.start + code.start));
      if (attribute) attributeOf.set(segment.start, attribute);
      return { ...segment, id: nextId(segment.text) };
    });
    if (parts.some((part) => part.kind === 'segment')) body.push({ kind: 'block', id: blockIdFor(body.length), type, parts });
  };
  const copies = reopenedElements(tree);
  let root: HtmlSkeleton['root'];
  const visit = (node: Node, type: BlockKind) => {
    if (!('childNodes' in node)) return;
    const element = 'tagName' in node ? node : undefined;
    if (element) {
      if (element.tagName === 'html' && element.sourceCodeLocation?.startTag) {
        const tag = element.sourceCodeLocation.startTag;
        root = { tagEnd: tag.endOffset, nameEnd: tag.startOffset + '<html'.length, ...langAndDir(text, element) };
      }
      // A copy the parser made of an element has the original's attributes, which are units once.
      if (!copies.has(element)) attributes.push(...attributeUnits(text, element));
      if (SKIPPED.has(element.tagName) || notTranslated(element)) return;
    }
    const own: BlockKind = element?.tagName === 'h1' ? 'headline' : element?.tagName === 'figcaption' || element?.tagName === 'caption' ? 'caption' : type === 'headline' ? 'paragraph' : type;
    let run: Node[] = [];
    const flush = () => {
      // A run is what stands together in the source: the parser moves text after `</body>` into the body.
      const pieces: Node[][] = [];
      for (const child of run.flatMap((node) => reopened(node, copies)).filter((node) => node.sourceCodeLocation && !spansTags(source, node))) {
        const last = pieces.at(-1)?.at(-1);
        if (last && last.sourceCodeLocation!.endOffset === child.sourceCodeLocation!.startOffset) pieces.at(-1)!.push(child);
        else pieces.push([child]);
      }
      for (const piece of pieces) {
        const spans: Span[] = [];
        codesOf(text, piece, spans, macros, copies);
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
    for (const child of node.childNodes) if ('tagName' in child && isInline(child)) inlineAttributes(text, child, attributes, copies);
  };
  const attributes: AttributeValue[] = [];
  visit(tree, 'paragraph');
  // Attributes are units of their own, inside a sentence's code too (a link's title, an image's alt in a
  // paragraph): `write` writes their translation into the code.
  for (const value of attributes) {
    const spans: Span[] = [];
    macrosWithin(macros, value.start, value.end, spans);
    unsafeReferences(text, value.start, value.end, spans);
    spans.sort((a, b) => a.start - b.start);
    add('caption', value.start, value.end, spans, value);
  }
  return {
    doc: { id: options.docId, lang: options.lang, body } satisfies Doc,
    skeleton: { text, ...(root ? { root } : {}), ...(attributeOf.size > 0 ? { attributes: attributeOf, codeStarts } : {}) },
  };
}
