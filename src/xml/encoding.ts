/**
 * XML text in the encoding its file declares (XML 1.0 §4.3.3 and Appendix F):
 * a byte order mark first, then the declaration's `encoding`, else UTF-8. A file
 * is written back in the same encoding, byte for byte where nothing changed; a
 * character the encoding cannot carry is written as a character reference,
 * which every XML reader resolves (§4.1), so nothing is lost.
 */
import { InputError } from '../core/errors.js';
import { firstInvalidUtf8 } from '../core/text.js';

/** How a file's bytes map to text. */
export interface XmlEncoding {
  /** WHATWG encoding name as TextDecoder knows it: `utf-8`, `utf-16le`, `windows-1252`, … */
  readonly name: string;
  /** What the file calls it, lower case (`iso-8859-1`); WHATWG reads ISO-8859-1 as windows-1252. */
  readonly label: string;
  readonly bom: boolean;
}

export interface DecodedXml {
  /** The text without its byte order mark. */
  readonly text: string;
  readonly encoding: XmlEncoding;
}

/** Reads the bytes of an XML file as text. `file` names it in errors. */
export function decodeXml(bytes: Uint8Array, file: string): DecodedXml {
  const bom = detectBom(bytes);
  const name = bom ?? sniffUtf16(bytes) ?? declaredEncoding(bytes) ?? 'utf-8';
  const label = name.toLowerCase();
  const latin1 = latin1Limit(label);
  if (latin1 !== undefined) {
    // The label at its word (XML 1.0 §4.3.3), not WHATWG's windows-1252 reading: byte = code point.
    const bad = bytes.findIndex((byte) => byte >= latin1);
    if (bad !== -1) throw new InputError(`not valid ${label} (at byte ${bad})`, { file });
    return { text: Buffer.from(bytes).toString('latin1'), encoding: { name: 'windows-1252', label, bom: false } };
  }
  if (label === 'windows-1252' || label === 'cp1252' || label === 'x-cp1252') {
    return { text: decodeWindows1252(bytes), encoding: { name: 'windows-1252', label, bom: false } };
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(name, { fatal: true, ignoreBOM: false });
  } catch {
    throw new InputError(`encoding "${name}" named in the XML declaration is not supported`, { file });
  }
  try {
    return { text: decoder.decode(bytes), encoding: { name: decoder.encoding, label, bom: bom !== undefined } };
  } catch (error) {
    const where = decoder.encoding === 'utf-8' ? ` (at byte ${firstInvalidUtf8(bytes)})` : '';
    const label = decoder.encoding === 'utf-8' ? 'UTF-8' : decoder.encoding;
    throw new InputError(`not valid ${label}${where}`, { file }, { cause: error });
  }
}

/** Whether `encodeXml` can write this encoding (it writes Unicode and single-byte encodings, not Shift_JIS or GBK). */
export function canEncode(encoding: XmlEncoding): boolean {
  return !MULTI_BYTE.has(encoding.name);
}

/** Text back to bytes in `encoding`; characters it cannot carry become `&#x…;`. */
export function encodeXml(text: string, encoding: XmlEncoding): Buffer {
  switch (encoding.name) {
    case 'utf-8':
      return Buffer.from(encoding.bom ? `\uFEFF${text}` : text, 'utf8');
    case 'utf-16le':
      return Buffer.from(encoding.bom ? `\uFEFF${text}` : text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(encoding.bom ? `\uFEFF${text}` : text, 'utf16le').swap16();
    default:
      return encodeSingleByte(text, byteTable(encoding));
  }
}

function detectBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM still starts with `<` as two bytes (Appendix F.1). */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return undefined;
}

/** The declaration is ASCII in every ASCII-compatible encoding: read it from the first bytes. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  if (!head.startsWith('<?xml')) return undefined;
  const end = head.indexOf('?>');
  const match = /\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(end === -1 ? head : head.slice(0, end));
  const label = match?.[1]?.toLowerCase();
  // A UTF-16 label on a file that did not look like UTF-16 is a lie; read it as UTF-8 and let that fail or pass.
  return label === undefined || label.startsWith('utf-16') ? undefined : label;
}

const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb18030', 'big5', 'euc-kr']);

/**
 * windows-1252's bytes 0x80–0x9F (WHATWG Encoding, index-windows-1252); the
 * rest is Latin-1. Decoded here because Node's TextDecoder reads windows-1252
 * as Latin-1 (nodejs/node#56542), which would turn “quotes” into control characters.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += 65536) {
    const chunk = Array.from(bytes.subarray(start, start + 65536), (byte) => (byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80]! : byte));
    out += String.fromCharCode(...chunk);
  }
  return out;
}

const tables = new Map<string, Map<number, number>>();

/** Labels that WHATWG reads as windows-1252 but that mean ISO-8859-1 (or ASCII): bytes above the limit are not theirs. */
const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'iso_8859-1:1987', 'iso88591', 'latin1', 'l1', 'iso-ir-100', 'ibm819', 'cp819', 'csisolatin1']);
const ASCII_LABELS = new Set(['us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso-ir-6', 'iso646-us', 'us', 'cp367', 'ibm367', 'csascii']);

function latin1Limit(label: string): number | undefined {
  return LATIN1_LABELS.has(label) ? 0x100 : ASCII_LABELS.has(label) ? 0x80 : undefined;
}

/** Code point → byte for a single-byte encoding, built from the decoder itself, so the two always agree. */
function byteTable(encoding: XmlEncoding): Map<number, number> {
  const limit = latin1Limit(encoding.label);
  const key = `${encoding.name}/${limit ?? ''}`;
  let table = tables.get(key);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(encoding.name);
    for (let byte = 0; byte < 256; byte++) {
      if (limit !== undefined) {
        if (byte < limit) table.set(byte, byte);
        continue;
      }
      const char = encoding.name === 'windows-1252' ? decodeWindows1252(Uint8Array.of(byte)) : decoder.decode(Uint8Array.of(byte));
      if (char.length === 1 && char !== '\uFFFD') table.set(char.codePointAt(0)!, byte);
    }
    tables.set(key, table);
  }
  return table;
}

function encodeSingleByte(text: string, table: ReadonlyMap<number, number>): Buffer {
  const out = Buffer.allocUnsafe(text.length * 10);
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const byte = table.get(code);
    if (byte !== undefined) out[length++] = byte;
    else length += out.write(`&#x${code.toString(16).toUpperCase()};`, length, 'latin1');
  }
  return out.subarray(0, length);
}
