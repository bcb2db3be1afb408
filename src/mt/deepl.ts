/**
 * The DeepL engine. The only module that imports deepl-node; it turns
 * deepl-node's errors into ours (EngineError with `retryable`). The key comes
 * from the caller (the environment) and never reaches a message or a file.
 */
import { hash } from 'node:crypto';
import * as deepl from 'deepl-node';
import { EngineError } from '../core/errors.js';
import { baseLanguage, type Lang } from '../core/lang.js';
import { deeplSourceCode, deeplTargetCode } from './deepl-languages.js';
import type { TranslationEngine } from './engine.js';

/** Part of the cache key: another client version may send other defaults. */
const DEEPL_NODE_VERSION = '1.28.0';

export interface DeepLEngineOptions {
  /** The DeepL auth key (from DEEPL_AUTH_KEY). */
  readonly authKey: string;
  /** API address instead of DeepL's own (DEEPL_SERVER_URL); used by tests against a local server. */
  readonly serverUrl?: string;
  /** DeepL target code per locale where a variant is needed (`en` → `EN-GB`). */
  readonly targetCodes: Readonly<Record<string, string>>;
  /** Default `prefer_more`: formal where the language has it, ignored elsewhere. */
  readonly formality: deepl.Formality;
  /** Attempts per request, deepl-node style: its `maxRetries` counts attempts, so N = N − 1 retries. Default 6. */
  readonly maxRetries?: number;
  /** Per-attempt timeout in ms. Default 30000. */
  readonly minTimeoutMs?: number;
  /**
   * Names to translate one way (from the termbase): source term → target term,
   * per target language. Sent as one DeepL multilingual glossary (v3), created
   * once and reused while its content is the same.
   */
  readonly glossary?: { readonly sourceLang: Lang; readonly dictionaries: ReadonlyMap<string, Readonly<Record<string, string>>> };
}

/** Languages DeepL glossaries support (DeepL API docs, "glossary languages"). */
const GLOSSARY_LANGUAGES = new Set('ar bg cs da de el en es et fi fr he hu id it ja ko lt lv nb nl pl pt ro ru sk sl sv tr uk vi zh'.split(' '));

export function createDeepLEngine(options: DeepLEngineOptions): TranslationEngine {
  const client = new deepl.DeepLClient(options.authKey, {
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    maxRetries: options.maxRetries ?? 6,
    minTimeout: options.minTimeoutMs ?? 30_000,
    appInfo: { appName: 'l10n-pipeline', appVersion: '0.1.0' },
  });
  const glossary = options.glossary ? glossaryFor(client, options.glossary) : undefined;
  return {
    name: 'deepl',
    identity: (lang: Lang, from: Lang) =>
      JSON.stringify([
        'deepl',
        DEEPL_NODE_VERSION,
        deeplSourceCode(from),
        deeplTargetCode(lang, options.targetCodes),
        options.formality,
        'split_sentences=0',
        glossary?.hashFor(lang, from) ?? '',
      ]),
    unsupported(to: Lang, from: Lang) {
      if (deeplTargetCode(to, options.targetCodes) === undefined) return `DeepL does not translate into ${to}`;
      if (deeplSourceCode(from) === undefined) return `DeepL does not translate from ${from}`;
      return undefined;
    },
    async translate(texts, request) {
      if (texts.length === 0) return [];
      const source = deeplSourceCode(request.from);
      const target = deeplTargetCode(request.to, options.targetCodes);
      if (!source || !target) throw new EngineError(`DeepL does not translate ${request.from} → ${request.to}`, { engine: 'deepl', retryable: false });
      try {
        const glossaryId = glossary?.hashFor(request.to, request.from) ? await glossary.id() : undefined;
        const results = await client.translateText(
          [...texts],
          source.toLowerCase() as deepl.SourceLanguageCode,
          target as deepl.TargetLanguageCode,
          {
            // We send single sentences: DeepL must not split them again.
            splitSentences: 'off',
            formality: options.formality,
            ...(request.context ? { context: request.context } : {}),
            ...(glossaryId ? { glossary: glossaryId } : {}),
            // Inline codes travel as placeholder tags; v2 parses them strictly, and pinning
            // the version keeps results stable (notes/deepl.md §8).
            ...(request.markup ? { tagHandling: 'xml' as const, tagHandlingVersion: 'v2' as const } : {}),
          },
        );
        return results.map((result) => result.text);
      } catch (error) {
        throw toEngineError(error);
      }
    },
    async usage() {
      try {
        const usage = await client.getUsage();
        return { used: usage.character?.count ?? 0, ...(usage.character ? { limit: usage.character.limit } : {}) };
      } catch (error) {
        throw toEngineError(error);
      }
    },
  };
}

/**
 * The project's glossary on DeepL: one multilingual glossary named after a hash
 * of its content, found by that name or created on first use, once per process.
 */
function glossaryFor(client: deepl.DeepLClient, spec: NonNullable<DeepLEngineOptions['glossary']>) {
  const source = baseLanguage(spec.sourceLang);
  const dictionaries = [...spec.dictionaries]
    .filter(([target, entries]) => GLOSSARY_LANGUAGES.has(source) && GLOSSARY_LANGUAGES.has(target) && Object.keys(entries).length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const hashes = new Map(dictionaries.map(([target, entries]) => [target, hash('sha256', JSON.stringify(Object.entries(entries).sort()), 'hex').slice(0, 12)]));
  const name = `l10n-pipeline-${hash('sha256', JSON.stringify(dictionaries), 'hex').slice(0, 16)}`;
  let pending: Promise<string> | undefined;
  return {
    /** Content hash of the dictionary for a language pair, or undefined when the glossary does not cover it. */
    hashFor: (lang: Lang, from: Lang) => (baseLanguage(from) === source ? hashes.get(baseLanguage(lang)) : undefined),
    id: () =>
      (pending ??= (async () => {
        const existing = (await client.listMultilingualGlossaries()).find((info) => info.name === name);
        if (existing) return existing.glossaryId;
        const created = await client.createMultilingualGlossary(
          name,
          dictionaries.map(([target, entries]) => ({ sourceLangCode: source, targetLangCode: target, entries: new deepl.GlossaryEntries({ entries: { ...entries } }) })),
        );
        return created.glossaryId;
      })().catch((error: unknown) => {
        pending = undefined;
        throw error;
      })),
  };
}

function toEngineError(error: unknown): EngineError {
  const engine = 'deepl';
  if (error instanceof deepl.AuthorizationError) {
    return new EngineError('DeepL refused the key (403): check DEEPL_AUTH_KEY', { engine, retryable: false, cause: error });
  }
  if (error instanceof deepl.QuotaExceededError) {
    return new EngineError('DeepL quota exceeded (456): nothing more can be translated this period', {
      engine,
      retryable: false,
      cause: error,
    });
  }
  if (error instanceof deepl.TooManyRequestsError) {
    return new EngineError('DeepL is rate-limiting us (429) and retries ran out; run again later', {
      engine,
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof deepl.ConnectionError) {
    return new EngineError(`cannot reach DeepL: ${error.message}`, { engine, retryable: error.shouldRetry, cause: error });
  }
  if (error instanceof deepl.DeepLError) {
    return new EngineError(`DeepL error: ${error.message}`, { engine, retryable: false, cause: error });
  }
  return new EngineError(`DeepL failed: ${(error as Error).message}`, { engine, retryable: false, cause: error });
}
