import type { Lang } from '../core/lang.js';

export interface TranslateRequest {
  readonly from: Lang;
  readonly to: Lang;
  /** Text around the sentences that helps with pronouns and names; not translated, not billed. */
  readonly context?: string;
  /** The texts are XML with placeholder tags for inline codes; the tags must come back unchanged. */
  readonly markup?: boolean;
  readonly signal?: AbortSignal;
}

/** What one request may carry, and how many may be in flight: each engine's own. */
export interface EngineLimits {
  readonly textsPerRequest: number;
  /** Bytes of text per request, measured as the texts are sent (form-encoded). */
  readonly bytesPerRequest: number;
  readonly concurrency: number;
}

/** An engine's answer: the texts in request order, and what the request was billed in the engine's unit. */
export interface Translated {
  readonly texts: readonly string[];
  readonly billed: number;
}

/**
 * A machine translation engine: a small required interface and optional extras,
 * as i18next's backends are. Texts go in and come back in the same order.
 */
export interface TranslationEngine {
  /** Its name, as written into XLIFF as the origin of what it made. */
  readonly name: string;
  readonly limits: EngineLimits;
  /** What sending these texts would bill (for `--dry-run`); 0 for an engine that costs nothing. */
  billed(texts: readonly string[], markup: boolean): number;
  /**
   * Everything besides the text that shapes the output (engine, client version,
   * options, glossary), for the cache key. Undefined: results are not cached.
   */
  readonly identity?: (lang: Lang, from: Lang) => string;
  /** Why this engine cannot translate `from` → `to` (one line for the summary), or undefined when it can. */
  unsupported(to: Lang, from: Lang): string | undefined;
  /**
   * Gets ready for `from` → `to` before anything is looked up or sent (DeepL:
   * finds or creates the glossary). Optional; `identity` may depend on its outcome.
   */
  prepare?(to: Lang, from: Lang): Promise<void>;
  translate(texts: readonly string[], request: TranslateRequest): Promise<Translated>;
  /** Characters used and the account limit; optional, callers check before use. */
  usage?(): Promise<{ readonly used: number; readonly limit?: number }>;
}

/**
 * Characters as engines that bill by the character count them (DeepL): Unicode
 * code points of the source text; with markup, tags are not billed, and
 * entities count as the character they stand for.
 */
export function billedCharacters(texts: readonly string[], markup = false): number {
  let count = 0;
  for (const text of texts) {
    const billed = markup ? text.replace(/<[^>]*>/g, '').replace(/&(?:#\d+|#x[0-9a-f]+|\w+);/gi, '_') : text;
    for (const _ of billed) count++;
  }
  return count;
}
