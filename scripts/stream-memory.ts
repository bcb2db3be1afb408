/**
 * Helper for `npm run bench`: segments N MB of German text as a stream and prints
 * the peak heap in use (after GC), to show that memory does not grow with input.
 * Run with --expose-gc: `node --expose-gc dist/scripts/stream-memory.js 40`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../src/core/lang.js';
import type { DocId } from '../src/core/types.js';
import { segmentStream } from '../src/segment/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const megabytes = Number(process.argv[2] ?? 10);
const paragraphs = readFileSync(path.join(root, 'source/de/usa-russland-is.txt'), 'utf8').split('\n\n');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

async function* corpus(): AsyncGenerator<string> {
  let size = 0;
  for (let i = 0; size < megabytes * 1e6; i++) {
    const chunk = `${paragraphs[i % paragraphs.length]!.replace(/\d+/g, (n) => String(Number(n) + i))}\n\n`;
    size += chunk.length;
    yield chunk;
  }
}

let peak = 0;
let blocks = 0;
gc();
const baseline = process.memoryUsage().heapUsed;
for await (const item of segmentStream(corpus(), { docId: 'stream' as DocId, lang: 'de' as Lang })) {
  if (item.kind === 'block' && ++blocks % 5000 === 0) {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
  }
}
process.stdout.write(JSON.stringify({ megabytes, blocks, peakHeapBytes: peak }));
