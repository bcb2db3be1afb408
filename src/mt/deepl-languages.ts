/**
 * BCP 47 tags to DeepL's language codes. DeepL takes a base language as source
 * and, as target, a base language or one of the regional variants it
 * distinguishes (English, Portuguese, Latin American Spanish, Chinese scripts).
 * Languages DeepL lists as beta are left out: they take no tag handling and no
 * glossaries, which CAT-tool files and our termbase need.
 * Source: developers.deepl.com, "Languages supported" (2025).
 */
import { baseLanguage, type Lang } from '../core/lang.js';

const SOURCES = new Set('ar bg cs da de el en es et fi fr he hu id it ja ko lt lv nb nl pl pt ro ru sk sl sv th tr uk vi zh'.split(' '));
const TARGETS = new Set([...SOURCES].filter((code) => !['en', 'pt', 'zh'].includes(code)));

/** Spanish as written in Latin America and the Caribbean: DeepL's ES-419 (UN M.49 region 419). */
const LATIN_AMERICA = new Set('419 AR BO CL CO CR CU DO EC GT HN MX NI PA PE PR PY SV UY VE'.split(' '));
/** Chinese written in Traditional characters by default in these regions (CLDR likely subtags). */
const TRADITIONAL_CHINESE = new Set(['TW', 'HK', 'MO']);

/** Macrolanguage and legacy codes DeepL knows under another name. */
const ALIASES: Readonly<Record<string, string>> = { no: 'nb', iw: 'he', in: 'id' };

function base(lang: Lang): string {
  const code = baseLanguage(lang);
  return ALIASES[code] ?? code;
}

/** DeepL's `source_lang` for a language, or undefined when DeepL does not translate from it. */
export function deeplSourceCode(lang: Lang): string | undefined {
  const code = base(lang);
  return SOURCES.has(code) ? code.toUpperCase() : undefined;
}

/**
 * DeepL's `target_lang` for a locale, or undefined when DeepL does not translate
 * into it. `defaults` names the variant for a tag without a region (config
 * `deepl.targetCodes`, e.g. `en` → `EN-GB`); an exact tag there wins over all.
 */
export function deeplTargetCode(lang: Lang, defaults: Readonly<Record<string, string>>): string | undefined {
  const exact = defaults[lang];
  if (exact) return exact.toUpperCase();
  const locale = new Intl.Locale(lang);
  const code = base(lang);
  const region = locale.region;
  switch (code) {
    case 'en':
      if (region === 'US') return 'EN-US';
      if (region === 'GB') return 'EN-GB';
      return (defaults['en'] ?? 'EN-GB').toUpperCase();
    case 'pt':
      if (region === 'BR') return 'PT-BR';
      if (region !== undefined) return 'PT-PT';
      return (defaults['pt'] ?? 'PT-PT').toUpperCase();
    case 'es':
      if (region !== undefined && LATIN_AMERICA.has(region)) return 'ES-419';
      return (defaults['es'] ?? 'ES').toUpperCase();
    case 'zh': {
      const script = locale.script ?? (region !== undefined && TRADITIONAL_CHINESE.has(region) ? 'Hant' : 'Hans');
      return script === 'Hant' ? 'ZH-HANT' : 'ZH-HANS';
    }
    default:
      if (!TARGETS.has(code)) return undefined;
      return (defaults[code] ?? code).toUpperCase();
  }
}
