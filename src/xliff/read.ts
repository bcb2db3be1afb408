/**
 * Reads XLIFF 1.0–1.2 and 2.0–2.2 into units. Refuses DOCTYPEs and entity
 * declarations before parsing (no XXE, no entity expansion), and reports
 * malformed XML with line and column.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XliffError } from '../core/errors.js';
import { parseLang, type Lang } from '../core/lang.js';
import { originFromXliff12, stateFromXliff12 } from '../core/state.js';
import { lineAndColumn } from '../core/errors.js';
import { STATES, type BlockKind, type SegmentId, type State, type Target } from '../core/types.js';
import { BLOCK_RESTYPE, TOOL_ID, type XliffContent, type XliffUnit } from './model.js';

type XmlNode = Record<string, unknown>;

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

const NS_12 = /^urn:oasis:names:tc:xliff:document:1\.[12]$/;
const NS_20 = 'urn:oasis:names:tc:xliff:document:2.0';

/** Parses XLIFF text. `file` is only used in error messages. */
export function readXliff(text: string, file: string): XliffContent {
  const xml = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  refuseDeclarations(xml, file);
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new XliffError(`not well-formed XML: ${validation.err.msg}`, {
      file,
      line: validation.err.line,
      column: validation.err.col,
    });
  }
  const root = childElements(parser.parse(xml) as XmlNode[]).find((node) => elementName(node) === 'xliff');
  if (!root) throw new XliffError('no <xliff> root element', { file });
  const attrs = attributesOf(root);
  const version = attrs['version'] ?? '1.2';
  const namespace = attrs['xmlns'];
  if (namespace === NS_20 || version.startsWith('2.')) return readXliff2(root, version, file);
  if (namespace !== undefined && !NS_12.test(namespace)) {
    throw new XliffError(`unknown XLIFF namespace "${namespace}"`, { file });
  }
  return readXliff1(root, version, file);
}

/** XLIFF has no use for a DTD; a DOCTYPE is how XXE and billion-laughs attacks start. */
function refuseDeclarations(xml: string, file: string): void {
  const match = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (match) {
    const { line, column } = lineAndColumn(xml, match.index);
    throw new XliffError(`<!${match[1]!.toUpperCase()}> is not allowed in XLIFF (DTDs and entities are refused)`, {
      file,
      line,
      column,
    });
  }
}

function readXliff1(root: XmlNode, version: string, file: string): XliffContent {
  const units: XliffUnit[] = [];
  let sourceLang: Lang | undefined;
  let targetLang: Lang | undefined;
  for (const fileNode of childrenNamed(root, 'file')) {
    const attrs = attributesOf(fileNode);
    sourceLang ??= langAttribute(attrs['source-language'], 'source-language', file);
    targetLang ??= langAttribute(attrs['target-language'], 'target-language', file);
    const original = attrs['original'] ?? '';
    for (const body of childrenNamed(fileNode, 'body')) collectUnits12(body, original, undefined, units);
  }
  return { version, sourceLang, targetLang, units };
}

function collectUnits12(node: XmlNode, original: string, group: XmlNode | undefined, out: XliffUnit[]): void {
  for (const child of childElements(children(node))) {
    const name = elementName(child);
    if (name === 'group') collectUnits12(child, original, child, out);
    else if (name === 'trans-unit') out.push(readTransUnit(child, original, group));
  }
}

function readTransUnit(node: XmlNode, original: string, group: XmlNode | undefined): XliffUnit {
  const attrs = attributesOf(node);
  const id = attrs['id'] ?? '';
  const elements = childElements(children(node));
  const sourceNode = elements.find((child) => elementName(child) === 'source');
  const targetNode = elements.find((child) => elementName(child) === 'target');
  const altOrigin = elements
    .filter((child) => elementName(child) === 'alt-trans')
    .map((child) => attributesOf(child)['origin'])
    .find((origin) => origin !== undefined);
  const targetText = targetNode ? textContent(targetNode) : '';
  const targetAttrs = targetNode ? attributesOf(targetNode) : {};
  const segmentId = id as SegmentId;
  const target: Target | undefined =
    targetText.length > 0
      ? {
          segmentId,
          text: targetText,
          state: stateFromXliff12(targetAttrs['state'], attrs['approved'] === 'yes'),
          origin: originFromXliff12(targetAttrs['state-qualifier'], altOrigin),
        }
      : undefined;
  const groupAttrs = group ? attributesOf(group) : {};
  return {
    id,
    file: original,
    source: sourceNode ? textContent(sourceNode) : '',
    ...(target ? { target } : {}),
    ...(group ? { block: groupAttrs['id'] ?? '' } : {}),
    ...blockKind(groupAttrs['restype']),
  };
}

function readXliff2(root: XmlNode, version: string, file: string): XliffContent {
  const attrs = attributesOf(root);
  const sourceLang = langAttribute(attrs['srcLang'], 'srcLang', file);
  const targetLang = langAttribute(attrs['trgLang'], 'trgLang', file);
  const units: XliffUnit[] = [];
  for (const fileNode of childrenNamed(root, 'file')) {
    const fileAttrs = attributesOf(fileNode);
    const original = fileAttrs['original'] ?? fileAttrs['id'] ?? '';
    for (const unit of descendantsNamed(fileNode, 'unit')) units.push(...readUnit2(unit, original));
  }
  return { version, sourceLang, targetLang, units };
}

function readUnit2(unit: XmlNode, original: string): XliffUnit[] {
  const unitAttrs = attributesOf(unit);
  const unitId = unitAttrs['id'] ?? '';
  const kind = blockKind(unitAttrs['type']?.startsWith(`${TOOL_ID}:`) ? `x-${unitAttrs['type'].slice(TOOL_ID.length + 1)}` : undefined);
  const matchOrigins = new Map<string, string>();
  for (const match of descendantsNamed(unit, 'mtc:match')) {
    const matchAttrs = attributesOf(match);
    if (matchAttrs['ref'] && matchAttrs['origin']) matchOrigins.set(matchAttrs['ref'].replace(/^#/, ''), matchAttrs['origin']);
  }
  return childrenNamed(unit, 'segment').map((segment, index) => {
    const attrs = attributesOf(segment);
    const segmentId = attrs['id'] ?? `${unitId}/${index + 1}`;
    const sourceNode = childrenNamed(segment, 'source')[0];
    const targetNode = childrenNamed(segment, 'target')[0];
    const targetText = targetNode ? textContent(targetNode) : '';
    const machine = attrs['subState'] === `${TOOL_ID}:mt`;
    const rawState = attrs['state'] ?? 'initial';
    const state: State = machine ? 'translated' : (STATES as readonly string[]).includes(rawState) ? (rawState as State) : 'initial';
    const origin = machine
      ? matchOrigins.get(segmentId) === 'offline'
        ? 'offline'
        : 'deepl'
      : attrs['subState'] === `${TOOL_ID}:tm`
        ? 'memory'
        : 'human';
    return {
      id: segmentId,
      file: original,
      source: sourceNode ? textContent(sourceNode) : '',
      ...(targetText.length > 0 ? { target: { segmentId: segmentId as SegmentId, text: targetText, state, origin } } : {}),
      block: unitId,
      ...kind,
    };
  });
}

function blockKind(restype: string | undefined): { blockKind?: BlockKind } {
  const entry = Object.entries(BLOCK_RESTYPE).find(([, value]) => value === restype);
  return entry ? { blockKind: entry[0] as BlockKind } : {};
}

function langAttribute(value: string | undefined, name: string, file: string): Lang | undefined {
  if (value === undefined) return undefined;
  const lang = parseLang(value);
  if (!lang) throw new XliffError(`${name}="${value}" is not a known language tag`, { file });
  return lang;
}

// fast-xml-parser's preserveOrder tree: [{ name: [children], ':@': {attributes} } | { '#text': string }]

function elementName(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function children(node: XmlNode): XmlNode[] {
  const value = node[elementName(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function childElements(nodes: XmlNode[]): XmlNode[] {
  return nodes.filter((node) => {
    const name = elementName(node);
    return name !== '#text' && name !== '#comment' && !name.startsWith('?');
  });
}

function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return childElements(children(node)).filter((child) => elementName(child) === name);
}

function descendantsNamed(node: XmlNode, name: string): XmlNode[] {
  return childElements(children(node)).flatMap((child) =>
    elementName(child) === name ? [child] : descendantsNamed(child, name),
  );
}

function attributesOf(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

/** Text of an element with inline markup flattened (inline codes are kept by the importer, issue #4). */
function textContent(node: XmlNode): string {
  return children(node)
    .map((child) => {
      const name = elementName(child);
      if (name === '#text') return String(child['#text']);
      if (name === '#comment') return '';
      return textContent(child);
    })
    .join('');
}
