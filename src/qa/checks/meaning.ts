import { baseLanguage, type Lang } from '../../core/lang.js';
import { defineCheck, type CheckResult } from '../check.js';
import BOUNDS from '../locales/bounds.json' with { type: 'json' };
import NUMERALS from '../locales/numerals.json' with { type: 'json' };

/**
 * Meaning around figures: the words that bound a figure or say which way it went, compared between
 * source and target (issue #23). Every figure can be right while the sentence says the opposite:
 * "knapp die Hälfte" → "more than half", "gestern" → "today", "Gewinn" → "loss", "verdoppelt" → "tripled",
 * "2:1" → "1-2".
 *
 * Each axis (bound, order, limit, match, money, trend, multiple, frequency, day) has poles; a language's
 * words for each pole are data in `locales/bounds.json`, except relative days, which CLDR gives through
 * `Intl.RelativeTimeFormat` (numeric: 'auto') for every locale. An axis is compared only when the
 * source names one of its poles, and it is an error only when the target names another pole of the axis
 * more often than the source shows any trace of it, and shows a source pole less often than the source
 * names it ("ein Verlust …, nach einem Gewinn" → "a loss …, after a loss"): a translation that rephrases without any bounding word ("some 600",
 * "on Tuesday" for "gestern") is left alone on purpose, because precision matters more than recall here.
 * For the same reason a word counts as named only where it is unambiguous (next to a figure on axes that
 * ask for one, outside masked phrases), while any trace of a pole, inside a compound too
 * (`Umsatzwachstum`), is enough to keep the other side from being an error: real translations turn
 * "A, bevor B" into "A, then B" and "the second defeat of X" into "X's opponents won".
 *
 * Tolerated on purpose: approximations ("rund", "about") are not compared with "more than" or "almost"
 * (press styles swap them freely); a score that the target turns around with the larger figure first is
 * accepted when either side says who won, lost, led or trailed (English styles state the winner's score
 * first: "0:2 verloren" is "lost 2-0"); turned around with the smaller figure first it is always an error.
 */

type PoleWords = Readonly<Record<string, readonly string[]>>;
interface LanguageBounds {
  readonly script?: 'unspaced';
  readonly figures?: readonly string[];
  readonly mask?: readonly string[];
  readonly scoreWords?: readonly string[];
  readonly [axis: string]: PoleWords | readonly string[] | string | undefined;
}
interface Axis {
  readonly poles: readonly string[];
  /** Words of this axis count only with a figure within this many words (characters × 2 without spaces). */
  readonly near?: number;
  /** Each pole in English for messages, in the order of `poles`. */
  readonly labels: readonly string[];
}

const DATA = BOUNDS as unknown as { readonly axes: Readonly<Record<string, Axis>> } & Readonly<Record<string, LanguageBounds>>;
const AXES = Object.keys(DATA.axes);

/** A word pattern: tokens to match in a row, each exact, a stem (`stem*`) or case-sensitive (`=Word`); `#` is a figure next to it. */
interface Pattern {
  /** `~word`: only a trace that keeps the other side from being an error (`~Sieg`: a noun, often rephrased), never named. */
  readonly traceOnly: boolean;
  readonly tokens: readonly { readonly text: string; readonly stem: boolean; readonly cased: boolean }[];
  readonly figureBefore: boolean;
  readonly figureAfter: boolean;
}

interface Lexicon {
  readonly unspaced: boolean;
  readonly figures: ReadonlySet<string>;
  /** Figure words read as stems (`половин*`, and number words of four letters or more: `dreißig`). */
  readonly figureStems: readonly string[];
  readonly masks: readonly Pattern[];
  readonly scoreWords: readonly Pattern[];
  /** axis → pole → patterns */
  readonly axes: ReadonlyMap<string, ReadonlyMap<string, readonly Pattern[]>>;
  /** Every pattern with its axis and pole, and, per word met so far, the patterns whose first word it can be. */
  readonly entries: readonly Entry[];
  /** Patterns by their first word: exact words, stems by their first two letters, and those a trace may find inside a word. */
  readonly byWord: ReadonlyMap<string, readonly Entry[]>;
  readonly byStem: ReadonlyMap<string, readonly Entry[]>;
  readonly inside: readonly Entry[];
  readonly firstWords: Map<string, readonly Entry[]>;
  readonly figureWords: Map<string, boolean>;
}

interface Entry {
  readonly axis: string;
  readonly pole: string;
  readonly pattern: Pattern;
}

/** Caches of words met grow with the text checked: start again past this many. */
const CACHE_LIMIT = 50_000;

/** NFKC (full-width digits and letters are the plain ones) without combining marks (Arabic vowel signs). */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\p{Mn}/gu, '');
}

function parsePattern(raw: string): Pattern {
  const traceOnly = raw.startsWith('~');
  const parts = normalize(traceOnly ? raw.slice(1) : raw).split(' ').filter((part) => part.length > 0);
  const figureBefore = parts[0] === '#';
  const figureAfter = parts.length > 1 && parts[parts.length - 1] === '#';
  const words = parts.slice(figureBefore ? 1 : 0, figureAfter ? -1 : undefined);
  return {
    traceOnly,
    figureBefore,
    figureAfter,
    tokens: words.map((word) => {
      const cased = word.startsWith('=');
      const bare = cased ? word.slice(1) : word;
      const stem = bare.endsWith('*');
      const text = stem ? bare.slice(0, -1) : bare;
      return { text: cased ? text : text.toLowerCase(), stem, cased };
    }),
  };
}

const lexicons = new Map<string, Lexicon | undefined>();

/** The words of a language, from bounds.json and Intl; undefined for a language the file does not list. */
function lexiconFor(lang: Lang): Lexicon | undefined {
  const base = baseLanguage(lang);
  if (lexicons.has(base)) return lexicons.get(base);
  const data = base === 'axes' ? undefined : (DATA[base] as LanguageBounds | undefined);
  let lexicon: Lexicon | undefined;
  if (data) {
    const numerals = (NUMERALS as unknown as Record<string, Record<string, Record<string, number>> | undefined>)[base];
    const figures = new Set<string>();
    const figureStems: string[] = [];
    for (const word of data.figures ?? []) {
      const lower = normalize(word).toLowerCase();
      if (lower.endsWith('*')) figureStems.push(lower.slice(0, -1));
      else figures.add(lower);
    }
    for (const table of ['cardinals', 'fractions', 'multipliers'] as const) {
      for (const word of Object.keys(numerals?.[table] ?? {})) {
        const lower = normalize(word).toLowerCase();
        if (lower.length >= 4) figureStems.push(lower);
        else if (lower.length > 1) figures.add(lower);
      }
    }
    const axes = new Map<string, Map<string, Pattern[]>>();
    for (const axis of AXES) {
      const poles = new Map<string, Pattern[]>();
      const words = (data[axis] ?? {}) as PoleWords;
      for (const pole of DATA.axes[axis]!.poles) {
        const list = [...(words[pole] ?? [])];
        if (axis === 'day') list.push(...relativeDay(lang, Number(pole)));
        if (list.length > 0) poles.set(pole, list.map(parsePattern));
      }
      if (poles.size > 0) axes.set(axis, poles);
    }
    const entries: Entry[] = [];
    for (const [axis, poles] of axes) for (const [pole, patterns] of poles) for (const pattern of patterns) entries.push({ axis, pole, pattern });
    const byWord = new Map<string, Entry[]>();
    const byStem = new Map<string, Entry[]>();
    const inside: Entry[] = [];
    const file = (map: Map<string, Entry[]>, key: string, entry: Entry) => map.set(key, [...(map.get(key) ?? []), entry]);
    for (const entry of entries) {
      const first = entry.pattern.tokens[0];
      if (!first) continue;
      if (first.stem) file(byStem, first.text.slice(0, 2), entry);
      else file(byWord, (first.cased ? '=' : '') + first.text, entry);
      if (entry.pattern.traceOnly || first.text.length >= 6) inside.push(entry);
    }
    lexicon = {
      entries,
      byWord,
      byStem,
      inside,
      firstWords: new Map(),
      figureWords: new Map(),
      unspaced: data.script === 'unspaced',
      figures,
      figureStems,
      masks: (data.mask ?? []).map(parsePattern),
      scoreWords: (data.scoreWords ?? []).map(parsePattern),
      axes,
    };
  }
  lexicons.set(base, lexicon);
  return lexicon;
}

/** CLDR's word for a day relative to today (`gestern`, `i går`, `昨天`); a phrase with a figure ("2 days ago") is no word. */
function relativeDay(lang: Lang, offset: number): string[] {
  try {
    const word = normalize(new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(offset, 'day'));
    return /\d/u.test(word) ? [] : [word.replace(/['’]/gu, ' ')];
  } catch {
    return [];
  }
}

interface Token {
  readonly text: string;
  readonly lower: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CJK_FIGURE = /[\p{Nd}〇一二三四五六七八九十百千万億亿两兩半]/u;

function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({ text: match[0], lower: match[0].toLowerCase() }));
}

/** Number words that are articles too: no figure to stand near (`ein Treffen`, `a meeting`, `bir toplantı`). */
const ARTICLES = new Set(['a', 'an', 'one', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'un', 'une', 'una', 'uno', 'um', 'uma', 'een', 'en', 'et', 'ett', 'bir']);

/** Digits, or a number word; `strong` leaves out number words that are articles too. */
function isFigure(token: Token | undefined, lexicon: Lexicon, strong = false): boolean {
  if (token === undefined) return false;
  if (/^\p{Nd}/u.test(token.text)) return true;
  if (strong && ARTICLES.has(token.lower)) return false;
  let known = lexicon.figureWords.get(token.lower);
  if (known === undefined) {
    if (lexicon.figureWords.size > CACHE_LIMIT) lexicon.figureWords.clear();
    known = lexicon.figures.has(token.lower) || lexicon.figureStems.some((stem) => token.lower.startsWith(stem));
    lexicon.figureWords.set(token.lower, known);
  }
  return known;
}

function tokenMatches(want: Pattern['tokens'][number], token: Token, loose: boolean, trace: boolean): boolean {
  const have = want.cased ? token.text : token.lower;
  // A trace inside a compound (`Umsatzwachstum`, `Auswärtssieg`); short words would be found everywhere (`unter` in
  // `Unternehmen`, `under` in `underleverandør`), so only long ones and the words listed as traces.
  if (loose && (trace || want.text.length >= 6)) return have.includes(want.text);
  return want.stem ? have.startsWith(want.text) : have === want.text;
}

/** Whether a pattern matches a spaced text at a token. Loose: inside compounds, no figure asked. */
function matchAt(tokens: readonly Token[], masked: readonly boolean[], start: number, pattern: Pattern, lexicon: Lexicon, loose: boolean): boolean {
  const length = pattern.tokens.length;
  if (length === 0 || start + length > tokens.length || (pattern.traceOnly && !loose)) return false;
  for (let k = 0; k < length; k++) if (masked[start + k] || !tokenMatches(pattern.tokens[k]!, tokens[start + k]!, loose, pattern.traceOnly)) return false;
  if (loose) return true;
  // A figure within three words: "knapp die Hälfte", "più del doppio", "600'den fazla".
  if (pattern.figureAfter && ![1, 2, 3].some((step) => isFigure(tokens[start + length - 1 + step], lexicon))) return false;
  if (pattern.figureBefore && ![1, 2, 3].some((step) => isFigure(tokens[start - step], lexicon))) return false;
  return true;
}

/** Where a pattern matches in a spaced text: the token index of each match. */
function matchTokens(tokens: readonly Token[], masked: readonly boolean[], pattern: Pattern, lexicon: Lexicon, loose: boolean): number[] {
  const found: number[] = [];
  for (let start = 0; start < tokens.length; start++) if (matchAt(tokens, masked, start, pattern, lexicon, loose)) found.push(start);
  return found;
}

/** The patterns whose first word a token can be, worked out once per word: each text is then read in one pass. */
function candidates(token: Token, lexicon: Lexicon, loose: boolean): readonly Entry[] {
  const key = (loose ? 'L' : 'S') + token.text;
  let found = lexicon.firstWords.get(key);
  if (found === undefined) {
    if (lexicon.firstWords.size > CACHE_LIMIT) lexicon.firstWords.clear();
    const near = new Set<Entry>([
      ...(lexicon.byWord.get(token.lower) ?? []),
      ...(lexicon.byWord.get('=' + token.text) ?? []),
      ...(lexicon.byStem.get(token.lower.slice(0, 2)) ?? []),
      ...(lexicon.byStem.get(token.lower.slice(0, 1)) ?? []),
      ...(loose ? lexicon.inside : []),
    ]);
    found = [...near].filter(({ pattern }) => (loose || !pattern.traceOnly) && tokenMatches(pattern.tokens[0]!, token, loose, pattern.traceOnly));
    lexicon.firstWords.set(key, found);
  }
  return found;
}

/** Where a pattern occurs in a text without spaces between words (Chinese, Japanese): substrings, figures close by. */
function matchUnspaced(text: string, pattern: Pattern, loose: boolean): number[] {
  const needle = pattern.tokens.map((token) => token.text).join('');
  const found: number[] = [];
  if (needle.length === 0 || (pattern.traceOnly && !loose)) return found;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return found;
    from = at + 1;
    if (!loose || needle.length < 2) {
      // "2倍" is not inside "12倍"; a counter may stand between figure and word: "600人近く", "近600名".
      if (/^\p{Nd}/u.test(needle) && /\p{Nd}/u.test(text[at - 1] ?? '')) continue;
      if (pattern.figureAfter && !CJK_FIGURE.test(text.slice(at + needle.length, at + needle.length + 3))) continue;
      if (pattern.figureBefore && !CJK_FIGURE.test(text.slice(Math.max(0, at - 3), at))) continue;
    }
    found.push(at);
  }
}

/** axis → pole → how many times the text names it (distinct places). */
type Poles = Map<string, Map<string, number>>;

/** The poles each axis names in a text: strictly (unambiguous uses only) or loosely (any trace). */
/** A text read once: normalised, lower-cased, in words. */
interface Prepared {
  readonly normal: string;
  readonly lower: string;
  readonly tokens: readonly Token[];
}

function prepare(text: string, lexicon: Lexicon): Prepared {
  const normal = normalize(text);
  return { normal, lower: normal.toLowerCase(), tokens: lexicon.unspaced ? [] : tokenize(normal) };
}

function polesIn(text: Prepared, lexicon: Lexicon, loose: boolean): Poles {
  const result: Poles = new Map();
  const add = (axis: string, pole: string, places: ReadonlySet<number>) => {
    if (places.size > 0) result.set(axis, (result.get(axis) ?? new Map<string, number>()).set(pole, places.size));
  };
  if (lexicon.unspaced) {
    let masked = text.lower;
    if (!loose) for (const mask of lexicon.masks) masked = masked.split(mask.tokens.map((token) => token.text).join('')).join(' ');
    for (const [axis, poles] of lexicon.axes) {
      const near = loose ? undefined : DATA.axes[axis]!.near;
      for (const [pole, patterns] of poles) {
        const places = new Set<number>();
        for (const pattern of patterns) {
          const length = pattern.tokens.map((token) => token.text).join('').length;
          for (const at of matchUnspaced(masked, pattern, loose)) {
            if (near === undefined || CJK_FIGURE.test(masked.slice(Math.max(0, at - 2 * near), at + length + 2 * near))) places.add(at);
          }
        }
        add(axis, pole, places);
      }
    }
    return result;
  }
  const tokens = text.tokens;
  const masked = tokens.map(() => false);
  if (!loose) {
    for (const mask of lexicon.masks) {
      for (const start of matchTokens(tokens, masked, mask, lexicon, false)) for (let k = 0; k < mask.tokens.length; k++) masked[start + k] = true;
    }
  }
  const figureNear = (start: number, end: number, near: number) => {
    for (let index = Math.max(0, start - near); index < Math.min(tokens.length, end + near); index++) if (isFigure(tokens[index], lexicon, true)) return true;
    return false;
  };
  const places = new Map<string, Set<number>>();
  for (let start = 0; start < tokens.length; start++) {
    if (masked[start]) continue;
    for (const { axis, pole, pattern } of candidates(tokens[start]!, lexicon, loose)) {
      if (!matchAt(tokens, masked, start, pattern, lexicon, loose)) continue;
      const near = loose ? undefined : DATA.axes[axis]!.near;
      if (near !== undefined && !figureNear(start, start + pattern.tokens.length, near)) continue;
      const key = `${axis}\u0000${pole}`;
      places.set(key, (places.get(key) ?? new Set<number>()).add(start));
    }
  }
  for (const [key, at] of places) {
    const [axis, pole] = key.split('\u0000') as [string, string];
    add(axis, pole, at);
  }
  return result;
}

/** Whether a text has a word that explains a score in the winner's order: won, lost, led, trailed. */
function explainsScore(text: Prepared, lexicon: Lexicon, poles: Poles): boolean {
  if (poles.has('match')) return true;
  if (lexicon.unspaced) return lexicon.scoreWords.some((pattern) => matchUnspaced(text.lower, pattern, true).length > 0);
  const none = text.tokens.map(() => false);
  return lexicon.scoreWords.some((pattern) => matchTokens(text.tokens, none, pattern, lexicon, true).length > 0);
}

/** Scores `a:b` (the German way), and in a target `a-b`, `a–b`, `a:b`, `a比b`, `a대b`, as ordered pairs. */
const SOURCE_SCORE = /(?<![\p{Nd}.,:])(\p{Nd}{1,3}):(\p{Nd}{1,3})(?![\p{Nd}:]|[.,]\p{Nd})/gu;
const TARGET_SCORE = /(?<![\p{Nd}.,:\-–])(\p{Nd}{1,3}) ?(?:[:\-–—]|比|대|対) ?(\p{Nd}{1,3})(?![\p{Nd}:\-–]|[.,]\p{Nd})/gu;

function scores(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => `${Number(match[1])}:${Number(match[2])}`);
}

export const meaning = defineCheck({
  id: 'meaning',
  title: 'Meaning around figures changed (more/less, before/after, won/lost, yesterday/today, score order)',
  run(pair): CheckResult[] {
    const sourceLexicon = lexiconFor(pair.sourceRules.textLang);
    const targetLexicon = lexiconFor(pair.targetRules.textLang);
    if (!sourceLexicon || !targetLexicon || baseLanguage(pair.sourceRules.textLang) === baseLanguage(pair.targetRules.textLang)) return [];
    const results: CheckResult[] = [];
    const sourceText = prepare(pair.source, sourceLexicon);
    const source = polesIn(sourceText, sourceLexicon, false);
    const sourceScores = scores(sourceText.normal, SOURCE_SCORE);
    // Most sentences name no pole and no score: then nothing can turn around, and the traces (every word
    // read for pole words inside it, the slow part) are not needed.
    if (source.size === 0 && sourceScores.length === 0) return results;
    const sourceTrace = polesIn(sourceText, sourceLexicon, true);
    const targetText = prepare(pair.target, targetLexicon);
    const target = polesIn(targetText, targetLexicon, false);
    const targetTrace = polesIn(targetText, targetLexicon, true);
    // A pole is lost when the source names it more often than the target shows any trace of it, and added the
    // other way round: "ein Verlust …, nach einem Gewinn" → "a loss …, after a loss" loses the profit.
    for (const [axis, named] of source) {
      const lost = [...named].filter(([pole, count]) => count > (targetTrace.get(axis)?.get(pole) ?? 0)).map(([pole]) => pole);
      const added = [...(target.get(axis) ?? [])].filter(([pole, count]) => count > (sourceTrace.get(axis)?.get(pole) ?? 0)).map(([pole]) => pole);
      if (lost.length > 0 && added.length > 0) {
        results.push({ severity: 'error', message: `the source says “${poleLabels(axis, lost)}”, the translation “${poleLabels(axis, added)}” (${axis})` });
      }
    }
    if (sourceScores.length > 0) {
      const explained = explainsScore(sourceText, sourceLexicon, sourceTrace) || explainsScore(targetText, targetLexicon, targetTrace);
      const targetScores = new Set(scores(targetText.normal, TARGET_SCORE));
      for (const score of sourceScores) {
        const [home, away] = score.split(':');
        const reversed = `${away}:${home}`;
        // The winner's score first ("lost 2-0" for 0:2) needs a word that says who won or trailed; the smaller first never does.
        const winnerFirst = Number(away) > Number(home);
        if (home !== away && !targetScores.has(score) && targetScores.has(reversed) && !(winnerFirst && explained)) {
          results.push({ severity: 'error', message: `the score ${score} is ${reversed} in the translation` });
        }
      }
    }
    return results;
  },
});

/** What a pole means, for the message: poles in bounds.json are ids (`bound: up`); their `labels` are words a reviewer reads. */
function poleLabels(axis: string, poles: readonly string[]): string {
  const { poles: all, labels } = DATA.axes[axis]!;
  return poles.map((pole) => labels[all.indexOf(pole)] ?? pole).join(' / ');
}
