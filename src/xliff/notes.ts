/**
 * Adding a note to one unit of an XLIFF file in place, every other byte as it
 * was: before `</trans-unit>` in 1.x (notes may follow the target, XLIFF 1.2
 * §2.3.2 trans-unit), inside `<notes>` in 2.x, or in a new `<notes>` before
 * the unit's `<originalData>` and segments (XLIFF 2.1 §4.2.2.3 unit: notes
 * come after module elements, before the content).
 */
import { XliffError } from '../core/errors.js';
import { childElements, type XmlElement } from '../xml/parse.js';
import { escapeText } from './escape.js';
import { TOOL_ID } from './model.js';
import type { MappedXliff } from './read.js';

export function addUnitNote(xml: string, mapped: MappedXliff, key: string, text: string, file: string): string {
  const bom = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const segment = mapped.document.segments.find((candidate) => candidate.key === key);
  if (!segment) throw new XliffError(`no segment ${key}`, { file });
  const unit = segment.unit;
  const prefix = unit.name.includes(':') ? `${unit.name.slice(0, unit.name.indexOf(':'))}:` : '';
  const children = childElements(unit).filter((child) => child.ns === unit.ns);
  const indent = (child: XmlElement | undefined) => (child ? spaceBefore(xml, child.start + bom) : '');
  let at: number;
  let insert: string;
  if (segment.major === 1) {
    // After the unit's last element, laid out like its first.
    at = children.at(-1)!.end;
    insert = `${indent(children[0])}<${prefix}note from="${TOOL_ID}">${escapeText(text)}</${prefix}note>`;
  } else {
    const note = `<${prefix}note category="${TOOL_ID}">${escapeText(text)}</${prefix}note>`;
    const notes = children.find((child) => child.local === 'notes');
    if (notes) {
      const last = childElements(notes).at(-1);
      at = last ? last.end : notes.openEnd;
      insert = `${indent(last)}${note}`;
    } else {
      const content = children.find((child) => child.local === 'originalData' || child.local === 'segment' || child.local === 'ignorable')!;
      at = content.start;
      insert = `<${prefix}notes>${note}</${prefix}notes>${indent(content)}`;
    }
  }
  const offset = at + bom;
  return xml.slice(0, offset) + insert + xml.slice(offset);
}

/** The white space just before `end`: a scan back, where a pattern over the text before it read the whole file again for every note. */
function spaceBefore(xml: string, end: number): string {
  let start = end;
  while (start > 0 && /\s/.test(xml[start - 1]!)) start--;
  return xml.slice(start, end);
}
