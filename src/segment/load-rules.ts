import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { rulesFor } from './rules/index.js';
import type { LanguageRules } from './rules/types.js';
import { parseSrx, srxRulesFor } from './srx.js';

/**
 * The rules for `lang`: from the user's SRX file when one is given, otherwise
 * the built-in ones. An SRX file without rules for the language is an error,
 * not a silent fallback.
 */
export async function loadRules(lang: Lang, srxFile?: string): Promise<LanguageRules> {
  if (!srxFile) return rulesFor(lang);
  let text: string;
  try {
    text = await readFile(srxFile, 'utf8');
  } catch (error) {
    throw new InputError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message, { file: srxFile });
  }
  const rules = srxRulesFor(parseSrx(text, srxFile), lang);
  if (rules.rules.length === 0) throw new InputError(`no <languagemap> matches the language "${lang}"`, { file: srxFile });
  return rules;
}
