/**
 * An SRX-style rule engine. Break rules propose candidate positions; at each
 * candidate the first rule in document order whose `before` matches just before
 * and whose `after` matches just after decides (SRX 2.0 §2.4). Positions no break
 * rule proposes are never breaks.
 *
 * Returns break offsets, not strings, so callers keep exact text and whitespace.
 */
import type { LanguageRules } from './rules/types.js';

interface CompiledRule {
  readonly break: boolean;
  /** Sticky test at a position: (?<=before)(?=after). */
  readonly at: RegExp;
}

export interface CompiledRules {
  readonly lang: string;
  /** Finds candidate positions: every break rule as one forward pattern. */
  readonly candidates: readonly { readonly finder: RegExp; readonly index: number }[];
  readonly rules: readonly CompiledRule[];
}

const cache = new WeakMap<LanguageRules, CompiledRules>();

export function compileRules(rules: LanguageRules): CompiledRules {
  const cached = cache.get(rules);
  if (cached) return cached;
  const compiled: CompiledRule[] = rules.rules.map((rule) => ({
    break: rule.break,
    at: new RegExp(`${rule.before ? `(?<=${rule.before})` : ''}${rule.after ? `(?=${rule.after})` : ''}`, 'uy'),
  }));
  const candidates = rules.rules.flatMap((rule, index) =>
    rule.break ? [{ finder: new RegExp(`(?:${rule.before || '(?:)'})(?=${rule.after || '[^]'})`, 'gu'), index }] : [],
  );
  const result = { lang: rules.lang, candidates, rules: compiled };
  cache.set(rules, result);
  return result;
}

/** Offsets (0 < offset < text.length) where `text` breaks into sentences, ascending. */
export function findBreaks(text: string, rules: CompiledRules): number[] {
  const decided = new Map<number, boolean>();
  for (const { finder, index } of rules.candidates) {
    finder.lastIndex = 0;
    for (let match = finder.exec(text); match !== null; match = finder.exec(text)) {
      const position = match.index + match[0].length;
      if (match[0].length === 0) finder.lastIndex++;
      if (position <= 0 || position >= text.length || decided.has(position)) continue;
      decided.set(position, decideAt(text, position, rules, index));
    }
  }
  return [...decided].filter(([, isBreak]) => isBreak).map(([position]) => position).sort((a, b) => a - b);
}

/** The verdict of the first rule (up to the proposing one) that matches at `position`. */
function decideAt(text: string, position: number, rules: CompiledRules, proposer: number): boolean {
  for (let i = 0; i < proposer; i++) {
    const rule = rules.rules[i]!;
    rule.at.lastIndex = position;
    if (rule.at.test(text)) return rule.break;
  }
  return true;
}
