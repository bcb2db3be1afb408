import type { Lang } from '../core/lang.js';
import type { Doc, Segment, SegmentId, Target } from '../core/types.js';
import { billedCharacters, type TranslationEngine } from './engine.js';
import type { TranslationMemory } from './memory.js';

/** DeepL's request limits: 50 texts and 128 KiB per request; we keep a margin for the other fields. */
export const MAX_TEXTS_PER_REQUEST = 50;
export const MAX_REQUEST_BYTES = 120 * 1024;

export interface TranslateOptions {
  readonly sourceLang: Lang;
  readonly lang: Lang;
  readonly memory: TranslationMemory;
  /** Undefined: memory only, untranslated segments stay empty. */
  readonly engine: TranslationEngine | undefined;
  /** Called with the new targets after memory lookup and after every engine batch, so callers can save progress. */
  readonly commit: (targets: readonly Target[]) => Promise<void>;
  readonly signal?: AbortSignal;
}

export interface TranslateDocOptions extends TranslateOptions {
  readonly doc: Doc;
  /** Targets that already exist; they are kept as they are. */
  readonly targets: ReadonlyMap<SegmentId, Target>;
}

export interface TranslateResult {
  readonly fromMemory: number;
  readonly machineTranslated: number;
  readonly charactersSent: number;
}

/** Segments of a document that have no target yet, in document order. */
export function missingSegments(doc: Doc, targets: ReadonlyMap<SegmentId, Target>): Segment[] {
  return doc.body.flatMap((block) =>
    block.kind === 'block'
      ? block.parts.filter((part): part is Segment => part.kind === 'segment' && !targets.has(part.id))
      : [],
  );
}

/** Fills the segments of a document that have no target; never touches an existing target. */
export function translateDoc(options: TranslateDocOptions): Promise<TranslateResult> {
  return translateSegments(missingSegments(options.doc, options.targets), options);
}

/**
 * Translates sentences: approved translations from memory first (never sent,
 * never billed), then the engine in batches within the API limits.
 */
export async function translateSegments(
  segments: readonly { readonly id: SegmentId; readonly text: string }[],
  options: TranslateOptions,
): Promise<TranslateResult> {
  const reused: Target[] = [];
  const toSend: { id: SegmentId; text: string }[] = [];
  for (const segment of segments) {
    const known = options.memory.get(segment.text);
    if (known) reused.push({ segmentId: segment.id, text: known.text, state: 'translated', origin: 'memory' });
    else toSend.push(segment);
  }
  if (reused.length > 0) await options.commit(reused);

  let machineTranslated = 0;
  let charactersSent = 0;
  const engine = options.engine;
  if (engine?.supports(options.lang)) {
    for (const batch of batchTexts(toSend)) {
      const texts = batch.map((segment) => segment.text);
      const translated = await engine.translate(texts, {
        from: options.sourceLang,
        to: options.lang,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      charactersSent += billedCharacters(texts);
      machineTranslated += batch.length;
      await options.commit(
        batch.map((segment, i) => ({ segmentId: segment.id, text: translated[i]!, state: 'translated', origin: engine.name })),
      );
    }
  }
  return { fromMemory: reused.length, machineTranslated, charactersSent };
}

/** Splits segments into requests within the API limits, in order. */
export function batchTexts<T extends { readonly text: string }>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    // Form encoding is what deepl-node sends; it is the larger of the two encodings.
    const size = encodeURIComponent(item.text).length + '&text='.length;
    if (current.length > 0 && (current.length === MAX_TEXTS_PER_REQUEST || bytes + size > MAX_REQUEST_BYTES)) {
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
