/**
 * Numbers as a locale spells them (`fem`, `fire`, `четыре`, `tjugonde`,
 * `padesát osm`), generated from CLDR's rule-based number formats (the
 * `cldr-rbnf` package, Unicode License v3) for 0–100 and the round hundreds
 * and thousands, cardinal and ordinal, in every gender and case the locale's
 * rule sets give. A locale CLDR covers needs no hand list.
 *
 * The rules follow UTS #35 part 3, "Rule-Based Number Formatting"
 * (https://unicode.org/reports/tr35/tr35-numbers.html#Rule-Based_Number_Formatting):
 * a rule applies from its base value up to the next; `→→` formats the
 * remainder by the divisor, `←←` the quotient, `=…=` the number itself, each
 * with the rule set named inside or the current one; text in `[…]` is left out
 * when the remainder is zero; `$(cardinal,one{…}other{…})$` picks a plural form
 * of the quotient. Only integers are generated, so fraction rules are skipped.
 */
import { createRequire } from 'node:module';
import { baseLanguage } from '../../core/lang.js';
import { rememberLast } from '../memo.js';

const require = createRequire(import.meta.url);

type RuleSet = readonly (readonly [string, string])[];
interface Rule {
  readonly base: number;
  readonly divisor: number;
  readonly body: string;
}

export interface Spellout {
  /** Each spelled form (lower case, one or two words) and its value. */
  readonly cardinals: ReadonlyMap<string, number>;
  readonly ordinals: ReadonlyMap<string, number>;
}

const EMPTY: Spellout = { cardinals: new Map(), ordinals: new Map() };
const cache = new Map<string, Spellout>();

/** The values spelled: enough for counts, ages, minutes and ranks in news; scale words come from Intl. */
const VALUES = [...Array.from({ length: 101 }, (_, i) => i), 200, 300, 400, 500, 1000];

export function spellout(lang: string): Spellout {
  const base = baseLanguage(lang as never);
  const found = cache.get(base);
  if (found) return found;
  let result = EMPTY;
  try {
    const data = require(`cldr-rbnf/rbnf/${base}.json`) as { rbnf: { rbnf: Record<string, Record<string, RuleSet>> } };
    result = generate(data.rbnf.rbnf, base);
  } catch {
    // No rule-based formats for this language in CLDR.
  }
  cache.set(base, result);
  return result;
}

function generate(groups: Record<string, Record<string, RuleSet>>, lang: string): Spellout {
  const sets = new Map<string, Rule[]>();
  for (const group of Object.values(groups)) for (const [name, rules] of Object.entries(group)) sets.set(name.replace(/^%+/, ''), parseRules(rules));
  const plural = new Intl.PluralRules(lang);
  const cardinals = new Map<string, number>();
  const ordinals = new Map<string, number>();
  for (const name of sets.keys()) {
    // Public spell-out rule sets only; years (`nineteen hundred`) read figures, not counts.
    if (!/^spellout-(cardinal|numbering|ordinal)(?!.*year)/.test(name)) continue;
    const into = name.startsWith('spellout-ordinal') ? ordinals : cardinals;
    for (const value of VALUES) {
      const text = format(value, name, sets, plural, 0);
      if (!text) continue;
      const form = text.replace(/\u00ad/g, '').trim().toLowerCase();
      // One or two words, letters only: `dvacet jedna`, not `1,000,000` or `hundred and one thousand`.
      if (/^\p{L}+(?:[ -]\p{L}+)?$/u.test(form) && !into.has(form)) into.set(form, value);
    }
  }
  return { cardinals, ordinals };
}

function parseRules(rules: RuleSet): Rule[] {
  const out: Rule[] = [];
  for (const [key, raw] of rules) {
    const match = /^(\d+)(?:\/(\d+))?$/.exec(key);
    if (!match) continue;
    const base = Number(match[1]);
    const radix = Number(match[2] ?? 10);
    let body = raw.replace(/;\s*$/, '');
    if (body.startsWith("'")) body = body.slice(1);
    // The divisor is the highest power of the radix not above the base; one less if the rule names the quotient twice (UTS #35).
    let exponent = base > 0 ? Math.floor(Math.log(base) / Math.log(radix) + 1e-9) : 0;
    let divisor = radix ** exponent;
    if ((body.match(/→→→|→[^→]*→/g) ?? []).length > 1 && exponent > 0) divisor = radix ** --exponent;
    out.push({ base, divisor: Math.max(divisor, 1), body });
  }
  return out.sort((a, b) => a.base - b.base);
}

/** The rule of a set that applies to a value: the last whose base is not above it. */
function ruleFor(rules: readonly Rule[], value: number): Rule | undefined {
  let found: Rule | undefined;
  for (const rule of rules) {
    if (rule.base > value) break;
    found = rule;
  }
  return found;
}

const SUBSTITUTION = /(→→→|←←←|→(%{1,2}[\w-]+)?→|←(%{1,2}[\w-]+)?←|=(%{1,2}[\w-]+|[#0,.]+)=)|\$\(cardinal,((?:[a-z]+\{[^}]*\})+)\)\$/gu;

function format(value: number, setName: string, sets: ReadonlyMap<string, Rule[]>, plural: Intl.PluralRules, depth: number): string | undefined {
  const rules = sets.get(setName);
  if (!rules || depth > 8) return undefined;
  const rule = ruleFor(rules, value);
  if (!rule) return undefined;
  const quotient = Math.floor(value / rule.divisor);
  const remainder = value % rule.divisor;
  // Optional text is left out when the remainder is zero.
  const body = rule.body.replace(/\[([^\]]*)\]/g, (_, inner: string) => (remainder === 0 ? '' : inner));
  let failed = false;
  const text = body.replace(SUBSTITUTION, (_whole, token: string | undefined, remainderSet?: string, quotientSet?: string, equalSet?: string, forms?: string) => {
    if (forms !== undefined) {
      const category = plural.select(quotient);
      const pick = new RegExp(`${category}\\{([^}]*)\\}`).exec(forms) ?? /other\{([^}]*)\}/.exec(forms);
      return pick?.[1] ?? '';
    }
    const set = (name: string | undefined) => (name ? name.replace(/^%+/, '') : setName);
    let part: string | undefined;
    if (token === '→→→') part = format(remainder, setName, sets, plural, depth + 1);
    else if (token === '←←←') part = format(quotient, setName, sets, plural, depth + 1);
    else if (token!.startsWith('→')) part = format(remainder, set(remainderSet), sets, plural, depth + 1);
    else if (token!.startsWith('←')) part = format(quotient, set(quotientSet), sets, plural, depth + 1);
    else if (equalSet && equalSet.startsWith('%')) part = format(value, set(equalSet), sets, plural, depth + 1);
    else part = String(value);
    if (part === undefined) failed = true;
    return part ?? '';
  });
  return failed ? undefined : text;
}

export interface SpelledNumber {
  readonly value: number;
  readonly ordinal: boolean;
  readonly start: number;
  readonly end: number;
}

/** Han numerals as one run (`二十一`, `四`): Chinese and Japanese write no space between a numeral and its counter. */
const HAN_NUMERAL = /[〇一二三四五六七八九十百千两兩]+/gu;
const WORD_RUN = /\p{L}+/gu;

/**
 * Numbers a text spells out, by CLDR's spell-out forms: two words first
 * (`padesát osm`, `двадцать один`), then one. A word in a Latin or Cyrillic
 * script counts from three letters (`to`, `ni`, `en` are words too), Hangul
 * from two syllables, Han numerals as runs. Linear: each word is looked up
 * once or twice in a map.
 */
export const readSpelled = rememberLast(readSpelledOnce);

function readSpelledOnce(text: string, lang: string): SpelledNumber[] {
  const { cardinals, ordinals } = spellout(lang);
  if (cardinals.size === 0 && ordinals.size === 0) return [];
  const out: SpelledNumber[] = [];
  const lookup = (form: string) => {
    const cardinal = cardinals.get(form);
    if (cardinal !== undefined) return { value: cardinal, ordinal: false };
    const ordinal = ordinals.get(form);
    return ordinal !== undefined ? { value: ordinal, ordinal: true } : undefined;
  };
  if (/^(zh|ja)$/.test(baseLanguage(lang as never))) {
    for (const m of text.matchAll(HAN_NUMERAL)) {
      const found = lookup(m[0]);
      if (found) out.push({ ...found, start: m.index, end: m.index + m[0].length });
    }
    return out;
  }
  const words = [...text.matchAll(WORD_RUN)];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const start = word.index;
    if (next && /^[ -]$/.test(text.slice(start + word[0].length, next.index))) {
      const pair = lookup(`${word[0]}${text[start + word[0].length]}${next[0]}`.toLowerCase());
      if (pair) {
        out.push({ ...pair, start, end: next.index + next[0].length });
        i++;
        continue;
      }
    }
    const long = /\p{sc=Hangul}/u.test(word[0]) ? word[0].length >= 2 : word[0].length >= 3;
    const single = long ? lookup(word[0].toLowerCase()) : undefined;
    if (single) out.push({ ...single, start, end: start + word[0].length });
  }
  return out;
}
