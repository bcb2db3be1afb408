import { mkdtemp, readFile, rm, writeFile, appendFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { DocId } from '../../src/core/types.js';
import { plainText } from '../../src/formats/plain-text.js';
import { MachineCache, type TranslationEngine } from '../../src/mt/index.js';
import { segmentText } from '../../src/segment/index.js';
import { translate } from '../../src/stages/translate.js';
import type { Job } from '../../src/stages/job.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'l10n-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** An engine that answers at once, with batches of 50 as DeepL's, and caches (it has an identity). */
function engine(): TranslationEngine & { requests: number } {
  const self = {
    name: 'test',
    requests: 0,
    limits: { textsPerRequest: 50, bytesPerRequest: 100_000, concurrency: 2 },
    billed: (texts: readonly string[]) => texts.join('').length,
    identity: () => 'test-engine',
    unsupported: () => undefined,
    async translate(texts: readonly string[], _request: unknown) {
      self.requests++;
      return { texts: texts.map((text) => `EN ${text}`), billed: 0 };
    },
  };
  return self;
}

function jobOf(sentences: number): Job {
  const text = Array.from({ length: sentences }, (_, i) => `Satz Nummer ${i} steht hier.`).join('\n\n');
  const doc = segmentText(text, { docId: 'doc' as DocId, lang: 'de' as Lang });
  return { source: { format: plainText, parsed: { doc, skeleton: null } } as unknown as Job['source'], lang: 'en' as Lang, targets: new Map(), stale: [] };
}

describe('#26 a run with an engine grows linearly with the file', () => {
  it('saves a job of 2,000 sentences (40 batches) a few times, not after every batch', async () => {
    const saves: number[] = [];
    const file = path.join(dir, 'mt', 'en.json');
    const cache = await MachineCache.open(file);
    const { job } = await translate(jobOf(2000), 'de' as Lang, {
      engine: engine(),
      cache,
      limit: pLimit(2),
      stop: new AbortController(),
      commit: async (current) => void saves.push(current.targets.size),
    });
    expect(job.targets.size).toBe(2000);
    expect(saves.length).toBeLessThanOrEqual(9);
    expect(saves[0]).toBe(50);
    // Every answer is on disk (the journal) before the job ends, without the cache file being written.
    const reopened = await MachineCache.open(file);
    await expect(stat(file)).rejects.toThrow();
    const second = engine();
    await translate(jobOf(2000), 'de' as Lang, { engine: second, cache: reopened, limit: pLimit(2), stop: new AbortController(), commit: async () => {} });
    expect(second.requests).toBe(0);
  });

  it('saves only sentences up to the first one not yet answered, so a resumed run sends the same batches', async () => {
    const slow = engine();
    const original = slow.translate;
    // The first batch answers last.
    slow.translate = async (texts, request) => {
      if (texts[0]!.startsWith('Satz Nummer 0 ')) await new Promise((resolve) => setTimeout(resolve, 50));
      return original(texts, request);
    };
    const saved: Job[] = [];
    await translate(jobOf(400), 'de' as Lang, {
      engine: slow,
      cache: await MachineCache.open(path.join(dir, 'mt', 'en.json')),
      limit: pLimit(2),
      stop: new AbortController(),
      commit: async (current) => void saved.push(current),
    });
    for (const job of saved) {
      const ids = [...job.source.parsed.doc.body].flatMap((block) => (block.kind === 'block' ? block.parts.filter((p) => p.kind === 'segment').map((p) => p.id) : []));
      const present = ids.map((id) => job.targets.has(id));
      expect(present.indexOf(false) === -1 || !present.slice(present.indexOf(false)).includes(true)).toBe(true);
    }
  });


  it('saves everything received when a request fails, so a stopped run keeps what it was sent', async () => {
    const failing = engine();
    const original = failing.translate;
    let calls = 0;
    failing.translate = async (texts, request) => {
      if (++calls === 3) throw new Error('quota');
      return original(texts, request);
    };
    const saves: number[] = [];
    await expect(
      translate(jobOf(2000), 'de' as Lang, {
        engine: failing,
        cache: await MachineCache.open(path.join(dir, 'mt', 'en.json')),
        limit: pLimit(1),
        stop: new AbortController(),
        commit: async (current) => void saves.push(current.targets.size),
      }),
    ).rejects.toThrow('quota');
    // The first batch was saved as it came; the second only when the third failed.
    expect(saves).toEqual([50, 100]);
  });
});

describe('the MT cache journal', () => {
  it('keeps what a killed run appended, skips a line cut short, and folds the journal into the file', async () => {
    const file = path.join(dir, 'mt', 'fr.json');
    const cache = await MachineCache.open(file);
    cache.set('a', 'A');
    cache.set('b', 'B');
    await cache.flush();
    await appendFile(`${file}.journal`, '["c", "C');
    const reopened = await MachineCache.open(file);
    expect([reopened.get('a'), reopened.get('b'), reopened.get('c')]).toEqual(['A', 'B', undefined]);
    await reopened.compact();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ a: 'A', b: 'B' });
    await expect(stat(`${file}.journal`)).rejects.toThrow();
  });

  it('reads a cache file written before the journal existed', async () => {
    const file = path.join(dir, 'fr.json');
    await writeFile(file, JSON.stringify({ k: 'v' }));
    expect((await MachineCache.open(file)).get('k')).toBe('v');
  });
});
