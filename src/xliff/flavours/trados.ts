/**
 * Trados Studio (SDLXLIFF): a state per segment in `sdl:seg-defs/sdl:seg`,
 * `conf` and `origin`. Draft and the rejected states are work in progress;
 * ApprovedTranslation is a review, ApprovedSignOff the final sign-off.
 */
import { HUMAN, isMachineOrigin, machineOrigin, MEMORY } from '../../core/state.js';
import type { Origin, State } from '../../core/types.js';
import { attribute, descendantsNamed, type XmlElement } from '../../xml/parse.js';
import type { MappedSegment } from '../units.js';
import type { Flavour } from './types.js';

export const SDL_NS = 'http://sdl.com/FileTypes/SdlXliff/1.0';

function segDef(segment: MappedSegment): XmlElement | undefined {
  if (segment.segment === undefined) return undefined;
  return descendantsNamed(segment.unit, 'seg', SDL_NS).find((seg) => attribute(seg, 'id') === segment.segment);
}

export function stateFromTrados(conf: string | undefined, origin: string | undefined): { state: State; origin: Origin } {
  const from: Origin = origin === 'mt' || origin === 'nmt' ? machineOrigin(undefined) : origin === 'tm' || origin === 'document-match' || origin === 'auto-propagated' ? MEMORY : HUMAN;
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

export const trados: Flavour = {
  name: 'trados',
  statePerSegment: true,
  holds: (segment) => segDef(segment) !== undefined,
  read(segment) {
    const seg = segDef(segment)!;
    return stateFromTrados(attribute(seg, 'conf'), attribute(seg, 'origin'));
  },
  write(segment, target) {
    const machine = isMachineOrigin(target.origin);
    const conf = { initial: 'Draft', translated: machine ? 'Draft' : 'Translated', reviewed: 'ApprovedTranslation', final: 'ApprovedSignOff' }[target.state];
    const origin = machine ? 'mt' : target.origin.by === 'memory' ? 'tm' : 'interactive';
    return { elsewhere: [{ element: segDef(segment)!, changes: { conf, origin } }] };
  },
};
