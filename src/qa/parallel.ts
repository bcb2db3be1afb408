/**
 * A large input checked on several threads. The document is cut into batches
 * of consecutive pairs; this thread and worker threads (`check-worker.ts`) take
 * the next batch from a shared counter until none is left, so a slow batch on
 * one thread never leaves another idle. Findings come back per batch and are
 * joined in the batches' order: the same list, in the same order, as one
 * thread gives.
 *
 * `checkPairs` stays synchronous: this thread waits on a shared counter
 * (`Atomics.wait`) and takes the workers' answers with `receiveMessageOnPort`,
 * which needs no turn of the event loop
 * (https://nodejs.org/api/worker_threads.html#workerreceivemessageonportport).
 *
 * Every worker reads the whole document, as one thread does: a quotation may
 * run over several sentences and a dateline dates every sentence after it, so
 * a batch is checked against the same document, never a piece of it.
 */
import { availableParallelism, loadavg } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Finding } from '../core/types.js';
import type { CheckItem, CheckOptions } from './run.js';

/**
 * Below this many pairs one thread is faster: a worker takes about a second to
 * load the checks and their locale data, about what 2,000 pairs take to check.
 */
export const PARALLEL_FROM = 5_000;
/** Pairs per batch: small enough to share the end of the work, large enough that messages cost nothing. */
const BATCH = 250;
/** Each thread holds the document and the checks' locale data: more than a few add memory, not speed. */
const MAX_THREADS = 4;
/**
 * A worker's young generation (V8's semi-spaces, three of them): the checks
 * make many short-lived strings and arrays, and at 64 MB a semi-space (Node's
 * default is 16) they are collected about a third less often, for about a
 * tenth less time in all (measured on `npm run bench -- check`).
 */
const YOUNG_MB = 192;
/**
 * A batch of 250 pairs takes well under a second: with no answer for this
 * long, a worker is taken to be gone and this thread checks what is missing.
 */
const STALLED_MS = 30_000;

/**
 * The worker's script, next to this module once compiled. Under a runner that
 * loads the TypeScript sources (vitest) there is none: one thread checks.
 */
const WORKER = import.meta.url.endsWith('.js') ? new URL('./check-worker.js', import.meta.url) : undefined;

/**
 * Cores a thread would have to itself: the machine's, less what other work
 * has kept busy over the last minute (this process counts one). On a busy
 * machine a worker gets no core of its own and its start and its share of the
 * work that every thread repeats (the document's quotations) only add time.
 */
function freeCores(): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Math.floor(cores + 1 - loadavg()[0]!)));
}

/** What a worker is given: the document, the options it can carry, and where to answer; then, in a message, the names kept. */
export interface WorkerInput {
  readonly items: readonly CheckItem[];
  readonly options: Pick<CheckOptions, 'sourceLang' | 'lang' | 'termbase'>;
  /** [0]: the next batch to take; [1]: batches answered (this thread waits on it). */
  readonly counters: Int32Array;
  readonly port: MessagePort;
  readonly batch: number;
}

/** A worker's answer for one batch: its findings, or why it could not check it (this thread then does). */
export type WorkerAnswer = { readonly batch: number; readonly findings: Finding[] } | { readonly batch: number; readonly error: string };

/**
 * The findings of `items` checked in batches here and by worker threads, or
 * `undefined` when the input is smaller than `minimum` pairs or there is one
 * core: the caller then checks it in one pass. `prepare` reads what the checks
 * need of the whole document (names the translations keep) and returns the
 * checker of a batch; it runs while the workers start.
 */
export function checkInParallel(
  items: readonly CheckItem[],
  options: CheckOptions,
  prepare: () => { readonly keptNames: ReadonlySet<string>; readonly check: (from: number, to: number) => Finding[] },
  minimum = PARALLEL_FROM,
): Finding[] | undefined {
  const threads = Math.min(options.threads ?? freeCores(), MAX_THREADS);
  if (threads < 2 || items.length < minimum || WORKER === undefined) return undefined;
  const batches = Math.ceil(items.length / BATCH);
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const carried = { sourceLang: options.sourceLang, lang: options.lang, ...(options.termbase ? { termbase: options.termbase } : {}) };
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let n = 1; n < threads; n++) {
    const { port1, port2 } = new MessageChannel();
    const workerData: WorkerInput = { items, options: carried, counters, port: port2, batch: BATCH };
    const worker = new Worker(WORKER, { workerData, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
    // A worker that cannot start takes no batch: this thread checks them all. It must not keep the process alive.
    worker.on('error', () => {});
    worker.unref();
    workers.push(worker);
    ports.push(port1);
  }
  const { keptNames, check } = prepare();
  // Delivered to the worker's own event loop: this thread need not turn its loop for it.
  for (const worker of workers) worker.postMessage([...keptNames]);
  const results: Finding[][] = new Array<Finding[]>(batches);
  const range = (batch: number): [number, number] => [batch * BATCH, Math.min(items.length, (batch + 1) * BATCH)];
  let answered = 0;
  for (let batch = Atomics.add(counters, 0, 1); batch < batches; batch = Atomics.add(counters, 0, 1)) {
    results[batch] = check(...range(batch));
    answered++;
  }
  let lastAnswer = Date.now();
  while (answered < batches) {
    const seen = Atomics.load(counters, 1);
    let got = false;
    for (const port of ports) {
      for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
        const answer = received.message as WorkerAnswer;
        if (results[answer.batch] !== undefined) continue;
        results[answer.batch] = 'findings' in answer ? answer.findings : check(...range(answer.batch));
        answered++;
        got = true;
      }
    }
    if (got) lastAnswer = Date.now();
    else if (Date.now() - lastAnswer > STALLED_MS) {
      // A worker that died holding a batch (out of memory) never answers, and this thread, blocked here,
      // cannot hear its exit event: the batches still missing are checked here. The answer is the same.
      for (let batch = 0; batch < batches; batch++) if (results[batch] === undefined) results[batch] = check(...range(batch));
      break;
    }
    // Woken when a worker answers; the timeout only bounds a missed wake-up.
    else Atomics.wait(counters, 1, seen, 1000);
  }
  for (const port of ports) port.close();
  return results.flat();
}
