import type { Lang } from '../core/lang.js';
import type { CodeSpan, Doc, Segment, SegmentId, Target } from '../core/types.js';
import pLimit, { type LimitFunction } from 'p-limit';
import { AdmissionError, admitText, isAdmitted } from '../core/admit.js';
import { EngineError, formatLocation } from '../core/errors.js';
import { blocksOf, segmentsOf, segmentsOfBlock } from '../core/doc.js';
import { machineOrigin } from '../core/state.js';
import { cacheKey, type MachineCache } from './cache.js';
import { protectCodes } from './protect.js';
import type { EngineLimits, TranslationEngine } from './engine.js';

export interface TranslateOptions {
  readonly sourceLang: Lang;
  readonly lang: Lang;
  /** Undefined: untranslated segments stay empty. */
  readonly engine: TranslationEngine | undefined;
  /** Earlier machine results; consulted before the engine, filled after it. */
  readonly cache?: MachineCache;
  /** Runs engine requests; shared between documents and locales to cap the requests in flight. Default: one at a time. */
  readonly limit?: LimitFunction;
  /** The texts are XML with placeholder tags for inline codes (`XliffText.markup`). */
  readonly markup?: boolean;
  /** Text around a batch, sent as DeepL `context` (not billed). */
  readonly contextFor?: (batch: readonly SegmentRef[]) => string | undefined;
  /** Called with the new targets after every engine batch (its answers already in `cache`), so callers can save progress. */
  readonly commit: (targets: readonly Target[]) => Promise<void>;
  /**
   * Shared by everything translating in one run: when a request fails, it is
   * aborted and no further request starts (a used-up quota must not be hit again).
   */
  readonly stop?: AbortController;
}

export interface SegmentRef {
  readonly id: SegmentId;
  readonly text: string;
  /** Inline codes in `text`: sent as placeholder tags, put back from the answer. */
  readonly codes?: readonly CodeSpan[];
}

export interface TranslateDocOptions extends TranslateOptions {
  readonly doc: Doc;
  /** Targets that already exist; they are kept as they are. */
  readonly targets: ReadonlyMap<SegmentId, Target>;
}

export interface TranslateResult {
  readonly machineTranslated: number;
  readonly charactersSent: number;
}

/** Segments of a document that have no target yet, in document order. */
export function missingSegments(doc: Doc, targets: ReadonlyMap<SegmentId, Target>): Segment[] {
  return segmentsOf(doc).filter((segment) => !targets.has(segment.id));
}

/** Fills the segments of a document that have no target; never touches an existing target. */
export function translateDoc(options: TranslateDocOptions): Promise<TranslateResult> {
  return translateSegments(missingSegments(options.doc, options.targets), { contextFor: neighbourhood(options.doc), ...options });
}

/** Most context DeepL gets per request; it only needs the neighbourhood. */
const MAX_CONTEXT = 4000;

/**
 * The context of a batch: its paragraphs and one on each side. DeepL translates
 * each text of a request on its own (context does not flow between texts), so
 * the surrounding article, sentences of the batch included, is what lets it
 * resolve pronouns and keep names consistent. Context is not billed.
 */
function neighbourhood(doc: Doc): (batch: readonly SegmentRef[]) => string | undefined {
  const blocks = blocksOf(doc);
  const blockOf = new Map<string, number>();
  blocks.forEach((block, index) => {
    for (const segment of segmentsOfBlock(block)) blockOf.set(segment.id, index);
  });
  return (batch) => {
    // A loop, not Math.min(...indexes): spreading an array onto the stack has a size limit.
    let first = Infinity;
    let last = -Infinity;
    for (const segment of batch) {
      const index = blockOf.get(segment.id) ?? 0;
      first = Math.min(first, index);
      last = Math.max(last, index);
    }
    const from = Math.max(0, first - 1);
    const to = Math.min(blocks.length - 1, last + 1);
    const text = blocks
      .slice(from, to + 1)
      .map((block) => block.parts.map((part) => part.text).join(''))
      .join('\n\n');
    return text ? text.slice(0, MAX_CONTEXT) : undefined;
  };
}

/**
 * Translates sentences: cached machine results first, then the engine in
 * batches within the API limits, several in flight as `limit` allows. Reuse of
 * approved translations comes before this, from the memory (the propose
 * stage), so what it covers never reaches here and is never billed.
 */
export async function translateSegments(rest: readonly SegmentRef[], options: TranslateOptions): Promise<TranslateResult> {
  const engine = options.engine;
  if (!engine || engine.unsupported(options.lang, options.sourceLang) !== undefined) return { machineTranslated: 0, charactersSent: 0 };
  if (rest.length > 0) await engine.prepare?.(options.lang, options.sourceLang);
  // Texts with codes go as XML with placeholder tags; then every text of the document does.
  const coded = !options.markup && rest.some((segment) => segment.codes && segment.codes.length > 0);
  const markup = options.markup || coded;
  const identity = engine.identity === undefined ? undefined : `${engine.identity(options.lang, options.sourceLang)}${markup ? '|xml' : ''}`;
  // What the engine gets for each segment, and how its answer becomes the target.
  const wire = new Map(rest.map((segment) => [segment, coded ? protectCodes(segment.text, segment.codes ?? []) : undefined]));
  const sentText = (segment: SegmentRef) => wire.get(segment)?.markup ?? segment.text;
  const received = (segment: SegmentRef, text: string) => wire.get(segment)?.restore(text) ?? text;
  const limit = options.limit ?? pLimit(1);
  const stop = options.stop ?? new AbortController();
  let machineTranslated = 0;
  let charactersSent = 0;
  const origin = machineOrigin(engine.name);
  const machine = (segment: SegmentRef, text: string): Target => ({ segmentId: segment.id, text, state: 'translated', origin });

  await Promise.all(
    batchTexts(rest, engine.limits).map((batch) =>
      limit(async () => {
        if (stop.signal.aborted) return;
        const context = options.contextFor?.(batch);
        const keyOf = (segment: SegmentRef) =>
          identity === undefined ? undefined : cacheKey({ identity, lang: options.lang, source: segment.text, ...(context ? { context } : {}) });
        const cached: Target[] = [];
        const toSend: SegmentRef[] = [];
        for (const segment of batch) {
          const key = keyOf(segment);
          const hit = key === undefined ? undefined : options.cache?.get(key);
          const text = hit === undefined ? undefined : cachedAnswer(received(segment, hit));
          if (text === undefined) toSend.push(segment);
          else cached.push(machine(segment, text));
        }
        let sent: Target[] = [];
        if (toSend.length > 0) {
          const texts = toSend.map(sentText);
          const { texts: translated, billed } = await engine
            .translate(texts, {
              from: options.sourceLang,
              to: options.lang,
              ...(context ? { context } : {}),
              ...(markup ? { markup: true } : {}),
              signal: stop.signal,
            })
            .catch((error: unknown) => {
              stop.abort();
              throw error;
            });
          charactersSent += billed;
          if (translated.length !== toSend.length) {
            stop.abort();
            throw new EngineError(`${engine.name} answered ${translated.length} texts for the ${toSend.length} sent: nothing of this request was kept`, { engine: engine.name, retryable: false });
          }
          // Checked before anything keeps it (the cache included): a bad answer is not paid for twice, nor read back later.
          try {
            sent = toSend.map((segment, i) => machine(segment, admitAnswer(engine.name, segment, received(segment, translated[i]!))));
          } catch (error) {
            stop.abort();
            throw error;
          }
          toSend.forEach((segment, i) => {
            const key = keyOf(segment);
            if (key !== undefined) options.cache?.set(key, translated[i]!);
          });
          // What was paid for is on disk before anything else: a killed run finds it in the cache's journal.
          await options.cache?.flush();
        }
        machineTranslated += batch.length;
        await options.commit([...cached, ...sent]);
      }),
    ),
  );
  return { machineTranslated, charactersSent };
}

/**
 * An engine's answer passes the admission gate as every text that enters the
 * project does: a control character or a lone surrogate from the engine would
 * otherwise be written into the XLIFF and break it. Refused as an EngineError
 * (the engine, not the user, sent it) naming the engine and the unit.
 */
function admitAnswer(engine: string, segment: SegmentRef, text: string): string {
  if (isAdmitted(text)) return text;
  try {
    return admitText(text, { file: engine, unitId: segment.id, what: 'the answer' });
  } catch (error) {
    if (!(error instanceof AdmissionError)) throw error;
    const why = error.message.slice(formatLocation(error.location).length + 2);
    throw new EngineError(`${engine} answered unit ${segment.id} with a text that cannot be kept: ${why}`, { engine, retryable: false, cause: error });
  }
}

/**
 * A cached answer, if the admission gate lets it in: the cache is a file that
 * can be edited or damaged, and an answer it cannot give is asked for again.
 */
function cachedAnswer(text: string): string | undefined {
  return isAdmitted(text) ? text : undefined;
}

/** Splits segments into requests within an engine's limits, in order. */
export function batchTexts<T extends { readonly text: string }>(items: readonly T[], limits: Pick<EngineLimits, 'textsPerRequest' | 'bytesPerRequest'>): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    // Form encoding is what deepl-node sends; it is the larger of the two encodings.
    const size = encodeURIComponent(item.text).length + '&text='.length;
    if (current.length > 0 && (current.length === limits.textsPerRequest || bytes + size > limits.bytesPerRequest)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
