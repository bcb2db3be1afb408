/**
 * The package's root folder, for data files shipped beside the code (XLIFF
 * schemas, segmentation rules). Works from `src/` (tests) and `dist/src/` (the CLI).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PACKAGE_ROOT = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');
