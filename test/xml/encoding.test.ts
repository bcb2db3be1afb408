/** Files in the encoding they declare: read right, written back byte for byte, nothing lost. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { decodeXml, encodeXml } from '../../src/xml/encoding.js';

const doc = (encoding: string, body = 'Grüße, 東京 & “quotes”') => `<?xml version="1.0" encoding="${encoding}"?>\n<a>${body}</a>\n`;

describe('decoding by BOM and declaration (XML 1.0 §4.3.3, Appendix F)', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc('UTF-8'))]), 'utf-8', true],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc('UTF-16'), 'utf16le')]), 'utf-16le', true],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(doc('UTF-16'), 'utf16le').swap16()]), 'utf-16be', true],
    ['UTF-16LE without BOM', Buffer.from(doc('UTF-16'), 'utf16le'), 'utf-16le', false],
    ['UTF-16BE without BOM', Buffer.from(doc('UTF-16'), 'utf16le').swap16(), 'utf-16be', false],
  ])('%s', (_name, bytes, name, bom) => {
    const { text, encoding } = decodeXml(bytes, 'in.xlf');
    expect(text).toBe(doc(_name.startsWith('UTF-8') ? 'UTF-8' : 'UTF-16'));
    expect(encoding).toMatchObject({ name, bom });
    expect(encodeXml(text, encoding).equals(bytes)).toBe(true);
  });

  it('ISO-8859-1 as the label says: bytes 0x80–0x9F stay what they are, and come back the same', () => {
    const bytes = Buffer.from(doc('ISO-8859-1', 'Grüße \u0092 ©'), 'latin1');
    const { text, encoding } = decodeXml(bytes, 'in.xlf');
    expect(text).toContain('Grüße \u0092 ©');
    expect(encodeXml(text, encoding).equals(bytes)).toBe(true);
  });

  it('windows-1252: “quotes” and € are its own bytes', () => {
    const bytes = Buffer.from([...Buffer.from('<?xml version="1.0" encoding="windows-1252"?><a>'), 0x93, 0x80, 0x94, ...Buffer.from('</a>')]);
    const { text, encoding } = decodeXml(bytes, 'in.xlf');
    expect(text).toContain('“€”');
    expect(encodeXml(text, encoding).equals(bytes)).toBe(true);
  });

  it('a character the encoding cannot carry is written as a character reference', () => {
    const { encoding } = decodeXml(Buffer.from(doc('ISO-8859-1', 'x'), 'latin1'), 'in.xlf');
    expect(encodeXml('<a>東京 “ü”</a>', encoding).toString('latin1')).toBe('<a>&#x6771;&#x4EAC; &#x201C;ü&#x201D;</a>');
    const ascii = decodeXml(Buffer.from(doc('US-ASCII', 'x')), 'in.xlf').encoding;
    expect(encodeXml('<a>é😀</a>', ascii).toString('latin1')).toBe('<a>&#xE9;&#x1F600;</a>');
  });

  it.each([
    ['UTF-8 that is not', Buffer.concat([Buffer.from('<a>Gr'), Buffer.from([0xfc]), Buffer.from('e</a>')]), /^in\.xlf: not valid UTF-8 \(at byte 5\)/],
    ['US-ASCII with a byte above 127', Buffer.from([...Buffer.from('<?xml version="1.0" encoding="US-ASCII"?><a>'), 0xe9, ...Buffer.from('</a>')]), /not valid us-ascii \(at byte 44\)/],
    ['an encoding nobody knows', Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>'), /encoding "x-klingon" named in the XML declaration is not supported/],
  ])('%s is refused, naming the file', (_name, bytes, message) => {
    expect(() => decodeXml(bytes, 'in.xlf')).toThrow(InputError);
    expect(() => decodeXml(bytes, 'in.xlf')).toThrow(message);
  });
});
