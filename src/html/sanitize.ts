/**
 * An HTML fragment (one block of an HTML-source article, as merge publishes it)
 * made safe to put into a page: parsed by parse5 as a browser would parse it
 * (WHATWG HTML §13.2, fragment parsing), then written again from the tree,
 * keeping only inline phrasing elements that cannot run script or load
 * anything but an image, and attributes that carry no script. Whatever else
 * the fragment holds (`<script>`, `<svg>`, `<iframe>`, a comment) is shown as
 * the text it was, escaped. Nothing is copied through from the input: every
 * tag, attribute and text is written anew, so a `"` or an unclosed tag in the
 * input cannot reach the page as markup (OWASP XSS Prevention Cheat Sheet,
 * rule 6: sanitise with an allowlist; rebuild, do not filter strings).
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { escapeAttribute, escapeText } from './escape.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Phrasing elements (HTML §3.2.5.2.5) that neither run script nor embed another document. */
const ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'img',
]);

/** Elements with no end tag (HTML §13.1.2). */
const VOID = new Set(['br', 'wbr', 'img']);

/** Attributes kept; none of them is an event handler or a style. */
const ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'lang', 'dir', 'datetime', 'cite', 'value']);

/** Attributes whose value is a URL the browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

/** Schemes a link or image may have; a relative URL has none. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A URL's scheme (WHATWG URL §4.4, scheme state): a letter, then letters, digits, `+ - .`, then `:`. Linear. */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** The fragment as HTML that shows its allowed inline markup and nothing else. */
export function sanitizeFragment(html: string): string {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  return childrenOf(fragment, html);
}

/** The fragment's text as a reader sees it (tags dropped, entities decoded): for titles and lists. */
export function textOfFragment(html: string): string {
  const text = (node: Node): string => {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
    if ('childNodes' in node) return (node as ParentNode).childNodes.map(text).join('');
    return '';
  };
  return text(parseFragment(html));
}

function childrenOf(parent: ParentNode, source: string): string {
  return parent.childNodes.map((node) => nodeOf(node, source)).join('');
}

function nodeOf(node: Node, source: string): string {
  if (node.nodeName === '#text') return escapeText((node as DefaultTreeAdapterMap['textNode']).value);
  if (node.nodeName === '#comment' || node.nodeName === '#documentType') return escapeText(sourceOf(node, source));
  const element = node as Element;
  // <template> keeps its children in `content`: shown as text like any element not allowed.
  const inner = element.nodeName === 'template' ? childrenOf((element as DefaultTreeAdapterMap['template']).content, source) : childrenOf(element, source);
  if (!ELEMENTS.has(element.tagName) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
    const location = element.sourceCodeLocation;
    const start = location?.startTag ? source.slice(location.startTag.startOffset, location.startTag.endOffset) : '';
    const end = location?.endTag ? source.slice(location.endTag.startOffset, location.endTag.endOffset) : '';
    return escapeText(start) + inner + escapeText(end);
  }
  const attributes = element.attrs.flatMap(({ name, value }) => {
    const kept = attributeValue(name, value);
    return kept === undefined ? [] : [` ${name}="${escapeAttribute(kept)}"`];
  });
  const open = `<${element.tagName}${attributes.join('')}>`;
  return VOID.has(element.tagName) ? open : `${open}${inner}</${element.tagName}>`;
}

/** An allowed attribute's value (entities already decoded by the parser), or undefined to drop it. */
function attributeValue(name: string, value: string): string | undefined {
  if (!ATTRIBUTES.has(name)) return undefined;
  if (!URL_ATTRIBUTES.has(name)) return value;
  // As the URL parser does before reading a scheme: leading and trailing C0 controls and spaces go,
  // and tabs and line breaks anywhere (WHATWG URL §4.4, basic URL parser), so `java\tscript:` is seen as what it is.
  const url = trimControls(value.replace(/[\t\n\r]/g, ''));
  const scheme = SCHEME.exec(url)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase()) ? url : undefined;
}

/** Without leading and trailing C0 controls and spaces; a loop, as a `[…]+$` regex would retry at every position. */
function trimControls(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

function sourceOf(node: Node, source: string): string {
  const location = (node as { sourceCodeLocation?: { startOffset: number; endOffset: number } | null }).sourceCodeLocation;
  return location ? source.slice(location.startOffset, location.endOffset) : '';
}
