/**
 * Escaping for our own serializer. CR is written as `&#13;` (a literal CR would
 * come back as LF, XML 1.0 §2.11); in attributes TAB/LF/CR are escaped too, or
 * attribute-value normalisation (§3.3.3) turns them into spaces.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (char) => TEXT_ENTITIES[char]!);
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char]!);
}

const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** `name="value"` pairs in the given order; undefined values are left out. */
export function attributes(pairs: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(pairs)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}
