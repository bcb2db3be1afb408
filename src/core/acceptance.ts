/**
 * A reviewer's acceptance of a QA finding: this check on this target text is
 * fine as it is (a deliberate rounding, a name spelled as the client wants).
 * Kept with a hash of the target, so it lapses when the target changes, as
 * Xbench and Verifika keep their "ignored" items. Stored as an XLIFF note on
 * the unit, where a CAT tool shows it, in the form
 * `QA accepted (numbers) 1f0c…: reason`.
 */
import { createHash } from 'node:crypto';

export interface Acceptance {
  /** The check whose finding is accepted (`numbers`, `names`, …). */
  readonly check: string;
  /** `targetHash` of the target text it was accepted for. */
  readonly target: string;
  readonly note?: string;
}

/** The first 16 hex digits of the SHA-256 of the target text. */
export function targetHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function formatAcceptance(acceptance: Acceptance): string {
  return `QA accepted (${acceptance.check}) ${acceptance.target}${acceptance.note ? `: ${acceptance.note}` : ''}`;
}

const ACCEPTANCE = /^QA accepted \(([a-z][\w-]*)\) ([0-9a-f]{16})(?:: ([\s\S]*))?$/;

export function parseAcceptance(text: string): Acceptance | undefined {
  const match = ACCEPTANCE.exec(text.trim());
  if (!match) return undefined;
  return { check: match[1]!, target: match[2]!, ...(match[3] ? { note: match[3] } : {}) };
}

/**
 * The checks accepted for exactly this target text. `texts` are the readings
 * an acceptance may have been hashed from: QA's reading first, and, for a unit
 * with inline codes, the raw text with its codes, which `run` hashed before
 * every command read a unit one way, so an acceptance a reviewer gave then
 * still holds.
 */
export function acceptedChecks(acceptances: readonly Acceptance[] | undefined, ...texts: string[]): string[] {
  if (!acceptances || acceptances.length === 0) return [];
  const hashes = new Set(texts.map(targetHash));
  return acceptances.filter((acceptance) => hashes.has(acceptance.target)).map((acceptance) => acceptance.check);
}
