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

export function isMachineOrigin(origin: Origin): boolean {
  return origin === 'deepl' || origin === 'offline' || origin === 'machine';
}
