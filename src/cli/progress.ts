/**
 * One progress bar per run, on stderr, and what Ctrl-C leaves behind.
 *
 * A run loads every pair, then finishes each (translate, check, save, publish)
 * several at a time, so per-pair stage names interleave: showing them would
 * flip the label hundreds of times. The bar instead shows the run's phase,
 * the pair that moved last, and one count of finished pairs that only grows
 * (loading shows its own count in the phase). The rate and ETA are taken from
 * the finishing pace: loading a pair takes a fraction of finishing one.
 *
 * The bar is drawn only on a terminal: CI logs and pipes get no escape codes.
 */
import cliProgress from 'cli-progress';
import { Interruption } from '../core/interrupted.js';
import type { ProgressEvent } from '../pipeline.js';

/** The escape codes that undo what the bar turns off: the cursor (DECTCEM) and auto-wrap (DECAWM), xterm's ctlseqs. */
export const RESTORE_TERMINAL = '\x1b[?25h\x1b[?7h';

export interface Progress {
  readonly onProgress?: (event: ProgressEvent) => void;
  /**
   * Aborted on Ctrl-C, with an `Interruption` as its reason: the run stops, saves and records what it
   * finished, then throws `RunInterrupted` for `main.ts` to print (exit 130). A second Ctrl-C kills
   * the process as a shell would, the handler being gone by then.
   */
  readonly signal: AbortSignal;
  /** Ends the bar (if any), gives the terminal back and stops listening for Ctrl-C. */
  stop(): void;
}

interface Counts {
  /** Pairs the run loads (grows when a new memory entry makes a skipped pair worth loading). */
  pairs: number;
  loaded: number;
  finished: number;
  /** Pairs that got an engine's translations (those are saved as they arrive, even when interrupted). */
  translating: number;
}

export interface ProgressOptions {
  /** Draw the bar (not with --quiet or --json); a bar is drawn only on a terminal anyway. */
  readonly bar: boolean;
  /** What to type to resume, for the Ctrl-C message (`l10n run`). */
  readonly command: string;
  readonly stream?: NodeJS.WriteStream;
}

export function createRunProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const counts: Counts = { pairs: 0, loaded: 0, finished: 0, translating: 0 };
  const bar = options.bar && stream.isTTY ? new RunBar(stream) : undefined;
  const controller = new AbortController();
  const endBar = () => {
    bar?.stop();
    // cli-progress undoes its codes only in stop(); write them again in case a redraw was half done.
    if (bar?.started) stream.write(RESTORE_TERMINAL);
  };
  // No exit here (#24): the run finishes saving and recording, and main.ts says what was kept.
  const interrupted = () => {
    endBar();
    controller.abort(new Interruption(options.command));
  };
  process.once('SIGINT', interrupted);
  return {
    signal: controller.signal,
    onProgress(event) {
      if (controller.signal.aborted) return;
      if (event.stage === 'extract') {
        counts.loaded = event.done;
        counts.pairs = Math.max(counts.pairs, event.total, event.done);
      } else if (event.stage === 'translate') counts.translating = event.done;
      else if (event.stage === 'check') {
        counts.finished = event.done;
        counts.pairs = Math.max(counts.pairs, event.total);
      }
      bar?.update(event, counts);
    },
    stop() {
      process.removeListener('SIGINT', interrupted);
      if (!controller.signal.aborted) endBar();
    },
  };
}

const PHASES: Readonly<Record<ProgressEvent['stage'], string>> = { extract: 'loading', translate: 'translating', check: 'translating', merge: 'publishing' };

class RunBar {
  readonly #bar: cliProgress.SingleBar;
  /** When the first pair finished: loading is quick and finishing is not, so the pace is taken from then on. */
  #pacedFrom: { at: number; finished: number } | undefined;
  started = false;

  constructor(stream: NodeJS.WriteStream) {
    this.#bar = new cliProgress.SingleBar(
      {
        format: '{phase} [{bar}] {value}/{total} pairs done | {speed} | ETA {remaining} | {pair}',
        stream,
        hideCursor: true,
        clearOnComplete: true,
        // At most 5 redraws a second, whatever the number of events.
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  update(event: ProgressEvent, counts: Readonly<Counts>): void {
    const now = Date.now();
    if (!this.#pacedFrom && counts.finished > 0) this.#pacedFrom = { at: now, finished: counts.finished };
    const total = Math.max(1, counts.pairs);
    const payload = {
      phase: (counts.loaded < counts.pairs ? `${PHASES.extract} ${counts.loaded}/${counts.pairs}` : PHASES[event.stage]).padEnd(11),
      pair: event.pair ? `${event.pair.docId} → ${event.pair.lang}` : '',
      ...this.#pace(now, counts.finished, total),
    };
    if (!this.started) {
      this.started = true;
      this.#bar.start(total, counts.finished, payload);
    } else {
      this.#bar.setTotal(total);
      this.#bar.update(counts.finished, payload);
    }
  }

  stop(): void {
    if (this.started) this.#bar.stop();
  }

  /** Pairs per second since the first pair finished, and the time the rest take at that pace. */
  #pace(now: number, finished: number, total: number): { speed: string; remaining: string } {
    const from = this.#pacedFrom;
    const seconds = from ? (now - from.at) / 1000 : 0;
    if (!from || seconds < 1 || finished <= from.finished) return { speed: '– pairs/s', remaining: '…' };
    const rate = (finished - from.finished) / seconds;
    return { speed: `${rate.toFixed(1)} pairs/s`, remaining: formatDuration(((total - finished) / rate) * 1000) };
  }
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
