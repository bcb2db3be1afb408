/**
 * Reading TMX (1.1–1.4b) as CAT tools write it, streamed, so a memory of a
 * million units never sits in memory whole: `readTmx` yields one `<tu>` at a
 * time. It takes UTF-8 and UTF-16 (by byte-order mark, as the LISA compliance
 * kit's files are), `xml:lang` (1.4) and `lang` (1.1), and the inline
 * elements `bpt ept ph it ut hi sub`. A code's content is the native code,
 * escaped (`&lt;b>`): it becomes the code's text in the sentence, as our
 * segments carry codes, and the `<seg>` markup is kept for export.
 *
 * Hostile input: a DOCTYPE that only names an external DTD (OmegaT and
 * Trados write `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`) is accepted and never
 * fetched; an internal subset, and with it any entity declaration, is refused.
 * Unknown entities, markup nested deeper than real files are, and oversized
 * segments are refused with the file and line named.
 *
 * Every value kept passes the admission gate (`core/admit.ts`) here, where
 * the line is known: `<seg>` text as a text, `<prop>` and `<note>` content,
 * prop types and every attribute value as attributes are (a 200 MB `<prop>`
 * would otherwise be stored and copied into `memory/<lng>.json`). Since saxes
 * gathers a text or an attribute whole before handing it over, the input is
 * fed in slices and a run without an event longer than any admitted value
 * could be is refused while it is read, so a hostile file costs no more
 * memory than the largest value we would keep.
 */
import { SaxesParser } from 'saxes';
import { ADMISSION_LIMITS, AdmissionError, admitText, isAdmitted } from '../core/admit.js';
import { InputError } from '../core/errors.js';
import type { CodeSpan } from '../core/types.js';
import { MAX_DEPTH } from '../formats/nesting.js';
import { attributes as writeAttributes, escapeText } from '../xliff/escape.js';
import type { MemoryText, TmxExtras } from './entry.js';

export interface TmxHeader {
  readonly version: string;
  readonly srclang?: string;
  readonly creationtool?: string;
}

export interface TmxVariant {
  /** The language tag as written. */
  readonly lang: string;
  readonly seg: Required<Pick<MemoryText, 'text' | 'tmx'>> & { readonly codes: readonly CodeSpan[] };
  readonly extras: TmxExtras;
}

export interface TmxUnit {
  /** 1-based position in the file, and the line its `<tu>` starts on. */
  readonly index: number;
  readonly line: number;
  /** The unit's own source language (`<tu srclang>`), if it names one. */
  readonly srclang?: string;
  readonly extras: TmxExtras;
  readonly variants: readonly TmxVariant[];
}

/** More translations of one sentence than languages exist is not a memory. */
const MAX_VARIANTS = 1_000;
/** Attributes on one element, props and notes on one unit: real files have a handful. */
const MAX_ATTRIBUTES = 100;
const MAX_EXTRAS = 1_000;
/** All a unit's texts, props, notes and attributes together: a few sentences' worth, not a gigabyte of small values. */
const MAX_UNIT = 4 * ADMISSION_LIMITS.text;
/**
 * Longest stretch of input without a parser event, per character of the
 * largest admitted value: a character reference (`&#x10FFFF;`, 10 characters
 * for 2) is the longest way tools write one. Padding references with zeros
 * (`&#x000…41;`) could exceed it: such a file is refused, never misread.
 */
const RAW_PER_CHAR = 5;
/** Characters handed to the parser at a time: how far past the bound a run can get before it is seen. */
const SLICE = 1 << 16;
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);
const LANG_ATTRIBUTES = new Set(['xml:lang', 'lang', 'srclang']);

/** The header, then every unit, from a TMX byte stream. */
export async function* readTmx(bytes: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<TmxHeader | TmxUnit> {
  const parser = new SaxesParser({ position: true });
  const out: (TmxHeader | TmxUnit)[] = [];
  const fail = (message: string, line = parser.line, column = parser.column) => new InputError(message, { file, line, column }, { code: 'TMX' });
  let failure: InputError | undefined;
  /**
   * The gate on one value (a text, or with the attribute bound a prop, note
   * or attribute); its refusal, with the line, becomes the reader's failure.
   * Its message is built only for a value the gate refuses.
   */
  const admit = (value: string, max: number, what: () => string) => {
    if (failure || isAdmitted(value, max)) return;
    try {
      admitText(value, { file, line: parser.line, column: parser.column, what: what(), max });
    } catch (error) {
      if (!(error instanceof AdmissionError)) throw error;
      failure = error;
    }
  };
  // Where the input stood at the last parser event, and how much a unit holds so far.
  let mark = 0;
  let unitSize = 0;
  let attributeCount = 0;
  const seen = () => {
    mark = parser.position;
  };
  const grow = (size: number) => {
    unitSize += size;
    if (unit && unitSize > MAX_UNIT) failure ??= fail(`unit ${unit.index} holds more than ${MAX_UNIT.toLocaleString('en')} characters of text, props, notes and attributes`);
  };
  parser.on('opentagstart', () => {
    seen();
    attributeCount = 0;
  });
  parser.on('attribute', () => {
    seen();
    if (++attributeCount > MAX_ATTRIBUTES) failure ??= fail(`an element with more than ${MAX_ATTRIBUTES} attributes`);
  });
  // Comments, CDATA and processing instructions get no handler (saxes reads measurably slower with them): the
  // run they are part of ends at the next tag, so a megabyte of them between two tags is refused as any long run is.
  parser.on('error', (error) => {
    failure ??= fail(error.message.replace(/^[^:]*:\d+:\d+: /, ''));
  });
  parser.on('doctype', (doctype) => {
    seen();
    // An internal subset is where entities are declared: refused whole, as for XLIFF.
    if (doctype.includes('[')) failure ??= fail('a DOCTYPE with an internal subset (entity declarations) is not accepted');
  });

  const stack: string[] = [];
  let unit: { index: number; line: number; srclang?: string; extras: Extras; variants: TmxVariant[] } | undefined;
  let variant: { lang: string; extras: Extras } | undefined;
  // Inside a <seg>: the element stack, each with the index of the code it opened.
  let seg: { text: string; tmx: string; codes: CodeSpan[]; open: { name: string; code?: number }[] } | undefined;
  let pending: { kind: 'prop' | 'note'; type?: string; lang?: string; text: string } | undefined;
  let units = 0;
  let version: string | undefined;

  parser.on('opentag', (tag) => {
    seen();
    stack.push(tag.name);
    if (stack.length > MAX_DEPTH) failure ??= fail(`markup nested more than ${MAX_DEPTH} deep`);
    const attrs = tag.attributes as Record<string, string>;
    for (const [name, value] of Object.entries(attrs)) {
      // Language tags are bounded as tags here; `tm import` parses them through the gate's admitLang.
      if (LANG_ATTRIBUTES.has(name) && !seg) admit(value, ADMISSION_LIMITS.lang, () => `the language tag ${name} of <${tag.name}>`);
      admit(value, ADMISSION_LIMITS.attribute, () => `the ${name} attribute of <${tag.name}>`);
      grow(name.length + value.length);
    }
    if (seg) {
      seg.tmx += `<${tag.name}${writeAttributes(attrs)}${tag.isSelfClosing ? '/' : ''}>`;
      if (CODE_ELEMENTS.has(tag.name) && !seg.open.some((element) => element.code !== undefined)) {
        const paired = tag.name === 'bpt' || tag.name === 'ept';
        const kind: CodeSpan['kind'] = tag.name === 'bpt' ? 'open' : tag.name === 'ept' ? 'close' : 'standalone';
        seg.codes.push({ id: paired ? `i${attrs.i ?? ''}` : `${tag.name}${seg.codes.length + 1}`, kind, start: seg.text.length, end: seg.text.length });
        seg.open.push({ name: tag.name, code: seg.codes.length - 1 });
      } else seg.open.push({ name: tag.name });
      return;
    }
    switch (tag.name) {
      case 'tmx':
        version = attrs.version ?? '';
        return;
      case 'header':
        out.push({ version: version ?? '', ...pick(attrs, ['srclang', 'creationtool']) });
        return;
      case 'tu':
        unit = { index: ++units, line: parser.line, ...(attrs.srclang ? { srclang: attrs.srclang } : {}), extras: extras(attrs), variants: [] };
        unitSize = 0;
        return;
      case 'tuv': {
        const lang = attrs['xml:lang'] ?? attrs.lang;
        if (!unit) failure ??= fail('<tuv> outside a <tu>');
        else if (!lang) failure ??= fail(`unit ${unit.index}: <tuv> without xml:lang`);
        const { 'xml:lang': _x, lang: _l, ...rest } = attrs;
        variant = { lang: lang ?? '', extras: extras(rest) };
        return;
      }
      case 'seg':
        if (!variant) failure ??= fail('<seg> outside a <tuv>');
        seg = { text: '', tmx: '', codes: [], open: [] };
        return;
      case 'prop':
      case 'note':
        pending = { kind: tag.name, ...(attrs.type ? { type: attrs.type } : {}), ...(attrs['xml:lang'] ? { lang: attrs['xml:lang'] } : {}), text: '' };
        return;
    }
  });

  const onText = (text: string) => {
    if (seg) {
      seg.text += text;
      seg.tmx += escapeText(text);
      // Bounded while it grows, so a huge one is never held whole; what it holds is admitted when it closes.
      if (seg.text.length > ADMISSION_LIMITS.text) admit(seg.text, ADMISSION_LIMITS.text, () => 'a <seg>');
    } else if (pending) {
      pending.text += text;
      if (pending.text.length > ADMISSION_LIMITS.attribute) admit(pending.text, ADMISSION_LIMITS.attribute, () => `a <${pending!.kind}>`);
    }
  };
  parser.on('text', (text) => {
    seen();
    onText(text);
  });

  parser.on('closetag', (tag) => {
    seen();
    stack.pop();
    if (seg && tag.name !== 'seg') {
      const element = seg.open.pop();
      if (!tag.isSelfClosing) seg.tmx += `</${tag.name}>`;
      if (element?.code !== undefined) seg.codes[element.code] = { ...seg.codes[element.code]!, end: seg.text.length };
      return;
    }
    switch (tag.name) {
      case 'tmx':
        return;
      case 'seg':
        if (variant && seg && unit) {
          const { text, tmx, codes } = seg;
          admit(text, ADMISSION_LIMITS.text, () => 'a <seg>');
          // The markup kept for export: as long as a text may be, and it counts towards the unit.
          admit(tmx, ADMISSION_LIMITS.text, () => "a <seg>'s markup");
          grow(text.length + tmx.length);
          unit.variants.push({ lang: variant.lang, seg: { text, tmx, codes }, extras: variant.extras.done() });
          if (unit.variants.length > MAX_VARIANTS) failure ??= fail(`unit ${unit.index} has more than ${MAX_VARIANTS} <tuv>s`);
        }
        seg = undefined;
        return;
      case 'tuv':
        variant = undefined;
        return;
      case 'tu':
        if (unit) out.push({ index: unit.index, line: unit.line, ...(unit.srclang ? { srclang: unit.srclang } : {}), extras: unit.extras.done(), variants: unit.variants });
        unit = undefined;
        return;
      case 'prop':
      case 'note':
        if (pending) {
          const { kind, text } = pending;
          admit(text, ADMISSION_LIMITS.attribute, () => `a <${kind}>`);
          grow(text.length);
          const owner = variant?.extras ?? unit?.extras;
          if (owner && owner.props.length + owner.notes.length >= MAX_EXTRAS) failure ??= fail(`more than ${MAX_EXTRAS} <prop>s and <note>s on one element`);
          if (pending.kind === 'note') owner?.notes.push(pending.text);
          else owner?.props.push({ type: pending.type ?? '', value: pending.text, ...(pending.lang ? { lang: pending.lang } : {}) });
        }
        pending = undefined;
        return;
    }
  });

  let first = true;
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  for await (const chunk of bytes) {
    if (first) {
      const encoding = encodingOf(chunk);
      try {
        decoder = new TextDecoder(encoding, { fatal: true });
      } catch {
        throw fail(`declares the encoding ${encoding}, which l10n cannot read`, 1, 1);
      }
      first = false;
    }
    let text: string;
    try {
      text = decoder!.decode(chunk, { stream: true });
    } catch {
      throw fail(`not valid ${decoder!.encoding} text`, parser.line, parser.column);
    }
    for (let at = 0; at < text.length && !failure; at += SLICE) {
      parser.write(text.slice(at, at + SLICE));
      // saxes holds the text or attribute it is reading until it ends: one longer than any value we admit is refused now.
      const bound = RAW_PER_CHAR * (seg ? ADMISSION_LIMITS.text : ADMISSION_LIMITS.attribute);
      if (parser.position - mark > bound) failure ??= fail(`more than ${bound.toLocaleString('en')} characters without markup ${seg ? 'in a <seg>' : 'outside a <seg>'}: longer than any text or value l10n keeps`);
    }
    if (failure) throw failure;
    yield* out.splice(0);
  }
  parser.close();
  if (failure) throw failure;
  if (version === undefined) throw fail('not a TMX file: no <tmx> element');
  yield* out.splice(0);
}

/**
 * UTF-16 by its byte-order mark (or `<` followed by a zero byte), else the
 * encoding the XML declaration names (`us-ascii`, `iso-8859-1`…), else UTF-8
 * (XML 1.0 Appendix F).
 */
function encodingOf(start: Uint8Array): string {
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  if (start[0] === 0x3c && start[1] === 0x00) return 'utf-16le';
  if (start[0] === 0x00 && start[1] === 0x3c) return 'utf-16be';
  const declaration = /^(?:\xEF\xBB\xBF)?<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(String.fromCharCode(...start.subarray(0, 256)));
  return declaration?.[1]?.toLowerCase() ?? 'utf-8';
}

interface Extras {
  readonly attributes: Record<string, string>;
  readonly props: { type: string; value: string; lang?: string }[];
  readonly notes: string[];
  done(): TmxExtras;
}

function extras(attributes: Record<string, string>): Extras {
  const value: Extras = {
    attributes,
    props: [],
    notes: [],
    done: () => ({
      ...(Object.keys(value.attributes).length > 0 ? { attributes: value.attributes } : {}),
      ...(value.props.length > 0 ? { props: value.props } : {}),
      ...(value.notes.length > 0 ? { notes: value.notes } : {}),
    }),
  };
  return value;
}

function pick(attrs: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => attrs[name] !== undefined).map((name) => [name, attrs[name]!]));
}
