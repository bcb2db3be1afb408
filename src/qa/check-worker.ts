/**
 * A worker thread of `parallel.ts`: takes batches of the document from the
 * shared counter until none is left and answers each with its findings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerAnswer, WorkerInput } from './parallel.js';
import { pairChecker } from './run.js';

const input = workerData as WorkerInput;
// The names the translations keep come once this thread's parent has read them, while this one was loading.
parentPort!.once('message', (keptNames: string[]) => {
  let check: ReturnType<typeof pairChecker>;
  try {
    check = pairChecker(input.items, input.options, new Set(keptNames));
  } catch {
    // Without its checks this thread takes no batch; the others, the calling one at least, take them all.
    input.port.close();
    return;
  }
  const batches = Math.ceil(input.items.length / input.batch);
  for (let batch = Atomics.add(input.counters, 0, 1); batch < batches; batch = Atomics.add(input.counters, 0, 1)) {
    let answer: WorkerAnswer;
    try {
      answer = { batch, findings: check(batch * input.batch, Math.min(input.items.length, (batch + 1) * input.batch)) };
    } catch (error) {
      // Checks report their own errors as findings; anything else, the waiting thread checks this batch itself.
      answer = { batch, error: String(error) };
    }
    input.port.postMessage(answer);
    Atomics.add(input.counters, 1, 1);
    Atomics.notify(input.counters, 1);
  }
  input.port.close();
});
