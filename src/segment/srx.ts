/**
 * SRX 2.0 (LISA/GALA Segmentation Rules eXchange) reading, so rules are data
 * that CAT tools (OmegaT, Okapi, Trados) share with us. We read `<languagerules>`
 * and `<maprules>`, honour `cascade` (SRX 2.0 §2.3), and translate the Java
 * (ICU) regex features SRX files use into JavaScript. Errors name the line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError, lineAndColumn } from '../core/errors.js';
import type { LanguageRules, SegmentationRule } from './rules/types.js';

export interface SrxRules {
  /** `<header cascade="yes">`: every matching language's rules apply, in map order. */
  readonly cascade: boolean;
  readonly languages: ReadonlyMap<string, readonly SegmentationRule[]>;
  /** `<languagemap languagepattern="de.*" languagerulename="German"/>`, in order. */
  readonly map: readonly { readonly pattern: RegExp; readonly name: string }[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['languagerule', 'rule', 'languagemap'].includes(name),
});

type Node = Record<string, unknown>;

/** Parses an SRX document. `file` names it in errors. */
export function parseSrx(xml: string, file: string): SrxRules {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (declaration) {
    throw new InputError(`<!${declaration[1]!.toUpperCase()}> is not allowed`, { file, ...lineAndColumn(text, declaration.index) });
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    throw new InputError(`not well-formed XML: ${validation.err.msg}`, { file, line: validation.err.line, column: validation.err.col });
  }
  const root = (parser.parse(text) as Node)['srx'] as Node | undefined;
  if (!root) throw new InputError('no <srx> root element', { file });
  const header = (root['header'] as Node | undefined) ?? {};
  const body = root['body'] as Node | undefined;
  if (!body) throw new InputError('<srx> has no <body>', { file });

  // fast-xml-parser gives no positions: find each <rule> and <languagemap> in the text, in document order.
  const ruleLines = positions(text, /<rule[\s>/]/g);
  const mapLines = positions(text, /<languagemap[\s>/]/g);
  let ruleIndex = 0;
  const languages = new Map<string, SegmentationRule[]>();
  const languageRules = ((body['languagerules'] as Node | undefined)?.['languagerule'] as Node[] | undefined) ?? [];
  for (const languageRule of languageRules) {
    const name = String(languageRule['@languagerulename'] ?? '');
    const rules = ((languageRule['rule'] as Node[] | undefined) ?? []).map((rule) => {
      const line = ruleLines[ruleIndex++];
      return readRule(rule, { file, ...(line ? { line } : {}) });
    });
    languages.set(name, [...(languages.get(name) ?? []), ...rules]);
  }
  const mapNodes = ((body['maprules'] as Node | undefined)?.['languagemap'] as Node[] | undefined) ?? [];
  const map = mapNodes.map((node, i) => {
    const where = { file, ...(mapLines[i] ? { line: mapLines[i] } : {}) };
    const name = String(node['@languagerulename'] ?? '');
    if (!languages.has(name)) throw new InputError(`<languagemap> refers to unknown languagerulename "${name}"`, where);
    return { pattern: compile(`^(?:${javaToJs(String(node['@languagepattern'] ?? ''))})$`, 'iu', where), name };
  });
  return { cascade: header['@cascade'] === 'yes', languages, map };
}

/** The rules SRX applies to `lang` (a BCP 47 tag): the first matching map entry, or all of them with cascade. */
export function srxRulesFor(srx: SrxRules, lang: string): LanguageRules {
  const matching = srx.map.filter((entry) => entry.pattern.test(lang) || entry.pattern.test(lang.replace(/-/g, '_')));
  const chosen = srx.cascade ? matching : matching.slice(0, 1);
  return { lang, rules: chosen.flatMap((entry) => srx.languages.get(entry.name) ?? []) };
}

function readRule(rule: Node, where: { file: string; line?: number }): SegmentationRule {
  const isBreak = rule['@break'] !== 'no';
  const before = javaToJs(textOf(rule['beforebreak']));
  const after = javaToJs(textOf(rule['afterbreak']));
  if (before === '' && after === '') throw new InputError('a <rule> needs <beforebreak> or <afterbreak>', where);
  compile(before, 'u', where);
  compile(after, 'u', where);
  const comment = textOf(rule['#comment']);
  return { break: isBreak, before, after, ...(comment ? { comment } : {}), ...(where.line ? { line: where.line } : {}) };
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && '#text' in (value as Node)) return String((value as Node)['#text']);
  return '';
}

function compile(source: string, flags: string, where: { file: string; line?: number }): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new InputError(`invalid regular expression: ${(error as Error).message}`, where, { cause: error });
  }
}

function positions(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((match) => lineAndColumn(text, match.index).line);
}

const WORD = '[\\p{L}\\p{N}_]';

/**
 * Java/ICU regex features common in SRX files, in JavaScript: `\Q…\E` quoting,
 * `\h`, and `\b`/`\B` (ASCII-only in JavaScript, Unicode in ICU).
 */
export function javaToJs(source: string): string {
  return source
    .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, literal: string) => literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .replace(/(?<!\\)((?:\\\\)*)\\h/g, '$1[\\t \\u00a0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]')
    .replace(/(?<!\\)((?:\\\\)*)\\b/g, `$1(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`)
    .replace(/(?<!\\)((?:\\\\)*)\\B/g, `$1(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`);
}
