/**
 * Language tags as real TMX files write them, mapped to BCP 47 (RFC 5646):
 * - wrong case (`EN-US`, `de-de`): BCP 47 tags are case-insensitive (RFC 5646
 *   §2.1.1), so they are the same tag, written canonically;
 * - POSIX locale names (`en_GB`): `_` for `-`;
 * - Euramis' numbered variants (`DA-01`, `PL-01`, as DGT-TM and the European
 *   Commission's tools write them): a two-digit subtag is no BCP 47 subtag at
 *   all (a numeric region has three digits, RFC 5646 §2.2.4), so it is dropped;
 * - ISO 639-2/T and /B three-letter codes (`dan`, `ger`) and deprecated codes
 *   (`iw`): the code CLDR's `languageAlias` (cldr-core
 *   `supplemental/aliases.json`, the data BCP 47 canonicalisation in UTS #35
 *   §3.2.1 uses) replaces them with.
 * A tag none of these makes a known language is not mapped: the caller
 * refuses it by name.
 */
import { createRequire } from 'node:module';
import { parseLang, type Lang } from '../core/lang.js';

const require = createRequire(import.meta.url);

/** A tool's spelling: letters and digits in short runs, split by `-` or `_`. Linear: each run ends at a separator. */
const TOOL_TAG = /^[A-Za-z0-9]{1,8}(?:[-_][A-Za-z0-9]{1,8}){0,7}$/;

let aliases: ReadonlyMap<string, string> | undefined;
/** CLDR's language aliases of a bare language subtag (`ger` → `de`, `sh` → `sr-Latn`). */
function languageAliases(): ReadonlyMap<string, string> {
  if (!aliases) {
    const data = require('cldr-core/supplemental/aliases.json') as {
      supplemental: { metadata: { alias: { languageAlias: Record<string, { _replacement: string }> } } };
    };
    aliases = new Map(
      Object.entries(data.supplemental.metadata.alias.languageAlias)
        .filter(([from]) => /^[a-z]{2,3}$/.test(from))
        .map(([from, to]) => [from, to._replacement]),
    );
  }
  return aliases;
}

/**
 * The BCP 47 tag a TMX tag stands for, or undefined when it names no known
 * language. Pure: the caller admits the result (`admitLang`) and counts what
 * was mapped.
 */
export function mapTmxLang(tag: string): Lang | undefined {
  if (mapped.has(tag)) return mapped.get(tag);
  const lang = mapTag(tag);
  // Tags repeat on every unit; a hostile file's many distinct tags cannot grow this past its bound.
  if (mapped.size >= KEPT) mapped.clear();
  mapped.set(tag, lang);
  return lang;
}

const mapped = new Map<string, Lang | undefined>();
const KEPT = 10_000;

function mapTag(tag: string): Lang | undefined {
  const direct = parseLang(tag);
  if (direct) return direct;
  if (!TOOL_TAG.test(tag)) return undefined;
  const [language = '', ...rest] = tag.split(/[-_]/);
  // Euramis numbers its variants of a language (`-01`); BCP 47 has no two-digit subtag.
  const subtags = rest.filter((subtag) => !/^\d\d$/.test(subtag));
  const lower = language.toLowerCase();
  const replacement = languageAliases().get(lower);
  const candidates = replacement ? [[replacement, ...subtags], [replacement.split('-')[0]!, ...subtags]] : [[lower, ...subtags]];
  for (const parts of candidates) {
    const lang = parseLang(parts.join('-'));
    if (lang) return lang;
  }
  return undefined;
}
