/**
 * Paragraphs first: a blank line separates blocks. Headline and caption are
 * recognised by position and pattern, so translators and MT know they are not
 * sentence fragments (notes/segmentation.md §4).
 */
import type { BlockKind } from '../core/types.js';

export interface RawBlock {
  readonly start: number;
  readonly text: string;
}

/** Whitespace that holds a blank line, including the leading and trailing whitespace of the text. */
const BLOCK_SEPARATOR = /\s*\n[^\S\n]*\n\s*|^\s+|\s+$/g;

/** Splits `text` into blocks; everything between blocks is whitespace. */
export function splitBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let cursor = 0;
  for (const match of text.matchAll(BLOCK_SEPARATOR)) {
    if (match.index > cursor) blocks.push({ start: cursor, text: text.slice(cursor, match.index) });
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) blocks.push({ start: cursor, text: text.slice(cursor) });
  return blocks;
}

/** Credit lines under pictures: "Foto: dpa", "Bild: Reuters/John Doe". */
const CAPTION = /^(?:Foto|Fotos|Bild|Bilder|Grafik|Video|Archivfoto|Archivbild|Illustration)\s*:\s*\S/u;
const SENTENCE_END = /[.!?…:;]["'“”»«‘’)\]]*$/u;

export function classifyBlock(text: string, index: number): BlockKind {
  if (CAPTION.test(text)) return 'caption';
  if (index === 0 && !text.includes('\n') && !SENTENCE_END.test(text)) return 'headline';
  return 'paragraph';
}
