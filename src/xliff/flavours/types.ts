import type { Origin, State } from '../../core/types.js';
import type { XmlElement } from '../../xml/parse.js';
import type { MappedSegment } from '../units.js';

/** Attribute changes for one start tag: qualified name → new value, or undefined to remove it. */
export type AttributeChanges = Readonly<Record<string, string | undefined>>;

/** Where a flavour keeps a segment's state, as changes to make when its target is written. */
export interface StateWrite {
  /** On the `<trans-unit>` / `<unit>`. */
  readonly unit?: AttributeChanges;
  /** On the `<target>` (1.x), existing or about to be written. */
  readonly target?: AttributeChanges;
  /** On the XLIFF 2 `<segment>`. */
  readonly segment?: AttributeChanges;
  /** On elements elsewhere (Trados keeps its states in `sdl:seg-defs`). */
  readonly elsewhere?: readonly { readonly element: XmlElement; readonly changes: AttributeChanges }[];
}

export interface StateOfTarget {
  readonly state: State;
  readonly origin: Origin;
}

/**
 * One producer's way of keeping translation state: how to tell its segments,
 * what its states mean on our scale, and how to write ours back in its terms.
 * Reading and in-place updating both use these tables, so they cannot drift apart.
 */
export interface Flavour {
  readonly name: string;
  /**
   * Whether it keeps a state for each segment of a segmented 1.x unit (Trados);
   * otherwise the unit's one target state covers all its segments.
   */
  readonly statePerSegment: boolean;
  /** Whether this flavour holds the state of `segment` (checked in registry order). */
  holds(segment: MappedSegment): boolean;
  read(segment: MappedSegment): StateOfTarget;
  write(segment: MappedSegment, target: StateOfTarget): StateWrite;
}
