import { baseLanguage } from '../../core/lang.js';
import { defineCheck, type CheckResult } from '../check.js';
import type { LocaleRules } from '../locales/rules.js';

/** Closing marks that are also apostrophes: they cannot be counted as closers. */
const APOSTROPHES = new Set(['’', "'"]);

/**
 * Quotations differ from the source. Each side is read in its own locale's
 * marks (CLDR: `„…“` de, `“…”` en, `« … »` fr with or without no-break spaces,
 * `«…»`/`“…”` es and it, `„…”` pl, `「…」` ja), so a correct conversion passes.
 * Errors: a quotation lost or added, marks unbalanced or badly nested (British
 * `‘…’` included, apostrophes told apart), or the source's marks left in a
 * language that does not use them. Warnings: straight `"…"` in place of the
 * locale's marks, and a title that loses or gains its marks.
 */
export const quotes = defineCheck({
  id: 'quotes',
  title: 'Quotations differ from the source',
  run(pair) {
    const results: CheckResult[] = [];
    // Software strings quote with straight marks on both sides ("{{ min }}"): kept as they are, that is right.
    const sourceStraight = straightPairs(pair.source);
    const source = countQuotations(pair.source, pair.sourceRules) + sourceStraight;
    const target = countQuotations(pair.target, pair.targetRules);
    const straight = straightPairs(pair.target);
    const foreign = foreignMarks(pair.target, pair.sourceRules, pair.targetRules);
    if (foreign.length > 0) {
      results.push({ severity: 'error', message: `${foreign.join(' ')} is not a quotation mark of ${pair.targetRules.textLang}` });
    } else if (source !== target + straight) {
      // Titles lose their marks in styles that italicise them or use none (AP: `die „Süddeutsche Zeitung“`), and
      // gain them where titles of works are quoted (Japanese and Chinese `「第九」` for `die 9. Sinfonie`).
      const difference = target + straight - source;
      const titles = difference < 0 ? -difference <= titleQuotations(pair.source) : difference <= shortQuotations(pair.target, pair.targetRules);
      results.push({
        severity: titles ? 'warning' : 'error',
        message: `the source has ${source} quotation(s), the translation ${target + straight}${titles ? ' (a title may lose or gain its marks)' : ''}`,
      });
    } else if (straight > sourceStraight) {
      const [open, close] = pair.targetRules.quotes[0]!;
      results.push({ severity: 'warning', message: `straight quotes ("…") where ${open}…${close} is usual` });
    }
    // A quotation that runs over several sentences opens in one segment and closes in another: as the source does, so may the translation.
    const nesting = nestingProblem(pair.target, pair.targetRules);
    if (nesting && foreign.length === 0 && nestingProblem(pair.source, pair.sourceRules)?.kind !== nesting.kind) {
      results.push({ severity: 'error', message: nesting.message });
    }
    return results;
  },
});

/**
 * German quotations that name something (a newspaper, a song): short, after
 * an article or a noun, not speech (no punctuation inside, no comma or colon
 * around).
 */
const TITLE = /(?<=(?:\p{Lu}\p{L}*|[dD](?:ie|er|as|es|em|en)|im|vom|zum|beim)\s)[„»]([^“”«„»,.:;!?]{1,60})[“«](?=\s\p{L}|[.)])/gu;
function titleQuotations(text: string): number {
  return [...text.matchAll(TITLE)].filter((match) => match[1]!.trim().split(/\s+/).length <= 5).length;
}

/** In languages that quote titles of works: quotations of a few words with no sentence punctuation inside. */
function shortQuotations(text: string, rules: LocaleRules): number {
  if (!QUOTE_TITLES.has(baseLanguage(rules.textLang))) return 0;
  let count = 0;
  for (const [open, close] of rules.quotes) {
    if (open === close || APOSTROPHES.has(close)) continue;
    const inside = text.split(open).slice(1).map((rest) => rest.split(close)[0]!);
    count += inside.filter((quoted) => quoted.length <= 40 && !/[。！？!?.,、]/u.test(quoted) && quoted.trim().split(/\s+/).length <= 5).length;
  }
  return count;
}

const QUOTE_TITLES = new Set(['ja', 'zh']);

function straightPairs(text: string): number {
  return Math.floor((text.match(/"/g)?.length ?? 0) / 2);
}

function countQuotations(text: string, rules: LocaleRules): number {
  const openers = new Set(rules.quotes.map(([open]) => open));
  let count = 0;
  for (const char of text) if (openers.has(char)) count++;
  return count;
}

/** Opening marks of the source language that the target language does not use (a German „ left in English). */
function foreignMarks(text: string, source: LocaleRules, target: LocaleRules): string[] {
  const own = new Set(target.quotes.flat());
  const found = new Set<string>();
  for (const [open] of source.quotes) if (!own.has(open) && text.includes(open)) found.add(open);
  return [...found];
}

/**
 * Marks that do not pair up: a closer without its opener, or an opener never
 * closed. A closing mark that is also an apostrophe (British `‘…’`) closes
 * only where it cannot be one: after punctuation (`ready,’`), or after a word
 * when no surer closer follows (`Britain’s hour.’` closes at the end, not at
 * `Britain’s`); between letters it is an apostrophe.
 */
function nestingProblem(text: string, rules: LocaleRules): { kind: 'unopened' | 'unclosed'; message: string } | undefined {
  const pairs = rules.quotes.filter(([open, close]) => open !== close);
  const closerOf = new Map(pairs.map(([open, close]) => [open, close]));
  const closers = new Set(pairs.map(([, close]) => close));
  const chars = [...text];
  // Where the next opener and the next mark that can only close are, from each position (one pass, so linear).
  const nextOpener = new Array<number>(chars.length + 1).fill(chars.length);
  const nextSureCloser = new Array<number>(chars.length + 1).fill(chars.length);
  for (let i = chars.length - 1; i >= 0; i--) {
    nextOpener[i] = closerOf.has(chars[i]!) ? i : nextOpener[i + 1]!;
    nextSureCloser[i] = APOSTROPHES.has(chars[i]!) && apostropheKind(chars, i) === 'closer' ? i : nextSureCloser[i + 1]!;
  }
  const stack: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const expected = stack.length > 0 ? closerOf.get(stack.at(-1)!) : undefined;
    if (APOSTROPHES.has(char)) {
      const kind = apostropheKind(chars, i);
      if (kind === 'apostrophe') continue;
      if (expected !== char) {
        if (kind === 'closer' && closers.has(char) && !closerOf.has(char)) return unopened(char);
        continue;
      }
      if (kind === 'closer' || nextSureCloser[i + 1]! >= nextOpener[i + 1]!) stack.pop();
      continue;
    }
    // A mark that opens one pair and closes another (“ in German vs English) is read as a closer when one is expected.
    if (closers.has(char) && expected === char) stack.pop();
    else if (closerOf.has(char)) stack.push(char);
    else if (closers.has(char)) return unopened(char);
  }
  return stack.length > 0 ? { kind: 'unclosed', message: `${stack.at(-1)} opens a quotation that is not closed` } : undefined;
}

const unopened = (mark: string) => ({ kind: 'unopened' as const, message: `${mark} closes a quotation that was not opened` });

/** `don’t` is an apostrophe, `ready,’` a closing mark; `ministers’ ` could be either. */
function apostropheKind(chars: readonly string[], i: number): 'apostrophe' | 'closer' | 'either' {
  const before = chars[i - 1] ?? ' ';
  const after = chars[i + 1] ?? ' ';
  if (/\p{L}/u.test(after) && (/[\p{L}\p{N}]/u.test(before) || /\s/u.test(before))) return 'apostrophe';
  if (/[\p{P}]/u.test(before) && !/\p{L}/u.test(after)) return 'closer';
  return /[\p{L}\p{N}]/u.test(before) ? 'either' : 'apostrophe';
}
