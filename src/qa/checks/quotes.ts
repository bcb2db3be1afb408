import { defineCheck, type CheckResult, type SegmentPair } from '../check.js';
import type { LocaleRules } from '../locales/rules.js';
import { endsQuotative, reportsSpeech, saysThat, speechWordsIn } from './quotes-reported.js';
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
 * over several sentences; or a phrase a word of speech governs, `sprach von
 * einem „historischen Ergebnis“`, words from locales/quotes.json) that the
 * translation does not quote, or quotes only as a word or two; marks
 * unbalanced or badly nested that the source does not have (British `‘…’`
 * included, apostrophes told apart); a quotation that opens a sentence later
 * than the source's and runs on; marks moved onto other words (a name now
 * inside them, the introducing colon on the other side, a far different share
 * of the sentence); the source's marks left in a language that does not use
 * them. Swedish and Finnish `”…”`/`»…»` are read like straight marks.
 * Tolerated on purpose (a warning): marks around a name, a title or a word
 * (`„Game of Thrones“-Star` → `Game of Thrones star`, `als „antik“` →
 * `antiques`), which house styles drop, and quotations the translation adds
 * (reported speech given as a quotation, a title quoted in Japanese); straight
 * `"…"` in place of the locale's marks; a quotation inside a quoted one given
 * as reported speech within it.
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
    // speech within it (`„Sie fragte: ‚Warum erst jetzt?‘“` → `“She asked why only now.”`), unless the translation
    // keeps the colon that introduces it inside its quotation (`“He said: No,” she reported`): then the words are
    // still direct speech.
    const colonKept = target.spans.some((span) => span.inner.includes(':'));
    const speech = source.spans.filter(
      (span) => span.role === 'speech' && (!span.nested || (colonKept && /:\s*$/u.test(span.before))) && (span.unit === index || span.lastUnit === index),
    );
    const names = source.spans.filter((span) => span.role === 'name');
    const count = target.spans.length;
    if (count < speech.length) {
      // Speech given as reported speech (`sagte: „Wir kommentieren das nicht.“` → `a déclaré qu’il ne commentait pas`), or
      // two quotations of one speaker joined into one (`„…“, sagte er, „…“` → `« … », s’inquiète-t-il`): the words are
      // still the speaker's, told another way, which a translation may do.
      const lost = speech.slice(count);
      const reported = count === 0 && lost.every((span) => !span.attributed && span.unit === index && !saysThat(span.lead, pair.sourceRules.textLang)) && reportsSpeech(pair.target, pair.targetRules.textLang);
      // (Phrases a word of speech governs, `nannte den Streik „völlig überzogen“ und „eine Zumutung“`, are each a quotation;
      // one quoted inside another, `„Er sagte: ‚Nein‘“`, is no second quotation to join.)
      const joined = count > 0 && speech.every((span) => !span.attributed && !span.nested) && quotedShare(target.spans, index, pair.target) >= JOINED_SHARE * quotedShare(speech, index, pair.source);
      results.push({
        severity: reported || joined ? 'warning' : 'error',
        message: `the source quotes speech (${excerpt(speech[0]!)}), the translation has ${count === 0 ? 'no quotation' : `${count} quotation(s) for ${speech.length}`}${reported ? ' (given as reported speech)' : joined ? ' (quotations joined)' : ''}`,
      });
    } else if (count < source.spans.length && target.spans.filter(clauseLike).length < speech.length) {
      // Something was dropped, and what the translation still quotes are a few words: the speech went, a name stayed.
      results.push({ severity: 'error', message: `the source quotes speech (${excerpt(speech[0]!)}), the translation quotes only ${target.spans.map(excerpt).join(', ')}` });
    } else if (count < source.spans.length && count === 0 && endsQuotative(pair.target, pair.targetRules.textLang)) {
      // Korean closes a quotation with a quotative ending (`“…”이라고`): without the marks, the words are no title.
      results.push({ severity: 'error', message: `the source quotes ${excerpt(source.spans[0]!)}, the translation leaves the marks out before its quotative ending` });
    } else if (count < source.spans.length) {
      results.push({ severity: 'warning', message: `the marks around ${names.map(excerpt).join(', ')} are left out (a name, title or term may lose them)` });
    } else if (count > source.spans.length) {
      results.push({ severity: 'warning', message: `the translation has ${count} quotation(s), the source ${source.spans.length}` });
    } else {
      const moved = movedQuotation(source.spans, target.spans, pair.source, pair.target) ?? movedOntoSpeech(source.spans, target.spans, pair);
      if (moved) results.push({ severity: 'error', message: `${excerpt(moved)} is quoted in the source, but the translation quotes other words` });
      else if (straightCount(pair.target) > straightCount(pair.source) && pair.targetRules.quotes[0]![0] !== '"') {
        const [open, close] = pair.targetRules.quotes[0]!;
        results.push({ severity: 'warning', message: `straight quotes ("…") where ${open}…${close} is usual` });
      }
    }
    // The source opened this quotation a sentence earlier, and the translation did not quote that sentence. Where the
    // translation quotes nothing in the sentence the source opens it in, that sentence has the error already, and a
    // quotation the translation opens and closes here stands on its own (the sentence before given as reported
    // speech); one that opens here and runs on was opened late.
    const previous = index > 0 ? targetUnits[index - 1]! : undefined;
    const opening = source.spans.find((span) => span.unit < index)?.unit;
    const ownQuotation = target.spans.every((span) => span.unit === index && span.lastUnit === index);
    const openingText = opening === undefined ? undefined : pair.document?.units[opening]?.target;
    const reported =
      opening !== undefined &&
      targetUnits[opening]!.spans.length === 0 &&
      (ownQuotation || (openingText !== undefined && reportsSpeech(openingText, pair.targetRules.textLang)));
    // A title or a word quoted here (`banners reading „Tories Against Brexit”`) is not the source's speech opened late.
    const speechHere = target.spans.some((span) => span.unit === index && (span.role === 'speech' || span.lastUnit !== index));
    if (source.carriedIn && source.opened === 0 && !target.carriedIn && speechHere && previous && previous.spans.length === 0 && !reported) {
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
  const target = scanQuotes(targets, pair.targetRules, source);
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
    // The source's quotation that runs on from this sentence, if one does, else its first quotation of speech here.
    const opened = source[u]?.spans.filter((each) => each.unit === u) ?? [];
    const other = opened.find((each) => each.lastUnit !== u) ?? opened.find((each) => each.role === 'speech');
    if (!span || !other || other.lastUnit === undefined) return;
    // Quotations of one speaker in consecutive sentences, which the translation joins into one: every sentence it
    // runs over is quoted in the source too.
    let joined = true;
    for (let k = u + 1; k <= span.lastUnit! && joined; k++) joined = (source[k]?.spans.length ?? 0) > 0;
    if (other.lastUnit === u && !joined) add(u, `${span.open} opens a quotation that the source closes in this sentence, the translation only later`);
    else if (other.lastUnit < span.lastUnit! && source[span.lastUnit!]!.spans.length === 0) {
      add(span.lastUnit!, 'the quotation runs on into this sentence, which the source does not quote');
    }
  });
  return found;
}

/** How much of a quotation's share of its sentence the translation's quotations must keep to count as joined. */
const JOINED_SHARE = 0.7;

/** The share of a sentence's characters that its quotations opened and closed in it hold. */
function quotedShare(spans: readonly Span[], index: number, text: string): number {
  let quoted = 0;
  for (const span of spans) if (span.unit === index && span.lastUnit === index) quoted += [...span.inner.trim()].length;
  return quoted / Math.max(1, [...text].length);
}

/** The first words of a quotation, in the marks it has. */
function excerpt(span: Span): string {
  const words = span.inner.trim().split(/\s+/);
  return `${span.open}${words.slice(0, 6).join(' ')}${words.length > 6 ? ' …' : ''}`;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** Quoted words are kept up to 200 characters (quotes-scan.ts): longer ones are not compared word by word. */
const MOVED_MAX = 150;
/** How many times smaller or larger the quoted share of the sentence may be than the source's. */
const SHARE_FACTOR = 3;

/**
 * One quotation on each side, in one sentence, and the marks moved onto other words (counts unchanged):
 * - the translation quotes a name or number that the source writes outside its marks (three characters or more, a
 *   capital or a digit: `„Die Geduld ist am Ende“, sagte Kaltenbach` → `The patience is over, “said Kaltenbach”`);
 *   a name the source quotes too, or one the translation also writes outside, does not tell;
 * - the colon that introduces the source's quotation follows the translation's (`Uhlig räumte ein: „…“` →
 *   `“Uhlig admitted”: …`), or the other way round: the marks went from the words said to the words saying them.
 * Translated words alone never tell it, and a title dropped while a phrase is quoted elsewhere does not either.
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
  // Only a few words in marks can have moved: a quotation read whole (not cut at the scan's limit) that leaves most of
  // the translation's sentence outside (a whole sentence quoted where the source quotes a phrase of it is not moved).
  const partial = [...other.inner].length < Math.min(MOVED_MAX, [...targetText].length * 0.6) && [...span.inner].length < MOVED_MAX;
  const arrived = partial ? kept(other.inner, words(outside(sourceText, span.inner)), sourceQuoted) : [];
  // A name the translation writes outside its marks as well is not one the marks took over.
  const targetOutside = words(outside(targetText, other.inner));
  if (arrived.some((word) => !targetOutside.has(word))) return span;
  const left = kept(span.inner, words(targetText), targetQuoted);
  if (left.length > 0 && arrived.length > 0) return span;
  // The marks hold a far smaller or larger share of the sentence than the source's (`von einem „historischen
  // Ergebnis“ und forderte` → `d’un résultat historique et « exigé »`): measured against the two sentences' lengths,
  // so a language that writes shorter (Japanese) or longer keeps the same share.
  if (partial && span.role === 'speech') {
    const share = ([...other.inner.trim()].length / [...targetText].length) / ([...span.inner.trim()].length / [...sourceText].length);
    if (share < 1 / SHARE_FACTOR || share > SHARE_FACTOR) return span;
  }
  const introduced = (quote: Span) => /:\s*$/u.test(quote.before);
  const introduces = (quote: Span) => /^\s*:/u.test(quote.after);
  if ((introduced(span) && introduces(other) && !introduced(other)) || (introduces(span) && introduced(other) && !introduces(other))) return span;
  return undefined;
}

/** How many words a quotation moved onto the words saying it may hold (`«раскритиковала» перегруженную`). */
const SAYING = 4;

/**
 * One short quotation on each side, and the marks went onto a word of speech (locales/quotes.json): the translation's
 * holds one (`раскритиковала «перегруженную»` → `«раскритиковала» перегруженную`, `«ha detto Kaltenbach»`), the
 * source's holds none, and the source has one outside it.
 */
function movedOntoSpeech(source: readonly Span[], target: readonly Span[], pair: SegmentPair): Span | undefined {
  if (source.length !== 1 || target.length !== 1) return undefined;
  const [span] = source as [Span];
  const [other] = target as [Span];
  if (span.lastUnit !== span.unit || other.lastUnit !== other.unit) return undefined;
  if (other.inner.trim().split(/\s+/u).length > SAYING) return undefined;
  if (speechWordsIn(other.inner, pair.targetRules.textLang) === 0) return undefined;
  if (speechWordsIn(span.inner, pair.sourceRules.textLang) > 0) return undefined;
  return speechWordsIn(outside(pair.source, span.inner), pair.sourceRules.textLang) > 0 ? span : undefined;
}

/** The text without the first occurrence of a quotation's words. */
function outside(text: string, inner: string): string {
  const normal = text.normalize('NFKC');
  const at = inner.length > 0 ? normal.indexOf(inner) : -1;
  return at < 0 ? normal : normal.slice(0, at) + ' ' + normal.slice(at + inner.length);
}

/**
 * A quotation that can stand for speech: speech by its own form, or a few words at least (not a single term). A
 * phrase that a word of speech governs (`a qualifié les démocrates de « radicaux »`) counts by its length only.
 */
function clauseLike(span: Span): boolean {
  const inner = span.inner.trim();
  return (span.role === 'speech' && !span.attributed) || inner.split(/\s+/).length >= 3 || [...inner].length >= 12;
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

