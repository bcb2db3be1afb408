import { baseLanguage, type Lang } from '../core/lang.js';
import type { Termbase } from '../termbase/index.js';
import type { Doc, Finding, SegmentId, Target } from '../core/types.js';
import type { Check, SegmentPair } from './check.js';
import { acceptedChecks } from '../core/acceptance.js';
import { segmentsOf } from '../core/doc.js';
import { sourceReading, targetReading } from '../core/reading.js';
import { checks as allChecks } from './checks/index.js';
import { localeRules } from './locales/rules.js';
import { namesKeptInDocument, namesToRemember } from './locales/names.js';
import { checkInParallel } from './parallel.js';

export interface CheckOptions {
  readonly sourceLang: Lang;
  readonly lang: Lang;
  readonly checks?: readonly Check[];
  readonly termbase?: Termbase;
  /**
   * Threads that check an input of at least 5,000 pairs, this one included: by
   * default the machine's cores that other work leaves free (at most 4); 1
   * checks in this thread only.
   */
  readonly threads?: number;
}

/** A translated sentence to check: from a Doc and its targets, or straight from an XLIFF file. */
export interface CheckItem {
  readonly segmentId: SegmentId;
  readonly source: string;
  readonly target: string;
  /** Checks whose findings a reviewer accepted for this target. */
  readonly accepted?: readonly string[];
}

/**
 * Runs every check over every pair. A check that throws is reported as an error
 * naming it, and the others go on. A large input is checked in batches on
 * several threads (`parallel.ts`), with the same findings in the same order.
 */
export function checkPairs(input: Iterable<CheckItem>, options: CheckOptions): Finding[] {
  const items = [...input];
  const prepare = () => {
    const keptNames = namesKept(items, options);
    return { keptNames, check: pairChecker(items, options, keptNames) };
  };
  // Workers run the registered checks; checks handed in as options are functions no other thread can be given.
  const parallel = options.checks === undefined || options.checks === allChecks ? checkInParallel(items, options, prepare) : undefined;
  return parallel ?? prepare().check(0, items.length);
}

/** Capitalised words are names or nouns in German, whose nouns are translated: only there do kept ones tell names. */
export function namesKept(items: readonly CheckItem[], options: CheckOptions): ReadonlySet<string> {
  return baseLanguage(localeRules(options.sourceLang, options.sourceLang).textLang) === 'de' ? namesKeptInDocument(items) : new Set<string>();
}

/**
 * Checks `items[from, to)` of one document and returns their findings in
 * order. The names of the items before `from` are read on the way (in order,
 * so the set of earlier names is the one a single pass builds), so a thread
 * can take any batch; batches taken in rising order read each item once.
 */
export function pairChecker(items: readonly CheckItem[], options: CheckOptions, keptNames: ReadonlySet<string>): (from: number, to: number) => Finding[] {
  const sourceRules = localeRules(options.sourceLang, options.sourceLang);
  const targetRules = localeRules(options.lang, options.sourceLang);
  const checks = options.checks ?? allChecks;
  const document = { units: items };
  let earlierNames = new Set<string>();
  let seen = 0;
  const remember = (item: CheckItem) => {
    for (const name of namesToRemember(item.source)) earlierNames.add(name);
  };
  return (from, to) => {
    if (from < seen) [earlierNames, seen] = [new Set<string>(), 0];
    for (; seen < from; seen++) remember(items[seen]!);
    const findings: Finding[] = [];
    for (let index = from; index < to; index++) {
      const item = items[index]!;
      const pair: SegmentPair = {
        segmentId: item.segmentId,
        source: item.source,
        target: item.target,
        sourceRules,
        targetRules,
        lang: options.lang,
        earlierNames,
        keptNames,
        document: { units: document.units, index },
        ...(options.termbase ? { termbase: options.termbase } : {}),
      };
      for (const check of checks) {
        const results = runCheck(check, pair);
        if (results.length === 0) continue;
        const accepted = item.accepted?.includes(check.id) ? { accepted: true as const } : {};
        for (const result of results) findings.push({ check: check.id, segmentId: item.segmentId, lang: options.lang, ...result, ...accepted });
        if (check.id === 'empty') break;
      }
      remember(item);
      seen = index + 1;
    }
    return findings;
  };
}

/** Checks every translated segment of a document. */
export function checkDoc(doc: Doc, targets: ReadonlyMap<SegmentId, Target>, options: CheckOptions): Finding[] {
  const items: CheckItem[] = [];
  for (const segment of segmentsOf(doc)) {
    const target = targets.get(segment.id);
    if (!target) continue;
    // The one reading of a unit's text (#26): codes as placeholders, as `check FILE` and `accept` read it.
    const reading = targetReading(target.text, segment);
    items.push({ segmentId: segment.id, source: sourceReading(segment), target: reading, accepted: acceptedChecks(target.accepted, reading, target.text) });
  }
  return checkPairs(items, options);
}

function runCheck(check: Check, pair: SegmentPair) {
  try {
    return check.run(pair);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!.slice(0, 200);
    return [{ severity: 'error' as const, message: `internal error in check "${check.id}": ${reason}` }];
  }
}
