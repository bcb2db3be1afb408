/**
 * memoQ (its XLIFF flavour): `mq:status` on each trans-unit, one unit per segment.
 * memoQ also reads XLIFF 1.2's attributes, so those are written as well.
 */
import { isMachineOrigin, machineOrigin, MEMORY } from '../../core/state.js';
import type { State, Origin } from '../../core/types.js';
import { attribute } from '../../xml/parse.js';
import type { Flavour } from './types.js';
import { xliff12 } from './xliff12.js';

export const MEMOQ_NS = 'MQXliff';

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
      return { state: 'translated', origin: machineOrigin(undefined) };
    case 'Pretranslated':
      return { state: 'translated', origin: MEMORY };
    default:
      // NotStarted, Rejected and unknown values.
      return { state: 'initial' };
  }
}

function memoQStatus(state: State, origin: Origin): string {
  if (state === 'final') return 'Reviewer2Confirmed';
  if (state === 'reviewed') return 'Reviewer1Confirmed';
  if (state === 'initial') return 'NotStarted';
  if (isMachineOrigin(origin)) return 'MachineTranslated';
  return origin.by === 'memory' ? 'Pretranslated' : 'ManuallyConfirmed';
}

export const memoQ: Flavour = {
  name: 'memoq',
  statePerSegment: false,
  holds: (segment) => segment.major === 1 && attribute(segment.unit, 'status', MEMOQ_NS) !== undefined,
  read(segment) {
    const fromMemoQ = stateFromMemoQ(attribute(segment.unit, 'status', MEMOQ_NS)!);
    return { state: fromMemoQ.state, origin: fromMemoQ.origin ?? xliff12.read(segment).origin };
  },
  write(segment, target) {
    const name = segment.unit.attributes.find((attr) => attr.local === 'status' && attr.ns === MEMOQ_NS)!.name;
    const plain = xliff12.write(segment, target);
    return { ...plain, unit: { ...plain.unit, [name]: memoQStatus(target.state, target.origin) } };
  },
};
