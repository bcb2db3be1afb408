/**
 * Reading an XML file from disk, the one way every XML input comes in
 * (XLIFF, TBX, SRX): a size limit checked before reading, then the declared
 * encoding. Parsing (and refusing DOCTYPEs) is `parse.ts`'s job.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError, unreadable } from '../core/errors.js';
import { decodeXml, type DecodedXml } from './encoding.js';

/** Undefined when the file does not exist. */
export async function readXmlFile(
  file: string,
  options: { maxBytes?: number; kind?: string; tooLarge?: (message: string) => InputError } = {},
): Promise<DecodedXml | undefined> {
  let bytes: Buffer;
  try {
    if (options.maxBytes !== undefined) {
      const { size } = await stat(file);
      if (size > options.maxBytes) {
        const message = `${(size / 1024 / 1024).toFixed(0)} MB is more than the ${options.maxBytes / 1024 / 1024} MB ${options.kind ?? 'this file'} may have; split it`;
        throw options.tooLarge?.(message) ?? new InputError(message, { file });
      }
    }
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof InputError) throw error;
    throw unreadable(file, error);
  }
  return decodeXml(bytes, file);
}
