import type { Lang } from '../../core/lang.js';
import { baseLanguage } from '../../core/lang.js';
import { germanRules } from './de.js';
import { englishRules } from './en.js';
import type { LanguageRules } from './types.js';

const builtIn: Readonly<Record<string, LanguageRules>> = { de: germanRules, en: englishRules };

/** Built-in rules for a language; languages without their own rules use the English ones. */
export function rulesFor(lang: Lang): LanguageRules {
  return builtIn[baseLanguage(lang)] ?? englishRules;
}
