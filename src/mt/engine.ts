import type { Lang } from '../core/lang.js';

export type EngineName = 'deepl' | 'offline';

export interface TranslateRequest {
  readonly from: Lang;
  readonly to: Lang;
  /** Text around the sentences that helps with pronouns and names; not translated, not billed. */
  readonly context?: string;
  /** The texts are XML with placeholder tags for inline codes; the tags must come back unchanged. */
  readonly markup?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * A machine translation engine: a small required interface and optional extras,
 * as i18next's backends are. Texts go in and come back in the same order.
 */
export interface TranslationEngine {
  readonly name: EngineName;
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
  translate(texts: readonly string[], request: TranslateRequest): Promise<string[]>;
  /** Characters used and the account limit; optional, callers check before use. */
  usage?(): Promise<{ readonly used: number; readonly limit?: number }>;
}

/**
 * What an engine is billed for: Unicode code points of the source text (DeepL
 * counts these); with markup, tags are not billed, and entities count as the
 * character they stand for.
 */
export function billedCharacters(texts: readonly string[], markup = false): number {
  let count = 0;
  for (const text of texts) {
    const billed = markup ? text.replace(/<[^>]*>/g, '').replace(/&(?:#\d+|#x[0-9a-f]+|\w+);/gi, '_') : text;
    for (const _ of billed) count++;
  }
  return count;
}
