import { defineCheck } from '../check.js';
import { difference } from '../multiset.js';

/**
 * Placeholders and tags differ from the source. Printf conversions (`%s`, `%d`,
 * `%@`, `%1$@`, `%ld`) must come through as many times and of the same types as
 * in the source; a target may number them (`%1$@` for `%@`) to change their
 * order, as iOS and Android translators do. Named placeholders (`{{name}}`,
 * `{0}`, `{name}`, `%name%`, `$t(key)`) must all be there and none added, but
 * may repeat: Symfony and ICU plural forms (`…{{ limit }}…|…{{ limit }}…`) have
 * as many forms as the target language has plurals. Tags (`<b>`, and the
 * numbered `<1>…</1>` of react-i18next's Trans) must match one for one.
 */
export const placeholders = defineCheck({
  id: 'placeholders',
  title: 'Placeholders differ from the source',
  run(pair) {
    const source = tokens(pair.source);
    const target = tokens(pair.target);
    const numbered = source.printf.some((token) => /^%\d+\$/.test(token)) && target.printf.every((token) => /^%\d+\$/.test(token));
    const sourceNamed = new Set(source.named);
    const targetNamed = new Set(target.named);
    const printf = (list: readonly string[]) => (numbered ? list : list.map((token) => token.replace(/^%\d+\$/, '%')));
    const missing = [
      ...difference(printf(source.printf), printf(target.printf)),
      ...[...new Set(source.named)].filter((token) => !targetNamed.has(token)),
      ...difference(source.tags, target.tags),
    ];
    const extra = [
      ...difference(printf(target.printf), printf(source.printf)),
      ...[...new Set(target.named)].filter((token) => !sourceNamed.has(token)),
      ...difference(target.tags, source.tags),
    ];
    if (missing.length + extra.length === 0) return [];
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${missing.join(' ')}`);
    if (extra.length > 0) parts.push(`not in the source: ${extra.join(' ')}`);
    return [{ severity: 'error', message: `placeholders differ: ${parts.join('; ')}` }];
  },
});

/**
 * printf conversions (C, Objective-C `%@`, iOS `%#@var@`; not `%ige` in „20%ige“),
 * named placeholders, tags.
 */
// Linear in the text: the width starts with 1–9 (a leading 0 is a flag), so `%000…0` is not split between flags and
// width in every way; `$t(` ends at the next `(` too, or a run of `$t(` was scanned to its end from each of them.
const PLACEHOLDER =
  /(%(?:\d+\$)?[-+#0]*(?:[1-9]\d*)?(?:\.\d+)?(?:hh|h|ll|l|q|z|t|j|L)?[sdiuoxXfFeEgGcpaA@](?![A-Za-z])|%#@\w+@)|(\{\{[^{}]*\}\}|\{\d+\}|\{[A-Za-z_][\w.]*\}|%[A-Za-z_]\w*%|\$t\([^()]*\))|(<\/?(?:[A-Za-z][\w:-]*|\d+)(?:\s[^<>]*)?\/?>)/g;

/** The text with every placeholder and tag blanked out, so other checks do not read `%1$@` as the number 1. */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, (token) => ' '.repeat(token.length));
}

/**
 * ICU plural and select messages (Angular, i18next-icu) hold a message per case:
 * `{count, plural, one {one item} other {# items}}`. A case body such as `{male}`
 * is text to translate, not a placeholder: its braces are blanked out. One scan
 * with a stack of the braces open.
 */
function withoutIcuCaseBraces(text: string): string {
  if (!ICU_ARGUMENT_ANYWHERE.test(text)) return text;
  const units = text.split('');
  const open: ('argument' | 'case' | 'other')[] = [];
  for (let i = 0; i < units.length; i++) {
    if (units[i] === '{') {
      ICU_ARGUMENT.lastIndex = i;
      if (open.at(-1) === 'argument') {
        units[i] = ' ';
        open.push('case');
      } else open.push(ICU_ARGUMENT.test(text) ? 'argument' : 'other');
    } else if (units[i] === '}' && open.pop() === 'case') units[i] = ' ';
  }
  return units.join('');
}
const ICU_ARGUMENT_ANYWHERE = /\{\s*[\w.]+\s*,\s*(?:plural|select|selectordinal)\s*,/;
const ICU_ARGUMENT = /\{\s*[\w.]+\s*,\s*(?:plural|select|selectordinal)\s*,/y;

function tokens(text: string): { printf: string[]; named: string[]; tags: string[] } {
  const found = { printf: [] as string[], named: [] as string[], tags: [] as string[] };
  for (const [, printf, named, tag] of withoutIcuCaseBraces(text).matchAll(PLACEHOLDER)) {
    if (printf) found.printf.push(printf);
    else if (named) found.named.push(named.replace(/\s+/g, ' '));
    else if (tag) found.tags.push(tag);
  }
  return found;
}

