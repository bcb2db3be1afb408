/**
 * Updating XLIFF we did not write, in place: only the targets that are filled
 * (and their state attributes) are rewritten; every other byte stays as it was:
 * BOM, CRLF line ends, character references like `&#xD;`, comments, and
 * extension namespaces (`sdl:`, `mq:`, `okp:`, `xtm:`, `iws:`) that CAT tools
 * need back (as Okapi's XLIFF filter keeps them). A simplified model written back out would lose them.
 *
 * Which bytes belong to which segment comes from `units.ts`, the same mapping
 * `readXliff` uses, so an update can only land in the segment it was read from.
 */
import { stateRank } from '../core/state.js';
import { firstForbidden } from '../core/admit.js';
import type { Origin, State } from '../core/types.js';
import { attribute, type XmlElement } from '../xml/parse.js';
import { escapeAttribute, escapeText } from './escape.js';
import { flavourOf, type AttributeChanges, type StateWrite } from './flavours/index.js';
import { codeMarkup, inlineText, isTranslated, type CodeMarkup } from './inline.js';
import { mapXliffText, type MappedXliff } from './read.js';
import { segmentMarks, type MappedDocument, type MappedSegment } from './units.js';

export interface TargetUpdate {
  readonly text: string;
  readonly state: State;
  readonly origin: Origin;
  /**
   * `text` is markup with the placeholders of `XliffText.markup` (what an engine
   * returned for it): each is turned back into the source's own code markup. A
   * text whose placeholders do not match the source's codes is not applied.
   */
  readonly markup?: boolean;
}

export interface UpdateResult {
  readonly text: string;
  /** Keys written. */
  readonly written: readonly string[];
  /** Keys whose update lost, repeated or misplaced an inline code: not applied. */
  readonly rejected: readonly string[];
  /** Keys that already had a translation: never overwritten. */
  readonly kept: readonly string[];
  /** Keys that name no segment of the document. */
  readonly missing: readonly string[];
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Fills empty targets, addressed by `XliffSegment.key`. A segment that already
 * holds a translation is never changed. `file` names the document in errors.
 */
export function updateXliffInPlace(xml: string, updates: ReadonlyMap<string, TargetUpdate>, file = 'XLIFF'): UpdateResult {
  return prepareUpdate(xml, file)(updates);
}

/**
 * Reads a document once for filling it again and again as translations arrive
 * (`l10n translate FILE` saves after every batch): each call applies all
 * updates so far to the original text, in time linear in its length.
 */
export function prepareUpdate(xml: string, file = 'XLIFF', mapped?: MappedXliff): (updates: ReadonlyMap<string, TargetUpdate>) => UpdateResult {
  const bom = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { document } = mapped ?? mapXliffText(xml, file);
  const body = bom ? xml.slice(1) : xml;
  const translated = new Set(
    document.segments
      .filter((segment) => segment.target && isTranslated(inlineText(segment.target, segment.ns), inlineText(segment.source, segment.ns)))
      .map((segment) => segment.key),
  );
  return (updates) => applyUpdates(body, document, translated, updates, bom === 1);
}

function applyUpdates(
  body: string,
  document: MappedDocument,
  translated: ReadonlySet<string>,
  updates: ReadonlyMap<string, TargetUpdate>,
  bom: boolean,
): UpdateResult {
  const written: string[] = [];
  const rejected: string[] = [];
  const kept: string[] = [];
  const found = new Set<string>();
  const edits: Edit[] = [];
  const attributeChanges = new Map<XmlElement, Record<string, string | undefined>>();
  const change = (element: XmlElement, changes: AttributeChanges | undefined) => {
    if (changes) attributeChanges.set(element, { ...attributeChanges.get(element), ...changes });
  };
  /** Segmented 1.x units without a <target> get one built from <seg-source>, once per unit. */
  const newTargets = new Map<XmlElement, { segment: MappedSegment; contents: Map<XmlElement, string>; state?: AttributeChanges }>();
  /** Segmented 1.x units keep one state for the whole target; it can only go down to the lowest. */
  const markedUnits = new Map<XmlElement, { segment: MappedSegment; updates: TargetUpdate[] }>();

  for (const segment of document.segments) {
    const update = updates.get(segment.key);
    if (!update) continue;
    found.add(segment.key);
    if (translated.has(segment.key)) {
      kept.push(segment.key);
      continue;
    }
    const content = targetContent(body, update, segment);
    if (content === undefined) {
      rejected.push(segment.key);
      continue;
    }
    written.push(segment.key);
    const flavour = flavourOf(segment);
    const state = flavour.write(segment, update);
    for (const { element, changes } of state.elsewhere ?? []) change(element, changes);
    if (segment.segSource === undefined) {
      // One target per segment: <target> of a 1.x unit, or of a 2.x <segment>.
      change(segment.unit, state.unit);
      if (segment.segmentElement) change(segment.segmentElement, state.segment);
      writeWholeTarget(body, segment, content, state, edits);
      continue;
    }
    const perUnit = flavour.statePerSegment ? undefined : (markedUnits.get(segment.unit) ?? { segment, updates: [] });
    if (perUnit) {
      perUnit.updates.push(update);
      markedUnits.set(segment.unit, perUnit);
    }
    if (!segment.targetElement) {
      const pending = newTargets.get(segment.unit) ?? { segment, contents: new Map<XmlElement, string>() };
      pending.contents.set(segment.source, content);
      newTargets.set(segment.unit, pending);
    } else writeMark(body, segment, content, edits);
  }

  for (const { segment, updates: applied } of markedUnits.values()) {
    const lowest = applied.reduce((low, next) => (stateRank(next.state) < stateRank(low.state) ? next : low));
    const current = segment.targetElement && inlineText(segment.targetElement, segment.ns).text.trim() ? flavourOf(segment).read(segment) : undefined;
    const state = flavourOf(segment).write(segment, current && stateRank(current.state) < stateRank(lowest.state) ? current : lowest);
    change(segment.unit, state.unit);
    if (segment.targetElement) change(segment.targetElement, state.target);
    else newTargets.get(segment.unit)!.state = state.target;
  }
  for (const { segment, contents, state } of newTargets.values()) {
    edits.push({ start: segment.segSource!.end, end: segment.segSource!.end, text: targetFromSegSource(body, segment, contents, state) });
  }
  for (const [element, changes] of attributeChanges) {
    edits.push({ start: element.start, end: element.openEnd, text: withAttributes(body.slice(element.start, element.openEnd), changes) });
  }

  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = bom ? ['\uFEFF'] : [];
  let cursor = 0;
  for (const edit of edits) {
    pieces.push(body.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  pieces.push(body.slice(cursor));
  return {
    text: pieces.join(''),
    written,
    rejected,
    kept,
    missing: [...updates.keys()].filter((key) => !found.has(key)),
  };
}

/** A 1.x `<target>` or 2.x `<target>` with the new content: replaced where it exists, else added after the source. */
function writeWholeTarget(xml: string, segment: MappedSegment, content: string, state: StateWrite, edits: Edit[]): void {
  const target = segment.targetElement;
  if (target) {
    const open = withAttributes(openTag(xml, target), state.target ?? {});
    edits.push({ start: target.start, end: target.end, text: `${open}${content}</${target.name}>` });
    return;
  }
  // <target> follows <source> (XLIFF 1.2 §2.3 trans-unit content order; XLIFF 2.0 §4.3.1 segment).
  const name = qualified(segment.source, 'target');
  edits.push({ start: segment.source.end, end: segment.source.end, text: `${withAttributes(`<${name}>`, state.target ?? {})}${content}</${name}>` });
}

/** The target's `<mrk mtype="seg">` for a segment: filled where it exists, else added after the previous one. */
function writeMark(xml: string, segment: MappedSegment, content: string, edits: Edit[]): void {
  const mark = segment.target;
  if (mark) {
    edits.push({ start: mark.start, end: mark.end, text: `${openTag(xml, mark)}${content}</${mark.name}>` });
    return;
  }
  const target = segment.targetElement!;
  const sourceMarks = segmentMarks(segment.segSource!, segment.ns);
  const targetMarks = new Map(segmentMarks(target, segment.ns).map((m) => [attribute(m, 'mid'), m] as const));
  const previous = sourceMarks
    .slice(0, sourceMarks.indexOf(segment.source))
    .map((m) => targetMarks.get(attribute(m, 'mid')))
    .filter((m) => m !== undefined)
    .at(-1);
  const at = previous ? previous.end : target.openEnd;
  edits.push({ start: at, end: at, text: `${openTag(xml, segment.source)}${content}</${segment.source.name}>` });
}

/**
 * A `<target>` for a segmented unit that has none: the `<seg-source>` content,
 * with each segment's text replaced by its translation, or left empty
 * (`<mrk … />`, as Trados writes untranslated segments).
 */
function targetFromSegSource(xml: string, segment: MappedSegment, contents: ReadonlyMap<XmlElement, string>, changes: AttributeChanges | undefined): string {
  const segSource = segment.segSource!;
  let out = '';
  let cursor = segSource.openEnd;
  for (const mark of segmentMarks(segSource, segment.ns)) {
    const content = contents.get(mark);
    out += xml.slice(cursor, mark.start) + (content === undefined ? emptyTag(xml, mark) : `${openTag(xml, mark)}${content}</${mark.name}>`);
    cursor = mark.end;
  }
  out += xml.slice(cursor, segSource.closeStart);
  const name = qualified(segSource, 'target');
  return `${withAttributes(`<${name}>`, changes ?? {})}${out}</${name}>`;
}

/** An element's start tag, as written, made an opening tag (`<x/>` → `<x>`). */
function openTag(xml: string, element: XmlElement): string {
  const tag = xml.slice(element.start, element.openEnd);
  return element.selfClosing ? tag.replace(/\s*\/>$/, '>') : tag;
}

function emptyTag(xml: string, element: XmlElement): string {
  return openTag(xml, element).replace(/>$/, '/>');
}

/** `local` with the prefix `element` is written with (`xlf:target` where the file writes `xlf:source`). */
function qualified(element: XmlElement, local: string): string {
  const colon = element.name.indexOf(':');
  return colon === -1 ? local : `${element.name.slice(0, colon)}:${local}`;
}

/**
 * The target content to write: plain text escaped, or engine markup with the
 * source's codes restored. Undefined (not applied) when codes do not match, or
 * when the text holds a character XML cannot carry: writing it would break the file.
 */
function targetContent(xml: string, update: TargetUpdate, segment: MappedSegment): string | undefined {
  const content = update.markup ? restoreCodes(update.text, codeMarkup(xml, segment.source, segment.ns)) : escapeText(update.text);
  return content === undefined || firstForbidden(content) !== -1 ? undefined : content;
}

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Engine markup's references as characters; one past U+10FFFF names none and stays as written (no RangeError). */
const unescape = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole: string, hex: string, dec: string, name: string) => {
    if (name) return ENTITY[name.toLowerCase()]!;
    const code = hex ? Number.parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

/**
 * Engine markup back to the file's markup: placeholders become the source's
 * codes, text is escaped again. Undefined when a code is missing, repeated,
 * of the wrong kind or badly nested (engines move and drop tags).
 */
function restoreCodes(markup: string, codes: readonly CodeMarkup[]): string | undefined {
  let out = '';
  const used = new Set<number>();
  const open: number[] = [];
  for (const token of markup.matchAll(/<x i="(\d+)"\s*\/>|<g i="(\d+)">|<\/g>|[^<]+|</g)) {
    const [whole, standalone, wrapping] = token;
    if (standalone !== undefined || wrapping !== undefined) {
      const index = Number(standalone ?? wrapping);
      const code = codes[index - 1];
      if (!code || used.has(index)) return undefined;
      used.add(index);
      if (standalone !== undefined) {
        if (code.whole === undefined) return undefined;
        out += code.whole;
      } else {
        if (code.open === undefined) return undefined;
        out += code.open;
        open.push(index);
      }
    } else if (whole === '</g>') {
      const index = open.pop();
      if (index === undefined) return undefined;
      out += codes[index - 1]!.close;
    } else if (whole.startsWith('<')) {
      return undefined;
    } else {
      out += escapeText(unescape(whole));
    }
  }
  return open.length === 0 && used.size === codes.length ? out : undefined;
}

/**
 * Where a start tag's closing `>` or `/>` begins, with the space before it: a
 * scan back from the end, where a `\s*` pattern anchored at the end was tried
 * from every space of a long run.
 */
function tagEnd(tagText: string): number {
  let end = tagText.length - 1;
  if (tagText[end - 1] === '/') end--;
  while (end > 0 && /\s/.test(tagText[end - 1]!)) end--;
  return end;
}

/** A start tag with attributes set (a value) or removed (undefined); others kept as written. */
function withAttributes(tagText: string, changes: AttributeChanges): string {
  let text = tagText;
  for (const [name, value] of Object.entries(changes)) {
    const pattern = new RegExp(`\\s${name.replace(/[.:-]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
    const replacement = value === undefined ? '' : ` ${name}="${escapeAttribute(value)}"`;
    if (pattern.test(text)) text = text.replace(pattern, replacement);
    else if (value !== undefined) {
      const end = tagEnd(text);
      text = `${text.slice(0, end)}${replacement}${text.slice(end)}`;
    }
  }
  return text;
}
