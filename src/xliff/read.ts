/**
 * Reads XLIFF 1.0–1.2 and 2.0–2.2, in the flavours real tools write (Trados
 * `sdl:`, memoQ `mq:`, XTM, WorldServer, Okapi), into segments with their
 * inline codes and states on our one scale. Refuses DOCTYPEs and entity
 * declarations before parsing (no XXE, no entity expansion), and reports
 * malformed XML with line and column.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XliffError, lineAndColumn } from '../core/errors.js';
import { parseLang, type Lang } from '../core/lang.js';
import { originFromXliff12, stateFromMemoQ, stateFromTrados, stateFromXliff12, stateFromXliff2 } from '../core/state.js';
import type { BlockKind, Origin, State } from '../core/types.js';
import { escapeText } from './escape.js';
import { BLOCK_RESTYPE, TOOL_ID, type InlineCode, type XliffContent, type XliffSegment, type XliffTarget, type XliffText } from './model.js';
import { attributesOf, childElements, children, childrenNamed, descendantsNamed, elementName, firstChild, type XmlNode } from './tree.js';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  commentPropName: '#comment',
});

const NS_1 = /^urn:oasis:names:tc:xliff:document:1\.[12]$/;
const NS_20 = 'urn:oasis:names:tc:xliff:document:2.0';

/** Parses XLIFF text. `file` is only used in error messages. */
export function readXliff(text: string, file: string): XliffContent {
  const xml = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  refuseDeclarations(xml, file);
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new XliffError(`not well-formed XML: ${validation.err.msg}`, { file, line: validation.err.line, column: validation.err.col });
  }
  const root = (parser.parse(xml) as XmlNode[]).find((node) => elementName(node) === 'xliff');
  if (!root) throw new XliffError('no <xliff> root element', { file });
  const attrs = attributesOf(root);
  const version = attrs['version'] ?? '1.0';
  const namespace = attrs['xmlns'];
  if (namespace === NS_20 || version.startsWith('2.')) return readXliff2(root, version, file);
  if (namespace !== undefined && !NS_1.test(namespace)) throw new XliffError(`unknown XLIFF namespace "${namespace}"`, { file });
  return readXliff1(root, version, file);
}

/** XLIFF has no use for a DTD; a DOCTYPE is how XXE and billion-laughs attacks start. */
function refuseDeclarations(xml: string, file: string): void {
  const match = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (match) {
    throw new XliffError(`<!${match[1]!.toUpperCase()}> is not allowed in XLIFF (DTDs and entities are refused)`, {
      file,
      ...lineAndColumn(xml, match.index),
    });
  }
}

function langAttribute(value: string | undefined, name: string, file: string): Lang | undefined {
  if (value === undefined || value === '') return undefined;
  const lang = parseLang(value);
  if (!lang) throw new XliffError(`${name}="${value}" is not a known language tag`, { file });
  return lang;
}

function blockKind(restype: string | undefined): { blockKind?: BlockKind } {
  const entry = Object.entries(BLOCK_RESTYPE).find(([, value]) => value === restype);
  return entry ? { blockKind: entry[0] as BlockKind } : {};
}

// ---- inline content --------------------------------------------------------

/** Codes whose content is native data (markup), not text a reader sees. */
const NATIVE_CODES = new Set(['x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'sc', 'ec', 'sm', 'em']);
/** Codes that wrap text. */
const WRAPPING_CODES = new Set(['g', 'pc', 'mrk']);

/** The text and codes of an element's content (XLIFF 1.2 §2.4 inline elements; XLIFF 2 §4.2.3). */
function inlineText(node: XmlNode): XliffText {
  const codes: InlineCode[] = [];
  let text = '';
  let markup = '';
  const addText = (part: string) => {
    text += part;
    markup += escapeText(part);
  };
  const walk = (parent: XmlNode) => {
    for (const child of children(parent)) {
      const name = elementName(child);
      if (name === '#text') addText(String(child['#text']));
      else if (name === '#cdata') addText(children(child).map((part) => String(part['#text'] ?? '')).join(''));
      else if (name === 'cp') addText(String.fromCodePoint(Number.parseInt(attributesOf(child)['hex'] ?? '0', 16)));
      else if (NATIVE_CODES.has(name)) {
        codes.push({ kind: name, id: codeId(child) });
        markup += `<x i="${codes.length}"/>`;
      } else if (WRAPPING_CODES.has(name)) {
        codes.push({ kind: name, id: codeId(child) });
        markup += `<g i="${codes.length}">`;
        walk(child);
        markup += '</g>';
      } else if (name !== '#comment') walk(child);
    }
  };
  walk(node);
  return { text, codes, markup };
}

/** A target counts when it holds text or codes; memoQ writes `<target> </target>` for "not started". */
function hasContent(text: XliffText | undefined): text is XliffText {
  return text !== undefined && (text.text.trim().length > 0 || text.codes.length > 0);
}

function codeId(node: XmlNode): string {
  const attrs = attributesOf(node);
  return attrs['id'] ?? attrs['rid'] ?? attrs['mid'] ?? '';
}

// ---- XLIFF 1.x ---------------------------------------------------------------

function readXliff1(root: XmlNode, version: string, file: string): XliffContent {
  const segments: XliffSegment[] = [];
  let sourceLang: Lang | undefined;
  let targetLang: Lang | undefined;
  let unitCount = 0;
  for (const fileNode of childrenNamed(root, 'file')) {
    const attrs = attributesOf(fileNode);
    sourceLang ??= langAttribute(attrs['source-language'], 'source-language', file);
    targetLang ??= langAttribute(attrs['target-language'], 'target-language', file);
    const original = attrs['original'] ?? '';
    const walk = (node: XmlNode, group: XmlNode | undefined) => {
      for (const child of childElements(node)) {
        const name = elementName(child);
        if (name === 'group') walk(child, child);
        else if (name === 'trans-unit') {
          unitCount++;
          segments.push(...readTransUnit(child, original, group));
        }
      }
    };
    for (const body of childrenNamed(fileNode, 'body')) walk(body, undefined);
  }
  return { version, sourceLang, targetLang, unitCount, segments };
}

function readTransUnit(node: XmlNode, original: string, group: XmlNode | undefined): XliffSegment[] {
  const attrs = attributesOf(node);
  const unit = attrs['id'] ?? '';
  const translate = attrs['translate'] !== 'no';
  const sourceNode = firstChild(node, 'source');
  const targetNode = firstChild(node, 'target');
  const targetAttrs = targetNode ? attributesOf(targetNode) : {};
  const altOrigin = childrenNamed(node, 'alt-trans').map((alt) => attributesOf(alt)['origin']).find(Boolean);
  const groupAttrs = group ? attributesOf(group) : {};
  const where = { file: original, unit, translate, ...(group ? { block: groupAttrs['id'] ?? '' } : {}), ...blockKind(groupAttrs['restype']) };

  // State: memoQ and Trados keep theirs in extension attributes; otherwise XLIFF 1.2's own.
  const memoQ = attrs['mq:status'];
  const unitState = (): { state: State; origin: Origin } => {
    const base = {
      state: stateFromXliff12(targetAttrs['state'], attrs['approved'] === 'yes'),
      origin: originFromXliff12(targetAttrs['state-qualifier'], altOrigin),
    };
    if (memoQ === undefined) return base;
    const fromMemoQ = stateFromMemoQ(memoQ);
    return { state: fromMemoQ.state, origin: fromMemoQ.origin ?? base.origin };
  };

  const segSource = firstChild(node, 'seg-source');
  if (!segSource) {
    const target = targetNode ? inlineText(targetNode) : undefined;
    const hasTarget = hasContent(target);
    return [
      {
        ...where,
        id: unit,
        source: sourceNode ? inlineText(sourceNode) : { text: '', codes: [], markup: '' },
        ...(hasTarget ? { target: { ...target, ...unitState() } } : {}),
      },
    ];
  }
  // Segmented unit (Trados, Okapi): one segment per <mrk mtype="seg">, targets matched by mid.
  const tradosStates = new Map(
    descendantsNamed(node, 'sdl:seg').map((seg) => {
      const segAttrs = attributesOf(seg);
      return [segAttrs['id'] ?? '', stateFromTrados(segAttrs['conf'], segAttrs['origin'])] as const;
    }),
  );
  const targetMarks = new Map(
    (targetNode ? segmentMarks(targetNode) : []).map((mark) => [attributesOf(mark)['mid'] ?? '', mark] as const),
  );
  return segmentMarks(segSource).map((mark) => {
    const mid = attributesOf(mark)['mid'] ?? '';
    const targetMark = targetMarks.get(mid);
    const target = targetMark ? inlineText(targetMark) : undefined;
    const hasTarget = hasContent(target);
    const state = tradosStates.get(mid) ?? unitState();
    const full: XliffTarget | undefined = hasTarget ? { ...target, ...state } : undefined;
    return { ...where, segment: mid, id: `${unit}/${mid}`, source: inlineText(mark), ...(full ? { target: full } : {}) };
  });
}

function segmentMarks(node: XmlNode): XmlNode[] {
  return descendantsNamed(node, 'mrk').filter((mark) => attributesOf(mark)['mtype'] === 'seg');
}

// ---- XLIFF 2.x ---------------------------------------------------------------

function readXliff2(root: XmlNode, version: string, file: string): XliffContent {
  const attrs = attributesOf(root);
  const sourceLang = langAttribute(attrs['srcLang'], 'srcLang', file);
  const targetLang = langAttribute(attrs['trgLang'], 'trgLang', file);
  const segments: XliffSegment[] = [];
  let unitCount = 0;
  for (const fileNode of childrenNamed(root, 'file')) {
    const fileAttrs = attributesOf(fileNode);
    const original = fileAttrs['original'] ?? fileAttrs['id'] ?? '';
    for (const unit of descendantsNamed(fileNode, 'unit')) {
      unitCount++;
      segments.push(...readUnit2(unit, original));
    }
  }
  return { version, sourceLang, targetLang, unitCount, segments: qualifyRepeatedIds(segments) };
}

/**
 * XLIFF 2 segment ids are unique only within their unit (§4.3.1.10): where one
 * repeats in the file, name the segment `unit/segment` instead.
 */
export function qualifyRepeatedIds(segments: XliffSegment[]): XliffSegment[] {
  const counts = new Map<string, number>();
  for (const segment of segments) counts.set(segment.id, (counts.get(segment.id) ?? 0) + 1);
  return segments.map((segment) => (counts.get(segment.id)! > 1 ? { ...segment, id: `${segment.unit}/${segment.segment}` } : segment));
}

function readUnit2(unit: XmlNode, original: string): XliffSegment[] {
  const unitAttrs = attributesOf(unit);
  const unitId = unitAttrs['id'] ?? '';
  const ownType = unitAttrs['type']?.startsWith(`${TOOL_ID}:`) ? `x-${unitAttrs['type'].slice(TOOL_ID.length + 1)}` : undefined;
  const translate = unitAttrs['translate'] !== 'no';
  const matchOrigins = new Map<string, string>();
  for (const match of descendantsNamed(unit, 'mtc:match')) {
    const matchAttrs = attributesOf(match);
    if (matchAttrs['ref'] && matchAttrs['origin']) matchOrigins.set(matchAttrs['ref'].replace(/^#/, ''), matchAttrs['origin']);
  }
  return childrenNamed(unit, 'segment').map((segment, index) => {
    const attrs = attributesOf(segment);
    const segmentId = attrs['id'] ?? String(index + 1);
    const sourceNode = firstChild(segment, 'source');
    const targetNode = firstChild(segment, 'target');
    const target = targetNode ? inlineText(targetNode) : undefined;
    const hasTarget = hasContent(target);
    const subState = attrs['subState'];
    // Our own markers: MT is `initial` + subState …:mt, reuse from memory is subState …:tm.
    const machine = subState === `${TOOL_ID}:mt`;
    const state: State = machine ? 'translated' : stateFromXliff2(attrs['state']);
    const engine = matchOrigins.get(segmentId);
    const origin: Origin = machine
      ? engine === 'offline' || engine === 'deepl' ? engine : 'machine'
      : subState === `${TOOL_ID}:tm`
        ? 'memory'
        : 'human';
    return {
      file: original,
      unit: unitId,
      segment: segmentId,
      id: attrs['id'] ?? `${unitId}/${segmentId}`,
      source: sourceNode ? inlineText(sourceNode) : { text: '', codes: [], markup: '' },
      ...(hasTarget ? { target: { ...target, state, origin } } : {}),
      translate,
      block: unitId,
      ...blockKind(ownType),
    };
  });
}
