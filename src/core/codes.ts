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
  const open: number[] = [];
  for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
    if (match[0].length === 0) continue;
    const tag = TAG.exec(match[0]);
    const span: Found = { kind: 'standalone', start: match.index, end: match.index + match[0].length, ...(tag && !tag[3] ? { name: tag[2]! } : {}) };
    spans.push(span);
    if (!tag || tag[3]) continue;
    if (!tag[1]) open.push(spans.length - 1);
    else {
      const at = open.findLastIndex((index) => spans[index]!.name === tag[2]);
      if (at === -1) continue;
      // Tags opened after the partner and not closed stay alone.
      const [partner] = open.splice(at);
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
  const data = codes.map((code) => source.text.slice(code.start, code.end)).map((value, index) => ({ value, code: codes[index]! }));
  // Longest first, so `{{count, number}}` is not read as a shorter code.
  const candidates = [...data].sort((a, b) => b.value.length - a.value.length);
  const used = new Set<CodeSpan>();
  const found: CodeSpan[] = [];
  for (let i = 0; i < text.length; ) {
    const hit = candidates.find((candidate) => !used.has(candidate.code) && text.startsWith(candidate.value, i)) ?? candidates.find((candidate) => text.startsWith(candidate.value, i));
    if (!hit) {
      i++;
      continue;
    }
    used.add(hit.code);
    found.push({ ...hit.code, start: i, end: i + hit.value.length });
    i += hit.value.length;
  }
  return found;
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
