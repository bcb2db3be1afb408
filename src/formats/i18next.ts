/**
 * i18next JSON v4 resources (`source/<lng>/<namespace>.json`): every string
 * value is a unit whose id is its key path (`nav.home`, `list.0`). Plural keys
 * (`item_one`, `item_other`, `place_ordinal_one`; https://www.i18next.com/translation-function/plurals)
 * become the target language's own CLDR categories, as i18next looks them up
 * through Intl.PluralRules: Polish gets `_one _few _many _other`, Japanese
 * `_other` only. A form the source lacks is translated from its `other` form,
 * with the category and the numbers it is used for in a note. The localised
 * file is the source with new strings spliced in: key order, indentation,
 * escapes and context suffixes (`friend_male_one`) stay.
 *
 * v3 plurals (`item` and `item_plural`, read by apps that set
 * `compatibilityJSON: 'v3'` on i18next ≤ 23) stay v3: a language of two forms
 * keeps `item` / `item_plural`, the others get i18next v3's numbered keys
 * (`item_0`, `item_1`, `item_2` for Polish), `item` kept for a lookup without
 * a count. ICU MessageFormat (`{count, plural, …}`, i18next-icu) is refused.
 */
import { hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { admitAttribute, admitText } from '../core/admit.js';
import { findCodes } from '../core/codes.js';
import { segmentsOf } from '../core/doc.js';
import { InputError, lineLocator, quoted } from '../core/errors.js';

import { blockIdFor } from '../core/ids.js';
import type { Lang } from '../core/lang.js';
import type { Block, Doc, DocId, Finding, SegmentId } from '../core/types.js';
import { scanJson, type JsonMember, type JsonNode, type JsonObject, type JsonString } from './json-scan.js';
import { applyEdits, type Edit } from './splice.js';
import type { Parsed, SourceFormat } from './types.js';

/** Interpolation, nesting, Trans components and HTML tags: code, never translated (https://www.i18next.com/translation-function/interpolation). */
const CODE = /\{\{[^{}]*\}\}|\$t\([^()]*(?:\([^()]*\)[^()]*)*\)|<\/?\d+\s*\/?>|<\/?[A-Za-z][^<>]*>/g;
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type Category = (typeof CATEGORIES)[number];
const PLURAL_KEY = /^(.+?)_(ordinal_)?(zero|one|two|few|many|other)$/;
const V3_PLURAL = '_plural';
/** An ICU MessageFormat argument with branches: `{count, plural,`, `{n, selectordinal,`, `{gender, select,`. */
const ICU_BRANCHES = /\{\s*[\p{L}\p{N}_$.]+\s*,\s*(?:plural|selectordinal|select)\s*,/u;

/**
 * Languages whose i18next v3 plural keys are the CLDR categories that whole
 * numbers take, numbered in CLDR order (Polish one, few, many: `_0 _1 _2`),
 * or `''` / `_plural` for one and other. Checked against i18next 23's own
 * rules for 0–200 (test/formats/i18next-real.test.ts). Elsewhere (Slovenian,
 * Latvian, Hebrew, Welsh, Turkish, …) i18next's legacy table orders or counts
 * forms otherwise, and a v3 file is refused rather than written wrong.
 */
const V3_LANGUAGES = new Set(
  'af ak am ar az be bg bo bs ca cs da de el en eo es et eu fi fo fr fy gd gl hr hu id is it ja kk km ko ku lb lo lt mk ml mn mr ms nb ne nl nn no pl ps pt ro ru sk sq sr sv sw ta te th tk uk ur vi zh'.split(' '),
);

/** One string of the file: a unit, or one form of a plural family. */
interface Entry {
  readonly path: readonly string[];
  readonly node: JsonString;
}

/** `item_one`, `item_other`… of one object: translated into the target's own categories. */
interface Family {
  readonly parent: JsonObject;
  /** The path of the object, and the key without its plural suffix (context suffixes kept). */
  readonly path: readonly string[];
  readonly base: string;
  readonly ordinal: boolean;
  /** `key` / `key_plural` (i18next v3 JSON): `one` is the member `key`, `other` is `key_plural`. */
  readonly v3: boolean;
  readonly forms: ReadonlyMap<Category, JsonMember>;
}

type Item = { readonly kind: 'entry'; readonly entry: Entry } | { readonly kind: 'family'; readonly family: Family };

export interface I18nextSkeleton {
  readonly text: string;
  readonly items: readonly Item[];
  /** The plural categories each family is written in (the source's, until `forLocale`). */
  readonly categories: ReadonlyMap<Family, readonly Category[]>;
  /** Segment id per (family, category) and per entry. */
  readonly ids: ReadonlyMap<JsonString | string, SegmentId>;
  /** The file writes characters beyond ASCII as `\u` escapes. */
  readonly asciiOnly: boolean;
}

export const i18next: SourceFormat<I18nextSkeleton> = {
  extension: 'json',
  kind: 'resources',
  parse(text, options) {
    const root = scanJson(text, options.file);
    if (root.kind !== 'object') throw new InputError('an i18next resource file is a JSON object, with keys', { file: options.file });
    const items: Item[] = [];
    collect(root, [], { items, admit: admission(text, options.file) });
    const categories = new Map(items.flatMap((item) => (item.kind === 'family' ? [[item.family, [...item.family.forms.keys()]] as const] : [])));
    return build(text, items, categories, options.docId, options.lang, undefined);
  },
  forLocale(parsed, lang) {
    const { text, items } = parsed.skeleton;
    const categories = new Map(
      items.flatMap((item) => {
        if (item.kind !== 'family') return [];
        const family = item.family;
        if (family.v3) return [[family, v3Categories(lang, parsed.doc.id)] as const];
        const wanted = new Set<Category>(new Intl.PluralRules(lang, { type: family.ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories as Category[]);
        // `_zero` is i18next's own, used for a count of 0 in any language: kept where the source has it.
        if (family.forms.has('zero')) wanted.add('zero');
        return [[family, CATEGORIES.filter((category) => wanted.has(category))] as const];
      }),
    );
    return build(text, items, categories, parsed.doc.id, parsed.doc.lang, lang);
  },
  write(parsed, _lang, textOf) {
    const { text, items, categories, ids, asciiOnly } = parsed.skeleton;
    const segments = new Map(segmentsOf(parsed.doc).map((segment) => [segment.id, segment]));
    const translated = (id: SegmentId | undefined) => (id && segments.has(id) ? textOf(segments.get(id)!) : undefined);
    const literal = (value: string, node?: JsonString) => (node && node.value === value ? text.slice(node.start, node.end) : encode(value, asciiOnly));
    const edits: Edit[] = [];
    for (const item of items) {
      if (item.kind === 'entry') {
        const value = translated(ids.get(item.entry.node));
        if (value !== undefined) edits.push({ start: item.entry.node.start, end: item.entry.node.end, text: literal(value, item.entry.node) });
        continue;
      }
      const wanted = categories.get(item.family)!;
      const form = (category: Category) => {
        const value = translated(ids.get(formKey(item.family, category)));
        const own = item.family.forms.get(category)?.value as JsonString | undefined;
        return literal(value ?? own?.value ?? (item.family.forms.get('other')!.value as JsonString).value, own);
      };
      edits.push(...(item.family.v3 && !twoForms(wanted) ? numberedEdits(text, item.family, wanted, form) : familyEdits(text, item.family, wanted, form)));
    }
    return applyEdits(text, edits);
  },
  check(parsed, lang, targets) {
    const findings: Finding[] = [];
    const { items, categories, ids } = parsed.skeleton;
    for (const item of items) {
      if (item.kind !== 'family') continue;
      const forms = categories.get(item.family)!.map((category) => ({ category, id: ids.get(formKey(item.family, category))! }));
      const missing = forms.filter((form) => !targets.has(form.id));
      // All missing is an untranslated key; some missing breaks the plural: i18next shows the key for those counts.
      if (missing.length === 0 || missing.length === forms.length) continue;
      for (const form of missing) {
        findings.push({
          check: 'plurals',
          severity: 'error',
          segmentId: form.id,
          lang,
          message: `plural form "${form.category}" of "${[...item.family.path, item.family.base].join('.')}" is missing: ${samples(lang, form.category, item.family.ordinal)}`,
        });
      }
    }
    return findings;
  },
};

function formKey(family: Family, category: Category): string {
  return `${family.path.join('\u0000')}\u0000${family.base}\u0000${family.ordinal ? 'ordinal_' : ''}${category}`;
}

function keyOf(family: Family, category: Category): string {
  if (family.v3) return category === 'one' ? family.base : category === 'other' ? `${family.base}${V3_PLURAL}` : `${family.base}_${category}`;
  return `${family.base}_${family.ordinal ? 'ordinal_' : ''}${category}`;
}

/** The key a form is written under: i18next v3 numbers the forms of languages with more or fewer than two. */
function writtenKey(family: Family, category: Category, categories: readonly Category[]): string {
  return family.v3 && !twoForms(categories) ? `${family.base}_${categories.indexOf(category)}` : keyOf(family, category);
}

function twoForms(categories: readonly Category[]): boolean {
  return categories.length === 2 && categories[0] === 'one' && categories[1] === 'other';
}

/** The categories whole numbers take in `lang`, in CLDR order: i18next v3's forms, where they are known to agree. */
function v3Categories(lang: Lang, docId: DocId): Category[] {
  const language = new Intl.Locale(lang).language;
  if (!V3_LANGUAGES.has(language)) {
    throw new InputError(
      `i18next v3 plurals ("key" / "key_plural", compatibilityJSON 'v3') cannot be written for ${lang}: i18next's own legacy plural table for it differs from CLDR, so the numbered keys would be wrong; use i18next v4 keys ("key_one", "key_other") for this document`,
      { file: docId },
    );
  }
  const rules = new Intl.PluralRules(lang);
  const seen = new Set<string>();
  // Whole numbers only: v3's forms predate CLDR's forms for fractions and for millions (French "many").
  for (let n = 0; n <= 200; n++) seen.add(rules.select(n));
  return CATEGORIES.filter((category) => seen.has(category));
}

/**
 * Every key and string of the file passes the admission gate as it is read:
 * JSON escapes (`"\u0000"`, `"\uFFFE"`, a lone `"\uD800"`) decode to
 * characters that XLIFF cannot carry and i18next would publish, although the
 * file's bytes are clean. The refusal names the file, the line and the key.
 */
function admission(text: string, file: string) {
  const locate = lineLocator(text);
  return {
    value: (node: JsonString, path: readonly string[]) => {
      admitText(node.value, { file, ...locate(node.start), what: `the value of ${quoted(path.join('.'))}` });
      // Its branches are sentences inside one string: sent as one text, they would come back with one/other only.
      if (ICU_BRANCHES.test(node.value)) {
        throw new InputError(
          `the value of ${quoted(path.join('.'))} is an ICU message with plural or select branches (i18next-icu), which this project does not translate; write plurals as i18next keys ("key_one", "key_other")`,
          { file, ...locate(node.start) },
        );
      }
    },
    key: (member: JsonMember, path: readonly string[]) =>
      admitAttribute(member.key, { file, ...locate(member.keyStart), what: `a key in ${path.length > 0 ? quoted(path.join('.')) : 'the top level'}` }),
  };
}

interface Collecting {
  /** Where the items go: one array for the whole file, so a 150,000-string array is never spread onto the stack. */
  readonly items: Item[];
  readonly admit: ReturnType<typeof admission>;
}

/** Every string of the file in document order; plural families at the place of their first form. */
function collect(node: JsonNode, path: readonly string[], into: Collecting): void {
  const { items, admit } = into;
  if (node.kind === 'string') {
    admit.value(node, path);
    items.push({ kind: 'entry', entry: { path, node } });
    return;
  }
  if (node.kind === 'array') {
    node.items.forEach((item, index) => collect(item, [...path, String(index)], into));
    return;
  }
  if (node.kind !== 'object') return;
  const families = new Map<string, Family>();
  for (const member of node.members) {
    admit.key(member, path);
    const match = PLURAL_KEY.exec(member.key);
    if (!match || member.value.kind !== 'string') continue;
    const id = `${match[1]}\u0000${match[2] ?? ''}`;
    const family = families.get(id) ?? { parent: node, path, base: match[1]!, ordinal: match[2] !== undefined, v3: false, forms: new Map() };
    (family.forms as Map<Category, JsonMember>).set(match[3] as Category, member);
    families.set(id, family);
  }
  // i18next v4 resolves a plural only when the `other` form exists; anything else is a plain key.
  const formOf = new Map<JsonMember, Family>();
  for (const family of families.values()) if (family.forms.has('other')) for (const member of family.forms.values()) formOf.set(member, family);
  // v3: `key_plural` beside a string `key`, neither already a v4 form.
  const byKey = new Map(node.members.map((member) => [member.key, member]));
  for (const member of node.members) {
    if (!member.key.endsWith(V3_PLURAL) || member.value.kind !== 'string' || formOf.has(member)) continue;
    const base = member.key.slice(0, -V3_PLURAL.length);
    const one = byKey.get(base);
    if (!base || !one || one.value.kind !== 'string' || formOf.has(one)) continue;
    const family: Family = { parent: node, path, base, ordinal: false, v3: true, forms: new Map([['one', one], ['other', member]]) };
    formOf.set(one, family);
    formOf.set(member, family);
  }
  const placed = new Set<Family>();
  for (const member of node.members) {
    const family = formOf.get(member);
    if (!family) collect(member.value, [...path, member.key], into);
    else {
      admit.value(member.value as JsonString, [...path, member.key]);
      if (!placed.has(family)) {
        placed.add(family);
        items.push({ kind: 'family', family });
      }
    }
  }
}

/** The document a translator sees: one block per string, plural families in `categories`. */
function build(
  text: string,
  items: readonly Item[],
  categories: ReadonlyMap<Family, readonly Category[]>,
  docId: DocId,
  sourceLang: Lang,
  targetLang: Lang | undefined,
): Parsed<I18nextSkeleton> {
  const ids = new Map<JsonString | string, SegmentId>();
  const taken = new Set<string>();
  /** The next suffix to try per key path: a key repeated 20,000 times must not search from 2 each time. */
  const suffixes = new Map<string, number>();
  const idFor = (path: readonly string[]) => {
    const joined = path.join('.');
    // XLIFF 2 ids are NMTOKENs; other keys get a stable hash.
    let id = /^[\p{L}\p{N}_.:-]+$/u.test(joined) ? joined : `k-${hash('sha256', JSON.stringify(path), 'hex').slice(0, 10)}`;
    if (taken.has(id)) {
      let n = suffixes.get(joined) ?? 2;
      while (taken.has(`${joined}-${n}`)) n++;
      id = `${joined}-${n}`;
      suffixes.set(joined, n + 1);
    }
    taken.add(id);
    return id as SegmentId;
  };
  const body: Block[] = [];
  const block = (id: SegmentId, source: JsonString, note?: string) => {
    const codes = findCodes(source.value, CODE);
    const segment = { kind: 'segment' as const, id, text: source.value, start: source.start + 1, ...(codes.length > 0 ? { codes } : {}) };
    body.push({ kind: 'block', id: blockIdFor(body.length), type: 'entry', parts: [segment], ...(note ? { note } : {}) });
  };
  for (const item of items) {
    if (item.kind === 'entry') {
      const id = idFor(item.entry.path);
      ids.set(item.entry.node, id);
      if (item.entry.node.value.trim()) block(id, item.entry.node, `Key: ${item.entry.path.join('.')}`);
      continue;
    }
    const { family } = item;
    const written = categories.get(family)!;
    for (const category of written) {
      const id = idFor([...family.path, keyOf(family, category)]);
      ids.set(formKey(family, category), id);
      const own = family.forms.get(category);
      const source = (own ?? family.forms.get('other')!).value as JsonString;
      const lang = targetLang ?? sourceLang;
      const from = own ? '' : `; translate it from the source's "other" form`;
      block(id, source, `Key: ${[...family.path, writtenKey(family, category, written)].join('.')}. Plural form "${category}" (${samples(lang, category, family.ordinal)})${from}.`);
    }
  }
  const asciiOnly = /\\u00[89a-fA-F][0-9a-fA-F]|\\u0[1-9a-fA-F][0-9a-fA-F]{2}|\\u[1-9a-fA-F][0-9a-fA-F]{3}/.test(text) && !/[^\u0000-\u007f]/.test(text);
  const doc: Doc = { id: docId, lang: sourceLang, body };
  return { doc, skeleton: { text, items, categories, ids, asciiOnly } };
}

/**
 * Edits that write a family in `wanted` categories: forms the target keeps get
 * their new text, forms it lacks are removed with their separator, and new
 * ones are inserted after the form before them in CLDR order, with the
 * object's own separator.
 */
function familyEdits(text: string, family: Family, wanted: readonly Category[], literal: (category: Category) => string) {
  const edits: Edit[] = [];
  const members = family.parent.members;
  const index = (member: JsonMember) => members.indexOf(member);
  const present = CATEGORIES.filter((category) => family.forms.has(category));
  for (const category of present) {
    const member = family.forms.get(category)!;
    if (wanted.includes(category)) edits.push({ start: member.value.start, end: member.value.end, text: literal(category) });
  }
  // Removed forms, as runs of neighbouring members: from the end of the member before, or up to the member after.
  const removed = new Set(present.filter((category) => !wanted.includes(category)).map((category) => index(family.forms.get(category)!)));
  for (const i of [...removed].sort((a, b) => a - b)) {
    if (removed.has(i - 1)) continue;
    let j = i;
    while (removed.has(j + 1)) j++;
    if (i > 0) edits.push({ start: members[i - 1]!.value.end, end: members[j]!.value.end, text: '' });
    else edits.push({ start: members[0]!.keyStart, end: members[j + 1]!.keyStart, text: '' });
  }
  const separator = separatorOf(text, family.parent);
  let anchor: JsonMember | undefined;
  const pending: Category[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const entries = pending.map((category) => `${JSON.stringify(keyOf(family, category))}: ${literal(category)}`);
    if (anchor) edits.push({ start: anchor.value.end, end: anchor.value.end, text: entries.map((entry) => `,${separator}${entry}`).join('') });
    else {
      const first = family.forms.get(wanted.find((category) => family.forms.has(category))!)!;
      edits.push({ start: first.keyStart, end: first.keyStart, text: entries.map((entry) => `${entry},${separator}`).join('') });
    }
    pending.length = 0;
  };
  for (const category of wanted) {
    const member = family.forms.get(category);
    if (member) {
      if (!anchor) flush();
      anchor = member;
      continue;
    }
    pending.push(category);
    if (anchor) flush();
  }
  flush();
  return edits;
}

/**
 * Edits that write a v3 family as i18next v3 numbers forms (`key_0`, `key_1`…,
 * in `wanted` order) in place of `key_plural`; `key` keeps the form for one
 * (or the only form), which i18next v3 shows for a lookup without a count.
 */
function numberedEdits(text: string, family: Family, wanted: readonly Category[], literal: (category: Category) => string): Edit[] {
  const one = family.forms.get('one')!;
  const plural = family.forms.get('other')!;
  const separator = separatorOf(text, family.parent);
  const entries = wanted.map((category, index) => `${JSON.stringify(`${family.base}_${index}`)}: ${literal(category)}`);
  return [
    { start: one.value.start, end: one.value.end, text: literal(wanted.includes('one') ? 'one' : 'other') },
    { start: plural.keyStart, end: plural.value.end, text: entries.join(`,${separator}`) },
  ];
}

/** The whitespace between a comma and the next key in `object` (`\n    `), or a space. */
function separatorOf(text: string, object: JsonObject): string {
  const [first, second] = object.members;
  if (first && second) return /^\s*,(\s*)$/.exec(text.slice(first.value.end, second.keyStart))?.[1] ?? ' ';
  if (first) return /^\{(\s*)$/.exec(text.slice(object.start, first.keyStart))?.[1] || ' ';
  return ' ';
}

function encode(value: string, asciiOnly: boolean): string {
  const json = JSON.stringify(value);
  return asciiOnly ? json.replace(/[^\u0000-\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

const require = createRequire(import.meta.url);
type Rules = Record<string, Record<string, string>>;
let cldr: { cardinal: Rules; ordinal: Rules } | undefined;

/** "2–4, 22–24, 32–34, …" from CLDR's samples for a category, so a translator knows which numbers the form is for. */
function samples(lang: Lang, category: Category, ordinal: boolean): string {
  cldr ??= {
    cardinal: (require('cldr-core/supplemental/plurals.json') as { supplemental: { 'plurals-type-cardinal': Rules } }).supplemental['plurals-type-cardinal'],
    ordinal: (require('cldr-core/supplemental/ordinals.json') as { supplemental: { 'plurals-type-ordinal': Rules } }).supplemental['plurals-type-ordinal'],
  };
  const rules = (ordinal ? cldr.ordinal : cldr.cardinal)[lang] ?? (ordinal ? cldr.ordinal : cldr.cardinal)[new Intl.Locale(lang).language] ?? {};
  if (category === 'zero' && !rules['pluralRule-count-zero']) return 'count 0 (i18next)';
  const rule = rules[`pluralRule-count-${category}`] ?? '';
  const integers = /@integer ([^@]*)/.exec(rule)?.[1]?.trim();
  const shown = integers ?? /@decimal ([^@]*)/.exec(rule)?.[1]?.trim() ?? '';
  return shown ? `used for ${shown.replace(/~/g, '–')}` : `the ${category} form`;
}
