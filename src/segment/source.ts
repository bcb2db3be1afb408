/** Reading source text: strict UTF-8, NFC, no character XML cannot carry. */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AdmissionError, firstForbidden } from '../core/admit.js';
import { InputError, lineAndColumn } from '../core/errors.js';
import { codePointName, decodeUtf8, firstInvalidUtf8 } from '../core/text.js';

/**
 * Reads a source file as text. Refuses bytes that are not UTF-8 (naming the
 * offset) and empty files; drops a byte-order mark and normalises to NFC, so a
 * file saved with decomposed umlauts (macOS) segments and matches memory exactly
 * like the same text precomposed. Offsets refer to this normalised text.
 */
export async function readSourceText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(describeReadError(error), { file }, { cause: error });
  }
  let text = decodeUtf8(bytes, file);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  refuseForbidden(text, file, 0);
  if (text.trim().length === 0) throw new InputError('the file is empty', { file });
  return text.normalize('NFC');
}

/**
 * Reads a source file as a stream of text, with the same checks and
 * normalisation as `readSourceText`: for files too large to hold in memory.
 */
export async function* readSourceStream(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytesBefore = 0;
  let lines = 0;
  let carry = '';
  let empty = true;
  try {
    for await (const chunk of createReadStream(file)) {
      const bytes = chunk as Buffer;
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch (error) {
        throw new InputError(`not valid UTF-8 (at byte ${bytesBefore + firstInvalidUtf8(bytes)})`, { file }, { cause: error });
      }
      refuseForbidden(text, file, lines);
      lines += text.split('\n').length - 1;
      bytesBefore += bytes.length;
      // Hold back the last base character and its combining marks: the next chunk may add more marks.
      const all = carry + text;
      const cut = lastStarter(all);
      carry = all.slice(cut);
      const ready = all.slice(0, cut).normalize('NFC');
      if (empty && ready.trim().length > 0) empty = false;
      if (ready) yield ready;
    }
    const rest = (carry + decoder.decode()).normalize('NFC');
    if (empty && rest.trim().length === 0) throw new InputError('the file is empty', { file });
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeReadError(error), { file }, { cause: error });
  }
}

/**
 * Refuses NUL and the other characters XML cannot carry, by the admission
 * gate's rule (`firstForbidden`): a source becomes XLIFF and i18next
 * resources, and one such character would break both. Sizes are the gate's
 * business per sentence (`parseSource`), not per file. `linesBefore`: lines in
 * earlier chunks of a stream, for the line number.
 */
function refuseForbidden(text: string, file: string, linesBefore: number): void {
  const at = firstForbidden(text);
  if (at === -1) return;
  const { line, column } = lineAndColumn(text, at);
  throw new AdmissionError(`character ${codePointName(text[at]!)} is not allowed in a source (XML 1.0 cannot carry it)`, {
    file,
    line: line + linesBefore,
    column,
  });
}

/** Index of the last character that is not a combining mark (0 if none). */
function lastStarter(text: string): number {
  for (let i = text.length - 1; i > 0; i--) {
    if (!/\p{M}/u.test(text[i]!)) return i;
  }
  return 0;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'ENOTDIR') return 'is a file, not a folder';
  return (error as Error).message;
}
