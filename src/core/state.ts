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
  return origin === 'deepl' || origin === 'offline' || origin === 'machine';
}

/**
 * XLIFF 1.2 `target/@state` and `trans-unit/@approved` → State (XLIFF 1.2
 * §2.5.2, state values). Called for a target that has text. `signed-off` and
 * `final` are explicit sign-offs; every `needs-*` value and anything unknown
 * (including `x-` values) is at most `translated`, so it can never pass as approved.
 */
export function stateFromXliff12(state: string | undefined, approved: boolean): State {
  if (state === 'final') return 'final';
  if (state === 'signed-off' || approved) return 'reviewed';
  // A target with text and no state was put there by a person or a tool: translated, not reviewed.
  if (state === 'new' || state === 'needs-translation' || state === 'needs-adaptation' || state === 'needs-l10n') return 'initial';
  return 'translated';
}

/** XLIFF 1.2 attributes for a target: machine output is marked as such (notes/xliff.md §5). */
export function stateToXliff12(state: State, origin: Origin): { state: string; qualifier?: string; approved: boolean } {
  switch (state) {
    case 'final':
      return { state: 'final', approved: true };
    case 'reviewed':
      return { state: 'signed-off', approved: true };
    case 'translated':
      if (isMachineOrigin(origin)) return { state: 'needs-review-translation', qualifier: 'leveraged-mt', approved: false };
      if (origin === 'memory') return { state: 'needs-review-translation', qualifier: 'leveraged-tm', approved: false };
      return { state: 'translated', approved: false };
    case 'initial':
      return { state: 'needs-translation', approved: false };
  }
}

/** Origin from XLIFF 1.2 `state-qualifier` (and the engine named by an `alt-trans`). */
export function originFromXliff12(qualifier: string | undefined, altTransOrigin: string | undefined): Origin {
  if (qualifier === 'leveraged-mt' || qualifier === 'mt-suggestion') {
    if (altTransOrigin === 'offline' || altTransOrigin === 'deepl') return altTransOrigin;
    return 'machine';
  }
  if (qualifier === 'leveraged-tm' || qualifier === 'exact-match' || qualifier === 'fuzzy-match' || qualifier === 'leveraged-inherited') {
    return 'memory';
  }
  return 'human';
}

/**
 * Trados Studio's `sdl:seg/@conf` and `@origin` (SDLXLIFF): Draft and the
 * rejected states are work in progress; ApprovedTranslation is a review,
 * ApprovedSignOff the final sign-off.
 */
export function stateFromTrados(conf: string | undefined, origin: string | undefined): { state: State; origin: Origin } {
  const from: Origin = origin === 'mt' || origin === 'nmt' ? 'machine' : origin === 'tm' || origin === 'document-match' || origin === 'auto-propagated' ? 'memory' : 'human';
  switch (conf) {
    case 'ApprovedSignOff':
      return { state: 'final', origin: from };
    case 'ApprovedTranslation':
      return { state: 'reviewed', origin: from };
    case 'Translated':
    case 'Draft':
      return { state: 'translated', origin: from };
    default:
      // NotTranslated, RejectedTranslation, RejectedSignOff and unknown values.
      return { state: 'initial', origin: from };
  }
}

/** memoQ's `mq:status` on a trans-unit. */
export function stateFromMemoQ(status: string): { state: State; origin?: Origin } {
  switch (status) {
    case 'Proofread':
    case 'Reviewer1Confirmed':
      return { state: 'reviewed' };
    case 'Reviewer2Confirmed':
      return { state: 'final' };
    case 'ManuallyConfirmed':
    case 'Confirmed':
    case 'Edited':
    case 'PartiallyEdited':
      return { state: 'translated' };
    case 'MachineTranslated':
      return { state: 'translated', origin: 'machine' };
    case 'Pretranslated':
      return { state: 'translated', origin: 'memory' };
    default:
      // NotStarted, Rejected and unknown values.
      return { state: 'initial' };
  }
}

/** XLIFF 2.x `segment/@state` (§4.3.1.27): the same four values as our scale. */
export function stateFromXliff2(state: string | undefined): State {
  return state === 'translated' || state === 'reviewed' || state === 'final' ? state : 'initial';
}
