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
import { billedCharacters, type TranslationEngine } from './engine.js';

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
  /** Told once when the glossary cannot be had and translation goes on without it. Default: nothing. */
  readonly warn?: (message: string) => void;
  /** Requests in flight at once. Default 2. */
  readonly concurrency?: number;
}

/** DeepL's request limits: 50 texts and 128 KiB per request; we keep a margin for the other fields. */
const TEXTS_PER_REQUEST = 50;
const BYTES_PER_REQUEST = 120 * 1024;

/** Languages DeepL glossaries support (DeepL API docs, "glossary languages"). */
const GLOSSARY_LANGUAGES = new Set('ar bg cs da de el en es et fi fr he hu id it ja ko lt lv nb nl pl pt ro ru sk sl sv tr uk vi zh'.split(' '));

export function createDeepLEngine(options: DeepLEngineOptions): TranslationEngine {
  const client = new deepl.DeepLClient(options.authKey, {
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    maxRetries: options.maxRetries ?? 6,
    minTimeout: options.minTimeoutMs ?? 30_000,
    appInfo: { appName: 'l10n-pipeline', appVersion: '0.1.0' },
  });
  const server = serverOf(options);
  const toEngineError = (error: unknown) => engineErrorOf(error, server);
  const glossary = options.glossary ? glossaryFor(client, options.glossary) : undefined;
  /** Settled once: the glossary's id, or undefined when DeepL would not give us one. */
  let glossaryId: Promise<string | undefined> | undefined;
  let withoutGlossary = false;
  const resolveGlossary = () =>
    (glossaryId ??= glossary!.id().catch((error: unknown) => {
      const reason = toEngineError(error);
      // A refused key or a used-up quota stops everything anyway; anything else only costs the glossary.
      if (error instanceof deepl.AuthorizationError || error instanceof deepl.QuotaExceededError) throw reason;
      withoutGlossary = true;
      options.warn?.(`the DeepL glossary of the termbase could not be used (${reason.message}): translating without it`);
      return undefined;
    }));
  const usesGlossary = (to: Lang, from: Lang) => !withoutGlossary && glossary?.hashFor(to, from) !== undefined;
  /** Languages told they get no glossary: once each per engine, that is per run, however many documents. */
  const toldNoGlossary = new Set<string>();
  const tellNoGlossary = (to: Lang, from: Lang) => {
    if (!glossary || withoutGlossary || glossary.hashFor(to, from) !== undefined || toldNoGlossary.has(to)) return;
    toldNoGlossary.add(to);
    options.warn?.(glossary.missingFor(to, from));
  };
  return {
    name: 'deepl',
    limits: { textsPerRequest: TEXTS_PER_REQUEST, bytesPerRequest: BYTES_PER_REQUEST, concurrency: options.concurrency ?? 2 },
    billed: billedCharacters,
    async prepare(to: Lang, from: Lang) {
      tellNoGlossary(to, from);
      if (usesGlossary(to, from)) await resolveGlossary();
    },
    identity: (lang: Lang, from: Lang) =>
      JSON.stringify([
        'deepl',
        DEEPL_NODE_VERSION,
        deeplSourceCode(from),
        deeplTargetCode(lang, options.targetCodes),
        options.formality,
        'split_sentences=0',
        // Results made without the glossary (it could not be had) are not cached as made with it.
        usesGlossary(lang, from) ? glossary!.hashFor(lang, from)! : '',
      ]),
    unsupported(to: Lang, from: Lang) {
      if (deeplTargetCode(to, options.targetCodes) === undefined) return `DeepL does not translate into ${to}`;
      if (deeplSourceCode(from) === undefined) return `DeepL does not translate from ${from}`;
      return undefined;
    },
    async translate(texts, request) {
      if (texts.length === 0) return { texts: [], billed: 0 };
      const source = deeplSourceCode(request.from);
      const target = deeplTargetCode(request.to, options.targetCodes);
      if (!source || !target) throw new EngineError(`DeepL does not translate ${request.from} → ${request.to}`, { engine: 'deepl', retryable: false });
      tellNoGlossary(request.to, request.from);
      try {
        const id = usesGlossary(request.to, request.from) ? await resolveGlossary() : undefined;
        const results = await client.translateText(
          [...texts],
          source.toLowerCase() as deepl.SourceLanguageCode,
          target as deepl.TargetLanguageCode,
          {
            // We send single sentences: DeepL must not split them again.
            splitSentences: 'off',
            formality: options.formality,
            ...(request.context ? { context: request.context } : {}),
            ...(id ? { glossary: id } : {}),
            // Inline codes travel as placeholder tags; v2 parses them strictly, and pinning
            // the version keeps results stable (DeepL API docs, "tag_handling_version").
            ...(request.markup ? { tagHandling: 'xml' as const, tagHandlingVersion: 'v2' as const } : {}),
          },
        );
        // A DeepL-compatible server may answer anything: a missing text is the engine's failure, not ours.
        if (results.length !== texts.length || results.some((result) => typeof result.text !== 'string')) {
          throw new EngineError(`DeepL answered ${results.length} texts for the ${texts.length} sent, or one without its text`, { engine: 'deepl', retryable: false });
        }
        return { texts: results.map((result) => result.text), billed: billedCharacters(texts, request.markup ?? false) };
      } catch (error) {
        throw error instanceof EngineError ? error : toEngineError(error);
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
    /** Why a pair the glossary does not cover goes without it, for a one-time notice. */
    missingFor(lang: Lang, from: Lang): string {
      const target = baseLanguage(lang);
      if (!GLOSSARY_LANGUAGES.has(target) || !GLOSSARY_LANGUAGES.has(baseLanguage(from))) {
        return `DeepL has no glossaries for ${from} → ${lang}: translating into ${lang} without the termbase's names`;
      }
      return `the termbase has no entries in ${target}: DeepL translates into ${lang} without a glossary (add ${target} terms to the termbase to give it one)`;
    },
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

/**
 * deepl-node's errors as ours, summarised: its messages carry the response body
 * verbatim, and a server that echoes the request would put the key on stderr.
 * The status decides what the user is told and whether running again may help.
 */
function engineErrorOf(error: unknown, server: string): EngineError {
  const engine = 'deepl';
  const fail = (message: string, retryable: boolean) => new EngineError(message, { engine, retryable, cause: error });
  if (error instanceof deepl.AuthorizationError) return fail('DeepL refused the key (403): check DEEPL_AUTH_KEY', false);
  if (error instanceof deepl.QuotaExceededError) return fail('DeepL quota exceeded (456): nothing more can be translated this period', false);
  if (error instanceof deepl.TooManyRequestsError) return fail('DeepL is rate-limiting us (429) and retries ran out', true);
  if (error instanceof deepl.ConnectionError) {
    const timeout = /timeout/i.test(error.message);
    return fail(timeout ? `DeepL at ${server} did not answer in time, after every attempt` : `cannot reach DeepL at ${server} (connection failed)`, error.shouldRetry || timeout);
  }
  if (error instanceof deepl.GlossaryNotFoundError) return fail('DeepL does not know the glossary (404)', false);
  if (error instanceof deepl.DeepLError) {
    const status = statusOf(error.message);
    if (status !== undefined && status >= 500) return fail(`DeepL answered with a server error (HTTP ${status}) after every attempt`, true);
    if (status !== undefined) return fail(`DeepL refused the request (HTTP ${status})`, false);
    return fail('DeepL failed', false);
  }
  return fail('DeepL failed', false);
}

/**
 * The address requests go to, as deepl-node picks it (DEEPL_SERVER_URL, else api-free.deepl.com for a
 * free key, whose key ends in `:fx`, else api.deepl.com), for messages: only scheme, host, port and path,
 * so credentials or a query in DEEPL_SERVER_URL are never shown. The key itself is never part of it.
 */
function serverOf(options: DeepLEngineOptions): string {
  if (options.serverUrl === undefined) return options.authKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
  try {
    const url = new URL(options.serverUrl);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return 'the DEEPL_SERVER_URL address (not a valid URL)';
  }
}

/** The HTTP status in one of deepl-node's messages ("Bad request, …", "Unexpected status code: 502 …"). */
function statusOf(message: string): number | undefined {
  const named: Readonly<Record<string, number>> = { 'Bad request': 400, 'Not found': 404, 'Service unavailable': 503 };
  for (const [start, status] of Object.entries(named)) if (message.startsWith(start)) return status;
  const code = /^Unexpected status code: (\d{3})/.exec(message)?.[1];
  return code === undefined ? undefined : Number(code);
}
