/**
 * Updating XLIFF we did not write, in place: only the targets that change (and
 * their state attributes) are rewritten; every other byte stays as it was: BOM,
 * CRLF line ends, character references like `&#xD;`, comments, and extension
 * namespaces (`sdl:`, `mq:`, `okp:`, `xtm:`, `iws:`) that CAT tools need back
 * (notes/xliff.md §1.4). A simplified model written back out would lose them.
 *
 * Works on the raw text with a tag scanner that knows where each element
 * starts and ends; the file must have passed `readXliff` (well-formed, no DTD).
 */
import { isMachineOrigin, stateFromXliff12, stateRank, stateToXliff12 } from '../core/state.js';
import type { Origin, State } from '../core/types.js';
import { escapeAttribute, escapeText } from './escape.js';
import { TOOL_ID } from './model.js';

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

/** The original markup of a source's inline codes, in document order (the numbering of `XliffText.markup`). */
interface CodeMarkup {
  readonly whole?: string;
  readonly open?: string;
  readonly close?: string;
}

const NATIVE_CODES = new Set(['x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'sc', 'ec', 'sm', 'em']);
const WRAPPING_CODES = new Set(['g', 'pc', 'mrk']);

function sourceCodes(xml: string, source: Element): CodeMarkup[] {
  const codes: CodeMarkup[] = [];
  const walk = (element: Element) => {
    for (const child of element.children) {
      if (NATIVE_CODES.has(child.name)) codes.push({ whole: xml.slice(child.open.start, child.close.end) });
      else if (WRAPPING_CODES.has(child.name)) {
        codes.push(
          child.open.kind === 'empty'
            ? { whole: xml.slice(child.open.start, child.open.end) }
            : { open: xml.slice(child.open.start, child.open.end), close: xml.slice(child.close.start, child.close.end) },
        );
        walk(child);
      } else if (child.name !== 'cp') walk(child);
    }
  };
  walk(source);
  return codes;
}

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITY[name.toLowerCase()]!,
  );

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

/** The target content to write: plain text escaped, or engine markup with the source's codes restored. */
function targetContent(xml: string, update: TargetUpdate, source: Element | undefined): string | undefined {
  if (!update.markup) return escapeText(update.text);
  return restoreCodes(update.text, source ? sourceCodes(xml, source) : []);
}

interface Tag {
  readonly name: string;
  /** The whole tag's text and position. */
  readonly start: number;
  readonly end: number;
  readonly kind: 'open' | 'close' | 'empty';
}

interface Element {
  readonly name: string;
  readonly open: Tag;
  /** For an empty element, the same as `open`. */
  readonly close: Tag;
  readonly children: Element[];
}

/** Comments, CDATA, processing instructions and the declaration are skipped; tags are reported. */
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

function parseElements(xml: string): Element[] {
  const roots: Element[] = [];
  const stack: { name: string; open: Tag; children: Element[] }[] = [];
  for (const match of xml.matchAll(TOKEN)) {
    const name = match[2];
    if (name === undefined) continue;
    const tag: Tag = {
      name,
      start: match.index,
      end: match.index + match[0].length,
      kind: match[1] ? 'close' : match[4] ? 'empty' : 'open',
    };
    const siblings = stack.at(-1)?.children ?? roots;
    if (tag.kind === 'empty') siblings.push({ name, open: tag, close: tag, children: [] });
    else if (tag.kind === 'open') stack.push({ name, open: tag, children: [] });
    else {
      const open = stack.pop()!;
      (stack.at(-1)?.children ?? roots).push({ name: open.name, open: open.open, close: tag, children: open.children });
    }
  }
  return roots;
}

function attribute(xml: string, tag: Tag, name: string): string | undefined {
  const text = xml.slice(tag.start, tag.end);
  const match = new RegExp(`\\s${name.replace(/[.:-]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(text);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** A start tag with attributes set (a value) or removed (undefined); others kept as written. */
function withAttributes(tagText: string, changes: Readonly<Record<string, string | undefined>>): string {
  let text = tagText;
  for (const [name, value] of Object.entries(changes)) {
    const pattern = new RegExp(`\\s${name.replace(/[.:-]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
    const replacement = value === undefined ? '' : ` ${name}="${escapeAttribute(value)}"`;
    if (pattern.test(text)) text = text.replace(pattern, replacement);
    else if (value !== undefined) text = text.replace(/\s*(\/?>)$/, `${replacement}$1`);
  }
  return text;
}

type Take = (id: string, source: Element | undefined) => { update: TargetUpdate; content: string } | undefined;

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Sets targets by segment id (the ids `readXliff` gives: trans-unit id, `unit/mid`
 * for segmented 1.x units, segment id in XLIFF 2). Returns the new text and the
 * ids that were not found.
 */
export function updateXliffInPlace(
  xml: string,
  updates: ReadonlyMap<string, TargetUpdate>,
): { text: string; missing: string[]; rejected: string[] } {
  const edits: Edit[] = [];
  const found = new Set<string>();
  const rejected: string[] = [];
  /** The update for a segment and the target content to write, or undefined (none, or codes that do not match). */
  const take: Take = (id, source) => {
    const update = updates.get(id);
    if (!update) return undefined;
    const content = targetContent(xml, update, source);
    if (content === undefined) {
      rejected.push(id);
      return undefined;
    }
    found.add(id);
    return { update, content };
  };
  const roots = parseElements(xml);
  const repeated = repeatedSegmentIds(xml, roots);
  const visit = (element: Element) => {
    if (element.name === 'trans-unit') editTransUnit(xml, element, take, edits);
    else if (element.name === 'unit') editUnit2(xml, element, take, edits, repeated);
    else element.children.forEach(visit);
  };
  roots.forEach(visit);
  edits.sort((a, b) => b.start - a.start);
  let text = xml;
  for (const edit of edits) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, missing: [...updates.keys()].filter((id) => !found.has(id) && !rejected.includes(id)), rejected };
}

const child = (element: Element, name: string) => element.children.find((c) => c.name === name);

function editTransUnit(xml: string, unit: Element, take: Take, edits: Edit[]): void {
  const id = attribute(xml, unit.open, 'id') ?? '';
  const segSource = child(unit, 'seg-source');
  const target = child(unit, 'target');
  if (!segSource) {
    const taken = take(id, child(unit, 'source'));
    if (!taken) return;
    const { update, content } = taken;
    const xliffState = stateToXliff12(update.state, update.origin);
    const targetAttributes = { state: xliffState.state, 'state-qualifier': xliffState.qualifier };
    const memoQ = attribute(xml, unit.open, 'mq:status') === undefined ? {} : { 'mq:status': memoQStatus(update) };
    edits.push({
      start: unit.open.start,
      end: unit.open.end,
      text: withAttributes(xml.slice(unit.open.start, unit.open.end), { approved: xliffState.approved ? 'yes' : undefined, ...memoQ }),
    });
    if (target) {
      const open = withAttributes(xml.slice(target.open.start, target.open.end).replace(/\/>$/, '>'), targetAttributes);
      edits.push({ start: target.open.start, end: target.close.end, text: `${open}${content}</target>` });
    } else {
      // <target> follows <source> (XLIFF 1.2 §2.3, trans-unit content order).
      const source = child(unit, 'source')!;
      edits.push({ start: source.close.end, end: source.close.end, text: `${withAttributes('<target>', targetAttributes)}${content}</target>` });
    }
    return;
  }
  // Segmented unit: replace the content of the target's <mrk mtype="seg" mid="…">.
  const marks = (element: Element | undefined): Element[] =>
    element ? element.children.flatMap((c) => (c.name === 'mrk' && attribute(xml, c.open, 'mtype') === 'seg' ? [c] : marks(c))) : [];
  const tradosSegments = new Map(
    descendants(unit, 'sdl:seg').map((seg) => [attribute(xml, seg.open, 'id') ?? '', seg] as const),
  );
  const applied: TargetUpdate[] = [];
  const sourceMarks = new Map(marks(segSource).map((mark) => [attribute(xml, mark.open, 'mid') ?? '', mark] as const));
  for (const mark of marks(target)) {
    const mid = attribute(xml, mark.open, 'mid') ?? '';
    if (mark.open.kind === 'empty') continue;
    const taken = take(`${id}/${mid}`, sourceMarks.get(mid));
    if (!taken) continue;
    const { update, content } = taken;
    applied.push(update);
    edits.push({ start: mark.open.end, end: mark.close.start, text: content });
    // Trados keeps a state per segment; set it as Trados would.
    const seg = tradosSegments.get(mid);
    if (seg) edits.push({ start: seg.open.start, end: seg.open.end, text: withAttributes(xml.slice(seg.open.start, seg.open.end), tradosState(update)) });
  }
  if (applied.length === 0 || tradosSegments.size > 0 || !target) return;
  // Plain XLIFF 1.2 has one state for the whole target: it can only go down to the lowest.
  const current = stateFromXliff12(attribute(xml, target.open, 'state'), attribute(xml, unit.open, 'approved') === 'yes');
  const lowest = applied.reduce((low, update) => (stateRank(update.state) < stateRank(low) ? update.state : low), current);
  const machine = applied.find((update) => isMachineOrigin(update.origin));
  const xliffState = stateToXliff12(lowest, machine?.origin ?? applied[0]!.origin);
  edits.push({
    start: target.open.start,
    end: target.open.end,
    text: withAttributes(xml.slice(target.open.start, target.open.end), { state: xliffState.state, 'state-qualifier': xliffState.qualifier }),
  });
  if (!xliffState.approved) edits.push({ start: unit.open.start, end: unit.open.end, text: withAttributes(xml.slice(unit.open.start, unit.open.end), { approved: undefined }) });
}

/** Trados Studio's sdl:seg attributes for a state (the inverse of stateFromTrados). */
function tradosState(update: TargetUpdate): Record<string, string> {
  const origin = isMachineOrigin(update.origin) ? 'mt' : update.origin === 'memory' ? 'tm' : 'interactive';
  const conf = { initial: 'Draft', translated: isMachineOrigin(update.origin) ? 'Draft' : 'Translated', reviewed: 'ApprovedTranslation', final: 'ApprovedSignOff' }[update.state];
  return { conf, origin };
}

/** memoQ's mq:status for a state (the inverse of stateFromMemoQ). */
function memoQStatus(update: TargetUpdate): string {
  if (update.state === 'final') return 'Reviewer2Confirmed';
  if (update.state === 'reviewed') return 'Reviewer1Confirmed';
  if (update.state === 'initial') return 'NotStarted';
  if (isMachineOrigin(update.origin)) return 'MachineTranslated';
  return update.origin === 'memory' ? 'Pretranslated' : 'ManuallyConfirmed';
}

function descendants(element: Element, name: string): Element[] {
  return element.children.flatMap((c) => (c.name === name ? [c] : descendants(c, name)));
}

/** XLIFF 2 segment ids that occur in more than one unit: those are named `unit/segment`, as `readXliff` does. */
function repeatedSegmentIds(xml: string, roots: Element[]): Set<string> {
  const counts = new Map<string, number>();
  const visit = (element: Element) => {
    if (element.name === 'unit') {
      const unitId = attribute(xml, element.open, 'id') ?? '';
      element.children
        .filter((c) => c.name === 'segment')
        .forEach((segment, index) => {
          const id = attribute(xml, segment.open, 'id') ?? `${unitId}/${index + 1}`;
          counts.set(id, (counts.get(id) ?? 0) + 1);
        });
    } else element.children.forEach(visit);
  };
  roots.forEach(visit);
  return new Set([...counts].filter(([, n]) => n > 1).map(([id]) => id));
}

function editUnit2(xml: string, unit: Element, take: Take, edits: Edit[], repeated: ReadonlySet<string>): void {
  const unitId = attribute(xml, unit.open, 'id') ?? '';
  unit.children
    .filter((c) => c.name === 'segment')
    .forEach((segment, index) => {
      const ownId = attribute(xml, segment.open, 'id') ?? `${unitId}/${index + 1}`;
      const segmentId = repeated.has(ownId) ? `${unitId}/${attribute(xml, segment.open, 'id') ?? index + 1}` : ownId;
      const taken = take(segmentId, child(segment, 'source'));
      if (!taken) return;
      const { update, content } = taken;
      const machine = isMachineOrigin(update.origin) && update.state === 'translated';
      edits.push({
        start: segment.open.start,
        end: segment.open.end,
        text: withAttributes(xml.slice(segment.open.start, segment.open.end), {
          state: machine ? 'initial' : update.state,
          subState: machine ? `${TOOL_ID}:mt` : undefined,
        }),
      });
      const target = child(segment, 'target');
      if (target) {
        const open = xml.slice(target.open.start, target.open.end).replace(/\s*\/>$/, '>');
        edits.push({ start: target.open.start, end: target.close.end, text: `${open}${content}</target>` });
      } else {
        const source = child(segment, 'source')!;
        edits.push({ start: source.close.end, end: source.close.end, text: `<target>${content}</target>` });
      }
    });
}
