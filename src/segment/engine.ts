/**
 * An SRX-style rule engine. Break rules propose candidate positions; at each
 * candidate the first rule in order whose `before` matches just before and whose
 * `after` matches just after decides (SRX 2.0 §2.4). Positions no break rule
 * proposes are never breaks.
 *
 * Neighbouring rules with the same verdict are tried as one regular expression:
 * the first match among them gives the same verdict as trying them one by one,
 * and it costs one regex call per group instead of one per rule.
 *
 * Returns break offsets, not strings, so callers keep exact text and whitespace.
 */
import type { LanguageRules } from './rules/types.js';

interface RuleGroup {
  readonly break: boolean;
  /** Sticky: (?:(?<=before1)(?=after1)|(?<=before2)(?=after2)|…) */
  readonly at: RegExp;
  /** Index of the group's last rule in the rule list. */
  readonly lastRule: number;
}

interface Finder {
  /** Global pattern whose matches mark candidate positions of one break rule. */
  readonly pattern: RegExp;
  /** Where the candidate is: after the match (`before` side matched) or at its start (rule without `before`). */
  readonly at: 'end' | 'start';
  /** Sticky: what must follow a `before` match for it to be a candidate. */
  readonly after?: RegExp;
  readonly rule: number;
}

export interface CompiledRules {
  readonly lang: string;
  readonly finders: readonly Finder[];
  readonly groups: readonly RuleGroup[];
}

const cache = new WeakMap<LanguageRules, CompiledRules>();

const lookaround = (before: string, after: string) =>
  `${before ? `(?<=${before})` : ''}${after ? `(?=${after})` : ''}`;

export function compileRules(rules: LanguageRules): CompiledRules {
  const cached = cache.get(rules);
  if (cached) return cached;
  const groups: RuleGroup[] = [];
  let pending: string[] = [];
  rules.rules.forEach((rule, index) => {
    pending.push(lookaround(rule.before, rule.after));
    const next = rules.rules[index + 1];
    if (!next || next.break !== rule.break) {
      groups.push({ break: rule.break, at: new RegExp(pending.map((p) => `(?:${p})`).join('|'), 'uy'), lastRule: index });
      pending = [];
    }
  });
  // A rule with an empty `before` is found by scanning for its `after` side: a pattern that
  // starts with "anything" would make the regex engine stop at every character.
  // A rule with a `before` is found by scanning for `before` alone and then testing `after`
  // where it ends. With the lookahead in the scan, a run of 100,000 dots not followed by a
  // space made the engine backtrack through the run from each of its positions: quadratic.
  const finders: Finder[] = rules.rules.flatMap((rule, index): Finder[] => {
    if (!rule.break) return [];
    if (!rule.before) return [{ pattern: new RegExp(rule.after || '[^]', 'gu'), at: 'start', rule: index }];
    return [{ pattern: new RegExp(rule.before, 'gu'), at: 'end', after: new RegExp(`(?=${rule.after || '[^]'})`, 'uy'), rule: index }];
  });
  const compiled = { lang: rules.lang, finders, groups };
  cache.set(rules, compiled);
  return compiled;
}

/**
 * Offsets (0 < offset < text.length) where `text` breaks into sentences,
 * ascending. `onRule` is told the index of each rule before its pattern runs,
 * so a watchdog can name the rule that never finished (`guard.ts`).
 */
export function findBreaks(text: string, rules: CompiledRules, onRule?: (rule: number) => void): number[] {
  // Candidates of each break rule, ascending; a position proposed twice is decided once,
  // for the earlier rule (SRX: rule order decides).
  let candidates: number[] = [];
  let proposers: number[] = [];
  for (const finder of rules.finders) {
    onRule?.(finder.rule);
    const positions = candidatePositions(text, finder);
    if (positions.length === 0) continue;
    if (candidates.length === 0) {
      candidates = positions;
      proposers = positions.map(() => finder.rule);
      continue;
    }
    [candidates, proposers] = mergeCandidates(candidates, proposers, positions, finder.rule);
  }
  const breaks: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    if (decideAt(text, candidates[i]!, rules, proposers[i]!, onRule)) breaks.push(candidates[i]!);
  }
  return breaks;
}

function candidatePositions(text: string, finder: Finder): number[] {
  const positions: number[] = [];
  const { pattern } = finder;
  pattern.lastIndex = 0;
  let last = -1;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const position = finder.at === 'end' ? match.index + match[0].length : match.index;
    if (match[0].length === 0) pattern.lastIndex++;
    if (finder.after) {
      finder.after.lastIndex = position;
      if (!finder.after.test(text)) continue;
    }
    if (position > 0 && position < text.length && position !== last) positions.push(position);
    last = position;
  }
  return positions;
}

function mergeCandidates(a: number[], aRules: number[], b: number[], bRule: number): [number[], number[]] {
  const positions: number[] = [];
  const rules: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      positions.push(a[i]!);
      rules.push(aRules[i++]!);
    } else if (i >= a.length || b[j]! < a[i]!) {
      positions.push(b[j++]!);
      rules.push(bRule);
    } else {
      positions.push(a[i]!);
      rules.push(Math.min(aRules[i++]!, bRule));
      j++;
    }
  }
  return [positions, rules];
}

/** The verdict of the first group (up to the proposing rule's) that matches at `position`. */
function decideAt(text: string, position: number, rules: CompiledRules, proposer: number, onRule?: (rule: number) => void): boolean {
  for (const group of rules.groups) {
    onRule?.(group.lastRule);
    group.at.lastIndex = position;
    if (group.at.test(text)) return group.break;
    if (group.lastRule >= proposer) break;
  }
  return true;
}
