/**
 * Inline codes in a sentence's text (`CodeSpan`): finding them in a source, in
 * a translation, and turning text with codes into tagged XML and back. A
 * translation carries the same markup as its source, so its codes are found
 * by matching the source's codes' text; code data never comes from outside.
 */
import type { CodeSpan } from './types.js';

const TAG = /^<(\/)?([A-Za-z][\w:-]*|\d+)(?:\s[^<>]*)?(\/)?>$/;

/**
 * The codes `pattern` finds in `text`. Tags pair up (`<1>…</1>`, `<b>…</b>`)
 * when they nest properly; a tag without its partner, and everything else the
 * pattern finds, stands alone.
 */
export function findCodes(text: string, pattern: RegExp): CodeSpan[] {
  type Found = { kind: CodeSpan['kind']; start: number; end: number; name?: string; partner?: number };
  const spans: Found[] = [];
  // The open tags as a stack, and per name where in it that name was opened: a close finds its partner
  // without searching the stack (searching it per close was quadratic in runs of `<b>` then `</i>`).
  const open: number[] = [];
  const opened = new Map<string, number[]>();
  for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
    if (match[0].length === 0) continue;
    const tag = TAG.exec(match[0]);
    const span: Found = { kind: 'standalone', start: match.index, end: match.index + match[0].length, ...(tag && !tag[3] ? { name: tag[2]! } : {}) };
    spans.push(span);
    if (!tag || tag[3]) continue;
    if (!tag[1]) {
      const positions = opened.get(tag[2]!) ?? opened.set(tag[2]!, []).get(tag[2]!)!;
      positions.push(open.length);
      open.push(spans.length - 1);
    } else {
      const positions = opened.get(tag[2]!);
      // A position the stack was cut below, or that another tag took since, is stale: each is dropped once.
      while (positions && positions.length > 0 && (positions.at(-1)! >= open.length || spans[open[positions.at(-1)!]!]!.name !== tag[2])) positions.pop();
      const at = positions?.pop();
      if (at === undefined) continue;
      // Tags opened after the partner and not closed stay alone.
      const partner = open[at];
      open.length = at;
      spans[partner!]!.kind = 'open';
      span.kind = 'close';
      span.partner = partner!;
    }
  }
  let next = 0;
  const ids = spans.map((span) => (span.kind === 'close' ? '' : String(++next)));
  return spans.map((span, index) => ({ id: span.kind === 'close' ? ids[span.partner!]! : ids[index]!, kind: span.kind, start: span.start, end: span.end }));
}

/**
 * The codes of `source` as they are found in `text` (a translation of it): at
 * each place where one of the source's codes is written, that code, in the
 * order the translation has them. Text that merely looks like a code is text.
 */
export function codesIn(text: string, source: { readonly text: string; readonly codes?: readonly CodeSpan[] }): CodeSpan[] {
  const codes = source.codes ?? [];
  if (codes.length === 0) return [];
  // The codes by their text, and per first character the lengths they come in, longest first (so
  // `{{count, number}}` is not read as a shorter code): a position is tried against the few lengths its
  // character starts, not against every code.
  const byValue = new Map<string, CodeSpan[]>();
  const lengths = new Map<string, number[]>();
  for (const code of codes) {
    const value = source.text.slice(code.start, code.end);
    if (value === '') continue;
    if (!byValue.has(value)) {
      byValue.set(value, []);
      const forFirst = lengths.get(value[0]!) ?? lengths.set(value[0]!, []).get(value[0]!)!;
      if (!forFirst.includes(value.length)) forFirst.push(value.length);
    }
    byValue.get(value)!.push(code);
  }
  for (const forFirst of lengths.values()) forFirst.sort((a, b) => b - a);
  const used = new Set<CodeSpan>();
  const found: CodeSpan[] = [];
  for (let i = 0; i < text.length; ) {
    const hit = codeAt(text, i, byValue, lengths.get(text[i]!) ?? [], used);
    if (!hit) {
      i++;
      continue;
    }
    used.add(hit);
    found.push({ ...hit, start: i, end: i + hit.end - hit.start });
    i += hit.end - hit.start;
  }
  return found;
}

/** The code written at `i`: the longest not yet used, else the longest (a translation may repeat a code). */
function codeAt(text: string, i: number, byValue: ReadonlyMap<string, readonly CodeSpan[]>, lengths: readonly number[], used: ReadonlySet<CodeSpan>): CodeSpan | undefined {
  let repeated: CodeSpan | undefined;
  for (const length of lengths) {
    const codes = byValue.get(text.slice(i, i + length));
    if (!codes) continue;
    const fresh = codes.find((code) => !used.has(code));
    if (fresh) return fresh;
    repeated ??= codes[0];
  }
  return repeated;
}

/** Codes as numbered XML placeholders, the way engines and XLIFF readers see them. */
export interface CodeMarkupOptions {
  readonly escape: (text: string) => string;
  readonly standalone: (code: CodeSpan, data: string, index: number) => string;
  readonly open: (code: CodeSpan, data: string, index: number) => string;
  readonly close: (code: CodeSpan, data: string, index: number) => string;
}

/** `text` with its codes written by `options`, the text between them escaped. */
export function writeCodes(text: string, codes: readonly CodeSpan[], options: CodeMarkupOptions): string {
  let out = '';
  let cursor = 0;
  codes.forEach((code, index) => {
    out += options.escape(text.slice(cursor, code.start));
    const data = text.slice(code.start, code.end);
    out += code.kind === 'open' ? options.open(code, data, index) : code.kind === 'close' ? options.close(code, data, index) : options.standalone(code, data, index);
    cursor = code.end;
  });
  return out + options.escape(text.slice(cursor));
}
