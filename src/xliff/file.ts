/** Reading an XLIFF file: every command that opens one goes through here. */
import { XliffError } from '../core/errors.js';
import type { XmlEncoding } from '../xml/encoding.js';
import { readXmlFile } from '../xml/file.js';
import type { XliffContent } from './model.js';
import { readXliffMapped, type MappedXliff } from './read.js';

/**
 * XLIFF files larger than this are refused before they are read: parsing holds
 * the whole tree in memory (about ten times the file). Our own export of 100,000
 * machine-translated sentences is about 66 MB.
 */
export const MAX_XLIFF_BYTES = 96 * 1024 * 1024;

export interface XliffFile {
  /** The file's text and encoding, kept for updating it in place. */
  readonly text: string;
  readonly encoding: XmlEncoding;
  readonly content: XliffContent;
  readonly mapped: MappedXliff;
}

/** Reads an XLIFF file in the encoding it declares; undefined when it does not exist. */
export async function readXliffFile(file: string): Promise<XliffFile | undefined> {
  const xml = await readXmlFile(file, { maxBytes: MAX_XLIFF_BYTES, kind: 'an XLIFF file', tooLarge: (message) => new XliffError(message, { file }) });
  return xml && { ...xml, ...readXliffMapped(xml.text, file) };
}
