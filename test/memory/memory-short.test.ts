/**
 * #26: short segments keep their fuzzy matches. The queries are real UI
 * strings of one to six words (the German translations of three elementary OS
 * apps, `fixtures/*.po`, see test/fixtures/tmx/SOURCES.md); each is looked up
 * in a memory holding every other string, behind newer entries that share
 * their common words (so candidates cut by shared words and then by age miss
 * them). Whenever a brute-force scan finds a match at or above 75, the index
 * must find one as good, for at least 99 % of the queries.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { MemoryEntry } from '../../src/memory/entry.js';
import { fuzzyMatches } from '../../src/memory/fuzzy.js';
import { maxScore, normalise, score } from '../../src/memory/match.js';
import { SqliteMemory } from '../../src/memory/sqlite-store.js';
import { random } from '../../scripts/memory-corpus.js';

const de = 'de' as Lang;
const fr = 'fr' as Lang;
const THRESHOLD = 75;

/** The translations (`msgstr`) of a PO file, continuation lines joined, escapes read. */
function poStrings(file: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  const unquote = (line: string) => JSON.parse(line.slice(line.indexOf('"'))) as string;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^msgstr(\[\d+\])? "/.test(line)) {
      if (current) out.push(current);
      current = unquote(line);
    } else if (current !== undefined && line.startsWith('"')) current += unquote(line);
    else {
      if (current) out.push(current);
      current = undefined;
    }
  }
  if (current) out.push(current);
  return out;
}

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const strings = [...new Set(['elementary-files-de.po', 'elementary-code-de.po', 'elementary-mail-de.po'].flatMap((name) => poStrings(path.join(FIXTURES, name))))].filter(
  (text) => !text.includes('\n'),
);
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const short = strings.filter((text) => words(text) >= 1 && words(text) <= 6);

/** Newer entries made of the strings' own words: two to five of them, drawn at random. */
function background(count: number): string[] {
  const next = random(26);
  const vocabulary = [...new Set(short.flatMap((text) => text.split(/\s+/)))];
  return Array.from({ length: count }, (_, index) => {
    const length = 2 + Math.floor(next() * 4);
    return `${Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ')} ${index}`;
  });
}

describe('#26 fuzzy matches of short segments', () => {
  let dir: string;
  let memory: SqliteMemory;
  const entry = (text: string, index: number): MemoryEntry => ({ sourceLang: de, lang: fr, source: { text }, target: { text: `fr ${index}` }, state: 'reviewed', origin: { by: 'human' } });
  const noise = background(1_500);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'l10n-short-'));
    memory = new SqliteMemory(path.join(dir, 'memory.sqlite'), de);
    memory.add(strings.map(entry));
    memory.add(noise.map((text, index) => entry(text, strings.length + index)));
  });
  afterAll(async () => {
    memory.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('has real short strings to try', () => {
    expect(short.length).toBeGreaterThan(500);
  });

  it('finds what the scan finds for ≥ 99 % of 1–6-word queries', () => {
    const all = [...strings, ...noise].map((text) => ({ text, normalised: normalise({ text }) }));
    let withMatch = 0;
    let found = 0;
    const missed: string[] = [];
    for (const query of short) {
      const q = normalise({ text: query });
      let best = -1;
      let bestText = "";
      for (const other of all) {
        if (other.text === query || maxScore(q, other.normalised) < Math.max(best, THRESHOLD)) continue;
        const value = score(q, other.normalised);
        if (value > best) bestText = other.text;
        best = Math.max(best, value);
      }
      if (best < THRESHOLD) continue;
      withMatch++;
      const got = fuzzyMatches(memory, fr, { text: query }, THRESHOLD, 5).find((match) => match.entry.source.text !== query)?.score ?? -1;
      if (got === best) found++;
      else missed.push(`${query} (${got} < ${best}: ${bestText})`);
    }
    // Recall, printed for the report; the assertion is the bound.
    console.log(`short queries with a match ≥ ${THRESHOLD}: ${withMatch}; the index finds the scan's best for ${found}; missed e.g. ${missed.slice(0, 8).join('; ')}`);
    expect(withMatch).toBeGreaterThan(100);
    expect(found / withMatch).toBeGreaterThanOrEqual(0.99);
    // The scan is what takes the time: generous, for a busy machine.
  }, 180_000);

  it('#26 finds "Zieldatei auswählen" for "Quelldatei auswählen" (85) behind newer entries sharing "auswählen"', () => {
    const local = new SqliteMemory(':memory:', de);
    try {
      local.add([entry('Zieldatei auswählen', 0)]);
      local.add(Array.from({ length: 200 }, (_, index) => entry(`Eintrag ${index} auswählen und weiter bearbeiten`, index + 1)));
      const [best] = fuzzyMatches(local, fr, { text: 'Quelldatei auswählen' }, THRESHOLD, 1);
      expect(best).toMatchObject({ score: 85, entry: { source: { text: 'Zieldatei auswählen' } } });
    } finally {
      local.close();
    }
  });
});
