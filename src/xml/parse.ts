/**
 * The one strict gate every XML input goes through (XLIFF, TBX): a
 * well-formedness parser for XML 1.0 + Namespaces that keeps the source offset
 * of every element, so a file we did not write can be read and then edited in
 * place at exactly the right bytes.
 *
 * Refused, with file:line:column: a DOCTYPE (no DTD means no XXE and no entity
 * expansion), undeclared entity references, characters XML 1.0 forbids (§2.2,
 * NUL and the other C0 controls, also as character references), mismatched or
 * unclosed tags, duplicate attributes, `<` in attribute values, nesting deeper
 * than `MAX_DEPTH` and attribute values over `MAX_ATTRIBUTE_LENGTH`.
 *
 * Every step is a forward scan with `indexOf` or a sticky pattern without
 * nested quantifiers, so time is linear in the input.
 */
import { XliffError, lineAndColumn } from '../core/errors.js';
import { ADMISSION_LIMITS, firstForbidden } from '../core/admit.js';
import { codePointName } from '../core/text.js';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Deeper than any real XLIFF (nested groups and inline codes); beyond it, input is an attack. */
export const MAX_DEPTH = 256;
/** Longest attribute value accepted (Xcode puts whole sentences in ids; nothing needs more): the admission gate's bound. */
export const MAX_ATTRIBUTE_LENGTH = ADMISSION_LIMITS.attribute;

export interface XmlAttribute {
  /** As written: `mq:status`. */
  readonly name: string;
  readonly local: string;
  /** Namespace URI; '' for an unprefixed attribute (Namespaces in XML §6.3). */
  readonly ns: string;
  /** The value with references decoded and whitespace normalised (XML 1.0 §3.3.3). */
  readonly value: string;
}

export interface XmlText {
  readonly kind: 'text';
  /** Decoded text: references resolved, line ends normalised (XML 1.0 §2.11). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly local: string;
  readonly ns: string;
  readonly attributes: readonly XmlAttribute[];
  /** Offset of `<`. */
  readonly start: number;
  /** Offset just after the start tag's `>`. */
  readonly openEnd: number;
  /** Offset of the end tag's `</`; equal to `openEnd` for `<empty/>`. */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  readonly selfClosing: boolean;
  readonly children: XmlNode[];
}

export type XmlNode = XmlElement | XmlText;

export interface XmlDocument {
  readonly root: XmlElement;
  /** The declaration's `encoding`, if it names one. */
  readonly declaredEncoding: string | undefined;
}

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = new RegExp(`[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`, 'uy');
const SPACE = /[ \t\r\n]*/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses decoded `text` (a leading byte order mark is skipped). `file` names the input in errors. */
export function parseXml(text: string, file: string): XmlDocument {
  return new Parser(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file).document();
}

class Parser {
  #pos = 0;
  readonly #text: string;
  readonly #file: string;

  constructor(text: string, file: string) {
    this.#text = text;
    this.#file = file;
  }

  fail(message: string, at = this.#pos): never {
    throw new XliffError(`not well-formed XML: ${message}`, { file: this.#file, ...lineAndColumn(this.#text, at) });
  }

  document(): XmlDocument {
    const text = this.#text;
    const bad = firstForbidden(text);
    if (bad !== -1) this.fail(`character ${codePointName(text[bad]!)} is not allowed in XML`, bad);
    let declaredEncoding: string | undefined;
    if (text.startsWith('<?xml') && /[ \t\r\n?]/.test(text[5] ?? '')) {
      const end = text.indexOf('?>');
      if (end === -1) this.fail('the XML declaration is not closed');
      declaredEncoding = /\sencoding\s*=\s*["']([A-Za-z][\w.-]*)["']/.exec(text.slice(0, end))?.[1];
      this.#pos = end + 2;
    }
    let root: XmlElement | undefined;
    const stack: XmlElement[] = [];
    /** The prefixes in scope in each open element, beside `stack`. */
    const scopes: ReadonlyMap<string, string>[] = [];
    while (this.#pos < text.length) {
      const lt = text.indexOf('<', this.#pos);
      const textEnd = lt === -1 ? text.length : lt;
      if (textEnd > this.#pos) {
        const parent = stack.at(-1);
        if (parent) parent.children.push({ kind: 'text', text: this.decodeText(this.#pos, textEnd), start: this.#pos, end: textEnd });
        else if (!/^[ \t\r\n]*$/.test(text.slice(this.#pos, textEnd))) this.fail('text outside the root element');
      }
      if (lt === -1) break;
      this.#pos = lt;
      const next = text[lt + 1];
      if (next === '!') this.markupDeclaration(stack.at(-1));
      else if (next === '?') this.processingInstruction();
      else if (next === '/') {
        const open = stack.pop();
        scopes.pop();
        this.#pos = lt + 2;
        const name = this.name();
        if (!open) this.fail(`</${name}> closes nothing`, lt);
        if (name !== open.name) this.fail(`</${name}> where </${open.name}> was expected`, lt);
        this.skipSpace();
        if (text[this.#pos] !== '>') this.fail(`expected ">" to end </${name}>`);
        this.#pos++;
        open.closeStart = lt;
        open.end = this.#pos;
      } else {
        if (root && stack.length === 0) this.fail('a second root element', lt);
        if (stack.length >= MAX_DEPTH) this.fail(`elements nested deeper than ${MAX_DEPTH}`, lt);
        const { element, scope } = this.startTag(scopes.at(-1) ?? NO_PREFIXES);
        if (stack.length === 0) root = element;
        else stack.at(-1)!.children.push(element);
        if (!element.selfClosing) {
          stack.push(element);
          scopes.push(scope);
        }
      }
    }
    if (stack.length > 0) this.fail(`<${stack.at(-1)!.name}> is never closed`, stack.at(-1)!.start);
    if (!root) this.fail('no root element', 0);
    return { root, declaredEncoding };
  }

  private markupDeclaration(parent: XmlElement | undefined): void {
    const text = this.#text;
    const at = this.#pos;
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) this.fail('comment is not closed');
      const dashes = text.indexOf('--', at + 4);
      if (dashes < end) this.fail('"--" inside a comment', dashes);
      this.#pos = end + 3;
    } else if (text.startsWith('<![CDATA[', at)) {
      if (!parent) this.fail('CDATA outside the root element');
      const end = text.indexOf(']]>', at + 9);
      if (end === -1) this.fail('CDATA section is not closed');
      parent.children.push({ kind: 'text', text: normaliseLineEnds(text.slice(at + 9, end)), start: at, end: end + 3 });
      this.#pos = end + 3;
    } else if (/^<!DOCTYPE/i.test(text.slice(at, at + 9))) {
      throw new XliffError('<!DOCTYPE> is not allowed (DTDs and entities are refused)', { file: this.#file, ...lineAndColumn(text, at) });
    } else if (/^<!ENTITY/i.test(text.slice(at, at + 8))) {
      throw new XliffError('<!ENTITY> is not allowed (DTDs and entities are refused)', { file: this.#file, ...lineAndColumn(text, at) });
    } else this.fail('unexpected "<!"');
  }

  private processingInstruction(): void {
    const at = this.#pos;
    this.#pos += 2;
    const target = this.name();
    if (target.toLowerCase() === 'xml') this.fail('an XML declaration is only allowed at the very start', at);
    const end = this.#text.indexOf('?>', this.#pos);
    if (end === -1) this.fail('processing instruction is not closed', at);
    this.#pos = end + 2;
  }

  private startTag(inherited: ReadonlyMap<string, string>): { element: XmlElement; scope: ReadonlyMap<string, string> } {
    const text = this.#text;
    const start = this.#pos;
    this.#pos++;
    const name = this.name();
    const raw: { name: string; value: string; at: number }[] = [];
    for (;;) {
      const before = this.#pos;
      this.skipSpace();
      const char = text[this.#pos];
      if (char === '>' || char === '/') break;
      if (char === undefined) this.fail(`<${name}> is not closed`, start);
      if (this.#pos === before) this.fail(`expected a space before the attribute in <${name}>`);
      const at = this.#pos;
      const attribute = this.name();
      this.skipSpace();
      if (text[this.#pos] !== '=') this.fail(`expected "=" after ${attribute}`);
      this.#pos++;
      this.skipSpace();
      const quote = text[this.#pos];
      if (quote !== '"' && quote !== "'") this.fail(`the value of ${attribute} must be quoted`);
      const close = text.indexOf(quote, this.#pos + 1);
      if (close === -1) this.fail(`the value of ${attribute} is not closed`);
      if (close - this.#pos > MAX_ATTRIBUTE_LENGTH) this.fail(`the value of ${attribute} is longer than ${MAX_ATTRIBUTE_LENGTH} characters`);
      const lt = text.indexOf('<', this.#pos + 1);
      if (lt !== -1 && lt < close) this.fail(`"<" in the value of ${attribute}`, lt);
      if (raw.some((other) => other.name === attribute)) this.fail(`attribute ${attribute} given twice`, at);
      raw.push({ name: attribute, value: this.decodeAttribute(this.#pos + 1, close), at });
      this.#pos = close + 1;
    }
    const selfClosing = text[this.#pos] === '/';
    if (selfClosing) {
      if (text[this.#pos + 1] !== '>') this.fail(`expected "/>" to end <${name}>`);
      this.#pos += 2;
    } else this.#pos++;

    // Most elements declare nothing: they share their parent's prefix map.
    const declarations = raw.filter((attribute) => attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:'));
    let scope = inherited;
    if (declarations.length > 0) {
      const own = new Map(inherited);
      for (const { name: declared, value } of declarations) own.set(declared === 'xmlns' ? '' : declared.slice(6), value);
      scope = own;
    }
    // An undeclared prefix is not namespace-well-formed, but the file is still XML; tools
    // have written such files, so the prefix stands in for the namespace.
    const namespaceOf = (qualified: string, colon: number, isElement: boolean): string => {
      if (colon === -1) return isElement ? (scope.get('') ?? '') : '';
      const prefix = qualified.slice(0, colon);
      return prefix === 'xml' ? XML_NAMESPACE : (scope.get(prefix) ?? prefix);
    };
    const attributes: XmlAttribute[] = [];
    for (const { name: qualified, value } of raw) {
      const colon = qualified.indexOf(':');
      attributes.push({ name: qualified, local: colon === -1 ? qualified : qualified.slice(colon + 1), ns: namespaceOf(qualified, colon, false), value });
    }
    const colon = name.indexOf(':');
    // One object shape for every element (no spreads): a million elements stay cheap to build.
    const element: XmlElement = {
      kind: 'element',
      name,
      local: colon === -1 ? name : name.slice(colon + 1),
      ns: namespaceOf(name, colon, true),
      attributes,
      start,
      openEnd: this.#pos,
      closeStart: this.#pos,
      end: this.#pos,
      selfClosing,
      children: [],
    };
    return { element, scope };
  }

  private name(): string {
    NAME.lastIndex = this.#pos;
    const match = NAME.exec(this.#text);
    if (!match) this.fail('expected a name');
    this.#pos += match[0].length;
    return match[0];
  }

  private skipSpace(): void {
    SPACE.lastIndex = this.#pos;
    SPACE.exec(this.#text);
    this.#pos = SPACE.lastIndex;
  }

  private decodeText(start: number, end: number): string {
    const raw = this.#text.slice(start, end);
    const cdataEnd = raw.indexOf(']]>');
    if (cdataEnd !== -1) this.fail('"]]>" in text', start + cdataEnd);
    return this.decodeReferences(raw, start, true);
  }

  private decodeAttribute(start: number, end: number): string {
    // Literal whitespace becomes a space (§3.3.3); references to it (&#10;) stay what they are.
    return this.decodeReferences(this.#text.slice(start, end).replace(/\r\n|[\t\n\r]/g, ' '), start, false);
  }

  /** Resolves references; `lineEnds` normalises literal line ends first, never a `&#13;` (§2.11). */
  private decodeReferences(raw: string, offset: number, lineEnds: boolean): string {
    const literal = lineEnds ? normaliseLineEnds : (text: string) => text;
    let amp = raw.indexOf('&');
    if (amp === -1) return literal(raw);
    let out = '';
    let cursor = 0;
    while (amp !== -1) {
      const semi = raw.indexOf(';', amp);
      const ref = semi === -1 || semi - amp > 12 ? '' : raw.slice(amp + 1, semi);
      let char: string | undefined;
      if (ref.startsWith('#x')) char = fromCodePoint(/^#x[0-9a-fA-F]+$/.test(ref) ? Number.parseInt(ref.slice(2), 16) : NaN);
      else if (ref.startsWith('#')) char = fromCodePoint(/^#[0-9]+$/.test(ref) ? Number(ref.slice(1)) : NaN);
      else char = PREDEFINED[ref];
      if (char === undefined) {
        const shown = ref ? `&${ref};` : '"&"';
        this.fail(ref && !ref.startsWith('#') ? `undeclared entity ${shown} (only &lt; &gt; &amp; &quot; &apos; are predefined)` : `bad reference ${shown}`, offset + amp);
      }
      out += literal(raw.slice(cursor, amp)) + char;
      cursor = semi + 1;
      amp = raw.indexOf('&', cursor);
    }
    return out + literal(raw.slice(cursor));
  }
}

const NO_PREFIXES: ReadonlyMap<string, string> = new Map();

/** A character reference's character, or undefined when XML does not allow it (§4.1, Char production). */
function fromCodePoint(code: number): string | undefined {
  if (!Number.isInteger(code) || code > 0x10ffff) return undefined;
  const char = String.fromCodePoint(code);
  return firstForbidden(char) !== -1 ? undefined : char;
}

function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

// ---- reading the tree ---------------------------------------------------------

export function attribute(element: XmlElement, local: string, ns = ''): string | undefined {
  for (const attr of element.attributes) if (attr.local === local && attr.ns === ns) return attr.value;
  return undefined;
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => child.kind === 'element');
}

/** Child elements with this local name in the namespace `ns`. */
export function childrenNamed(element: XmlElement, local: string, ns: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) if (child.kind === 'element' && child.local === local && child.ns === ns) found.push(child);
  return found;
}

export function firstChild(element: XmlElement, local: string, ns: string): XmlElement | undefined {
  for (const child of element.children) if (child.kind === 'element' && child.local === local && child.ns === ns) return child;
  return undefined;
}

/** Descendants with this local name and namespace, in document order (not below a match). */
export function descendantsNamed(element: XmlElement, local: string, ns: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (parent: XmlElement) => {
    for (const child of parent.children) {
      if (child.kind !== 'element') continue;
      if (child.local === local && child.ns === ns) found.push(child);
      else walk(child);
    }
  };
  walk(element);
  return found;
}

/** The text of an element and its descendants, in document order. */
export function textContent(element: XmlElement): string {
  let text = '';
  for (const child of element.children) text += child.kind === 'text' ? child.text : textContent(child);
  return text;
}
