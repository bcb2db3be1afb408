/** Reading source documents: strict UTF-8, one document per `*.txt`. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import type { DocId } from '../core/types.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface SourceDoc {
  readonly id: DocId;
  readonly file: string;
}

/**
 * Reads a source file as text. Refuses bytes that are not UTF-8 (naming the
 * offset) and empty files; drops a byte-order mark.
 */
export async function readSourceText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(describeReadError(error), { file }, { cause: error });
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    throw new InputError(`not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})`, { file }, { cause: error });
  }
  if (text.trim().length === 0) throw new InputError('the file is empty', { file });
  return text;
}

/** The documents in a source folder, sorted by id. */
export async function listSourceDocs(dir: string): Promise<SourceDoc[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new InputError(describeReadError(error), { file: dir }, { cause: error });
  }
  const docs = names
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const id = name.slice(0, -'.txt'.length);
      if (!DOC_ID.test(id)) {
        throw new InputError('a document file name may only use letters, digits, ".", "_" and "-"', {
          file: path.join(dir, name),
        });
      }
      return { id: id as DocId, file: path.join(dir, name) };
    });
  if (docs.length === 0) throw new InputError('no *.txt documents in the source folder', { file: dir });
  return docs;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'ENOTDIR') return 'is a file, not a folder';
  return (error as Error).message;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The shortest prefix that fails to decode ends at the first bad sequence.
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      strict.decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}
