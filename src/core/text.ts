/** Strict UTF-8 decoding, with errors that say where. Which characters text may hold is the admission gate's rule (`core/admit.ts`). */
import { InputError } from './errors.js';

/** Decodes UTF-8; throws an InputError naming `file` and the first bad byte. Keeps a BOM (callers decide). */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new InputError(`not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})`, { file }, { cause: error });
  }
}

/** Offset of the first byte that does not decode as UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
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

/** `U+0000` for the message naming a character. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
