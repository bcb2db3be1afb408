/**
 * Stage 3a, propose: what the translation memory offers each sentence not yet
 * approved, before any engine runs. Proposals are ranked as translators expect
 * (101 % in context, 100 % exact, then fuzzy by score); the translation a
 * sentence had before its German text was edited comes first, so a reviewed
 * translation is never lost to machine output. An empty target is filled from
 * the best approved proposal that reaches the prefill score, to be reviewed;
 * below it the engine translates and the proposals stay beside its output.
 */
import type { ProjectConfig } from '../core/config.js';
import { segmentsOf } from '../core/doc.js';
import { isApproved, MEMORY } from '../core/state.js';
import type { Proposal, Segment, SegmentId, Target } from '../core/types.js';
import { byBest, fuzzyMatches, type Match } from '../memory/fuzzy.js';
import { maxScore, normalise, score } from '../memory/match.js';
import type { MemoryStore } from '../memory/memory.js';
import { substituteNumbers } from '../memory/numbers.js';
import type { Job } from './job.js';

export interface ProposeOptions {
  /** Lowest score proposed. */
  readonly threshold: number;
  /** Lowest score that fills an empty target. */
  readonly prefill: number;
  /** Proposals kept per sentence. */
  readonly count: number;
  /** Fill empty targets (a run that translates); without, proposals only. Default true. */
  readonly fill?: boolean;
}

/** The options as the project's config sets them (`memory` section). */
export function proposeOptions(config: Pick<ProjectConfig, 'memory'>): ProposeOptions {
  const { threshold, prefill, proposals } = config.memory;
  return { threshold, prefill, count: proposals };
}

export function propose(job: Job, memory: MemoryStore, options: ProposeOptions): { job: Job; fromMemory: number } {
  const segments = segmentsOf(job.source.parsed.doc);
  // Only a reviewed translation is worth offering again; earlier machine output is made anew.
  const previous = job.stale.filter((stale) => isApproved(stale.target.state)).map((stale) => ({ stale, normalised: normalise({ text: stale.source }) }));
  const proposals = new Map<SegmentId, Proposal[]>();
  const targets = new Map(job.targets);
  let fromMemory = 0;
  segments.forEach((segment, index) => {
    const target = job.targets.get(segment.id);
    if (target && isApproved(target.state)) return;
    const context = { prev: segments[index - 1]?.text ?? '', next: segments[index + 1]?.text ?? '' };
    const query = normalise(segment);
    const found: Proposal[] = [];

    // The sentence's own earlier translation, if one is close enough.
    const earlier = previous
      .filter(({ normalised }) => maxScore(query, normalised) >= options.threshold)
      .map(({ stale, normalised }) => ({ stale, score: score(query, normalised) }))
      .filter((candidate) => candidate.score >= options.threshold)
      .sort((a, b) => b.score - a.score)[0];
    if (earlier) {
      const text = substituteNumbers(earlier.stale.source, segment.text, earlier.stale.target.text, job.lang) ?? earlier.stale.target.text;
      found.push({ score: earlier.score, source: { text: earlier.stale.source }, target: { text }, state: earlier.stale.target.state, kind: 'previous' });
    }

    // Exact matches make a fuzzy search pointless: nothing scores higher.
    const exact: Match[] = memory.exact(job.lang, segment.text).map((entry) => ({ entry, score: sameContext(entry.context, context) ? 101 : 100 }));
    const matches = exact.length > 0 ? exact.sort(byBest) : fuzzyMatches(memory, job.lang, segment, options.threshold, options.count + 1);
    for (const { entry, score: value } of matches) {
      const text = value >= 100 ? entry.target.text : (substituteNumbers(entry.source.text, segment.text, entry.target.text, job.lang) ?? entry.target.text);
      found.push({ score: value, source: entry.source, target: { text, ...(entry.target.codes ? { codes: entry.target.codes } : {}) }, state: entry.state, kind: 'memory' });
    }

    const kept = dedupe(found).slice(0, options.count);
    if (kept.length > 0) proposals.set(segment.id, kept);
    if (target || options.fill === false) return;
    const best = kept.filter((proposal) => isApproved(proposal.state) && (proposal.score >= 100 || proposal.score >= options.prefill)).sort((a, b) => b.score - a.score)[0];
    if (best) {
      targets.set(segment.id, prefilled(segment, best));
      fromMemory++;
    }
  });
  const { findings: _, ...rest } = job;
  return { job: { ...rest, targets, proposals }, fromMemory };
}

function prefilled(segment: Segment, proposal: Proposal): Target {
  return { segmentId: segment.id, text: proposal.target.text, state: 'translated', origin: MEMORY };
}

function sameContext(stored: { readonly prev: string; readonly next: string } | undefined, now: { prev: string; next: string }): boolean {
  return stored !== undefined && stored.prev === now.prev && stored.next === now.next;
}

/** One proposal per translation, the first (best) one kept. */
function dedupe(proposals: readonly Proposal[]): Proposal[] {
  const seen = new Set<string>();
  return proposals.filter((proposal) => !seen.has(proposal.target.text) && seen.add(proposal.target.text));
}
