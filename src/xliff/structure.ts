import type { XliffContent } from './model.js';
import type { SchemaProblem } from './schema.js';

/** What XSD cannot check: unit ids unique per file, and a target always with a source. */
export function checkStructure(content: XliffContent): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const unit of content.units) {
    const key = `${unit.file}\u0000${unit.id}`;
    if (seen.has(key)) problems.push({ line: undefined, message: `unit id "${unit.id}" occurs twice in <file original="${unit.file}">` });
    seen.add(key);
    if (unit.target && unit.source.length === 0) problems.push({ line: undefined, message: `unit "${unit.id}" has a target but no source text` });
  }
  return problems;
}
