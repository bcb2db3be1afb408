import { decodeXML } from 'entities';
import type { InlineCode, XliffText } from './model.js';

/**
 * Inline codes compared by kind and by what they wrap, beyond their ids. A
 * link or bold run that wraps a name in the source must wrap it in the
 * target: `<g id="1">Deutsche Bahn</g> (DB) rechnet` → `Deutsche Bahn (DB)
 * <g id="1">regner med</g>` keeps every id and still puts the link on other
 * words. And a code that wraps text (`<g>`, `<pc>`, a `<bpt>`/`<ept>` pair;
 * XLIFF 1.2 §2.4, XLIFF 2.0 §4.1.2) may not come back as a standalone one
 * (`<x/>`, `<ph/>`) with the same id: merged, the markup around it breaks.
 *
 * Words translate, so what a code wraps is compared through anchors: words
 * both texts write alike, once each, that carry a capital or a digit (names,
 * acronyms, figures). An anchor inside a code's span on one side and outside
 * it on the other is a moved code.
 */
export function codeSpanProblems(source: XliffText, target: XliffText): string[] {
  const problems: string[] = [];
  const sourceKinds = kindsById(source.codes);
  const targetKinds = kindsById(target.codes);
  for (const [id, kinds] of sourceKinds) {
    const other = targetKinds.get(id);
    if (other !== undefined && other !== kinds) {
      problems.push(`inline code ${id} ${describeKinds(kinds)} in the source but ${describeKinds(other)} in the target`);
    }
  }
  const sourceSpans = spansById(source);
  const targetSpans = spansById(target);
  if (sourceSpans.size === 0 || targetSpans.size === 0) return problems;
  const anchors = sharedAnchors(source.text, target.text);
  if (anchors.length === 0) return problems;
  for (const [id, sourceSpan] of sourceSpans) {
    const targetSpan = targetSpans.get(id);
    if (targetSpan === undefined) continue;
    const sourceInside = new Set(words(sourceSpan));
    const targetInside = new Set(words(targetSpan));
    const moved = anchors.filter((anchor) => sourceInside.has(anchor) !== targetInside.has(anchor));
    if (moved.length > 0) {
      problems.push(`inline code ${id} wraps “${sourceSpan.trim()}” in the source but “${targetSpan.trim()}” in the target`);
    }
  }
  return problems;
}

/** Per code id, its shape: `wraps text` (an element or an opening and closing pair) or `stands alone`. */
function kindsById(codes: readonly InlineCode[]): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const code of codes) {
    const shape = SHAPES[code.kind];
    if (shape === undefined) continue;
    const list = parts.get(code.id) ?? [];
    list.push(...shape);
    parts.set(code.id, list);
  }
  return new Map([...parts].map(([id, list]) => [id, list.sort().join(' ')]));
}

/** An element that wraps text counts as its opening and closing halves, so `<g>` equals `<bpt>` + `<ept>`. */
const SHAPES: Readonly<Record<string, readonly string[]>> = {
  g: ['close', 'open'],
  pc: ['close', 'open'],
  bpt: ['open'],
  bx: ['open'],
  sc: ['open'],
  ept: ['close'],
  ex: ['close'],
  ec: ['close'],
  x: ['alone'],
  ph: ['alone'],
};

function describeKinds(kinds: string): string {
  if (kinds === 'alone') return 'stands alone';
  if (kinds === 'close open') return 'wraps text';
  return `is “${kinds}”`;
}

/**
 * The text each wrapping code holds, read from the placeholder markup
 * (`<g i="2">…</g>`, `<x i="3"/>` numbered in the order of `codes`): an element
 * from its tags, a `<bpt>`/`<ept>` pair from the text between the two. One
 * pass with a stack of the open elements.
 */
function spansById(text: XliffText): Map<string, string> {
  const spans = new Map<string, string>();
  const open: { id: string; from: number }[] = [];
  const halves = new Map<string, number>();
  let plain = '';
  for (const [token, element, standalone, content] of text.markup.matchAll(MARKUP)) {
    if (content !== undefined) plain += decodeXML(content);
    else if (element !== undefined) {
      const code = text.codes[Number(element) - 1];
      if (code) open.push({ id: code.id, from: plain.length });
    } else if (token === '</g>') {
      const start = open.pop();
      if (start) spans.set(start.id, plain.slice(start.from));
    } else if (standalone !== undefined) {
      const code = text.codes[Number(standalone) - 1];
      if (!code) continue;
      const shape = SHAPES[code.kind];
      if (shape?.length === 1 && shape[0] === 'open') halves.set(code.id, plain.length);
      else if (shape?.length === 1 && shape[0] === 'close' && halves.has(code.id)) spans.set(code.id, plain.slice(halves.get(code.id)));
    }
  }
  return spans;
}
const MARKUP = /<g i="(\d+)">|<\/g>|<x i="(\d+)"\/>|([^<]+)/g;

/** Words both sides write alike, exactly once each, with a capital or a digit: names, acronyms, figures. */
function sharedAnchors(source: string, target: string): string[] {
  const counts = (text: string) => {
    const seen = new Map<string, number>();
    for (const word of words(text)) seen.set(word, (seen.get(word) ?? 0) + 1);
    return seen;
  };
  const inTarget = counts(target);
  return [...counts(source)].filter(([word, times]) => times === 1 && inTarget.get(word) === 1 && ANCHOR.test(word)).map(([word]) => word);
}
const ANCHOR = /[\p{Lu}\p{Nd}]/u;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]+/gu;
