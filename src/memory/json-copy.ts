/**
 * The memory's readable copy for the repository: `memory/<lng>.json`, the
 * entries of one locale sorted by source and target, one object each, so a
 * review in git shows exactly which translations were added or changed. The
 * file keeps everything an entry has, so the database can be rebuilt from it
 * (a fresh clone, a teammate's change pulled).
 *
 * A copy is input like any other (a pull brings whatever a teammate or a
 * script wrote): its shape is checked at load, each entry against the schema
 * below, and every string in it passes the admission gate, so a wrong-typed
 * field or a NUL is refused naming the file, the entry and the field.
 */
import { z } from 'zod';
import { ADMISSION_LIMITS, admitAttribute, admitLang, admitText, isAdmitted } from '../core/admit.js';
import { InputError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { MEMORY } from '../core/state.js';
import { STATES, type Origin, type State } from '../core/types.js';
import type { MemoryEntry } from './entry.js';

const codeSchema = z.object({
  id: z.string(),
  kind: z.enum(['open', 'close', 'standalone']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
const extrasSchema = z.object({
  attributes: z.record(z.string(), z.string()).optional(),
  props: z.array(z.object({ type: z.string(), value: z.string(), lang: z.string().optional() })).optional(),
  notes: z.array(z.string()).optional(),
});
/** One entry of a copy, as `formatMemoryCopy` writes it; fields this version does not know are dropped. */
const entrySchema = z.object({
  source: z.string(),
  target: z.string(),
  state: z.enum(STATES),
  origin: z.enum(['human', 'memory', 'machine']).optional(),
  engine: z.string().optional(),
  sourceLang: z.string().optional(),
  sourceCodes: z.array(codeSchema).optional(),
  targetCodes: z.array(codeSchema).optional(),
  sourceTmx: z.string().optional(),
  targetTmx: z.string().optional(),
  doc: z.string().optional(),
  context: z.object({ prev: z.string(), next: z.string() }).optional(),
  created: z.string().optional(),
  creator: z.string().optional(),
  changed: z.string().optional(),
  changer: z.string().optional(),
  unit: z.string().optional(),
  tmx: z
    .object({
      sourceLang: z.string().optional(),
      targetLang: z.string().optional(),
      tu: extrasSchema.optional(),
      sourceTuv: extrasSchema.optional(),
      targetTuv: extrasSchema.optional(),
    })
    .optional(),
});

/** Fields that hold sentences (bound as texts); every other string is bound as an attribute value is. */
const TEXT_FIELDS = new Set(['source', 'target', 'sourceTmx', 'targetTmx', 'context']);
/** Language tags as a TMX file wrote them (`DE-de`), kept for export: bound as tags, not parsed. */
const WRITTEN_TAGS = new Set(['tmx.sourceLang', 'tmx.targetLang']);

/** One entry as the file has it; `sourceLang` only where it is not the project's. */
type CopyEntry = Omit<MemoryEntry, 'lang' | 'sourceLang' | 'source' | 'target' | 'state' | 'origin'> & {
  source: string;
  target: string;
  state: State;
  origin?: Origin['by'];
  engine?: string;
  sourceLang?: Lang;
  sourceCodes?: MemoryEntry['source']['codes'];
  targetCodes?: MemoryEntry['target']['codes'];
  sourceTmx?: string;
  targetTmx?: string;
};

export function parseMemoryCopy(text: string, file: string, lang: Lang, sourceLang: Lang): MemoryEntry[] {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, { file }, { cause: error });
  }
  if (!Array.isArray(entries)) throw new InputError('expected an array of { source, target, state }', { file });
  admitLang(lang, { file, what: 'the language its name gives' });
  return entries.map((value: unknown, index) => {
    const entry = `entry ${index + 1}`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${entry} is not an object { source, target, state }`, { file });
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.');
      const problem = `"${field}": ${issue.message.replace(/^Invalid input: /, '')}`;
      if (['source', 'target', 'state'].includes(field)) throw new InputError(`${entry} needs string "source" and "target" and a known "state" (${problem})`, { file });
      throw new InputError(`${entry}: ${problem}`, { file });
    }
    admitStrings(parsed.data, [], { file, entry });
    const { source, target, state, origin, engine, sourceLang: otherSource, sourceCodes, targetCodes, sourceTmx, targetTmx, ...rest } = parsed.data;
    for (const [field, codes, text] of [['sourceCodes', sourceCodes, source], ['targetCodes', targetCodes, target]] as const) {
      const outside = codes?.findIndex((code) => code.start > code.end || code.end > text.length) ?? -1;
      if (outside !== -1) throw new InputError(`${entry}: "${field}.${outside}": a code outside its text (${text.length} characters)`, { file });
    }
    return {
      ...rest,
      sourceLang: otherSource !== undefined ? admitLang(otherSource, { file, what: `${entry}: "sourceLang"` }) : sourceLang,
      lang,
      source: { text: source, ...(sourceCodes ? { codes: sourceCodes } : {}), ...(sourceTmx !== undefined ? { tmx: sourceTmx } : {}) },
      target: { text: target, ...(targetCodes ? { codes: targetCodes } : {}), ...(targetTmx !== undefined ? { tmx: targetTmx } : {}) },
      state,
      // Entries written before origins were kept are reviewed reuse: memory.
      origin: origin === 'machine' ? (engine ? { by: 'machine', engine } : { by: 'machine' }) : origin ? { by: origin } : MEMORY,
    };
  });
}

/** Every string of a checked entry through the gate, named by its field (`"context.prev"`, `"tmx.tu.props.0.value"`). */
function admitStrings(value: unknown, path: readonly string[], where: { readonly file: string; readonly entry: string }): void {
  // The field's name is built only for a refusal: a copy has millions of strings.
  const what = () => `${where.entry}: "${path.join('.')}"`;
  if (typeof value === 'string') {
    if (path[0] === 'sourceLang') return; // admitted as a tag where it is used
    const max = TEXT_FIELDS.has(path[0]!) ? ADMISSION_LIMITS.text : path[0] === 'tmx' && WRITTEN_TAGS.has(path.join('.')) ? ADMISSION_LIMITS.lang : ADMISSION_LIMITS.attribute;
    if (!isAdmitted(value, max)) admitText(value, { file: where.file, what: what(), max });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => admitStrings(item, [...path, String(index)], where));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // Attribute names are kept too (a TMX element's, for export).
      if (path.at(-1) === 'attributes' && !isAdmitted(key, ADMISSION_LIMITS.attribute)) admitAttribute(key, { file: where.file, what: `${what()} name` });
      admitStrings(item, [...path, key], where);
    }
  }
}

export function formatMemoryCopy(entries: Iterable<MemoryEntry>, sourceLang: Lang): string {
  const rows = [...entries].map((entry): CopyEntry => {
    const { id: _id, lang: _l, sourceLang: source, source: s, target: t, state, origin, ...rest } = entry as MemoryEntry & { id?: number };
    return {
      source: s.text,
      target: t.text,
      state,
      ...(origin.by !== 'memory' ? { origin: origin.by } : {}),
      ...(origin.by === 'machine' && origin.engine ? { engine: origin.engine } : {}),
      ...(source !== sourceLang ? { sourceLang: source } : {}),
      ...(s.codes?.length ? { sourceCodes: s.codes } : {}),
      ...(t.codes?.length ? { targetCodes: t.codes } : {}),
      ...(s.tmx !== undefined ? { sourceTmx: s.tmx } : {}),
      ...(t.tmx !== undefined ? { targetTmx: t.tmx } : {}),
      ...rest,
    };
  });
  rows.sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target) || compare(a.sourceLang ?? '', b.sourceLang ?? ''));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
