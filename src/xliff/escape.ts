/**
 * Escaping for our own serializer. CR is written as `&#13;` (a literal CR would
 * come back as LF, XML 1.0 §2.11); in attributes TAB/LF/CR are escaped too, or
 * attribute-value normalisation (§3.3.3) turns them into spaces.
 */
const TEXT_SPECIAL = /[&<>\r]/;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/;

export function escapeText(text: string): string {
  // Most sentences need no escaping: skip the replace (and its string copy).
  return TEXT_SPECIAL.test(text) ? text.replace(/[&<>\r]/g, (char) => TEXT_ENTITIES[char]!) : text;
}

export function escapeAttribute(text: string): string {
  return ATTRIBUTE_SPECIAL.test(text) ? text.replace(/[&<>"\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char]!) : text;
}

const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
};

const ENTITY = /&(?:lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** Text as escaped XML turned back into text: the predefined entities and character references. */
export function unescapeText(text: string): string {
  return text.includes('&')
    ? text.replace(ENTITY, (entity, decimal?: string, hex?: string) =>
        decimal ? characterOf(Number(decimal), entity) : hex ? characterOf(parseInt(hex, 16), entity) : NAMED[entity]!,
      )
    : text;
}

/** A reference past U+10FFFF (an engine's `&#99999999;`) names no character: it stays as written, not a RangeError. */
function characterOf(code: number, entity: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

/** `name="value"` pairs in the given order; undefined values are left out. */
export function attributes(pairs: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  for (const name in pairs) {
    const value = pairs[name];
    if (value !== undefined) out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return out;
}
