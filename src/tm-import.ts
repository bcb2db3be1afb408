/**
 * `l10n tm import`: a TMX file's units into the memory, streamed in batches.
 * Each `<tu>` gives one entry per translation: the `<tuv>` in the source
 * language (`<tu srclang>`, else the header's, else the project's; matched by
 * language, so `de-DE` is German) against each other `<tuv>`. A translation
 * into a region of a project locale (`en-GB` for `en`) serves that locale and
 * keeps its tag for export. Translations a tool marks as machine output or
 * as drafts stay proposals; the others are the team's approved work. They are
 * not checked here: QA checks a sentence in its document, where it is used,
 * and a match the memory fills in is only ever a draft to be reviewed there.
 *
 * What the file brings passes the admission gate (`core/admit.ts`): the
 * reader admits every text, prop, note and attribute; the language tags are
 * admitted here. The import is one transaction: a file that fails anywhere
 * (truncated, a refused value, a locked database) leaves the memory, its
 * versions and its copies as they were.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ADMISSION_LIMITS, admitLang, type Admission } from './core/admit.js';
import { InputError, unreadable } from './core/errors.js';
import { baseLanguage, type Lang } from './core/lang.js';
import { HUMAN, machineOrigin, MEMORY } from './core/state.js';
import { STATES, type Origin, type State } from './core/types.js';
import type { MemoryEntry, TmxExtras } from './memory/entry.js';
import { escapeText } from './xliff/escape.js';
import { servesLocale, type MemoryStore } from './memory/memory.js';
import { mapTmxLang } from './memory/tmx-lang.js';
import { readTmx, type TmxHeader, type TmxUnit, type TmxVariant } from './memory/tmx-read.js';

export interface TmxImportOptions {
  /** Import only translations into these locales (`--lang`). */
  readonly only?: readonly Lang[];
  /** Called after each batch with the units read so far. */
  readonly onProgress?: (units: number) => void;
}

export interface TmxImportSummary {
  readonly units: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Translations per locale, as stored. */
  readonly locales: ReadonlyMap<string, number>;
  /** Translations from another source language than the project's: kept for export, never proposed. */
  readonly otherSource: number;
  /** Why translations were not imported, with how many. */
  readonly skipped: ReadonlyMap<string, number>;
  /** Language tags as written that are not BCP 47 (`DA-01`, `en_GB`, `EN-US`), each with the tag it was read as and how many `<tuv>`s had it. */
  readonly mapped: ReadonlyMap<string, { readonly lang: Lang; readonly count: number }>;
}

const BATCH = 5_000;
const MAX_REASONS = 1_000;

/** Tags repeat on every unit: each is admitted once (a hostile file's many distinct tags cannot grow this past its bound). */
const tags = new Map<string, Lang | undefined>();
const TAGS_KEPT = 10_000;

/**
 * A `<tuv>`'s language as the gate admits it: the tag as written when it is
 * BCP 47, else what it stands for (`EN-gb` → `en-GB`, `en_GB` → `en-GB`,
 * Euramis `DA-01` → `da`, ISO 639-2 `dan`/`ger` → `da`/`de`: `memory/tmx-lang.ts`),
 * undefined for a tag that names no known language (refused by name and
 * count), or an AdmissionError for anything that is not a tag at all (a
 * 544-character private-use tag parses, and would name a copy's file: the
 * gate's length bound refuses it).
 */
function languageOf(tag: string, where: Admission): Lang | undefined {
  const known = tags.get(tag);
  if (known !== undefined || tags.has(tag)) return known;
  // Over-long tags and characters no tag has are the gate's to refuse, with the file and line.
  if (tag.length > ADMISSION_LIMITS.lang || !TOOL_TAG.test(tag)) admitLang(tag, where);
  const mapped = mapTmxLang(tag);
  const lang = mapped === undefined ? undefined : admitLang(mapped, where);
  if (tags.size >= TAGS_KEPT) tags.clear();
  tags.set(tag, lang);
  return lang;
}

/** A tool's spelling of a tag: letters and digits in short runs. Linear: each run ends at a separator. */
const TOOL_TAG = /^[A-Za-z0-9]{1,8}(?:[-_][A-Za-z0-9]{1,8}){0,7}$/;

export async function importTmx(memory: MemoryStore, file: string, options: TmxImportOptions = {}): Promise<TmxImportSummary> {
  try {
    if (!(await stat(file)).isFile()) throw new InputError('is not a file', { file });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadable(file, error);
  }
  const skipped = new Map<string, number>();
  // A file with a thousand odd tags gets a thousand reasons at most, not one per unit.
  const skip = (reason: string) => {
    const kept = skipped.has(reason) || skipped.size < MAX_REASONS ? reason : 'other reasons';
    skipped.set(kept, (skipped.get(kept) ?? 0) + 1);
  };
  const locales = new Map<string, number>();
  const mapped = new Map<string, { lang: Lang; count: number }>();
  const map = (written: string, lang: Lang) => {
    if (written === lang) return;
    const seen = mapped.get(written);
    if (seen) seen.count++;
    else if (mapped.size < MAX_REASONS) mapped.set(written, { lang, count: 1 });
  };
  const totals = { units: 0, added: 0, updated: 0, unchanged: 0, otherSource: 0 };
  const unitPrefix = `${path.basename(file)}#`;
  let header: TmxHeader | undefined;
  let batch: MemoryEntry[] = [];
  const flush = () => {
    const result = memory.add(batch);
    totals.added += result.added;
    totals.updated += result.updated;
    totals.unchanged += result.unchanged;
    batch = [];
    options.onProgress?.(totals.units);
  };
  // Batches bound what is held in memory; the one transaction around them makes the file count whole or not at all.
  await memory.atomically(async () => {
    for await (const item of readTmx(createReadStream(file, { highWaterMark: 1 << 20 }), file)) {
      if (!('variants' in item)) {
        header = item;
        continue;
      }
      totals.units++;
      for (const entry of entriesOf(item, header, { file, unitPrefix, projectSource: memory.sourceLang, options, skip, map })) {
        if (entry.sourceLang !== memory.sourceLang) totals.otherSource++;
        locales.set(entry.lang, (locales.get(entry.lang) ?? 0) + 1);
        batch.push(entry);
      }
      if (batch.length >= BATCH) flush();
    }
    flush();
  });
  return { ...totals, locales, skipped, mapped };
}

interface UnitContext {
  readonly file: string;
  readonly unitPrefix: string;
  readonly projectSource: Lang;
  readonly options: TmxImportOptions;
  readonly skip: (reason: string) => void;
  /** Counts a tag read as another (`DA-01` as `da`). */
  readonly map: (written: string, lang: Lang) => void;
}

function entriesOf(unit: TmxUnit, header: TmxHeader | undefined, { file, unitPrefix, projectSource, options, skip, map }: UnitContext): MemoryEntry[] {
  const where = (what: string): Admission => ({ file, line: unit.line, what: `unit ${unit.index}: ${what}` });
  // The unit's source language, else the file's; `*all*` (TMX 1.4b) lets any <tuv> be the source:
  // then the project's language if the unit has it, else its first.
  const declared = unit.srclang ?? header?.srclang;
  const anyIsSource = !declared || declared === '*all*';
  const sourceTag = anyIsSource ? (header?.srclang && header.srclang !== '*all*' ? header.srclang : projectSource) : declared;
  const source = findVariant(unit.variants, sourceTag) ?? (anyIsSource ? (findVariant(unit.variants, projectSource) ?? unit.variants[0]) : undefined);
  if (!source) {
    skip(`no <tuv> in the source language ${sourceTag}`);
    return [];
  }
  const parsedSource = languageOf(source.lang, where('the language tag of the source <tuv>'));
  if (parsedSource) map(source.lang, parsedSource);
  // `de-DE` is the project's German: its entries are proposed.
  const sourceLang = parsedSource && baseLanguage(parsedSource) === baseLanguage(projectSource) ? projectSource : parsedSource;
  if (!sourceLang) {
    skip(`unknown language tag ${source.lang}`);
    return [];
  }
  const entries: MemoryEntry[] = [];
  for (const variant of unit.variants) {
    if (variant === source) continue;
    const tag = languageOf(variant.lang, where('the language tag of a <tuv>'));
    if (!tag) {
      skip(`unknown language tag ${variant.lang}`);
      continue;
    }
    const lang = tag;
    map(variant.lang, lang);
    if (options.only && !options.only.some((locale) => servesLocale(lang, locale))) {
      skip(`not a locale asked for (${variant.lang})`);
      continue;
    }
    if (!variant.seg.text.trim()) {
      skip('empty translation');
      continue;
    }
    if (!source.seg.text.trim()) {
      skip('empty source');
      continue;
    }
    entries.push(entryOf(unit, source, variant, { sourceLang, lang, unitPrefix, projectSource, fromUs: header?.creationtool === OUR_TOOL }));
  }
  return entries;
}

/**
 * The `<tuv>` in this language: the same tag, else the same language (`de-DE`
 * for `de`), each as it maps to BCP 47 (`DE-01`, `deu` and `ger` are `de`).
 */
function findVariant(variants: readonly TmxVariant[], tag: string): TmxVariant | undefined {
  const wanted = mapTmxLang(tag) ?? tag.toLowerCase();
  const langOf = (variant: TmxVariant) => mapTmxLang(variant.lang) ?? variant.lang.toLowerCase();
  const found = variants.find((variant) => langOf(variant) === wanted);
  if (found) return found;
  const base = wanted.split('-')[0];
  return variants.find((variant) => langOf(variant).split('-')[0] === base);
}


function entryOf(
  unit: TmxUnit,
  source: TmxVariant,
  target: TmxVariant,
  { sourceLang, lang, unitPrefix, projectSource, fromUs }: { sourceLang: Lang; lang: Lang; unitPrefix: string; projectSource: Lang; fromUs: boolean },
): MemoryEntry {
  const ours = fromUs ? ownProps(target.extras) : {};
  const context = ours.context ?? toolContext(unit.extras, source.extras);
  const machine = isMachine(unit.extras, target.extras);
  const level = confirmation(unit.extras, target.extras);
  const attributes = { ...unit.extras.attributes, ...target.extras.attributes };
  const tuExtras = withoutImpliedSrclang(unit.extras, source.lang, projectSource);
  // Only what export could not make again is kept: markup other than escaped text, tags other than canonical, extras.
  const text = (variant: TmxVariant) => ({
    text: variant.seg.text,
    ...(variant.seg.codes.length > 0 ? { codes: variant.seg.codes } : {}),
    ...(variant.seg.tmx !== escapeText(variant.seg.text) ? { tmx: variant.seg.tmx } : {}),
  });
  const targetTuv = { ...target.extras, ...(ours.rest ? { props: ours.rest } : {}) };
  const tmx = {
    ...(source.lang !== sourceLang ? { sourceLang: source.lang } : {}),
    ...(target.lang !== lang ? { targetLang: target.lang } : {}),
    ...(isEmpty(tuExtras) ? {} : { tu: tuExtras }),
    ...(isEmpty(source.extras) ? {} : { sourceTuv: source.extras }),
    ...(isEmpty(targetTuv) ? {} : { targetTuv }),
  };
  return {
    sourceLang,
    lang,
    source: text(source),
    target: text(target),
    state: ours.state ?? level ?? (machine ? 'translated' : 'reviewed'),
    origin: ours.origin ?? (machine ? machineOrigin(undefined) : HUMAN),
    ...(ours.doc ? { doc: ours.doc } : {}),
    ...(context ? { context } : {}),
    ...(attributes.creationdate ? { created: attributes.creationdate } : {}),
    ...(attributes.creationid ? { creator: attributes.creationid } : {}),
    ...(attributes.changedate ? { changed: attributes.changedate } : {}),
    ...(attributes.changeid ? { changer: attributes.changeid } : {}),
    unit: `${unitPrefix}${String(unit.index).padStart(9, '0')}`,
    ...(isEmpty(tmx) ? {} : { tmx }),
  };
}

/**
 * A unit's `srclang` naming its own source `<tuv>` in another language than
 * the project's is what export writes anyway (its header names the project's):
 * not kept, so importing our own export finds the unit as it was.
 */
function withoutImpliedSrclang(extras: TmxExtras, sourceTag: string, projectSource: Lang): TmxExtras {
  const { srclang, ...attributes } = extras.attributes ?? {};
  if (srclang !== sourceTag || sourceTag.toLowerCase() === projectSource.toLowerCase()) return extras;
  const { attributes: _all, ...rest } = extras;
  // In place, so the unit's extras are kept in the order the reader gives them.
  return isEmpty(attributes) ? rest : { ...extras, attributes };
}

function isEmpty(value: object): boolean {
  return Object.keys(value).length === 0;
}

const OUR_TOOL = 'l10n-pipeline';

function props(extras: readonly TmxExtras[]): { type: string; value: string }[] {
  return extras.flatMap((extra) => (extra.props ?? []).map((prop) => ({ type: prop.type.toLowerCase(), value: prop.value.trim() })));
}

/**
 * Machine output as tools mark it: Okapi `<prop type="Origin">MT</prop>`,
 * Trados `x-Origin` (`MachineTranslation`, `AdaptiveMT`, `NMT`), OmegaT's
 * `x-auto` for automatic translations.
 */
function isMachine(...extras: TmxExtras[]): boolean {
  return props(extras).some(({ type, value }) => {
    const v = value.toLowerCase();
    return ((type === 'origin' || type === 'x-origin') && (v === 'mt' || v === 'nmt' || v.startsWith('machine') || v === 'adaptivemt')) || type === 'x-auto';
  });
}

/**
 * Trados Studio's `x-ConfirmationLevel`: drafts and rejected translations are
 * not approved; translated, approved and signed-off ones are what its memory
 * holds as confirmed work.
 */
function confirmation(...extras: TmxExtras[]): State | undefined {
  const level = props(extras).find(({ type }) => type === 'x-confirmationlevel')?.value.toLowerCase();
  if (!level) return undefined;
  if (level === 'draft' || level.startsWith('rejected') || level === 'unspecified') return 'translated';
  return level === 'approvedsignoff' ? 'final' : 'reviewed';
}

/**
 * The neighbouring source sentences as tools keep them, for 101 % matches:
 * OmegaT's `prev`/`next` props, memoQ's `x-context-pre`/`x-context-post`
 * (which hold the neighbour as `<seg>…</seg>` text).
 */
function toolContext(...extras: TmxExtras[]): { prev: string; next: string } | undefined {
  const all = props(extras);
  const find = (...types: string[]) => all.find(({ type }) => types.includes(type))?.value;
  const prev = find('prev', 'x-context-pre');
  const next = find('next', 'x-context-post');
  if (prev === undefined && next === undefined) return undefined;
  const unwrap = (value: string | undefined) => (value ?? '').replace(/^<seg>([^]*)<\/seg>$/, '$1');
  return { prev: unwrap(prev), next: unwrap(next) };
}

/** Our own export's props (`x-state`, `x-origin`, …) back into fields; the rest stay as they were. */
function ownProps(extras: TmxExtras): {
  state?: State;
  origin?: Origin;
  doc?: string;
  context?: { prev: string; next: string };
  rest?: TmxExtras['props'];
} {
  const props = extras.props ?? [];
  const value = (type: string) => props.find((prop) => prop.type === type)?.value;
  const state = value('x-state');
  const origin = value('x-origin');
  const prev = value('x-context-prev');
  const next = value('x-context-next');
  const own = new Set(['x-state', 'x-origin', 'x-document', 'x-context-prev', 'x-context-next']);
  const rest = props.filter((prop) => !own.has(prop.type));
  return {
    ...(state && STATES.includes(state as State) ? { state: state as State } : {}),
    ...(origin === 'memory' ? { origin: MEMORY } : origin?.startsWith('machine') ? { origin: machineOrigin(origin.split(':')[1] || undefined) } : origin === 'human' ? { origin: HUMAN } : {}),
    ...(value('x-document') ? { doc: value('x-document')! } : {}),
    ...(prev !== undefined || next !== undefined ? { context: { prev: prev ?? '', next: next ?? '' } } : {}),
    ...(rest.length !== props.length ? { rest } : {}),
  };
}

