/**
 * The one mapping of an XLIFF document onto segments, shared by reading
 * (`read.ts`) and in-place updating (`update.ts`), so the two always agree on
 * which bytes belong to which segment.
 *
 * A segment's identity is (file, unit, segment): unit ids are unique only within
 * their `<file>` (XLIFF 1.2 §2.5.2 `id`; XLIFF 2.0 §4.3.1.10), and Xcode repeats
 * ids such as `CFBundleName` in one `<file>` per strings table. A unit without an
 * id (XLIFF 1.0/1.1 from OmegaT and others) or with an id repeated in its file is
 * addressed by its position there, never by its text.
 */
import { XliffError } from '../core/errors.js';
import { attribute, childElements, childrenNamed, firstChild, type XmlDocument, type XmlElement } from '../xml/parse.js';

export const XLIFF_1_NAMESPACES = new Set(['', 'urn:oasis:names:tc:xliff:document:1.1', 'urn:oasis:names:tc:xliff:document:1.2']);
/** XLIFF 2.0 and 2.1 share a namespace; 2.2 has its own. */
export const XLIFF_2_NAMESPACES = new Set(['urn:oasis:names:tc:xliff:document:2.0', 'urn:oasis:names:tc:xliff:document:2.2']);

export interface MappedSegment {
  /** Unique in the document: file position, unit, segment. Updates are addressed by it. */
  readonly key: string;
  /** 1 for XLIFF 1.x, 2 for 2.x. */
  readonly major: 1 | 2;
  /** The XLIFF namespace of the document's elements. */
  readonly ns: string;
  /** Position of the `<file>` (0-based) and its `original` (or 2.x `id`). */
  readonly fileIndex: number;
  readonly original: string;
  /** The unit's id as written ('' when it has none). */
  readonly unitId: string;
  /** The unit's id, or `#position` in its file where the id is missing or repeated. */
  readonly unitKey: string;
  /** `mrk/@mid` (1.x with seg-source) or the 2.x segment id; undefined for a 1.x unit without seg-source. */
  readonly segment: string | undefined;
  /** `<trans-unit>` or `<unit>`. */
  readonly unit: XmlElement;
  /** The segment's source: `<source>`, or its `<mrk mtype="seg">` in `<seg-source>`. */
  readonly source: XmlElement;
  /** The segment's target text holder: `<target>` or its `<mrk mtype="seg">`; undefined when there is none. */
  readonly target: XmlElement | undefined;
  /** The unit's `<target>` (1.x) or the segment's (2.x), present or not. */
  readonly targetElement: XmlElement | undefined;
  /** 1.x `<seg-source>`, when the unit is segmented. */
  readonly segSource: XmlElement | undefined;
  /** 2.x `<segment>`. */
  readonly segmentElement: XmlElement | undefined;
  /** The enclosing `<group>` (1.x) or the unit (2.x). */
  readonly group: XmlElement | undefined;
  /** `translate="no"` on the unit. */
  readonly translate: boolean;
}

export interface MappedDocument {
  readonly major: 1 | 2;
  readonly ns: string;
  /** The `version` attribute, `1.0` when it is absent. */
  readonly version: string;
  readonly sourceLang: string | undefined;
  readonly targetLang: string | undefined;
  readonly unitCount: number;
  readonly files: number;
  readonly segments: readonly MappedSegment[];
  /** Unit ids that occur more than once in their `<file>` (each repeat once), as `original: id`. */
  readonly duplicateIds: readonly string[];
}

/** Maps a parsed document onto segments; refuses a root that is not XLIFF. */
export function mapXliff(document: XmlDocument, file: string): MappedDocument {
  const root = document.root;
  if (root.local !== 'xliff') throw new XliffError(`no <xliff> root element (the root is <${root.name}>)`, { file });
  const version = attribute(root, 'version') ?? '1.0';
  if (XLIFF_2_NAMESPACES.has(root.ns)) return map2(root, version);
  if (!XLIFF_1_NAMESPACES.has(root.ns)) throw new XliffError(`unknown XLIFF namespace "${root.ns}"`, { file });
  return map1(root, version);
}

/** `translate` is inherited from file, group and unit down (XLIFF 1.2 §2.5.2 `translate`; XLIFF 2.0 §4.3.1.41). */
function translatable(element: XmlElement, inherited: boolean): boolean {
  const value = attribute(element, 'translate');
  return value === 'no' ? false : value === 'yes' ? true : inherited;
}

/**
 * Keys per file: an id, or `#position` when there is none or it was seen before
 * in this file; ids seen twice are reported to `duplicates`.
 */
function unitKeys(duplicates: string[]) {
  const seen = new Set<string>();
  let position = 0;
  return (id: string | undefined): string => {
    position++;
    if (id !== undefined && id !== '' && seen.has(id)) duplicates.push(id);
    const key = id !== undefined && id !== '' && !seen.has(id) ? id : `#${position}`;
    seen.add(key);
    return key;
  };
}

// Arrays of the file's size are appended in loops, never spread into push(): a spread
// puts every element on the stack, and 150,000 of them overflow it.
const keyOf = (fileIndex: number, unit: string, segment: string | undefined) => JSON.stringify([fileIndex, unit, segment ?? null]);

function map1(root: XmlElement, version: string): MappedDocument {
  const ns = root.ns;
  const segments: MappedSegment[] = [];
  const duplicateIds: string[] = [];
  let sourceLang: string | undefined;
  let targetLang: string | undefined;
  let unitCount = 0;
  const files = childrenNamed(root, 'file', ns);
  files.forEach((fileElement, fileIndex) => {
    sourceLang ||= attribute(fileElement, 'source-language');
    targetLang ||= attribute(fileElement, 'target-language');
    const original = attribute(fileElement, 'original') ?? '';
    const repeated: string[] = [];
    const nextKey = unitKeys(repeated);
    const walk = (parent: XmlElement, group: XmlElement | undefined, translate: boolean) => {
      for (const child of childElements(parent)) {
        if (child.ns !== ns) continue;
        if (child.local === 'group') walk(child, child, translatable(child, translate));
        else if (child.local === 'trans-unit' || child.local === 'bin-unit') {
          unitCount++;
          const unitKey = nextKey(attribute(child, 'id'));
          if (child.local === 'trans-unit') for (const segment of transUnit(child, { ns, fileIndex, original, unitKey, group, translate })) segments.push(segment);
        }
      }
    };
    for (const body of childrenNamed(fileElement, 'body', ns)) walk(body, undefined, true);
    for (const id of repeated) duplicateIds.push(`${original}: ${id}`);
  });
  return { major: 1, ns, version, sourceLang, targetLang, unitCount, files: files.length, segments, duplicateIds };
}

function transUnit(
  unit: XmlElement,
  where: { ns: string; fileIndex: number; original: string; unitKey: string; group: XmlElement | undefined; translate: boolean },
): MappedSegment[] {
  const { ns } = where;
  const source = firstChild(unit, 'source', ns);
  if (!source) return [];
  const targetElement = firstChild(unit, 'target', ns);
  const segSource = firstChild(unit, 'seg-source', ns);
  const base = {
    major: 1 as const,
    ns,
    fileIndex: where.fileIndex,
    original: where.original,
    unitId: attribute(unit, 'id') ?? '',
    unitKey: where.unitKey,
    unit,
    targetElement,
    segSource,
    segmentElement: undefined,
    group: where.group,
    translate: translatable(unit, where.translate),
  };
  const marks = segSource ? segmentMarks(segSource, ns) : [];
  if (marks.length === 0) {
    // The common case, built field by field: a spread per unit costs a 100,000-unit file a second.
    return [
      {
        key: keyOf(where.fileIndex, where.unitKey, undefined),
        major: 1,
        ns,
        fileIndex: where.fileIndex,
        original: where.original,
        unitId: base.unitId,
        unitKey: where.unitKey,
        segment: undefined,
        unit,
        source,
        target: targetElement,
        targetElement,
        segSource: undefined,
        segmentElement: undefined,
        group: where.group,
        translate: base.translate,
      },
    ];
  }
  // Segmented unit (Trados, Okapi): one segment per <mrk mtype="seg">, its target found by mid.
  const targetMarks = new Map<string, XmlElement>();
  for (const mark of targetElement ? segmentMarks(targetElement, ns) : []) {
    const mid = attribute(mark, 'mid') ?? '';
    if (!targetMarks.has(mid)) targetMarks.set(mid, mark);
  }
  const seen = new Set<string>();
  return marks.map((mark, index) => {
    const mid = attribute(mark, 'mid') ?? '';
    const segment = mid !== '' && !seen.has(mid) ? mid : `#${index + 1}`;
    seen.add(segment);
    return { ...base, key: keyOf(where.fileIndex, where.unitKey, segment), segment, source: mark, target: targetMarks.get(segment) };
  });
}

/** `<mrk mtype="seg">` below an element, in document order (not inside one another). */
export function segmentMarks(element: XmlElement, ns: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (parent: XmlElement) => {
    for (const child of childElements(parent)) {
      if (child.local === 'mrk' && child.ns === ns && attribute(child, 'mtype') === 'seg') found.push(child);
      else walk(child);
    }
  };
  walk(element);
  return found;
}

function map2(root: XmlElement, version: string): MappedDocument {
  const ns = root.ns;
  const segments: MappedSegment[] = [];
  const duplicateIds: string[] = [];
  let unitCount = 0;
  const files = childrenNamed(root, 'file', ns);
  files.forEach((fileElement, fileIndex) => {
    const original = attribute(fileElement, 'original') ?? attribute(fileElement, 'id') ?? '';
    const repeated: string[] = [];
    const nextKey = unitKeys(repeated);
    const walk = (parent: XmlElement, translate: boolean) => {
      for (const child of childElements(parent)) {
        if (child.ns !== ns) continue;
        if (child.local === 'group') walk(child, translatable(child, translate));
        else if (child.local === 'unit') {
          unitCount++;
          for (const segment of unit2(child, { ns, fileIndex, original, unitKey: nextKey(attribute(child, 'id')), translate: translatable(child, translate) })) segments.push(segment);
        }
      }
    };
    walk(fileElement, translatable(fileElement, true));
    for (const id of repeated) duplicateIds.push(`${original}: ${id}`);
  });
  return {
    major: 2,
    ns,
    version,
    sourceLang: attribute(root, 'srcLang'),
    targetLang: attribute(root, 'trgLang'),
    unitCount,
    files: files.length,
    segments,
    duplicateIds,
  };
}

function unit2(unit: XmlElement, where: { ns: string; fileIndex: number; original: string; unitKey: string; translate: boolean }): MappedSegment[] {
  const { ns } = where;
  const seen = new Set<string>();
  return childrenNamed(unit, 'segment', ns).flatMap((segmentElement, index) => {
    const source = firstChild(segmentElement, 'source', ns);
    if (!source) return [];
    const id = attribute(segmentElement, 'id');
    const segment = id !== undefined && id !== '' && !seen.has(id) ? id : `#${index + 1}`;
    seen.add(segment);
    const target = firstChild(segmentElement, 'target', ns);
    return [
      {
        key: keyOf(where.fileIndex, where.unitKey, segment),
        major: 2 as const,
        ns,
        fileIndex: where.fileIndex,
        original: where.original,
        unitId: attribute(unit, 'id') ?? '',
        unitKey: where.unitKey,
        segment,
        unit,
        source,
        target,
        targetElement: target,
        segSource: undefined,
        segmentElement,
        group: unit,
        translate: where.translate,
      },
    ];
  });
}
