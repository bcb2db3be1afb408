/**
 * SRX 2.0 (LISA/GALA Segmentation Rules eXchange) reading, so rules are data
 * that CAT tools (OmegaT, Okapi, Trados) share with us. We read `<languagerules>`
 * and `<maprules>`, honour `cascade` (SRX 2.0 §2.3), and translate the Java
 * (ICU) regex features SRX files use into JavaScript. Errors name the line.
 */
import { InputError, lineAndColumn, quoted } from '../core/errors.js';
import { attribute, childrenNamed, firstChild, parseXml, textContent, type XmlElement } from '../xml/parse.js';
import type { LanguageRules, SegmentationRule } from './rules/types.js';

export interface SrxRules {
  /** `<header cascade="yes">`: every matching language's rules apply, in map order. */
  readonly cascade: boolean;
  readonly languages: ReadonlyMap<string, readonly SegmentationRule[]>;
  /** `<languagemap languagepattern="de.*" languagerulename="German"/>`, in order. */
  readonly map: readonly { readonly pattern: RegExp; readonly name: string }[];
}

/** Parses an SRX document through the strict XML gate. `file` names it in errors. */
export function parseSrx(xml: string, file: string): SrxRules {
  const { root } = parseXml(xml, file);
  if (root.local !== 'srx') throw new InputError(`no <srx> root element (the root is <${root.name}>)`, { file });
  const ns = root.ns;
  const header = firstChild(root, 'header', ns);
  const body = firstChild(root, 'body', ns);
  if (!body) throw new InputError('<srx> has no <body>', { file });
  const where = (element: XmlElement) => ({ file, line: lineAndColumn(xml, element.start).line });

  const languages = new Map<string, SegmentationRule[]>();
  const languageRules = firstChild(body, 'languagerules', ns);
  for (const languageRule of languageRules ? childrenNamed(languageRules, 'languagerule', ns) : []) {
    const name = attribute(languageRule, 'languagerulename') ?? '';
    const rules = childrenNamed(languageRule, 'rule', ns).map((rule) => readRule(rule, ns, where(rule)));
    languages.set(name, [...(languages.get(name) ?? []), ...rules]);
  }
  const mapRules = firstChild(body, 'maprules', ns);
  const map = (mapRules ? childrenNamed(mapRules, 'languagemap', ns) : []).map((node) => {
    const name = attribute(node, 'languagerulename') ?? '';
    if (!languages.has(name)) throw new InputError(`<languagemap> refers to unknown languagerulename ${quoted(name)}`, where(node));
    return { pattern: compile(`^(?:${javaToJs(attribute(node, 'languagepattern') ?? '')})$`, 'iu', where(node)), name };
  });
  return { cascade: header !== undefined && attribute(header, 'cascade') === 'yes', languages, map };
}

/** The rules SRX applies to `lang` (a BCP 47 tag): the first matching map entry, or all of them with cascade. */
export function srxRulesFor(srx: SrxRules, lang: string): LanguageRules {
  const matching = srx.map.filter((entry) => entry.pattern.test(lang) || entry.pattern.test(lang.replace(/-/g, '_')));
  const chosen = srx.cascade ? matching : matching.slice(0, 1);
  return { lang, rules: chosen.flatMap((entry) => srx.languages.get(entry.name) ?? []) };
}

function readRule(rule: XmlElement, ns: string, where: { file: string; line: number }): SegmentationRule {
  const isBreak = attribute(rule, 'break') !== 'no';
  const part = (local: string) => {
    const element = firstChild(rule, local, ns);
    return element ? javaToJs(textContent(element)) : '';
  };
  const before = part('beforebreak');
  const after = part('afterbreak');
  if (before === '' && after === '') throw new InputError('a <rule> needs <beforebreak> or <afterbreak>', where);
  compile(before, 'u', where);
  compile(after, 'u', where);
  return { break: isBreak, before, after, line: where.line };
}

function compile(source: string, flags: string, where: { file: string; line?: number }): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new InputError(`invalid regular expression: ${(error as Error).message}`, where, { cause: error });
  }
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
