/** Glossary entries from the termbase, per base language of the real target locales. */
function glossaries(termbase: Termbase, config: ResolvedConfig): Map<string, Record<string, string>> {
  return new Map(
    config.targetLocales.map((lang) => [baseLanguage(lang), glossaryEntries(termbase, config.sourceLanguage, lang)] as const),
  );
}

/**
 * Which engine translates into which locale. Pseudo-locales always use the
 * offline engine. Real locales use DeepL when it is chosen (or `auto` and
 * DEEPL_AUTH_KEY is set); otherwise they get no machine translation at all.
 */
import type { ResolvedConfig } from './core/config.js';
import { ConfigError } from './core/errors.js';
import { baseLanguage, isPseudoLocale, type Lang } from './core/lang.js';
import { glossaryEntries, type Termbase } from './termbase/index.js';
import { createOfflineEngine, type TranslationEngine } from './mt/index.js';

export interface EngineChoice {
  /** The engine for `lang`, or undefined: memory only. */
  engineFor(lang: Lang): TranslationEngine | undefined;
  /** What is used for real locales: `deepl` or `offline` (memory only). */
  readonly realLocales: 'deepl' | 'offline';
}

export async function chooseEngines(
  config: ResolvedConfig,
  env: NodeJS.ProcessEnv,
  termbase?: Termbase,
  warn?: (message: string) => void,
): Promise<EngineChoice> {
  const names = termbase?.entries.flatMap((entry) => (entry.terms.get(baseLanguage(config.sourceLanguage)) ?? []).map((term) => term.text));
  const offline = createOfflineEngine(names ? { names } : {});
  const authKey = env['DEEPL_AUTH_KEY']?.trim();
  const useDeepL = config.engine === 'deepl' || (config.engine === 'auto' && Boolean(authKey));
  if (useDeepL && !authKey) {
    throw new ConfigError('engine "deepl" needs the DEEPL_AUTH_KEY environment variable', 'engine');
  }
  const serverUrl = env['DEEPL_SERVER_URL']?.trim();
  const deepl = useDeepL
    ? (await import('./mt/deepl.js')).createDeepLEngine({
        authKey: authKey!,
        ...(serverUrl ? { serverUrl } : {}),
        targetCodes: config.deepl.targetCodes,
        formality: config.deepl.formality,
        maxRetries: config.deepl.attempts,
        minTimeoutMs: config.deepl.timeoutMs,
        ...(termbase ? { glossary: { sourceLang: config.sourceLanguage, dictionaries: glossaries(termbase, config) } } : {}),
        ...(warn ? { warn } : {}),
      })
    : undefined;
  return {
    realLocales: deepl ? 'deepl' : 'offline',
    engineFor: (lang) => (isPseudoLocale(lang) ? offline : deepl),
  };
}
