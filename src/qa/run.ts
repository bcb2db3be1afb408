import { baseLanguage, type Lang } from '../core/lang.js';
import type { Termbase } from '../termbase/index.js';
import type { Doc, Finding, SegmentId, Target } from '../core/types.js';
import type { Check, SegmentPair } from './check.js';
import { acceptedChecks } from '../core/acceptance.js';
import { segmentsOf } from '../core/doc.js';
import { checks as allChecks } from './checks/index.js';
import { localeRules } from './locales/rules.js';
import { namesKeptInDocument, namesToRemember } from './locales/names.js';

export interface CheckOptions {
  readonly sourceLang: Lang;
  readonly lang: Lang;
  readonly checks?: readonly Check[];
  readonly termbase?: Termbase;
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
 * naming it, and the others go on.
 */
export function checkPairs(input: Iterable<CheckItem>, options: CheckOptions): Finding[] {
  const items = [...input];
  const sourceRules = localeRules(options.sourceLang, options.sourceLang);
  const targetRules = localeRules(options.lang, options.sourceLang);
  const checks = options.checks ?? allChecks;
  const findings: Finding[] = [];
  const earlierNames = new Set<string>();
  // Capitalised words are names or nouns in German, whose nouns are translated: only there do kept ones tell names.
  const keptNames = baseLanguage(sourceRules.textLang) === 'de' ? namesKeptInDocument(items) : new Set<string>();
  for (const [index, item] of items.entries()) {
    const pair: SegmentPair = {
      segmentId: item.segmentId,
      source: item.source,
      target: item.target,
      sourceRules,
      targetRules,
      lang: options.lang,
      earlierNames,
      keptNames,
      document: { units: items, index },
      ...(options.termbase ? { termbase: options.termbase } : {}),
    };
    for (const check of checks) {
      const results = runCheck(check, pair);
      if (results.length === 0) continue;
      const accepted = item.accepted?.includes(check.id) ? { accepted: true as const } : {};
      findings.push(...results.map((result) => ({ check: check.id, segmentId: item.segmentId, lang: options.lang, ...result, ...accepted })));
      if (check.id === 'empty' && results.length > 0) break;
    }
    for (const name of namesToRemember(item.source)) earlierNames.add(name);
  }
  return findings;
}

/** Checks every translated segment of a document. */
export function checkDoc(doc: Doc, targets: ReadonlyMap<SegmentId, Target>, options: CheckOptions): Finding[] {
  const items: CheckItem[] = [];
  for (const segment of segmentsOf(doc)) {
    const target = targets.get(segment.id);
    if (target) items.push({ segmentId: segment.id, source: segment.text, target: target.text, accepted: acceptedChecks(target.accepted, target.text) });
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
