/**
 * The machine translation engines, and which one translates into which
 * locale. Pseudo-locales always get the offline engine; real locales get the
 * engine the config names, or with `auto` the first one whose key is set, or
 * none (`offline`: memory only). Adding an engine is its module under `mt/`
 * and an entry here.
 */
import type { ResolvedConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { baseLanguage, isPseudoLocale, type Lang } from '../core/lang.js';
import { glossaryEntries, type Termbase } from '../termbase/index.js';
import type { TranslationEngine } from './engine.js';
import { createOfflineEngine } from './offline.js';

export interface EngineContext {
  readonly config: ResolvedConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly termbase?: Termbase;
  /** For problems the run gets past (a glossary it cannot use). */
  readonly warn?: (message: string) => void;
}

export interface EngineEntry {
  /** As the config's `engine` names it (the config lists the names and each engine's options). */
  readonly name: Exclude<ResolvedConfig['engine'], 'auto' | 'offline'>;
  /** With `engine: auto`: whether the environment has what the engine needs (its key). */
  ready(env: NodeJS.ProcessEnv): boolean;
  /** Loaded on demand: an engine's client costs start-up time. */
  create(context: EngineContext): Promise<TranslationEngine>;
}

/** Engines for real locales, in the order `auto` tries them. */
export const ENGINES: readonly EngineEntry[] = [
  {
    name: 'deepl',
    ready: (env) => Boolean(env['DEEPL_AUTH_KEY']?.trim()),
    async create({ config, env, termbase, warn }) {
      const authKey = env['DEEPL_AUTH_KEY']?.trim();
      if (!authKey) throw new ConfigError('engine "deepl" needs the DEEPL_AUTH_KEY environment variable', 'engine');
      const serverUrl = env['DEEPL_SERVER_URL']?.trim();
      const { createDeepLEngine } = await import('./deepl.js');
      return createDeepLEngine({
        authKey,
        ...(serverUrl ? { serverUrl } : {}),
        targetCodes: config.deepl.targetCodes,
        formality: config.deepl.formality,
        maxRetries: config.deepl.attempts,
        minTimeoutMs: config.deepl.timeoutMs,
        concurrency: config.deepl.concurrency,
        ...(termbase ? { glossary: { sourceLang: config.sourceLanguage, dictionaries: glossaries(termbase, config) } } : {}),
        ...(warn ? { warn } : {}),
      });
    },
  },
];

export interface EngineChoice {
  /** The engine for `lang`, or undefined: memory only. */
  engineFor(lang: Lang): TranslationEngine | undefined;
}

export async function chooseEngines(config: ResolvedConfig, env: NodeJS.ProcessEnv, termbase?: Termbase, warn?: (message: string) => void): Promise<EngineChoice> {
  const names = termbase?.entries.flatMap((entry) => (entry.terms.get(baseLanguage(config.sourceLanguage)) ?? []).map((term) => term.text));
  const pseudo = createOfflineEngine(names ? { names } : {});
  const entry = config.engine === 'auto' ? ENGINES.find((candidate) => candidate.ready(env)) : ENGINES.find((candidate) => candidate.name === config.engine);
  const real = entry && (await entry.create({ config, env, ...(termbase ? { termbase } : {}), ...(warn ? { warn } : {}) }));
  return { engineFor: (lang) => (isPseudoLocale(lang) ? pseudo : real) };
}

/** Glossary entries from the termbase, per base language of the real target locales. */
function glossaries(termbase: Termbase, config: ResolvedConfig): Map<string, Record<string, string>> {
  return new Map(config.targetLocales.map((lang) => [baseLanguage(lang), glossaryEntries(termbase, config.sourceLanguage, lang)] as const));
}
