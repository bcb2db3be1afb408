import { InputError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { rulesFor } from './rules/index.js';
import type { LanguageRules } from './rules/types.js';
import { readXmlFile } from '../xml/file.js';
import { parseSrx, srxRulesFor } from './srx.js';

/**
 * The rules for `lang`: from the user's SRX file when one is given, otherwise
 * the built-in ones. An SRX file without rules for the language is an error,
 * not a silent fallback.
 */
export async function loadRules(lang: Lang, srxFile?: string): Promise<LanguageRules> {
  if (!srxFile) return rulesFor(lang);
  const xml = await readXmlFile(srxFile);
  if (!xml) throw new InputError('no such file', { file: srxFile });
  const rules = srxRulesFor(parseSrx(xml.text, srxFile), lang);
  if (rules.rules.length === 0) throw new InputError(`no <languagemap> matches the language "${lang}"`, { file: srxFile });
  // The user's patterns may backtrack without end: they run under a time budget.
  return { ...rules, file: srxFile };
}
