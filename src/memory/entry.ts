/**
 * A translation memory entry: one source sentence and one translation of it
 * into one locale, with what translators and TMS tools keep about it (who and
 * when, the document and neighbouring sentences it was translated in, where
 * it came from). Entries imported from TMX also keep what the file said that
 * we do not use, so an export gives it back.
 */
import type { Lang } from '../core/lang.js';
import type { CodeSpan, Origin, State } from '../core/types.js';

export interface MemoryText {
  /** The sentence with its codes' own text (`<b>`, `{{name}}`), as segments hold it: what exact lookup compares. */
  readonly text: string;
  readonly codes?: readonly CodeSpan[];
  /** A TMX `<seg>`'s content as the file had it (escaped native codes in `<bpt>`, `<ph>`…), for export. */
  readonly tmx?: string;
}

/** A TMX element's attributes, `<prop>`s and `<note>`s, kept as they were. */
export interface TmxExtras {
  readonly attributes?: Readonly<Record<string, string>>;
  readonly props?: readonly { readonly type: string; readonly value: string; readonly lang?: string }[];
  readonly notes?: readonly string[];
}

export interface MemoryEntry {
  /** The language of the source sentence: the project's for `de-DE` too; another is kept, for export only. */
  readonly sourceLang: Lang;
  /** The language of the translation, as precise as its tag (`fr-CA`); it serves the project locale `fr`. */
  readonly lang: Lang;
  readonly source: MemoryText;
  readonly target: MemoryText;
  /** `reviewed` or `final`: filled in as an exact match. Below: only ever proposed. */
  readonly state: State;
  readonly origin: Origin;
  /** The document it was translated in. */
  readonly doc?: string;
  /** The source sentences before and after it there ('' at either end): an exact match in the same context is 101 %. */
  readonly context?: { readonly prev: string; readonly next: string };
  /** TMX dates (`20241127T035017Z`) and user names. */
  readonly created?: string;
  readonly creator?: string;
  readonly changed?: string;
  readonly changer?: string;
  /** Entries of one TMX `<tu>` share it, so an export writes them back as one unit; only imported entries have one. */
  readonly unit?: string;
  /** What the TMX file had that export could not make again: language tags as written (`DE-de`), the `<tu>` and `<tuv>`s' extras. */
  readonly tmx?: {
    readonly sourceLang?: string;
    readonly targetLang?: string;
    readonly tu?: TmxExtras;
    readonly sourceTuv?: TmxExtras;
    readonly targetTuv?: TmxExtras;
  };
}

/** A memory entry as a store returns it. */
export interface StoredEntry extends MemoryEntry {
  readonly id: number;
}

/** A TMX-style date of now: ISO 8601 basic, UTC, seconds. */
export function tmxDate(date: Date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
