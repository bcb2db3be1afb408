/**
 * The producers whose state vocabularies we read and write, most specific
 * first. Adding one is a file here and a line in this list.
 */
import type { MappedSegment } from '../units.js';
import { memoQ } from './memoq.js';
import { trados } from './trados.js';
import type { Flavour } from './types.js';
import { xliff12 } from './xliff12.js';
import { xliff2 } from './xliff2.js';

export const FLAVOURS: readonly Flavour[] = [trados, memoQ, xliff2, xliff12];

export function flavourOf(segment: MappedSegment): Flavour {
  return FLAVOURS.find((flavour) => flavour.holds(segment))!;
}

export type { AttributeChanges, Flavour, StateOfTarget, StateWrite } from './types.js';
export { stateToXliff12 } from './xliff12.js';
