import { defineCheck } from '../check.js';

/**
 * Placeholders and tags differ from the source: `{{name}}`, `{0}`, `%s`,
 * `%1$s`, `$t(key)`, `<b>`… must come through exactly, as many times as in the
 * source; their order may change with the language's word order.
 */
export const placeholders = defineCheck({
  id: 'placeholders',
  title: 'Placeholders differ from the source',
  run(pair) {
    const source = tokens(pair.source);
    const target = tokens(pair.target);
    const missing = difference(source, target);
    const extra = difference(target, source);
    if (missing.length + extra.length === 0) return [];
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${missing.join(' ')}`);
    if (extra.length > 0) parts.push(`not in the source: ${extra.join(' ')}`);
    return [{ severity: 'error', message: `placeholders differ: ${parts.join('; ')}` }];
  },
});

const PLACEHOLDER = /\{\{[^{}]*\}\}|\{\d+\}|\{[A-Za-z_][\w.]*\}|%(?:\d+\$)?[sdif@]|\$t\([^)]*\)|<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/g;

function tokens(text: string): string[] {
  return text.match(PLACEHOLDER) ?? [];
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const pool = [...b];
  return a.filter((token) => {
    const i = pool.indexOf(token);
    if (i === -1) return true;
    pool.splice(i, 1);
    return false;
  });
}
