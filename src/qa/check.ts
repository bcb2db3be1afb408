import type { Lang } from '../core/lang.js';
import type { Severity, SegmentId } from '../core/types.js';
import type { Termbase } from '../termbase/index.js';
import type { LocaleRules } from './locales/rules.js';

/** One source sentence and its translation, with the locale knowledge for both sides. */
export interface SegmentPair {
  readonly segmentId: SegmentId;
  readonly source: string;
  readonly target: string;
  readonly sourceRules: LocaleRules;
  readonly targetRules: LocaleRules;
  readonly lang: Lang;
  /** Names and their form per locale, when the project has a termbase. */
  readonly termbase?: Termbase;
  /** People named after a role earlier in the same document, and their surnames: later mentions are checked too. */
  readonly earlierNames?: ReadonlySet<string>;
  /** Words the document's translations keep as the source writes them: names, checked for misspellings. */
  readonly keptNames?: ReadonlySet<string>;
  /** The document's pairs in order and this pair's place among them: quotations run over several sentences. */
  readonly document?: { readonly units: readonly { readonly source: string; readonly target: string }[]; readonly index: number };
}

export interface CheckResult {
  readonly severity: Severity;
  readonly message: string;
}

/** A QA check: one file each under `checks/`, registered in `checks/index.ts`. */
export interface Check {
  /** What users type after --check, and what reports show: `quotes`, `numbers`, … */
  readonly id: string;
  /** One line, shown in reports. */
  readonly title: string;
  run(pair: SegmentPair): CheckResult[];
}

/** Identity helper that gives type inference for check definitions. */
export function defineCheck(check: Check): Check {
  return check;
}
