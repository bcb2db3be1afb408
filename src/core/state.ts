/**
 * XLIFF state vocabularies mapped onto our one ordered scale (`State`), as
 * Translate Toolkit does across formats. Unknown values count as unreviewed:
 * a value we don't know never passes as approved.
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
  return origin === 'deepl' || origin === 'offline';
}

/** XLIFF 1.2 `target/@state` (+ `trans-unit/@approved`) → State. XLIFF 1.2 §2.5.2 (state values). */
export function stateFromXliff12(state: string | undefined, approved: boolean): State {
  if (approved) return state === 'final' ? 'final' : 'reviewed';
  switch (state) {
    case 'final':
    case 'signed-off':
      // Without approved="yes" we do not take a sign-off on trust: Translate Toolkit
      // and Okapi also count only approved units as done.
      return 'translated';
    case 'translated':
    case 'needs-review-translation':
    case 'needs-review-l10n':
    case 'needs-review-adaptation':
      return 'translated';
    default:
      return 'initial';
  }
}

/** XLIFF 1.2 attributes for a target: machine output is marked as such (notes/xliff.md §5). */
export function stateToXliff12(state: State, origin: Origin): { state: string; qualifier?: string; approved: boolean } {
  switch (state) {
    case 'final':
      return { state: 'final', approved: true };
    case 'reviewed':
      return { state: 'signed-off', approved: true };
    case 'translated':
      if (origin === 'deepl' || origin === 'offline') {
        return { state: 'needs-review-translation', qualifier: 'leveraged-mt', approved: false };
      }
      if (origin === 'memory') return { state: 'needs-review-translation', qualifier: 'leveraged-tm', approved: false };
      return { state: 'translated', approved: false };
    case 'initial':
      return { state: 'needs-translation', approved: false };
  }
}

/** Origin as recorded by `state-qualifier` when a file comes back to us. */
export function originFromXliff12(qualifier: string | undefined, altTransOrigin: string | undefined): Origin {
  if (qualifier === 'leveraged-mt' || qualifier === 'mt-suggestion') {
    return altTransOrigin === 'offline' ? 'offline' : 'deepl';
  }
  if (qualifier === 'leveraged-tm' || qualifier === 'exact-match' || qualifier === 'fuzzy-match') return 'memory';
  return 'human';
}
