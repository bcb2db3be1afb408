/**
 * Reads XLIFF 1.0–1.2 and 2.0–2.2, in the flavours real tools write (Trados
 * `sdl:`, memoQ `mq:`, XTM, WorldServer, Okapi, Xcode, TYPO3 with prefixed
 * elements), into segments with their inline codes and states on our one scale.
 * Parsing goes through the strict XML gate (`xml/parse.ts`); which bytes are
 * which segment comes from `units.ts`, the mapping the in-place updater uses too.
 */
import { ADMISSION_LIMITS, admitLang, admitText, isAdmitted, type Admission } from '../core/admit.js';
import type { Lang } from '../core/lang.js';
import { lineLocator } from '../core/errors.js';
import type { BlockKind } from '../core/types.js';
import { attribute, childrenNamed, parseXml, textContent, type XmlElement } from '../xml/parse.js';
import { parseAcceptance, type Acceptance } from '../core/acceptance.js';
import { flavourOf } from './flavours/index.js';
import { inlineText, isTranslated } from './inline.js';
import { BLOCK_RESTYPE, TOOL_ID, type XliffContent, type XliffSegment } from './model.js';
import { mapXliff, type MappedDocument, type MappedSegment } from './units.js';

/** Parses XLIFF text (a leading BOM is ignored). `file` is only used in error messages. */
export function readXliff(text: string, file: string): XliffContent {
  return readMapped(mapXliffText(text, file), file, text);
}

/** XLIFF parsed and mapped once: its content, and the mapping an in-place update can start from. */
export function readXliffMapped(text: string, file: string): { content: XliffContent; mapped: MappedXliff } {
  const mapped = mapXliffText(text, file);
  return { content: readMapped(mapped, file, text), mapped };
}

/** A parsed document and its segments: the step reading and updating share. */
export interface MappedXliff {
  readonly document: MappedDocument;
  readonly root: XmlElement;
}

export function mapXliffText(text: string, file: string): MappedXliff {
  const { root } = parseXml(text, file);
  return { document: mapXliff({ root, declaredEncoding: undefined }, file), root };
}

/**
 * Every XLIFF read goes through here, and so through the admission gate: the
 * XML parser has refused the characters XML cannot carry, and here each
 * source, target and acceptance note is held to the gate's size bounds and
 * the language tags to BCP 47, refused with the file, line and unit.
 */
function readMapped({ document }: MappedXliff, file: string, text: string): XliffContent {
  let locate: ReturnType<typeof lineLocator> | undefined;
  // The line is found only for a refusal: a file of 100,000 units is not scanned for each.
  const admit: Admit = (value, at, where) =>
    isAdmitted(value, where.max) ? value : admitText(value, { file, ...where, ...(locate ??= lineLocator(text))(at.start) });
  const segments = document.segments.map((segment) => readSegment(segment, admit));
  return {
    version: document.version,
    namespace: document.ns,
    files: document.files,
    duplicateIds: document.duplicateIds,
    sourceLang: langAttribute(document.sourceLang, document.major === 2 ? 'srcLang' : 'source-language', file),
    targetLang: langAttribute(document.targetLang, document.major === 2 ? 'trgLang' : 'target-language', file),
    unitCount: document.unitCount,
    segments: document.major === 2 ? qualifyRepeatedIds(segments) : segments,
  };
}

/** A value through the gate; `at` is the element it was read from, for the line of a refusal. */
type Admit = (value: string, at: XmlElement, where: Omit<Admission, 'file'>) => string;

function readSegment(segment: MappedSegment, admit: Admit): XliffSegment {
  const source = inlineText(segment.source, segment.ns);
  const target = segment.target ? inlineText(segment.target, segment.ns) : undefined;
  const label = segment.segment === undefined ? segment.unitKey : `${segment.unitKey}/${segment.segment}`;
  admit(source.text, segment.source, { unitId: label, what: 'the source' });
  if (target) admit(target.text, segment.target!, { unitId: label, what: 'the target' });
  const groupId = segment.group ? attribute(segment.group, 'id') : undefined;
  const kind = segment.group ? blockKind(segment) : undefined;
  // Filled field by field rather than with conditional spreads: this runs once per segment.
  const read: { -readonly [K in keyof XliffSegment]: XliffSegment[K] } = {
    key: segment.key,
    file: segment.original,
    unit: segment.unitKey,
    id: segment.major === 2 ? segment.segment! : segment.segment === undefined ? segment.unitKey : `${segment.unitKey}/${segment.segment}`,
    source,
    translate: segment.translate,
  };
  if (segment.segment !== undefined) read.segment = segment.segment;
  if (isTranslated(target, source)) {
    const { state, origin } = flavourOf(segment).read(segment);
    read.target = { text: target.text, codes: target.codes, markup: target.markup, state, origin };
  } else if (target !== undefined && source.text.trim().length > 0) {
    const flavour = flavourOf(segment);
    const stated = flavour.read(segment);
    // XLIFF 1.2 infers "translated" for a target without a state; an empty one only counts where the file says so.
    const said = flavour.name !== 'xliff-1' || attribute(segment.targetElement!, 'state') !== undefined || attribute(segment.unit, 'approved') === 'yes';
    if (stated.state !== 'initial' && said) read.emptyTarget = stated;
  }
  const accepted = acceptancesOf(segment, (note, at) => admit(note, at, { unitId: label, what: 'the note', max: ADMISSION_LIMITS.attribute }));
  if (accepted.length > 0) read.accepted = accepted;
  if (groupId !== undefined) read.block = groupId;
  if (kind) read.blockKind = kind;
  return read;
}

/** Acceptance notes of the segment's unit: `<note>` in 1.x, `<notes><note>` in 2.x. */
function acceptancesOf(segment: MappedSegment, admit: (note: string, at: XmlElement) => string): Acceptance[] {
  const notes = segment.major === 1 ? childrenNamed(segment.unit, 'note', segment.ns) : childrenNamed(segment.unit, 'notes', segment.ns).flatMap((notes) => childrenNamed(notes, 'note', segment.ns));
  const found: Acceptance[] = [];
  for (const note of notes) {
    const acceptance = parseAcceptance(textContent(note));
    // Only acceptance notes are kept (in the targets, the project's XLIFF, the memory): they pass the gate.
    if (acceptance) {
      if (acceptance.note !== undefined) admit(acceptance.note, note);
      found.push(acceptance);
    }
  }
  return found;
}

/** The block kind of our own files: group `restype` (1.2) or unit `type` (2.x). */
function blockKind(segment: MappedSegment): BlockKind | undefined {
  const value = segment.major === 1 ? attribute(segment.group!, 'restype') : attribute(segment.group!, 'type')?.replace(`${TOOL_ID}:`, 'x-');
  const entry = Object.entries(BLOCK_RESTYPE).find(([, restype]) => restype === value);
  return entry ? (entry[0] as BlockKind) : undefined;
}

/**
 * XLIFF 2 segment ids are unique only within their unit (§4.3.1.10): where one
 * repeats in the document, name the segment `unit/segment` instead.
 */
function qualifyRepeatedIds(segments: XliffSegment[]): XliffSegment[] {
  const counts = new Map<string, number>();
  for (const segment of segments) counts.set(segment.id, (counts.get(segment.id) ?? 0) + 1);
  return segments.map((segment) => (counts.get(segment.id)! > 1 ? { ...segment, id: `${segment.unit}/${segment.segment}` } : segment));
}

/** `target-language`/`trgLang` and the source's: through the gate's language rule (length bound, BCP 47). */
function langAttribute(value: string | undefined, name: string, file: string): Lang | undefined {
  if (value === undefined || value === '') return undefined;
  return admitLang(value, { file, what: name });
}
