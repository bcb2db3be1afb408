import { defineCheck } from '../check.js';

/** Round brackets lost or added (`London (dpa)`). Square brackets are left to pseudo-localisation. */
export const brackets = defineCheck({
  id: 'brackets',
  title: 'Brackets differ from the source',
  run(pair) {
    const count = (text: string) => (text.match(/[(（]/g)?.length ?? 0);
    const source = count(pair.source);
    const target = count(pair.target);
    return source === target
      ? []
      : [{ severity: 'error', message: `the source has ${source} bracket pair(s), the translation ${target}` }];
  },
});
