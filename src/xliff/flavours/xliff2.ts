/**
 * XLIFF 2.x: `segment/@state` has our four values (XLIFF 2.0 §4.3.1.27). Our own
 * markers go in `subState`: machine output is `initial` + `l10n-pipeline:mt`,
 * reuse from memory `l10n-pipeline:tm`; the engine is named by an `mtc:match`.
 */
import { HUMAN, isMachineOrigin, machineOrigin, MEMORY } from '../../core/state.js';
import type { Origin, State } from '../../core/types.js';
import { attribute, descendantsNamed } from '../../xml/parse.js';
import { MEMORY_ORIGIN, TOOL_ID } from '../model.js';
import type { Flavour } from './types.js';

const MTC_NS = 'urn:oasis:names:tc:xliff:matches:2.0';

export function stateFromXliff2(state: string | undefined): State {
  return state === 'translated' || state === 'reviewed' || state === 'final' ? state : 'initial';
}

export const xliff2: Flavour = {
  name: 'xliff-2',
  statePerSegment: true,
  holds: (segment) => segment.major === 2,
  read(segment) {
    const element = segment.segmentElement!;
    const subState = attribute(element, 'subState');
    const machine = subState === `${TOOL_ID}:mt`;
    const engine = descendantsNamed(segment.unit, 'match', MTC_NS)
      .find((match) => attribute(match, 'ref')?.replace(/^#/, '') === segment.segment && attribute(match, 'origin') !== MEMORY_ORIGIN)
      ?.attributes.find((attr) => attr.local === 'origin')?.value;
    const origin: Origin = machine ? machineOrigin(engine === 'machine' ? undefined : engine) : subState === `${TOOL_ID}:tm` ? MEMORY : HUMAN;
    return { state: machine ? 'translated' : stateFromXliff2(attribute(element, 'state')), origin };
  },
  write(_segment, target) {
    const machine = isMachineOrigin(target.origin) && target.state === 'translated';
    const subState = machine ? `${TOOL_ID}:mt` : target.origin.by === 'memory' ? `${TOOL_ID}:tm` : undefined;
    return { segment: { state: machine ? 'initial' : target.state, subState } };
  },
};
