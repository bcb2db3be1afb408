/**
 * Stage 2, extract (and reading back). Takes: Doc + Target map. Sends: XLIFF 1.2
 * (default) or 2.0 text; reads XLIFF 1.x/2.x back into units.
 */
export { writeXliff12 } from './write-12.js';
export { writeXliff20 } from './write-20.js';
export { mapXliffText, readXliff, readXliffMapped, type MappedXliff } from './read.js';
export { targetsFromXliff, type ExistingTargets } from './targets.js';
export { segmentLabel } from './model.js';
export type { InlineCode, XliffContent, XliffExport, XliffSegment, XliffTarget, XliffText, XliffVersion } from './model.js';

import type { XliffExport, XliffVersion } from './model.js';
import { writeXliff12 } from './write-12.js';
import { writeXliff20 } from './write-20.js';

export function writeXliff(input: XliffExport, version: XliffVersion): string {
  return version === '2.0' ? writeXliff20(input) : writeXliff12(input);
}
// Schema validation (schema.ts) loads libxml2 as WebAssembly: import it from './schema.js' where needed.
export type { SchemaName, SchemaProblem } from './schema.js';
export { checkStructure } from './structure.js';
export { prepareUpdate, updateXliffInPlace, type TargetUpdate, type UpdateResult } from './update.js';
