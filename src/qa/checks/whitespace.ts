import { defineCheck } from '../check.js';

/** Leading or trailing whitespace, or doubled spaces, that the source does not have. */
export const whitespace = defineCheck({
  id: 'whitespace',
  title: 'Whitespace differs from the source',
  run(pair) {
    const found = [];
    if (/^\s/.test(pair.target) !== /^\s/.test(pair.source)) found.push('leading whitespace differs');
    if (/\s$/.test(pair.target) !== /\s$/.test(pair.source)) found.push('trailing whitespace differs');
    if (/ {2}/.test(pair.target) && !/ {2}/.test(pair.source)) found.push('doubled space');
    return found.map((message) => ({ severity: 'warning' as const, message }));
  },
});
