/** Terminal output helpers: plain tables and a progress bar that stays quiet when it should. */
import cliProgress from 'cli-progress';
import type { ProgressEvent } from '../pipeline.js';

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
 * A progress bar per stage on stderr, for long runs. Quiet when stderr is not a
 * terminal (CI, pipes) or with --quiet, so logs and JSON output stay clean.
 */
export function createProgress(enabled: boolean): { onProgress?: (event: ProgressEvent) => void; stop(): void } {
  if (!enabled || !process.stderr.isTTY) return { stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: '{stage} [{bar}] {value}/{total}', stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let stage = '';
  return {
    onProgress(event) {
      if (event.stage !== stage) {
        if (stage) bar.stop();
        stage = event.stage;
        bar.start(event.total, 0, { stage: stage.padEnd(9) });
      }
      bar.update(event.done, { stage: stage.padEnd(9) });
    },
    stop() {
      if (stage) bar.stop();
    },
  };
}
