/**
 * Inline content of a source or target (XLIFF 1.2 §2.4 inline elements; XLIFF 2
 * §4.2.3): the text a reader sees, the codes in document order, and the engine
 * markup where each code is a numbered placeholder. Reading and restoring codes
 * walk the content the same way, so code N is the same code on both sides.
 */
import type { XmlElement } from '../xml/parse.js';
import { attribute } from '../xml/parse.js';
import { escapeText } from './escape.js';
import type { InlineCode, XliffText } from './model.js';

/** Codes whose content is native data (markup), not text a reader sees. */
const NATIVE_CODES = new Set(['x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'sc', 'ec', 'sm', 'em', 'cp']);
/** Codes that wrap text. */
const WRAPPING_CODES = new Set(['g', 'pc', 'mrk']);

type Visit = {
  text(text: string): void;
  native(element: XmlElement): void;
  open(element: XmlElement): void;
  close(element: XmlElement): void;
};

function walkInline(element: XmlElement, ns: string, visit: Visit): void {
  for (const child of element.children) {
    if (child.kind === 'text') visit.text(child.text);
    else if (child.ns !== ns) walkInline(child, ns, visit);
    // An empty wrapping code (`<g id="1"/>`) wraps nothing: a standalone placeholder. So is XLIFF 2's
    // `<cp hex="0001"/>`: the character it stands for cannot be written as text, so an engine gets
    // a placeholder and the element comes back as it was.
    else if (NATIVE_CODES.has(child.local) || (WRAPPING_CODES.has(child.local) && child.selfClosing)) visit.native(child);
    else if (WRAPPING_CODES.has(child.local)) {
      visit.open(child);
      walkInline(child, ns, visit);
      visit.close(child);
    } else walkInline(child, ns, visit);
  }
}

export function inlineText(element: XmlElement, ns: string): XliffText {
  const codes: InlineCode[] = [];
  let text = '';
  let markup = '';
  const idOf = (code: XmlElement) => attribute(code, 'id') ?? attribute(code, 'rid') ?? attribute(code, 'startRef') ?? attribute(code, 'mid') ?? '';
  walkInline(element, ns, {
    text(part) {
      text += part;
      markup += escapeText(part);
    },
    native(code) {
      codes.push({ kind: code.local, id: idOf(code) });
      markup += `<x i="${codes.length}"/>`;
    },
    open(code) {
      codes.push({ kind: code.local, id: idOf(code) });
      markup += `<g i="${codes.length}">`;
    },
    close() {
      markup += '</g>';
    },
  });
  return { text, codes, markup };
}

/** The original markup of each code, numbered as `inlineText` numbers them. */
export interface CodeMarkup {
  readonly whole?: string;
  readonly open?: string;
  readonly close?: string;
}

export function codeMarkup(xml: string, element: XmlElement, ns: string): CodeMarkup[] {
  const codes: CodeMarkup[] = [];
  walkInline(element, ns, {
    text() {},
    native(code) {
      codes.push({ whole: xml.slice(code.start, code.end) });
    },
    open(code) {
      codes.push({ open: xml.slice(code.start, code.openEnd), close: xml.slice(code.closeStart, code.end) });
    },
    close() {},
  });
  return codes;
}

/**
 * Whether a target holds a translation. Blank text is none (memoQ writes
 * `<target> </target>` for "not started"). Codes alone translate a source that
 * is codes alone; where the source has text, they are a tool's scaffolding for
 * work still to do (Trados writes an untranslated segment's codes into its target).
 */
export function isTranslated(target: XliffText | undefined, source: XliffText): target is XliffText {
  if (target === undefined) return false;
  if (target.text.trim().length > 0) return true;
  return target.codes.length > 0 && source.text.trim().length === 0;
}
