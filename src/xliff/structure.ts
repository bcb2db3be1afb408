import type { XliffContent } from './model.js';
import { segmentLabel } from './model.js';
import type { SchemaProblem } from './schema.js';

/**
 * What XSD cannot check (notes/xliff.md §7): ids unique per file, a target
 * always with a source, and the same inline codes in source and target.
 */
export function checkStructure(content: XliffContent): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const segment of content.segments) {
    const label = segmentLabel(segment);
    const key = `${segment.file}\u0000${label}`;
    if (seen.has(key)) problems.push({ line: undefined, message: `id "${label}" occurs twice in <file original="${segment.file}">` });
    seen.add(key);
    if (!segment.target) continue;
    if (segment.source.text.length === 0 && segment.source.codes.length === 0) {
      problems.push({ line: undefined, message: `"${label}" has a target but no source` });
    }
    const ids = (codes: readonly { kind: string; id: string }[]) =>
      codes.filter((code) => code.kind !== 'mrk').map((code) => code.id).sort().join(' ');
    const source = ids(segment.source.codes);
    const target = ids(segment.target.codes);
    if (source !== target) {
      problems.push({ line: undefined, message: `"${label}": inline code ids differ: source [${source}], target [${target}]` });
    }
  }
  return problems;
}
