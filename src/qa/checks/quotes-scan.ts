/**
 * Reads the quotations of one side of a document: each quoted span with the
 * units it covers and its role, and the marks that do not pair up. One pass
 * over every unit, in order, with the open quotations carried from one unit to
 * the next: a quotation over several sentences opens in one unit and closes in
 * a later one, as news writes it (`„Wir standen vor einem Krieg.` … `Jetzt
 * haben wir diese Beziehung.“`).
 *
 * Marks are the locale's (CLDR delimiters, see locales/rules.ts), plus straight
 * `"` and `'`, which typists use for any of them, alone or mixed with curly
 * ones (`"…”`). A straight or curly mark that is also an apostrophe (`’`, `'`,
 * `‘` in `Sainsbury‘s`, `‘s morgens`) counts only where it cannot be one.
 */
import { baseLanguage } from '../../core/lang.js';
import type { LocaleRules } from '../locales/rules.js';
import QUOTE_WORDS from '../locales/quotes.json' with { type: 'json' };

export type Role = 'speech' | 'name';

export interface Span {
  /** The opening mark. */
  readonly open: string;
  /** The unit it opens in, and the unit it closes in (undefined: never closed). */
  readonly unit: number;
  lastUnit?: number;
  /** The quoted words (of the first unit only, when it runs over several). */
  inner: string;
  /** A few characters before the opening mark and after the closing one. */
  readonly before: string;
  /** The words of its sentence before the opening mark (a bounded stretch): who says it. */
  readonly lead: string;
  after: string;
  /** Nothing but marks and spaces before it in its unit, or the end of a sentence. */
  readonly startsSentence: boolean;
  /** Opened inside another quotation of the same unit. */
  readonly nested: boolean;
  role: Role;
  /** Speech because a word of speech governs it (`sprach von einem „…“`), not by its own form. */
  attributed?: boolean;
}

export interface Problem {
  readonly kind: 'unopened' | 'unclosed';
  readonly message: string;
}

export interface UnitQuotes {
  /** Spans that cover any part of the unit, in the order they open. */
  readonly spans: Span[];
  readonly problems: Problem[];
  /** A quotation carried in from an earlier unit is open when the unit starts. */
  carriedIn: boolean;
  /** Spans that open in this unit. */
  opened: number;
  /** A quotation is still open when the unit ends. */
  carriesOut: boolean;
  /** The unit opens again with the mark of a quotation carried in, which is taken as closed before it. */
  reopened: boolean;
}

/** Closing marks that are also apostrophes: they close only where they cannot be one. */
const APOSTROPHES = new Set(['’', "'"]);
/** Quotations deeper than this are not carried to the next unit: the lower ones count as never closed. */
const MAX_CARRIED = 2;
/** How much of a quotation is kept to judge it (nested marks must not make the scan quadratic). */
const INNER = 200;
/** What a quotation of speech has and a name or term has not. */
const SENTENCE_END = /[!?…。！？]/u;
/** A full stop ends a sentence before a space or the end; in `U.S.` or `Dr. No` it may not, and that is rare in a title. */
const FULL_STOP = /\.(?:\s|$)/u;
const SENTENCE_BEFORE = /[.!?…。！？]/u;
const PLACEHOLDER = /[{}%<>]/u;
/** What a word processor puts a closing mark after when it elides (`dall’”Ohio`): a letter of a spaced script or an apostrophe. */
const ELIDED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}’']/u;
const SPACED_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
/** How much of the sentence before a quotation is read for a word of speech. */
const LEAD = 160;
/** The end of a sentence inside the lead: what stands before it belongs to another sentence. */
const LEAD_SENTENCE_END = /[.!?…。！？]\s/gu;
/** A comma, semicolon or dash: the quotation stands in another clause than a word of speech before it. */
const CLAUSE_BREAK = /[,;–—]|\s-\s/u;
/** How many words may stand between a word of speech and the quotation it governs (`sprach im Dienst X von einem „…“`). */
const GOVERNED = 6;

/** Per base language: what locales/quotes.json says about its quotations. */
interface QuoteData {
  readonly speechWords?: readonly string[];
  /** A quotation that ends with one nested in it in the same marks closes once (French `« Il dit : « Non. »`). */
  readonly nestedClosesOnce?: boolean;
  /** A quotation over several paragraphs opens again at the start of each, not closed before (`“…` / `“…”`). */
  readonly reopensParagraphs?: boolean;
}
const QUOTE_DATA = new Map<string, QuoteData>(
  Object.entries(QUOTE_WORDS as Record<string, unknown>).filter(
    (entry): entry is [string, QuoteData] => typeof entry[1] === 'object' && entry[1] !== null,
  ),
);
/** Per base language of the source: the words that make a quoted phrase the speaker's own (locales/quotes.json). */
const SPEECH_WORDS = new Map<string, ReadonlySet<string>>([...QUOTE_DATA].map(([lang, data]) => [lang, new Set(data.speechWords ?? [])]));

interface Entry {
  readonly mark: string;
  readonly close: string;
  readonly span: Span;
  /** Index of the opening mark in its unit's characters, -1 once carried. */
  readonly at: number;
  readonly straight: boolean;
  /** Another quotation opened inside it with the same mark. */
  nestedSame?: boolean;
}

/**
 * Called once per side of a document: the marks, their spans and problems of every unit, in one pass. The
 * translation's side is read with the source's (`source`): where the source runs a quotation on, so may it.
 */
export function scanQuotes(texts: readonly string[], rules: LocaleRules, source?: readonly UnitQuotes[]): UnitQuotes[] {
  // Where the source runs a quotation on cleanly, and where it opens one that runs on.
  const sourceCarries = source?.map((unit) => unit.carriesOut && unit.problems.length === 0);
  const sourceOpensRunOn = source?.map((unit, u) => unit.spans.some((span) => span.unit === u && span.lastUnit !== u));
  const data = QUOTE_DATA.get(baseLanguage(rules.textLang));
  const nestedClosesOnce = data?.nestedClosesOnce === true;
  const reopensParagraphs = data?.reopensParagraphs === true;
  const pairs = rules.quotes.filter(([open, close]) => open !== close);
  const closerOf = new Map(pairs.map(([open, close]) => [open, close]));
  const closers = new Set(pairs.map(([, close]) => close));
  // Marks that open and close alike: straight `"`, and the locale's own where CLDR gives one mark for both (Swedish
  // and Finnish `”…”`, `»…»`). Like `"`, each one closes the same mark before it or opens.
  const symmetric = new Set(['"', ...rules.quotes.filter(([open, close]) => open === close && !APOSTROPHES.has(open)).map(([open]) => open)]);
  const units: UnitQuotes[] = [];
  let stack: Entry[] = [];
  // Every character that can be a mark (full-width `＂` and `＇` become `"` and `'` under NFKC): most sentences have
  // none, and with no quotation carried into them they are passed over without being copied or indexed.
  const marks = new Set([...closerOf.keys(), ...closers, ...symmetric, ...APOSTROPHES, '‘', '＂', '＇']);

  const unclosed = (entry: Entry) => {
    if (!entry.straight) units[entry.span.unit]!.problems.push({ kind: 'unclosed', message: `${entry.mark} opens a quotation that is not closed` });
  };

  for (let u = 0; u < texts.length; u++) {
    if (stack.length === 0 && !hasMark(texts[u]!, marks)) {
      units.push({ spans: [], problems: [], carriedIn: false, opened: 0, carriesOut: false, reopened: false });
      continue;
    }
    const normal = texts[u]!.normalize('NFKC');
    const chars = [...normal];
    // Characters i to j as text: a slice of the string where every character is one code unit (no copy of an array).
    const cut = chars.length === normal.length ? (i: number, j: number) => normal.slice(i, j) : (i: number, j: number) => chars.slice(i, j).join('');
    const unit: UnitQuotes = { spans: [], problems: [], carriedIn: stack.length > 0, opened: 0, carriesOut: false, reopened: false };
    units.push(unit);
    for (const entry of stack) unit.spans.push(entry.span);
    const carried = stack.length;
    let carriedLeft = carried;
    let sawMark = false;

    // Where the next opener and the next mark that can only close are, from each position; where the last
    // closing `'` and `’` are (one pass back, so the whole scan stays linear).
    const n = chars.length;
    const nextOpener = new Array<number>(n + 1).fill(n);
    const nextSureCloser = new Array<number>(n + 1).fill(n);
    // Where the next `’` that can close is (not one inside a word): `‘a slap in the face’` is a quotation, `‘s morgens` not.
    const nextSingleCloser = new Array<number>(n + 1).fill(n);
    let lastStraightCloser = -1;
    let firstWord = n;
    // The last character before each position that is not a space or a mark: does a quotation open a sentence?
    const lastSign = new Array<number>(n);
    for (let i = 0, last = -1; i < n; i++) {
      lastSign[i] = last;
      if (!/\s/u.test(chars[i]!) && !closerOf.has(chars[i]!) && !symmetric.has(chars[i]!)) last = i;
    }
    for (let i = n - 1; i >= 0; i--) {
      const char = chars[i]!;
      nextOpener[i] = closerOf.has(char) ? i : nextOpener[i + 1]!;
      const kind = APOSTROPHES.has(char) ? apostropheKind(chars, i) : undefined;
      nextSureCloser[i] = kind === 'closer' ? i : nextSureCloser[i + 1]!;
      nextSingleCloser[i] = char === '’' && kind !== 'apostrophe' ? i : nextSingleCloser[i + 1]!;
      if (char === "'" && kind !== 'apostrophe' && lastStraightCloser < 0) lastStraightCloser = i;
      if (/[\p{L}\p{N}]/u.test(char)) firstWord = i;
    }

    const open = (mark: string, close: string, i: number, straight: boolean) => {
      const span: Span = {
        open: mark,
        unit: u,
        inner: cut(i + 1, i + 1 + INNER),
        before: cut(Math.max(0, i - 3), i),
        lead: cut(Math.max(0, i - LEAD), i),
        after: '',
        startsSentence: i < firstWord || SENTENCE_BEFORE.test(chars[lastSign[i]!] ?? ''),
        nested: stack.length > carriedLeft,
        role: 'speech',
      };
      stack.push({ mark, close, span, at: i, straight });
      unit.spans.push(span);
      unit.opened++;
    };
    const close = (i: number) => {
      const entry = stack.pop()!;
      if (entry.span.unit < u) carriedLeft--;
      entry.span.lastUnit = u;
      if (entry.span.unit === u) entry.span.inner = cut(entry.at + 1, Math.min(i, entry.at + 1 + INNER));
      entry.span.after = cut(i + 1, i + 4);
    };

    for (let i = 0; i < n; i++) {
      const char = chars[i]!;
      const top = stack.at(-1);
      if (symmetric.has(char)) {
        // A straight mark that opens a unit's first quotation, while a straight one is carried in: the sentence
        // before left an odd one (straight marks cannot tell), so this one opens.
        if (!sawMark && top?.mark === char && top.span.unit < u && opensHere(chars, i)) {
          stack.pop();
          carriedLeft--;
          sawMark = true;
          open(char, char, i, true);
          continue;
        }
        sawMark = true;
        // A straight mark closes a straight one, or a curly one where it stands as a closer (`“…"`); one that stands
        // as an opener inside a straight quotation opens a quotation within it (`"Wenn er sagt, "O.K.”, dann…"`).
        const nestedStraight = top?.mark === char && char === '"' && opensHere(chars, i) && !closesHere(chars, i);
        if (top && !nestedStraight && (top.mark === char || closesHere(chars, i))) close(i);
        else open(char, char, i, true);
        continue;
      }
      if (APOSTROPHES.has(char)) {
        const kind = apostropheKind(chars, i);
        if (kind === 'apostrophe') {
          // `'it's so awful'`: a straight single mark opens where a closing one follows in the unit.
          // It may close in a later unit where the source's quotation runs on too.
          // It may also open a sentence, or follow a colon, where the source opens a quotation that runs on (or, as
          // a quotation over several paragraphs is written, opens again in the next one without closing).
          const runsOn = (sourceCarries?.[u] === true || (sourceOpensRunOn?.[u] === true && (i < firstWord || chars[lastSign[i]!] === ':'))) && stack.length === 0;
          if (char === "'" && opensHere(chars, i) && (lastStraightCloser > i || runsOn)) {
            sawMark = true;
            open("'", "'", i, true);
          }
          continue;
        }
        sawMark = true;
        if (top?.close !== char && !(top?.mark === "'" && char === '’') && !(top?.mark === '‘' && char === "'")) {
          if (kind === 'closer' && closers.has(char) && !closerOf.has(char) && !top?.straight) unit.problems.push(unopened(char));
          continue;
        }
        // (A quotation nested in one with the same marks closes at a mark that could be an apostrophe: `‘… ‘O.K.’, …’`.)
        if (kind === 'closer' || nextSureCloser[i + 1]! >= nextOpener[i + 1]! || stack.at(-2)?.close === char) close(i);
        continue;
      }
      if (!closers.has(char) && !closerOf.has(char)) continue;
      // An opener that is also an apostrophe typed the other way round (`Sainsbury‘s`, `‘s morgens`) is not a mark.
      if (closerOf.has(char) && !closers.has(char) && typedApostrophe(chars, i) && nextSingleCloser[i + 1]! >= n) continue;
      // A closing `‘` (Czech, German) between two letters is an apostrophe typed with it (`Sainsbury‘s`), not a mark.
      if (char === '‘' && closers.has(char) && /\p{L}/u.test(chars[i - 1] ?? '') && /\p{L}/u.test(chars[i + 1] ?? '')) continue;
      const firstMark = !sawMark;
      sawMark = true;
      // A mark that opens one pair and closes another (“ in German vs English) is read as a closer when one is expected;
      // a curly closer also closes a straight opener (`"…”`, one typist's habit).
      if (closers.has(char) && (top?.close === char || (top?.straight === true && top.mark === '"' && !closerOf.has(char)))) {
        close(i);
        // French closes a quotation that ends with one nested in it once (`J’ai dit : "Tashi, je t’aime. »`).
        if (nestedClosesOnce && top?.straight && stack.at(-1)?.close === char && closesLater(chars, i, char) === 0) close(i);
      } else if (!closerOf.has(char) && ELIDED.test(chars[i - 1] ?? ' ') && SPACED_LETTER.test(chars[i + 1] ?? ' ')) {
        // A closing mark glued to an elided word before a word (`dall’”Ohio`, `l”arma segreta”`): a word processor
        // chose the closing form after the apostrophe, and the mark opens a quotation that a mark like it closes.
        open(char, char, i, false);
      } else if (closerOf.has(char)) {
        // A unit that opens again with the mark of a quotation carried in from before: a stray mark where the source
        // runs a quotation on over these sentences too, else a closing mark missing in the sentence it opened in.
        // A quotation over several paragraphs opens again at the start of each without closing, as the source runs it
        // on; and where the source also opens its carried quotation again, the translation follows it. A mark that
        // closes again in this unit opens a quotation inside the carried one (`Řekl: „Udělal jste to?“`), and so
        // does one that opens the unit where the carried one closes after it too (`„Plakala“?“`).
        const closing = firstMark && carried > 0 && top ? closesLater(chars, i, top.close) : 0;
        const paragraph = reopensParagraphs && i < firstWord && sourceRunsOn(source, u);
        const inside = closing >= 2 || (closing === 1 && (sourceNests(source?.[u], u) || (!paragraph && !source?.[u]?.spans.some((span) => span.unit === u))));
        if (firstMark && carried > 0 && top && !top.straight && top.span.unit < u && top.mark === char && !inside) {
          if (paragraph || source?.[u]?.reopened === true) {
            const entry = stack.pop()!;
            entry.span.lastUnit = u - 1;
            carriedLeft--;
            unit.reopened = true;
          } else if (sourceCarries?.[u - 1] && sourceRunsOn(source, u)) {
            unit.problems.push({ kind: 'unclosed', message: `${char} opens a quotation that is already open` });
            continue;
          } else {
            unclosed(stack.pop()!);
            carriedLeft--;
            unit.reopened = true;
          }
        }
        // An opening mark typed for a closing one (Dutch `mensen,‘ zei`): after a word, before a space.
        if (!closers.has(char) && standsAsCloser(chars, i) && !(top?.close === char)) {
          unit.problems.push({ kind: 'unopened', message: `${char} stands where a closing mark goes` });
          continue;
        }
        // A quotation inside a quotation with the same marks (`„Řekl: „Protože…“`) closes once where it needs two,
        // unless the source runs its quotation on too (Japanese nests 「…「…」…」 over sentences).
        if (top && top.mark === char && top.span.unit === u) top.nestedSame = true;
        open(char, closerOf.get(char)!, i, false);
      } else {
        unit.problems.push(unopened(char));
      }
    }
    // Straight single marks carry only where the source's quotation does: elsewhere they are too often apostrophes.
    const kept: Entry[] = [];
    for (const entry of stack) {
      if (entry.mark === "'" && sourceCarries?.[u] !== true) continue;
      if (entry.nestedSame && entry.span.unit === u && sourceCarries?.[u] !== true) {
        if (nestedClosesOnce) {
          entry.span.lastUnit = u;
          continue;
        }
        unit.problems.push({ kind: 'unclosed', message: `${entry.mark} opens a quotation with another inside it in the same marks, and only one closes` });
        continue;
      }
      kept.push(entry);
    }
    while (kept.length > MAX_CARRIED) unclosed(kept.shift()!);
    stack = kept;
    unit.carriesOut = stack.length > 0;
  }
  for (const entry of stack) unclosed(entry);
  const speechWords = SPEECH_WORDS.get(baseLanguage(rules.textLang)) ?? new Set<string>();
  units.forEach((unit, u) => {
    for (const span of unit.spans) {
      if (span.unit !== u) continue;
      span.role = roleOf(span);
      if (span.role === 'name' && !span.nested && spokenBefore(span.lead, speechWords)) {
        span.role = 'speech';
        span.attributed = true;
      }
    }
  });
  return units;
}

/**
 * Speech is a clause: it runs over several sentences, ends a sentence inside its marks, opens the sentence
 * (`„Ja“, sagte er. „Nein“, sagte sie.`) or follows a colon (`Er sagte: „…“`). Anything else, a few words inside a sentence, is a
 * name, a title, a word in scare quotes or a phrase quoted in passing, which house styles drop or turn into
 * reported speech, unless a word of speech governs it (`spokenBefore`, read after this).
 */
function roleOf(span: Span): Role {
  if (span.lastUnit !== span.unit) return 'speech';
  const inner = span.inner.trim();
  // A value a program fills in (`before week "{{ min }}"`): its marks are part of the message the user reads.
  if (PLACEHOLDER.test(inner)) return 'speech';
  if (SENTENCE_END.test(inner) || FULL_STOP.test(inner)) return 'speech';
  // Opening the sentence and followed by a comma, a dash or nothing: `„Ja“, sagte er`, not `„Still Game“-Star`.
  if (span.startsSentence && /^\s*(?:[,;:–—-]\s|$)/u.test(span.after)) return 'speech';
  if (/:\s*$/u.test(span.before)) return 'speech';
  return 'name';
}

/**
 * A word of speech (locales/quotes.json) governs the quotation: it stands in the same sentence, at most a few words
 * before it, and no comma or dash comes between. After a comma the quoted words sit in reported speech (`sagte,
 * die Verkäufe seien nach „Shark Tank“ gestiegen`), where a title or a term is quoted in passing.
 */
function spokenBefore(lead: string, speechWords: ReadonlySet<string>): boolean {
  if (speechWords.size === 0) return false;
  let start = 0;
  for (const end of lead.matchAll(LEAD_SENTENCE_END)) start = end.index + end[0].length;
  let between = 0;
  for (const match of lead.slice(start).split(CLAUSE_BREAK).at(-1)!.match(/\p{L}+/gu)?.reverse() ?? []) {
    if (speechWords.has(match)) return true;
    if (++between > GOVERNED) return false;
  }
  return false;
}

/** The text has a character that can be a mark (one pass, nothing copied). */
function hasMark(text: string, marks: ReadonlySet<string>): boolean {
  for (let i = 0; i < text.length; i++) if (marks.has(text[i]!)) return true;
  return false;
}

/** The source runs a quotation on from the unit before into this one, and closes it. */
function sourceRunsOn(source: readonly UnitQuotes[] | undefined, u: number): boolean {
  return source?.[u - 1]?.spans.some((span) => span.unit < u && span.lastUnit !== undefined && span.lastUnit >= u) === true;
}

/** The source quotes inside the quotation it carries into this unit (`„Tashi, ich liebe dich.“` within a longer one). */
function sourceNests(unit: UnitQuotes | undefined, u: number): boolean {
  return (
    unit !== undefined &&
    unit.spans.some((span) => span.unit < u && span.lastUnit !== undefined && span.lastUnit >= u) &&
    unit.spans.some((span) => span.unit === u && span.lastUnit === u)
  );
}

/** How many closing marks of a quotation (its own, a straight `"`, or `'` for `’`) stand after position i in the unit, up to 2. */
function closesLater(chars: readonly string[], i: number, close: string): number {
  let found = 0;
  const single = close === '’';
  for (let j = i + 1; j < chars.length && found < 2; j++) if (chars[j] === close || chars[j] === '"' || (single && chars[j] === "'")) found++;
  return found;
}

const unopened = (mark: string): Problem => ({ kind: 'unopened', message: `${mark} closes a quotation that was not opened` });

/** A straight mark stands as a closer: after a word or punctuation, and not before a word. */
function closesHere(chars: readonly string[], i: number): boolean {
  const before = chars[i - 1] ?? ' ';
  const after = chars[i + 1] ?? ' ';
  return !/\s/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

/** A mark stands where a closing one goes: after a word or punctuation, before a space or the end. */
function standsAsCloser(chars: readonly string[], i: number): boolean {
  const before = chars[i - 1] ?? ' ';
  const after = chars[i + 1] ?? ' ';
  return /[\p{L}\p{N}.,!?]/u.test(before) && /\s/u.test(after);
}

/** A straight single mark stands as an opener: at the start or after a space or bracket, before a word. */
function opensHere(chars: readonly string[], i: number): boolean {
  const before = chars[i - 1] ?? ' ';
  const after = chars[i + 1] ?? ' ';
  return /[\s(\[—–-]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
}

/** `Sainsbury‘s` (between letters) and `‘s morgens`, `‘t` (one lower-case letter): an apostrophe typed as `‘`. */
function typedApostrophe(chars: readonly string[], i: number): boolean {
  if (chars[i] !== '‘') return false;
  const before = chars[i - 1] ?? ' ';
  const after = chars[i + 1] ?? ' ';
  const next = chars[i + 2] ?? ' ';
  if (/\p{L}/u.test(before) && /\p{L}/u.test(after)) return true;
  // A decade with its century left out (`negli anni ‘30`, `the ‘80s`).
  if (/\d/u.test(after) && /\d/u.test(next) && !/[\p{N}]/u.test(chars[i + 3] ?? ' ') && !/\p{L}/u.test(chars[i + 4] ?? ' ')) return true;
  return /\p{Ll}/u.test(after) && !/\p{L}/u.test(next) && next !== '’';
}

/** `don’t` is an apostrophe, `ready,’` a closing mark; `ministers’ ` could be either. */
function apostropheKind(chars: readonly string[], i: number): 'apostrophe' | 'closer' | 'either' {
  const before = chars[i - 1] ?? ' ';
  const after = chars[i + 1] ?? ' ';
  if (/\p{L}/u.test(after) && (/[\p{L}\p{N}]/u.test(before) || /\s/u.test(before))) return 'apostrophe';
  if (/[\p{P}]/u.test(before) && !/\p{L}/u.test(after)) return 'closer';
  return /[\p{L}\p{N}]/u.test(before) ? 'either' : 'apostrophe';
}
