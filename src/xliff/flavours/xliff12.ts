/**
 * XLIFF 1.0–1.2's own states: `target/@state`, `@state-qualifier` and
 * `trans-unit/@approved` (XLIFF 1.2 §2.5.2 and §4.3.4). Unknown values count as
 * unreviewed: a value we don't know never passes as approved.
 */
import { HUMAN, isMachineOrigin, machineOrigin, MEMORY } from '../../core/state.js';
import type { Origin, State } from '../../core/types.js';
import { attribute, childrenNamed } from '../../xml/parse.js';
import { MEMORY_ORIGIN } from '../model.js';
import type { Flavour, StateOfTarget } from './types.js';

/**
 * `target/@state` and `@approved` → State. `signed-off` and `final` are explicit
 * sign-offs; every `needs-*` value and anything unknown (including `x-` values)
 * is at most `translated`.
 */
export function stateFromXliff12(state: string | undefined, approved: boolean): State {
  if (state === 'final') return 'final';
  if (state === 'signed-off' || approved) return 'reviewed';
  // A target with text and no state was put there by a person or a tool: translated, not reviewed.
  if (state === 'new' || state === 'needs-translation' || state === 'needs-adaptation' || state === 'needs-l10n') return 'initial';
  return 'translated';
}

/** Origin from `state-qualifier` (and the engine named by an `alt-trans`). */
export function originFromXliff12(qualifier: string | undefined, altTransOrigin: string | undefined): Origin {
  if (qualifier === 'leveraged-mt' || qualifier === 'mt-suggestion') return machineOrigin(altTransOrigin === 'machine' ? undefined : altTransOrigin);
  if (qualifier === 'leveraged-tm' || qualifier === 'exact-match' || qualifier === 'fuzzy-match' || qualifier === 'leveraged-inherited') {
    return MEMORY;
  }
  return HUMAN;
}

/**
 * Our state in XLIFF 1.2 terms: machine output is marked as such, and only reviewed work is approved.
 * Origin and approval are apart (#24): an approved translation an engine or the memory made keeps its
 * `state-qualifier` (XLIFF 1.2 §4.3.4 qualifies any state), or reading it back called it a person's.
 */
export function stateToXliff12(state: State, origin: Origin): { state: string; qualifier?: string; approved: boolean } {
  const made = isMachineOrigin(origin) ? { qualifier: 'leveraged-mt' } : origin.by === 'memory' ? { qualifier: 'leveraged-tm' } : {};
  switch (state) {
    case 'final':
      return { state: 'final', ...made, approved: true };
    case 'reviewed':
      return { state: 'signed-off', ...made, approved: true };
    case 'translated':
      if (isMachineOrigin(origin)) return { state: 'needs-review-translation', qualifier: 'leveraged-mt', approved: false };
      if (origin.by === 'memory') return { state: 'needs-review-translation', qualifier: 'leveraged-tm', approved: false };
      return { state: 'translated', approved: false };
    case 'initial':
      return { state: 'needs-translation', approved: false };
  }
}

export const xliff12: Flavour = {
  name: 'xliff-1',
  statePerSegment: false,
  holds: (segment) => segment.major === 1,
  read(segment): StateOfTarget {
    const target = segment.targetElement;
    // Our memory proposals are alt-trans too: only an engine's names the machine.
    const altOrigin = childrenNamed(segment.unit, 'alt-trans', segment.ns)
      .map((alt) => attribute(alt, 'origin'))
      .find((origin) => origin && origin !== MEMORY_ORIGIN);
    return {
      state: stateFromXliff12(target && attribute(target, 'state'), attribute(segment.unit, 'approved') === 'yes'),
      origin: originFromXliff12(target && attribute(target, 'state-qualifier'), altOrigin),
    };
  },
  write(_segment, target) {
    const xliff = stateToXliff12(target.state, target.origin);
    return {
      unit: { approved: xliff.approved ? 'yes' : undefined },
      target: { state: xliff.state, 'state-qualifier': xliff.qualifier },
    };
  },
};
