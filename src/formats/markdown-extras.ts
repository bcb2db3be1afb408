/**
 * What real Markdown holds besides CommonMark, found in a block's source so
 * that it is never sent as text (#26): documentation macros and template
 * tags (MDN's `{{domxref("Element")}}`, Hugo shortcodes `{{< figure … >}}` and
 * `{{% notice %}}`, Liquid's `{% include … %}`), GitHub's alert markers
 * (`> [!NOTE]`) and MDX's ES `import`/`export` lines.
 */
import type { Span } from './sentences.js';
import { overlapsSorted } from './spans.js';

/** The tag pairs of the template languages Markdown sites use: Hugo, MDN's KumaScript and Jinja/Liquid use `{{ }}`, Liquid and Jinja `{% %}`. */
const MACRO_ENDS: Readonly<Record<string, string>> = { '{{': '}}', '{%': '%}' };

/**
 * The macros in `text[start, end)` as spans. A macro alone on its lines (a
 * shortcode that opens or closes a block) is a `space` span: it parts
 * sentences and stays out of them. One pass: each search for an end starts
 * where the last macro ended, and a macro without an end stops the scan.
 */
export function macroSpans(text: string, start: number, end: number): Span[] {
  // Searched in the block only: a search through the rest of the page for each block was quadratic.
  const block = start === 0 && end === text.length ? text : text.slice(start, end);
  const found: Span[] = [];
  const next = nextOf(block, ['{{', '{%']);
  let at = 0;
  while (at < block.length) {
    const open = next(at);
    if (open === -1) break;
    const close = block.indexOf(MACRO_ENDS[block.slice(open, open + 2)]!, open + 2);
    if (close === -1) break;
    const after = close + 2;
    // A tag inside is not a macro's (TeX's `{{\frac…}}` around markup, braces of a script): left as it is.
    const inner = block.slice(open + (block[open + 2] === '<' || block[open + 2] === '%' ? 3 : 2), close);
    if (/<[A-Za-z/!]/.test(inner)) {
      at = after;
      continue;
    }
    const alone = lineStart(block, open, 0) && /^[ \t]*(?:\n|$)/.test(block.slice(after, after + 80));
    found.push({ kind: 'standalone', start: start + open, end: start + after, ...(alone ? { space: true as const } : {}) });
    at = after;
  }
  return found;
}

/**
 * The first place at or after `from` where one of `needles` is, for `from`s
 * that only grow: each needle's last place is kept until passed, so a text
 * with many of one and none of another is not searched to its end each time.
 */
function nextOf(text: string, needles: readonly string[]): (from: number) => number {
  const places = needles.map(() => -2);
  return (from) => {
    let first = -1;
    needles.forEach((needle, i) => {
      if (places[i]! !== -1 && places[i]! < from) places[i] = text.indexOf(needle, from);
      const place = places[i]!;
      if (place !== -1 && (first === -1 || place < first)) first = place;
    });
    return first;
  };
}

/** Whether only spaces, `>` and list indentation stand between `at` and the start of its line (or of the block). */
function lineStart(text: string, at: number, blockStart: number): boolean {
  for (let i = at - 1; i >= blockStart; i--) {
    const char = text[i]!;
    if (char === '\n') return true;
    if (char !== ' ' && char !== '\t' && char !== '>') return false;
  }
  return true;
}

/**
 * `spans` with `macros` among them: a macro inside another code (a code span
 * `` `{{x}}` ``, a link's URL) stays part of that code; a code that overlaps
 * a macro otherwise gives way to it, its partner then standing alone. Sorted
 * by start, `pair` renumbered.
 */
export function mergeMacros(spans: readonly Span[], macros: readonly Span[]): Span[] {
  if (macros.length === 0) return [...spans];
  // Codes do not overlap one another, nor macros: sorted, each is found by a binary search (#22: linear time).
  const codes = spans.filter((span) => !span.space).sort((a, b) => a.start - b.start);
  const inCode = (macro: Span) => {
    const code = codes[lastStartingBy(codes, macro.start)];
    return code !== undefined && code.end >= macro.end;
  };
  const kept = macros.filter((macro) => !inCode(macro));
  if (kept.length === 0) return [...spans];
  const overlaps = (span: Span) => overlapsSorted(kept, span);
  const dropped = new Set<number>();
  spans.forEach((span, index) => {
    if (overlaps(span)) dropped.add(index);
  });
  const opensDropped = new Set<number>();
  spans.forEach((span, index) => {
    if (span.kind === 'close' && dropped.has(span.pair!)) opensDropped.add(index);
    if (span.kind === 'close' && dropped.has(index)) opensDropped.add(span.pair!);
  });
  const entries: { span: Span; old?: number }[] = [];
  spans.forEach((span, index) => {
    if (dropped.has(index)) return;
    const alone = opensDropped.has(index);
    entries.push({ span: alone ? { kind: 'standalone', start: span.start, end: span.end, ...(span.space ? { space: true as const } : {}) } : span, old: index });
  });
  for (const macro of kept) entries.push({ span: macro });
  entries.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const newIndex = new Map<number, number>();
  entries.forEach((entry, index) => {
    if (entry.old !== undefined) newIndex.set(entry.old, index);
  });
  return entries.map(({ span }) => (span.kind === 'close' ? { ...span, pair: newIndex.get(span.pair!)! } : span));
}

/** GitHub's alert markers (docs.github.com, "Basic writing and formatting syntax", Alerts), as MDN writes them too. */
const ALERT = /^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION|CALLOUT)\][ \t]*(?=\n|$)/i;

/** The alert marker a blockquote's first paragraph starts with, as a `space` span: it is markup, not a word of the sentence. */
export function alertSpan(text: string, start: number, end: number): Span | undefined {
  const match = ALERT.exec(text.slice(start, Math.min(end, start + 40)));
  return match ? { kind: 'standalone', start, end: start + match[0].length, space: true } : undefined;
}

/**
 * An MDX ES import or export at the top level (Docusaurus reads `.md` as MDX):
 * `import Tabs from '@theme/Tabs';`, `export const x = …`. A German sentence
 * never starts with lower-case `import`/`export` followed by code.
 */
export function isEsStatement(source: string): boolean {
  return /^(?:import|export)[\s{*]/.test(source) && /\bfrom\s*['"]|^import\s*['"]|;[ \t]*$|^export\s+(?:const|let|var|function|default)\b/m.test(source);
}

/**
 * Hugo shortcodes over the whole page (https://gohugo.io/content-management/shortcodes/):
 * `{{< figure … >}}` may run over lines, and a line of it that starts with `>`
 * reads to Markdown as a blockquote, so a shortcode can cross blocks. Openers
 * inside `skip` (code) are not shortcodes. One pass, as `macroSpans`.
 */
export function shortcodeSpans(text: string, skip: readonly { start: number; end: number }[]): Span[] {
  const found: Span[] = [];
  const next = nextOf(text, ['{{<', '{{%']);
  let at = 0;
  let skipped = 0;
  while (at < text.length) {
    const open = next(at);
    if (open === -1) break;
    while (skipped < skip.length && skip[skipped]!.end <= open) skipped++;
    if (skipped < skip.length && skip[skipped]!.start <= open) {
      at = skip[skipped]!.end;
      continue;
    }
    const close = text.indexOf(text[open + 2] === '<' ? '>}}' : '%}}', open + 3);
    if (close === -1) break;
    const after = close + 3;
    const alone = lineStart(text, open, 0) && /^[ \t]*(?:\n|$)/.test(text.slice(after, after + 80));
    found.push({ kind: 'standalone', start: open, end: after, ...(alone ? { space: true as const } : {}) });
    at = after;
  }
  return found;
}

/** The parts of `spans` (sorted, disjoint) inside `[start, end)`; a shortcode cut by the block's edge keeps its `space`. */
export function clipSpans(spans: readonly Span[], start: number, end: number): Span[] {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.end <= start) low = mid + 1;
    else high = mid;
  }
  const clipped: Span[] = [];
  for (let i = low; i < spans.length && spans[i]!.start < end; i++) {
    const span = spans[i]!;
    const cut = span.start < start || span.end > end;
    clipped.push({ kind: 'standalone', start: Math.max(start, span.start), end: Math.min(end, span.end), ...(span.space || cut ? { space: true as const } : {}) });
  }
  return clipped;
}

/** The index of the last of the `sorted` spans that starts at or before `at`, or -1. */
function lastStartingBy(sorted: readonly Span[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.start <= at) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

