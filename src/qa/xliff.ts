/**
 * QA straight from an XLIFF file a CAT tool wrote: its source and target
 * pairs as the file has them (empty targets that claim a translation
 * included), and its inline codes, which are that file's placeholders.
 */
import type { Lang } from '../core/lang.js';
import type { Severity, SegmentId } from '../core/types.js';
import type { Termbase } from '../termbase/index.js';
import { checkStructure, type XliffContent, type XliffText } from '../xliff/index.js';
import { checkPairs } from './run.js';
import { acceptedChecks } from '../core/acceptance.js';

export interface XliffFinding {
  /** The segment's key in the file (`XliffSegment.key`). */
  readonly key: string;
  readonly check: string;
  readonly severity: Severity;
  readonly message: string;
  readonly accepted?: true;
}

export function checkXliff(content: XliffContent, options: { sourceLang: Lang; lang: Lang; termbase?: Termbase }): XliffFinding[] {
  const items = content.segments.flatMap((segment) =>
    segment.translate && (segment.target || segment.emptyTarget)
      ? [
          {
            segmentId: segment.key as SegmentId,
            source: readerText(segment.source),
            target: segment.target ? readerText(segment.target) : '',
            accepted: acceptedChecks(segment.accepted, segment.target?.text ?? ''),
          },
        ]
      : [],
  );
  const findings: XliffFinding[] = checkPairs(items, options).map((finding) => ({
    key: finding.segmentId,
    check: finding.check,
    severity: finding.severity,
    message: finding.message,
    ...(finding.accepted ? { accepted: true as const } : {}),
  }));
  const byKey = new Map(content.segments.map((segment) => [segment.key, segment]));
  for (const problem of checkStructure(content)) {
    if (problem.about !== 'codes' || problem.key === undefined) continue;
    const segment = byKey.get(problem.key)!;
    const accepted = acceptedChecks(segment.accepted, segment.target?.text ?? '').includes('placeholders');
    findings.push({ key: problem.key, check: 'placeholders', severity: 'error', message: problem.message, ...(accepted ? { accepted: true as const } : {}) });
  }
  return findings;
}

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&#13;': '\r' };

/**
 * The text as a reader sees it: a standalone code (a line break, an image)
 * stands between the words around it (`Zeile<x/>zweite` is two words), as
 * U+FFFC OBJECT REPLACEMENT CHARACTER, which is no letter, digit or mark.
 */
function readerText(text: XliffText): string {
  if (!text.markup.includes('<x ')) return text.text;
  return text.markup
    .replace(/<x i="\d+"\/>/g, '\ufffc')
    .replace(/<\/?g(?: i="\d+")?>/g, '')
    .replace(/&(?:lt|gt|amp|#13);/g, (entity) => ENTITIES[entity]!);
}
