/**
 * Ctrl-C in a run (#24): the run is asked to stop, not killed. The terminal's
 * handler aborts with an `Interruption` (what to type to resume); the run
 * stops sending, lets the pairs in hand save what they received, writes the
 * record of the pairs that finished (so the next run skips them) and then
 * throws `RunInterrupted`, which only `cli/main.ts` prints, with exit code 130
 * as a shell reports a SIGINT.
 */
import { L10nError } from './errors.js';

/** The reason a run's signal is aborted with: the user interrupted it. */
export class Interruption {
  /** What to type to resume (`l10n run`). */
  readonly command: string;
  constructor(command: string) {
    this.command = command;
  }
}

export interface InterruptedCounts {
  /** Document-locale pairs the run was to finish, and those it finished and recorded. */
  readonly pairs: number;
  readonly finished: number;
  /** What to type to resume. */
  readonly command: string;
}

/** A run stopped by the user, after saving what it had. */
export class RunInterrupted extends L10nError {
  readonly pairs: number;
  readonly finished: number;
  constructor(counts: InterruptedCounts) {
    super(interruptMessage(counts), { code: 'INTERRUPTED' });
    this.pairs = counts.pairs;
    this.finished = counts.finished;
  }
}

/** What Ctrl-C kept and how to go on: every finished pair is saved and recorded, and so is every translation received. */
export function interruptMessage(counts: InterruptedCounts): string {
  const kept =
    counts.pairs === 0
      ? 'nothing was written yet'
      : `${counts.finished} of ${counts.pairs} document-locale pair(s) finished and saved (XLIFF, published files)` +
        (counts.finished < counts.pairs ? `; translations already received for the others are saved in their XLIFF` : '');
  return `interrupted. Kept: ${kept}.\nTo resume, run \`${counts.command}\` again: it goes on from what was saved, skips the pairs that finished, and sends no sentence already translated again.`;
}

/** The command to resume an interrupted run with, from its signal's reason. */
export function resumeCommand(signal: AbortSignal): string {
  return signal.reason instanceof Interruption ? signal.reason.command : 'l10n run';
}
