import { defineCheck, type CheckResult, type SegmentPair } from '../check.js';
import type { LocaleRules } from '../locales/rules.js';
import { scanQuotes, type Span, type UnitQuotes } from './quotes-scan.js';

/**
 * Quotations differ from the source, judged by what each quotation is. Each
 * side is read in its own locale's marks (CLDR: `„…“` de, `“…”` en, `« … »` fr
 * with or without no-break spaces, `«…»`/`“…”` es and it, `„…”` pl, `「…」` ja),
 * straight `"…"` and `'…'`, and the two mixed (`"…”`), over the whole document
 * (quotes-scan.ts), so a quotation over several sentences is one quotation.
 *
 * Errors: speech the source quotes (a clause: it ends a sentence inside its
 * marks, opens the sentence before a comma or dash, follows a colon, or runs
 * over several sentences) that the translation does not quote, or quotes only
 * as a word or two; marks unbalanced or badly nested that the source
 * does not have (British `‘…’` included, apostrophes told apart); a quotation
 * that opens a sentence later than the source's; quoted words that moved to
 * other words; the source's marks left in a language that does not use them.
 * Tolerated on purpose (a warning): marks around a name, a title or a word
 * (`„Game of Thrones“-Star` → `Game of Thrones star`, `als „antik“` →
 * `antiques`), which house styles drop, and quotations the translation adds
 * (reported speech given as a quotation, a title quoted in Japanese); straight
 * `"…"` in place of the locale's marks.
 */
export const quotes = defineCheck({
  id: 'quotes',
  title: 'Quotations differ from the source',
  run(pair) {
    const results: CheckResult[] = [];
    const { source: sourceUnits, target: targetUnits, boundaries, index } = documentQuotes(pair);
    const source = sourceUnits[index]!;
    const target = targetUnits[index]!;
    const foreign = foreignMarks(pair.target, pair.sourceRules, pair.targetRules);
    if (foreign.length > 0) {
      results.push({ severity: 'error', message: `${foreign.join(' ')} is not a quotation mark of ${pair.targetRules.textLang}` });
      return results;
    }
    // A quotation over several sentences must be there where it opens and where it closes (a source that never
    // closes one is at fault after its first sentence). A quotation inside a quoted one may be given as reported
    // speech within it, unless a colon introduces it.
    const speech = source.spans.filter(
      (span) => span.role === 'speech' && (!span.nested || /:\s*$/u.test(span.before)) && (span.unit === index || span.lastUnit === index),
    );
    const names = source.spans.filter((span) => span.role === 'name');
    const count = target.spans.length;
    if (count < speech.length) {
      results.push({
        severity: 'error',
        message: `the source quotes speech (${excerpt(speech[0]!)}), the translation has ${count === 0 ? 'no quotation' : `${count} quotation(s) for ${speech.length}`}`,
      });
    } else if (count < source.spans.length && target.spans.filter(clauseLike).length < speech.length) {
      // Something was dropped, and what the translation still quotes are a few words: the speech went, a name stayed.
      results.push({ severity: 'error', message: `the source quotes speech (${excerpt(speech[0]!)}), the translation quotes only ${target.spans.map(excerpt).join(', ')}` });
    } else if (count < source.spans.length) {
      results.push({ severity: 'warning', message: `the marks around ${names.map(excerpt).join(', ')} are left out (a name, title or term may lose them)` });
    } else if (count > source.spans.length) {
      results.push({ severity: 'warning', message: `the translation has ${count} quotation(s), the source ${source.spans.length}` });
    } else {
      const moved = movedQuotation(source.spans, target.spans, pair.source, pair.target);
      if (moved) results.push({ severity: 'error', message: `${excerpt(moved)} is quoted in the source, but the translation quotes other words` });
      else if (straightCount(pair.target) > straightCount(pair.source) && pair.targetRules.quotes[0]![0] !== '"') {
        const [open, close] = pair.targetRules.quotes[0]!;
        results.push({ severity: 'warning', message: `straight quotes ("…") where ${open}…${close} is usual` });
      }
    }
    // The source opened this quotation a sentence earlier, and the translation did not quote that sentence.
    const previous = index > 0 ? targetUnits[index - 1]! : undefined;
    if (source.carriedIn && source.opened === 0 && !target.carriedIn && target.opened > 0 && previous && previous.spans.length === 0) {
      results.push({ severity: 'error', message: 'the quotation opens here, a sentence later than in the source' });
    }
    // Marks that do not pair up, where the source's pair up (a source that breaks off mid-quotation may be followed).
    const problem = target.problems[0];
    if (problem && problem.kind !== source.problems[0]?.kind) results.push({ severity: 'error', message: problem.message });
    else if (!problem) for (const message of boundaries.get(index) ?? []) results.push({ severity: 'error', message });
    return results;
  },
});

interface Sides {
  readonly source: UnitQuotes[];
  readonly target: UnitQuotes[];
  /** Per unit, quotations that end in another sentence than the source's. */
  readonly boundaries: Map<number, string[]>;
}

/** Each document is read once, on its first pair (the runner hands every pair the same list of units). */
const scanned = new WeakMap<object, Sides>();

function documentQuotes(pair: SegmentPair): Sides & { readonly index: number } {
  const document = pair.document;
  const unit = document?.units[document.index];
  if (!document || unit?.source !== pair.source || unit.target !== pair.target) {
    return { ...readSides([pair.source], [pair.target], pair), index: 0 };
  }
  let sides = scanned.get(document.units);
  if (!sides) {
    sides = readSides(document.units.map((each) => each.source), document.units.map((each) => each.target), pair);
    scanned.set(document.units, sides);
  }
  return { ...sides, index: document.index };
}

function readSides(sources: readonly string[], targets: readonly string[], pair: SegmentPair): Sides {
  const source = scanQuotes(sources, pair.sourceRules);
  // Where the source runs a quotation on cleanly, the translation may run it on too.
  const target = scanQuotes(targets, pair.targetRules, source.map((unit) => unit.carriesOut && unit.problems.length === 0));
  return { source, target, boundaries: boundaryShifts(source, target) };
}

/**
 * A quotation that opens in the same sentence on both sides but ends in another: the translation's runs on past a
 * sentence the source closes it in (a closing mark missing), or on into a sentence the source does not quote at all
 * (a sentence broken off). Quotations the source does not have (reported speech quoted) are not compared.
 */
function boundaryShifts(source: readonly UnitQuotes[], target: readonly UnitQuotes[]): Map<number, string[]> {
  const found = new Map<number, string[]>();
  const add = (unit: number, message: string) => found.set(unit, [...(found.get(unit) ?? []), message]);
  target.forEach((unit, u) => {
    const span = unit.spans.find((each) => each.unit === u && each.lastUnit !== undefined && each.lastUnit > u);
    const other = source[u]?.spans.find((each) => each.unit === u && each.role === 'speech');
    if (!span || !other || other.lastUnit === undefined) return;
    if (other.lastUnit === u) add(u, `${span.open} opens a quotation that the source closes in this sentence, the translation only later`);
    else if (other.lastUnit < span.lastUnit! && source[span.lastUnit!]!.spans.length === 0) {
      add(span.lastUnit!, 'the quotation runs on into this sentence, which the source does not quote');
    }
  });
  return found;
}

/** The first words of a quotation, in the marks it has. */
function excerpt(span: Span): string {
  const words = span.inner.trim().split(/\s+/);
  return `${span.open}${words.slice(0, 6).join(' ')}${words.length > 6 ? ' …' : ''}`;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * One quotation on each side, in one sentence, each holding a name or number the other side writes as it is (three
 * characters or more, a capital or a digit) outside its marks: the marks moved onto other words (`Er nannte „Müller“
 * einen Lügner` → `He called Müller a “liar Schmidt”`). Translated words never tell it, and a title dropped while a
 * phrase is quoted elsewhere does not either, since both sides must show it.
 */
function movedQuotation(source: readonly Span[], target: readonly Span[], sourceText: string, targetText: string): Span | undefined {
  if (source.length !== 1 || target.length !== 1) return undefined;
  const [span] = source as [Span];
  const [other] = target as [Span];
  if (span.lastUnit !== span.unit || other.lastUnit !== other.unit) return undefined;
  const kept = (inner: string, otherText: Set<string>, otherQuoted: Set<string>) =>
    (inner.normalize('NFKC').match(WORD) ?? []).filter((word) => word.length >= 3 && /^[\p{Lu}\p{N}]/u.test(word) && otherText.has(word) && !otherQuoted.has(word));
  const words = (text: string) => new Set(text.normalize('NFKC').match(WORD) ?? []);
  const sourceQuoted = words(span.inner);
  const targetQuoted = words(other.inner);
  const left = kept(span.inner, words(targetText), targetQuoted);
  const arrived = kept(other.inner, words(sourceText), sourceQuoted);
  return left.length > 0 && arrived.length > 0 ? span : undefined;
}

/** A quotation that can stand for speech: speech by its own form, or a few words at least (not a single term). */
function clauseLike(span: Span): boolean {
  const inner = span.inner.trim();
  return span.role === 'speech' || inner.split(/\s+/).length >= 3 || [...inner].length >= 12;
}

function straightCount(text: string): number {
  return text.match(/"/g)?.length ?? 0;
}

/** Opening marks of the source language that the target language does not use (a German „ left in English). */
function foreignMarks(text: string, source: LocaleRules, target: LocaleRules): string[] {
  const own = new Set(target.quotes.flat());
  const found = new Set<string>();
  for (const [open] of source.quotes) if (!own.has(open) && text.includes(open)) found.add(open);
  return [...found];
}

