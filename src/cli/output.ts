/** Terminal output helpers: plain tables, and the progress of a run (`progress.ts`). */
import { createRunProgress, type Progress } from './progress.js';

/** Columns padded to their widest cell; the first row is the header. */
export function formatTable(rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((row) => row.map(String));
  // A reduce, not Math.max(...rows): `l10n check` can print 150,000 findings, too many arguments for the stack.
  const widths = cells[0]!.map((_, column) => cells.reduce((widest, row) => Math.max(widest, [...(row[column] ?? '')].length), 0));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/**
 * The progress of a pipeline command: one bar on a terminal (none with --quiet,
 * --json or in CI), and on Ctrl-C a restored terminal and how to resume.
 */
export function createProgress(enabled: boolean, command = 'l10n run'): Progress {
  return createRunProgress({ bar: enabled, command });
}
