/**
 * Paragraphs first: whitespace that holds a blank line separates blocks.
 * Headline and caption are recognised by position and pattern, so translators
 * and MT know they are not sentence fragments.
 */
import type { BlockKind } from '../core/types.js';

/** Whitespace other than a line feed (spaces, tabs, CR of CRLF line ends, no-break spaces). */
const isBlank = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f;
const isSpace = (code: number) => code === 0x0a || isBlank(code);

/**
 * The next run of whitespace at or after `from` that contains a blank line (two
 * line feeds with only blanks between), as [start, end); undefined if none.
 * A plain scan: a regular expression here backtracks at every space.
 */
export function nextBlockSeparator(text: string, from: number): [number, number] | undefined {
  for (let newline = text.indexOf('\n', from); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    let after = newline + 1;
    while (after < text.length && isBlank(text.charCodeAt(after))) after++;
    if (text.charCodeAt(after) !== 0x0a) continue;
    let start = newline;
    while (start > from && isSpace(text.charCodeAt(start - 1))) start--;
    let end = after;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    return [start, end];
  }
  return undefined;
}

/** Length of the whitespace at the start of `text`. */
export function leadingSpace(text: string, from = 0): number {
  let end = from;
  while (end < text.length && isSpace(text.charCodeAt(end))) end++;
  return end - from;
}

/** Length of the whitespace at the end of `text`. */
export function trailingSpace(text: string): number {
  let start = text.length;
  while (start > 0 && isSpace(text.charCodeAt(start - 1))) start--;
  return text.length - start;
}

/** Credit lines under pictures: "Foto: dpa", "Bild: Reuters/John Doe". */
const CAPTION = /^(?:Foto|Fotos|Bild|Bilder|Grafik|Video|Archivfoto|Archivbild|Illustration)\s*:\s*\S/u;
const CLOSERS = new Set([...'"\'“”»«‘’)]']);
const ENDERS = new Set([...'.!?…:;']);

/** Whether the text ends like a sentence: punctuation, then closing quotes or brackets. */
function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text[i]!)) i--;
  return i >= 0 && ENDERS.has(text[i]!);
}

export function classifyBlock(text: string, index: number): BlockKind {
  if (CAPTION.test(text)) return 'caption';
  if (index === 0 && !text.includes('\n') && !endsLikeSentence(text)) return 'headline';
  return 'paragraph';
}
