/** Strict UTF-8 decoding and the characters text may hold, with errors that say where. */
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

/**
 * A character XML 1.0 does not allow anywhere (§2.2: NUL and the other C0
 * controls but tab and line ends, U+FFFE, U+FFFF). Sources become XLIFF, so
 * they are held to the same rule. Lone surrogates, also forbidden, cannot come
 * out of the strict decoders every file is read with. A plain class without the
 * `u` flag: it scans a 66 MB file several times faster.
 */
export const FORBIDDEN_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** `U+0000` for the message naming a character. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
