/**
 * The one place HTML text is escaped (WHATWG HTML §13.3, "escaping a string"):
 * every writer of HTML (the localised page, the sanitised fragment, the reading
 * page) calls these, so text can never become markup by one writer forgetting.
 */

const REFERENCE: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content: `&`, `<` and `>` as references. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => REFERENCE[char]!);
}

/** Text, or a value in double quotes as our own pages write every attribute: `&`, `<`, `>` and `"` as references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => REFERENCE[char]!);
}

/** Text for an attribute value in either quote, or in none (writers then add `"`). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => REFERENCE[char]!);
}
