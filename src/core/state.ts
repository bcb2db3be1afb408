/**
 * Our one ordered scale of translation states (`State`), as Translate Toolkit
 * keeps one across formats. Each XLIFF producer's vocabulary maps onto it in
 * `xliff/flavours/`.
 */
import { STATES, type Origin, type State } from './types.js';

export function stateRank(state: State): number {
  return STATES.indexOf(state);
}

/** Reviewed or final: a person signed it off, and machines keep their hands off. */
export function isApproved(state: State): boolean {
  return stateRank(state) >= stateRank('reviewed');
}

export const HUMAN: Origin = { by: 'human' };
export const MEMORY: Origin = { by: 'memory' };

/** Machine output, by the named engine where it is known. */
export function machineOrigin(engine: string | undefined): Origin {
  return engine ? { by: 'machine', engine } : { by: 'machine' };
}

export function isMachineOrigin(origin: Origin): origin is Extract<Origin, { by: 'machine' }> {
  return origin.by === 'machine';
}
