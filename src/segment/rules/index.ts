/**
 * The built-in rules: SRX files beside this module (`de.srx`, `en.srx`), read
 * once. Users bring their own with `--srx FILE` or the `segmentation.srx` config key.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { baseLanguage, type Lang } from '../../core/lang.js';
import { PACKAGE_ROOT } from '../../core/package-root.js';
import { parseSrx, srxRulesFor } from '../srx.js';
import type { LanguageRules } from './types.js';

const RULES_DIR = path.join(PACKAGE_ROOT, 'src/segment/rules');
const BUILT_IN = new Set(['de', 'en']);
const loaded = new Map<string, LanguageRules>();

/** Built-in rules for a language; languages without their own rules use the English ones. */
export function rulesFor(lang: Lang): LanguageRules {
  const base = BUILT_IN.has(baseLanguage(lang)) ? baseLanguage(lang) : 'en';
  let rules = loaded.get(base);
  if (!rules) {
    const file = path.join(RULES_DIR, `${base}.srx`);
    rules = srxRulesFor(parseSrx(readFileSync(file, 'utf8'), file), base);
    loaded.set(base, rules);
  }
  return rules;
}
