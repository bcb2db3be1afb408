/**
 * Writing TMX 1.4b, streamed: entries that came from one `<tu>` go back into
 * one (with its attributes, props and notes, each `<tuv>`'s dates and the
 * `<seg>` markup as imported); our own entries make one `<tu>` per source
 * sentence with a `<tuv>` per locale, codes as `<bpt>/<ept>/<ph>` holding the
 * native code, state and origin as `x-` props, dates and users as TMX's own
 * attributes. Entries must come grouped (`MemoryStore.entries()` orders them so).
 */
import { writeCodes } from '../core/codes.js';
import { attributes, escapeText } from '../xliff/escape.js';
import type { MemoryText, StoredEntry, TmxExtras } from './entry.js';

export interface TmxWriteOptions {
  readonly toolVersion: string;
  /** The header's `srclang`: the project's source language. */
  readonly sourceLang: string;
  /** Counted as they are written. */
  readonly written?: { units: number; translations: number };
}

export async function* writeTmx(entries: Iterable<StoredEntry>, options: TmxWriteOptions): AsyncGenerator<string> {
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header${attributes({ creationtool: 'l10n-pipeline', creationtoolversion: options.toolVersion, segtype: 'sentence', 'o-tmf': 'l10n-pipeline', adminlang: 'en', srclang: options.sourceLang, datatype: 'plaintext' })}/>`,
    '  <body>',
    '',
  ].join('\n');
  let group: StoredEntry[] = [];
  let chunk = '';
  for (const entry of entries) {
    if (group.length > 0 && groupKey(entry) !== groupKey(group[0]!)) {
      chunk += writeUnit(group, options);
      group = [];
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    group.push(entry);
  }
  if (group.length > 0) chunk += writeUnit(group, options);
  yield `${chunk}  </body>\n</tmx>\n`;
}

function groupKey(entry: StoredEntry): string {
  return entry.unit ?? `s${entry.sourceLang}\n${entry.source.text}`;
}

function writeUnit(group: readonly StoredEntry[], options: TmxWriteOptions): string {
  const first = group[0]!;
  if (options.written) {
    options.written.units++;
    options.written.translations += group.length;
  }
  const sourceTag = first.tmx?.sourceLang ?? first.sourceLang;
  const unit = { ...first.tmx?.tu?.attributes };
  // A unit from another source language than the header's says which of its <tuv>s is the source.
  if (unit.srclang === undefined && sourceTag.toLowerCase() !== options.sourceLang.toLowerCase()) unit.srclang = sourceTag;
  const lines = [`    <tu${attributes(unit)}>`, ...extrasOf(first.tmx?.tu, '      ')];
  lines.push(tuv(sourceTag, first.tmx?.sourceTuv, {}, first.source));
  for (const entry of group) {
    const ours: Record<string, string | undefined> = {
      creationdate: entry.created,
      creationid: entry.creator,
      changedate: entry.changed,
      changeid: entry.changer,
    };
    // State and origin only where they say more than "a person's approved translation", the TMX default.
    const props = [...(entry.tmx?.targetTuv?.props ?? [])];
    // An imported translation goes back as it came; ours says its state and origin, which TMX has no field for.
    const imported = entry.unit !== undefined;
    if (!imported) {
      props.push({ type: 'x-state', value: entry.state });
      if (entry.origin.by !== 'human') props.push({ type: 'x-origin', value: entry.origin.by === 'machine' ? `machine${entry.origin.engine ? `:${entry.origin.engine}` : ''}` : entry.origin.by });
      if (entry.doc) props.push({ type: 'x-document', value: entry.doc });
      if (entry.context) props.push({ type: 'x-context-prev', value: entry.context.prev }, { type: 'x-context-next', value: entry.context.next });
    }
    // An imported translation's dates are in its own attributes already, where the file had them.
    lines.push(tuv(entry.tmx?.targetLang ?? entry.lang, { ...entry.tmx?.targetTuv, props }, imported ? {} : ours, entry.target));
  }
  lines.push('    </tu>');
  return `${lines.join('\n')}\n`;
}

function tuv(lang: string, extras: TmxExtras | undefined, ours: Record<string, string | undefined>, text: MemoryText): string {
  const attrs = { 'xml:lang': lang, ...extras?.attributes };
  for (const [name, value] of Object.entries(ours)) if (value !== undefined && attrs[name as keyof typeof attrs] === undefined) (attrs as Record<string, string>)[name] = value;
  const inner = extrasOf(extras, '');
  return `      <tuv${attributes(attrs)}>${inner.join('')}<seg>${segOf(text)}</seg></tuv>`;
}

function extrasOf(extras: TmxExtras | undefined, indent: string): string[] {
  return [
    ...(extras?.notes ?? []).map((note) => `${indent}<note>${escapeText(note)}</note>`),
    ...(extras?.props ?? []).map((prop) => `${indent}<prop${attributes({ type: prop.type, 'xml:lang': prop.lang })}>${escapeText(prop.value)}</prop>`),
  ];
}

/** A `<seg>`: as imported, or the text with its codes as TMX inline elements holding the escaped native code. */
function segOf(text: MemoryText): string {
  if (text.tmx !== undefined) return text.tmx;
  const codes = text.codes ?? [];
  if (codes.length === 0) return escapeText(text.text);
  return writeCodes(text.text, codes, {
    escape: escapeText,
    standalone: (code, data) => `<ph${attributes({ x: code.id })}>${escapeText(data)}</ph>`,
    open: (code, data) => `<bpt${attributes({ i: code.id, x: code.id })}>${escapeText(data)}</bpt>`,
    close: (code, data) => `<ept${attributes({ i: code.id })}>${escapeText(data)}</ept>`,
  });
}
