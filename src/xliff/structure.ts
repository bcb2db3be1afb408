import type { XliffContent } from './model.js';
import { segmentLabel } from './model.js';
import { codeSpanProblems } from './code-spans.js';

/** A problem XSD cannot see. Errors make a file invalid; warnings are about its translations. */
export interface StructureProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The segment it is about (`segmentLabel`, and its `key`), when it is about one. */
  readonly unit?: string;
  readonly key?: string;
  /** What a warning is about: inline codes lost or added, or a target emptied. */
  readonly about?: 'codes' | 'empty';
}

/**
 * What XSD cannot check (XLIFF 1.2 §2.5.2 `id`; XLIFF 2.0 §4.3.1.10): unit ids unique per `<file>`, a
 * target always with a source (errors), and the same inline codes in source and
 * target, of the same kind and around the same words (`codeSpanProblems`), and a
 * target emptied under a state that says translated (warnings: a translation
 * that lost a code or its text is a QA finding, not a broken file).
 */
export function checkStructure(content: XliffContent): StructureProblem[] {
  // XLIFF 1.0 (no namespace) asked for no unique ids, and Passolo repeats them per group.
  const repeats = new Map<string, number>();
  if (content.namespace !== '') for (const id of content.duplicateIds) repeats.set(id, (repeats.get(id) ?? 1) + 1);
  const problems: StructureProblem[] = [...repeats].map(([id, times]) => ({
    severity: 'error' as const,
    message: `unit id "${id.slice(id.indexOf(': ') + 2)}" occurs ${times} times in <file original="${id.slice(0, id.indexOf(': '))}">`,
  }));
  for (const segment of content.segments) {
    if (segment.emptyTarget) {
      const unit = segmentLabel(segment);
      problems.push({ severity: 'warning', unit, key: segment.key, about: 'empty', message: `the target is empty, but its state says ${segment.emptyTarget.state}` });
    }
    if (!segment.target) continue;
    const unit = segmentLabel(segment);
    if (segment.source.text.length === 0 && segment.source.codes.length === 0) {
      problems.push({ severity: 'error', unit, key: segment.key, message: `"${unit}" has a target but no source` });
    }
    const ids = (codes: readonly { kind: string; id: string }[]) =>
      codes.filter((code) => code.kind !== 'mrk').map((code) => code.id).sort().join(' ');
    const source = ids(segment.source.codes);
    const target = ids(segment.target.codes);
    if (source !== target) problems.push({ severity: 'warning', unit, key: segment.key, about: 'codes', message: `inline code ids differ: source [${source}], target [${target}]` });
    else for (const message of codeSpanProblems(segment.source, segment.target)) problems.push({ severity: 'warning', unit, key: segment.key, about: 'codes', message });
  }
  return problems;
}
