/** The worker of `guard.ts`: finds breaks by the user's rules, one block per message. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileRules, findBreaks } from './engine.js';
import type { LanguageRules } from './rules/types.js';

const { rules, control: buffer } = workerData as { rules: LanguageRules; control: SharedArrayBuffer };
const control = new Int32Array(buffer);
const compiled = compileRules(rules);
Atomics.store(control, 2, 1);
Atomics.notify(control, 2);

parentPort!.on('message', ({ text, result }: { text: string; result: SharedArrayBuffer }) => {
  const breaks = findBreaks(text, compiled, (rule) => Atomics.store(control, 1, rule));
  const out = new Int32Array(result);
  out[0] = breaks.length;
  out.set(breaks, 1);
  Atomics.store(control, 0, 1);
  Atomics.notify(control, 0);
});
