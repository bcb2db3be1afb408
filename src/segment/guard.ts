/**
 * User SRX rules under a time budget. A JavaScript regular expression cannot be
 * interrupted, and one pattern such as `(a+)+$` backtracks for hours on 41
 * characters; so the rules of a user's SRX file run in a worker thread, and the
 * caller waits for each block's breaks at most `budgetFor(block)` milliseconds.
 * Past that, the worker is stopped and the error names the rule, the block and
 * the file. The wait is synchronous (Atomics.wait), so segmenting stays a plain
 * function.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import type { LanguageRules } from './rules/types.js';

/** What a block may take: far more than a sane rule set needs (ours take ~10 ns per character). */
function budgetFor(text: string): number {
  return 250 + text.length / 100;
}

/** Control words shared with the worker: block done, the rule running now, worker ready. */
const DONE = 0;
const RULE = 1;
const READY = 2;
/** Starting the worker is not the rules' time: it gets its own, generous wait. */
const START_MS = 10_000;

/** Breaks by the user's rules, each block under its budget. The worker is started on first use. */
export function guardedBreaks(rules: LanguageRules & { readonly file: string }): (text: string, block: string) => number[] {
  let worker: Worker | undefined;
  const control = new Int32Array(new SharedArrayBuffer(12));
  return (text, block) => {
    worker ??= start(rules, control);
    const result = new Int32Array(new SharedArrayBuffer(4 * (text.length + 1)));
    Atomics.store(control, DONE, 0);
    worker.postMessage({ text, result: result.buffer });
    if (Atomics.wait(control, DONE, 0, budgetFor(text)) === 'timed-out') {
      void worker.terminate();
      worker = undefined;
      const rule = rules.rules[Atomics.load(control, RULE)];
      throw new InputError(
        `a segmentation rule took more than ${(budgetFor(text) / 1000).toFixed(1)} s on ${block} (its pattern backtracks without end; nested quantifiers such as (a+)+ do)`,
        { file: rules.file, ...(rule?.line !== undefined ? { line: rule.line } : {}) },
      );
    }
    return Array.from(result.subarray(1, 1 + result[0]!));
  };
}

function start(rules: LanguageRules, control: Int32Array): Worker {
  // The worker is compiled JavaScript; tests that run the TypeScript sources use the built one.
  const worker = new Worker(path.join(PACKAGE_ROOT, 'dist/src/segment/guard-worker.js'), {
    workerData: { rules: { lang: rules.lang, rules: rules.rules }, control: control.buffer },
  });
  worker.unref();
  if (Atomics.wait(control, READY, 0, START_MS) === 'timed-out') throw new Error('the segmentation worker did not start');
  return worker;
}
