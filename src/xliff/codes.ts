/**
 * A sentence's inline codes in our own XLIFF: XLIFF 1.2 `<ph>` for a code
 * that stands alone and `<bpt>`/`<ept>` for a pair, XLIFF 2 `<ph>` and
 * `<sc>`/`<ec>`, each with the code's text for translators to see (1.2 as
 * content, 2.0 as `disp` and `equiv`). Start/end codes rather than wrapping
 * ones, because a translation may reorder them. Reading back, each code is
 * taken by its id from the source: a translator can move, keep or drop a
 * code, not change what it is.
 */
import { codesIn, writeCodes } from '../core/codes.js';
import type { Segment } from '../core/types.js';
import { attributes, escapeText, unescapeText } from './escape.js';
import type { XliffText, XliffVersion } from './model.js';

type Coded = Pick<Segment, 'id' | 'text' | 'codes'>;

/** The source of a segment as XLIFF content. */
export function sourceContent(segment: Coded, version: XliffVersion): string {
  return contentOf(segment.text, segment, segment, version);
}

/** A translation of `segment` as XLIFF content, its codes found where it has the source's. */
export function targetContent(text: string, segment: Coded, version: XliffVersion): string {
  return contentOf(text, segment, { text, codes: codesIn(text, segment) }, version);
}

/** A memory proposal's source or target: its own codes, their ids prefixed so they are unique in the unit. */
export function proposalContent(text: { readonly text: string; readonly codes?: Segment['codes'] }, idPrefix: string, version: XliffVersion): string {
  return contentOf(text.text, { id: idPrefix as Segment['id'], text: text.text, ...(text.codes ? { codes: text.codes } : {}) }, text, version);
}

function contentOf(text: string, segment: Coded, coded: Pick<Segment, 'text' | 'codes'>, version: XliffVersion): string {
  if (!segment.codes || segment.codes.length === 0) return escapeText(text);
  // XLIFF 2 code ids are unique in a unit, which holds several segments.
  const id = (code: { id: string }) => (version === '2.0' ? `${segment.id}-${code.id}` : code.id);
  return writeCodes(text, coded.codes ?? [], {
    escape: escapeText,
    ...(version === '2.0'
      ? {
          standalone: (code, data) => `<ph${attributes({ id: id(code), disp: data, equiv: data })}/>`,
          open: (code, data) => `<sc${attributes({ id: id(code), disp: data, equiv: data })}/>`,
          close: (code, data) => `<ec${attributes({ startRef: id(code), disp: data, equiv: data })}/>`,
        }
      : {
          standalone: (code, data) => `<ph${attributes({ id: id(code) })}>${escapeText(data)}</ph>`,
          open: (code, data) => `<bpt${attributes({ id: id(code) })}>${escapeText(data)}</bpt>`,
          close: (code, data) => `<ept${attributes({ id: id(code) })}>${escapeText(data)}</ept>`,
        }),
  });
}

const TOKEN = /<x i="(\d+)"\/>|<g i="(\d+)">|<\/g>|[^<]+/g;

/**
 * The text of a source or target read from our XLIFF, with each code written
 * as the source segment has it. A code the segment does not have is left out
 * (QA then reports the difference).
 */
export function textWithCodes(content: XliffText, segment: Coded): string {
  if (!segment.codes || segment.codes.length === 0) return content.text;
  const byId = new Map<string, { open?: string; close?: string; whole?: string }>();
  for (const code of segment.codes) {
    const entry = byId.get(code.id) ?? {};
    entry[code.kind === 'standalone' ? 'whole' : code.kind] = segment.text.slice(code.start, code.end);
    byId.set(code.id, entry);
  }
  const ours = (xliffId: string) => byId.get(xliffId.slice(xliffId.lastIndexOf('-') + 1));
  let out = '';
  const wrapping: (string | undefined)[] = [];
  for (const [token, native, wrap] of content.markup.matchAll(TOKEN)) {
    if (native !== undefined) {
      const xliff = content.codes[Number(native) - 1];
      const code = xliff && ours(xliff.id);
      const end = xliff?.kind === 'ept' || xliff?.kind === 'ec';
      const start = xliff?.kind === 'bpt' || xliff?.kind === 'sc';
      out += (end ? code?.close : start ? code?.open : (code?.whole ?? code?.open)) ?? '';
    } else if (wrap !== undefined) {
      const code = ours(content.codes[Number(wrap) - 1]?.id ?? '');
      out += code?.open ?? '';
      wrapping.push(code?.close);
    } else if (token === '</g>') out += wrapping.pop() ?? '';
    else out += unescapeText(token);
  }
  return out;
}
