/**
 * The translation memory at a newsroom's size (a million entries per locale,
 * from `memory-corpus.ts`):
 * - TMX import through `l10n tm import`, against fast-xml-parser parsing the
 *   same file alone;
 * - the seed project's run with every sentence an exact match in that memory,
 *   against the same run on an empty memory, with its peak memory;
 * - exact lookup per sentence, against a Map of every source in RAM;
 * - fuzzy lookup per sentence against a brute-force scan that scores every
 *   entry, on one-word edits of sentences in the memory, and how often the
 *   index finds the scan's best score (200 sentences; the scan's best for all
 *   200 is computed with admissible bounds, token and character multisets, so
 *   it is the scan's answer without its hours).
 * - `benchShortQueries`: the same for short texts (#26), in a memory of a
 *   million entries, half of them one to six words: fuzzy lookup of edited
 *   short texts against the scan, with the recall of the index and of its
 *   word postings alone (what it had before trigrams).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import type { Lang } from '../src/core/lang.js';
import type { MemoryEntry } from '../src/memory/entry.js';
import { fuzzyMatches } from '../src/memory/fuzzy.js';
import { indexTerms, maxScore, normalise, score, type Normalised } from '../src/memory/match.js';
import { MEMORY_DATABASE } from '../src/store/fs-memory.js';
import { SqliteMemory } from '../src/memory/sqlite-store.js';
import { escapeText } from '../src/xliff/escape.js';
import { median, ROOT, runL10n, type Row } from './bench-kit.js';
import { editOneWord, editShortPhrase, random, sentences, shortPhrases } from './memory-corpus.js';

const SAMPLE = 200;
const SCANNED = 3;

export async function benchMemory(): Promise<Row[]> {
  const size = Number(process.env['L10N_BENCH_MEMORY'] ?? 1_000_000);
  const say = (text: string) => process.stderr.write(`  ${text}\n`);
  const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-memory-'));
  try {
    const seedText = await readFile(path.join(ROOT, 'source/de/usa-russland-is.txt'), 'utf8');
    say(`making ${size.toLocaleString('en')} sentences`);
    const corpus = sentences(seedText, size, 5);
    const reviewed = JSON.parse(await readFile(path.join(ROOT, 'memory/fr.json'), 'utf8')) as { source: string; target: string }[];
    const tmx = path.join(dir, 'memory.tmx');
    await writeTmxFile(tmx, corpus, reviewed);
    const megabytes = (await stat(tmx)).size / 1e6;

    say(`fast-xml-parser on the ${megabytes.toFixed(0)} MB TMX`);
    const parse = spawnSync(
      process.execPath,
      ['--max-old-space-size=16384', '-e', `const {XMLParser}=require('fast-xml-parser');const t=require('fs').readFileSync(process.argv[1],'utf8');const s=performance.now();new XMLParser({ignoreAttributes:false}).parse(t);console.log(performance.now()-s)`, tmx],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (parse.status !== 0) throw new Error(`fast-xml-parser failed: ${parse.stderr}`);
    const parseMs = Number(parse.stdout.trim());

    const withMemory = await project(path.join(dir, 'with-memory'));
    say('l10n tm import (progress: none; this takes minutes)');
    const imported = runL10n(withMemory, ['tm', 'import', tmx, '--quiet']);
    const empty = await project(path.join(dir, 'empty'));
    say('the seed project on the full memory and on an empty one');
    const fresh = (where: string) => {
      spawnSync('rm', ['-rf', path.join(where, 'locales'), path.join(where, 'cache')]);
      return runL10n(where);
    };
    // Interleaved, so a slower moment of a shared machine falls on both.
    const full: ReturnType<typeof runL10n>[] = [];
    const none: ReturnType<typeof runL10n>[] = [];
    for (let i = 0; i < 5; i++) {
      full.push(fresh(withMemory));
      none.push(fresh(empty));
    }
    const filled = await readFile(path.join(withMemory, 'locales/fr/usa-russland-is.xlf'), 'utf8');
    const exact = (filled.match(/state-qualifier="leveraged-tm"/g) ?? []).length;

    say(`fuzzy lookup of ${SAMPLE} edited sentences, and the brute-force scan`);
    const memory = new SqliteMemory(path.join(withMemory, 'memory', MEMORY_DATABASE), 'de' as Lang);
    const next = random(17);
    const queries = Array.from({ length: SAMPLE }, () => editOneWord(corpus[Math.floor(next() * size)]!, next, corpus[Math.floor(next() * size)]!));
    const found: number[] = [];
    const start = performance.now();
    for (const query of queries) found.push(fuzzyMatches(memory, 'fr' as Lang, { text: query }, 75, 1)[0]?.score ?? -1);
    const fuzzyMs = (performance.now() - start) / SAMPLE;
    const lookups = Array.from({ length: 10_000 }, () => corpus[Math.floor(next() * size)]!);
    const exactStart = performance.now();
    for (const sentence of lookups) memory.exact('fr' as Lang, sentence);
    const exactMs = (performance.now() - exactStart) / lookups.length;
    memory.close();
    const inRam = new Map(corpus.map((sentence, index) => [sentence, index]));
    const mapStart = performance.now();
    for (const sentence of lookups) inRam.get(sentence);
    const mapMs = (performance.now() - mapStart) / lookups.length;

    const normalised = corpus.map((sentence) => normalise({ text: sentence }));
    const scanMs = scanMsPerQuery(queries, normalised);
    const best = bestScores(queries, normalised, found);
    const same = found.filter((value, index) => value === best[index]).length;
    return [
      {
        stage: 'memory (TMX import)',
        ours: `l10n tm import, ${size.toLocaleString('en')} units (${megabytes.toFixed(0)} MB)`,
        baseline: 'fast-xml-parser parse of the same file',
        oursMs: imported.ms,
        baselineMs: parseMs,
        throughput: `${Math.round(size / (imported.ms / 1000)).toLocaleString('en')} units/s, peak ${imported.mb.toFixed(0)} MB`,
      },
      {
        stage: 'memory (exact run)',
        ours: `l10n run, seed article into fr, ${exact}/26 exact matches from ${size.toLocaleString('en')} entries`,
        baseline: 'the same run on an empty memory (limit 1.5x)',
        oursMs: median(full.map((run) => run.ms)),
        baselineMs: median(none.map((run) => run.ms)),
        throughput: `peak ${Math.max(...full.map((run) => run.mb)).toFixed(0)} MB (limit 500)`,
      },
      {
        stage: 'memory (exact)',
        ours: `exact lookup per sentence, ${size.toLocaleString('en')} entries on disk`,
        baseline: 'a JavaScript Map of every source in RAM',
        oursMs: exactMs,
        baselineMs: mapMs,
        throughput: `${(exactMs * 1000).toFixed(1)} µs per lookup`,
      },
      {
        stage: 'memory (fuzzy)',
        ours: `fuzzy lookup per sentence, ${size.toLocaleString('en')} entries`,
        baseline: 'brute-force scan scoring every entry (limit: 100x slower)',
        oursMs: fuzzyMs,
        baselineMs: scanMs,
        throughput: `${Math.round(scanMs / fuzzyMs).toLocaleString('en')}x faster; ${same}/${SAMPLE} with the scan's best score (limit 95 %)`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Short queries (#26): a memory of `L10N_BENCH_MEMORY` entries (a million),
 * half of them short texts of one to six words, filled through the store
 * (the TMX import is the row above); 200 one-word edits of short texts (a
 * word replaced, or inflected) looked up by the index, against the scan.
 */
export async function benchShortQueries(): Promise<Row[]> {
  const size = Number(process.env['L10N_BENCH_MEMORY'] ?? 1_000_000);
  const say = (text: string) => process.stderr.write(`  ${text}\n`);
  const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-short-'));
  try {
    const seedText = await readFile(path.join(ROOT, 'source/de/usa-russland-is.txt'), 'utf8');
    say(`making ${size.toLocaleString('en')} entries, half of them short`);
    const short = shortPhrases(seedText, Math.floor(size / 2), 7);
    const corpus = [...sentences(seedText, size - short.length, 5), ...short];
    const memory = new SqliteMemory(path.join(dir, MEMORY_DATABASE), 'de' as Lang);
    const fillStart = performance.now();
    for (let at = 0; at < corpus.length; at += 50_000) {
      memory.add(corpus.slice(at, at + 50_000).map((text, index): MemoryEntry => ({ sourceLang: 'de' as Lang, lang: 'fr' as Lang, source: { text }, target: { text: `Phrase ${at + index}.` }, state: 'reviewed', origin: { by: 'human' } })));
    }
    const fillMs = performance.now() - fillStart;
    const next = random(29);
    const queries = Array.from({ length: SAMPLE }, () => editShortPhrase(short[Math.floor(next() * short.length)]!, next, short[Math.floor(next() * short.length)]!));
    say(`fuzzy lookup of ${SAMPLE} edited short texts, and the brute-force scan`);
    const found: number[] = [];
    const start = performance.now();
    for (const query of queries) found.push(fuzzyMatches(memory, 'fr' as Lang, { text: query }, 75, 1)[0]?.score ?? -1);
    const fuzzyMs = (performance.now() - start) / SAMPLE;
    // The word postings alone: the candidates the index had before short texts had trigrams.
    const byWords = queries.map((query) => {
      const q = normalise({ text: query });
      const scores = memory.candidates('fr' as Lang, indexTerms(q.text), 50).map((entry) => score(q, normalise(entry.source)));
      return Math.max(-1, ...scores.filter((value) => value >= 75));
    });
    memory.close();
    const normalised = corpus.map((text) => normalise({ text }));
    const scanMs = scanMsPerQuery(queries, normalised);
    // Only matches at 75 or above count: the bound starts there, so most entries are passed over by their length.
    const best = bestScores(queries, normalised, found.map((value) => Math.max(value, 74))).map((value) => (value >= 75 ? value : -1));
    const withMatch = best.filter((value) => value >= 75).length;
    const same = found.filter((value, index) => best[index]! >= 75 && value === best[index]).length;
    const sameByWords = byWords.filter((value, index) => best[index]! >= 75 && value === best[index]).length;
    return [
      {
        stage: 'memory (fuzzy, short)',
        ours: `fuzzy lookup per 1–6-word text, ${size.toLocaleString('en')} entries (half short)`,
        baseline: 'brute-force scan scoring every entry (limit: 100x slower)',
        oursMs: fuzzyMs,
        baselineMs: scanMs,
        throughput: `${Math.round(scanMs / fuzzyMs).toLocaleString('en')}x faster; recall ${same}/${withMatch} with a match ≥ 75 (limit 99 %; word postings alone ${sameByWords}/${withMatch}); filled in ${(fillMs / 1000).toFixed(0)} s`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A project with the seed article, translated into fr only, its memory without readable copies. */
async function project(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await cp(path.join(ROOT, 'source'), path.join(dir, 'source'), { recursive: true });
  const config = JSON.parse(await readFile(path.join(ROOT, 'l10n.config.json'), 'utf8'));
  await writeFile(path.join(dir, 'l10n.config.json'), JSON.stringify({ ...config, targetLocales: ['fr'], pseudoLocales: [], memory: { copies: false } }));
  return dir;
}

async function writeTmxFile(file: string, corpus: readonly string[], reviewed: readonly { source: string; target: string }[]): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="bench" adminlang="en" srclang="de" datatype="plaintext"/>\n<body>\n');
  const unit = (source: string, target: string) =>
    `<tu><tuv xml:lang="de"><seg>${escapeText(source)}</seg></tuv><tuv xml:lang="fr" changedate="20260101T120000Z"><seg>${escapeText(target)}</seg></tuv></tu>\n`;
  for (const entry of reviewed) await write(unit(entry.source, entry.target));
  let chunk = '';
  for (const [index, sentence] of corpus.entries()) {
    chunk += unit(sentence, `Phrase ${index} traduite.`);
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(`${chunk}</body>\n</tmx>\n`);
  out.end();
  await once(out, 'finish');
}

/**
 * The best score over every entry for each query, exactly. The scan starts
 * from a score some entry is known to reach (the index's answer, itself a
 * score of a real entry), and scores an entry only when bounds that never
 * underestimate say it could reach the best so far: its length (`maxScore`),
 * then what it shares with the query as multisets of tokens and of characters
 * (each edit distance is at least the longer length minus what the two share).
 */
function bestScores(queries: readonly string[], entries: readonly Normalised[], known: readonly number[]): number[] {
  const ids = new Map<string, number>();
  const tokenBag = (tokens: readonly string[]) => Int32Array.from(tokens.map((token) => ids.get(token) ?? ids.set(token, ids.size).get(token)!)).sort();
  const charBag = (text: string) => Uint16Array.from(text, (char) => char.charCodeAt(0)).sort();
  const tokens = entries.map((entry) => tokenBag(entry.tokens));
  const chars = entries.map((entry) => charBag(entry.text));
  return queries.map((query, at) => {
    const q = normalise({ text: query });
    const qTokens = tokenBag(q.tokens);
    const qChars = charBag(q.text);
    let best = known[at]!;
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!;
      if (maxScore(q, entry) < best) continue;
      if (sharedBound(qTokens, tokens[index]!) < best && sharedBound(qChars, chars[index]!) < best) continue;
      best = Math.max(best, score(q, entry));
    }
    return best;
  });
}

/** 100 × shared / longer for two sorted multisets: no edit distance is smaller than longer − shared. */
function sharedBound(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return Math.floor((100 * shared) / Math.max(a.length, b.length));
}

/** Milliseconds per query of the brute-force baseline: score every entry, keep the best, for the first `SCANNED` queries. */
function scanMsPerQuery(queries: readonly string[], normalised: readonly ReturnType<typeof normalise>[]): number {
  const start = performance.now();
  for (const query of queries.slice(0, SCANNED)) {
    const q = normalise({ text: query });
    let best = -1;
    for (const entry of normalised) best = Math.max(best, score(q, entry));
  }
  return (performance.now() - start) / SCANNED;
}
