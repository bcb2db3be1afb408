/**
 * `npm run bench`: each row times one of our stages and a named baseline on the
 * same input in the same run, and prints the ratio, so the numbers mean the
 * same on a slow laptop and a fast CI machine. Later issues add rows here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN, median, ROOT, runL10n, type Row } from './bench-kit.js';
import { benchMemory, benchShortQueries } from './bench-memory.js';
import type { Lang } from '../src/core/lang.js';
import type { DocId, Segment, SegmentId, Target } from '../src/core/types.js';
import { chooseEngines } from '../src/mt/registry.js';
import pLimit from 'p-limit';
import { parseConfig } from '../src/core/config.js';
import { html } from '../src/formats/html.js';
import { markdown } from '../src/formats/markdown.js';
import { plainText } from '../src/formats/plain-text.js';
import { translate as translateStage } from '../src/stages/translate.js';
import { loadProject } from '../src/project.js';
import { checkPairs, checkXliff } from '../src/qa/index.js';
import { compileRules, findBreaks } from '../src/segment/engine.js';
import { rulesFor, segmentText } from '../src/segment/index.js';
import { readXliff, targetsFromXliff, writeXliff } from '../src/xliff/index.js';

/** Median wall time of `runs` calls, after one warm-up. */
function time(fn: () => void, runs = 5): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/** A German corpus of about `megabytes` MB: the seed article's paragraphs, numbered so no two are equal. */
function corpus(seed: string, megabytes: number): string[] {
  const paragraphs = seed.split(/\n\n/);
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1e6; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!.replace(/\b(\d+)\b/g, (n) => String(Number(n) + i));
    out.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return out;
}

async function benchEndToEnd(): Promise<Row> {
  const runs = 3;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-'));
    try {
      for (const item of ['source', 'l10n.config.json', 'locales/en/usa-russland-is.xlf', 'locales/fr/usa-russland-is.xlf']) {
        await cp(path.join(ROOT, item), path.join(dir, item), { recursive: true });
      }
      const start = performance.now();
      const result = spawnSync(process.execPath, [BIN, 'run', '--quiet'], { cwd: dir, env: { ...process.env, DEEPL_AUTH_KEY: '' } });
      samples.push(performance.now() - start);
      if (result.status !== 0) throw new Error(`l10n run failed: ${result.stderr}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const oursMs = samples.sort((a, b) => a - b)[1]!;
  const baselineMs = time(() => spawnSync(process.execPath, ['-e', '0']), 3);
  return {
    stage: 'run (all stages)',
    ours: 'l10n run, seed article, 7 locales, fresh project',
    baseline: 'node -e 0 (process start)',
    oursMs,
    baselineMs,
    throughput: `${(7 / (oursMs / 1000)).toFixed(1)} locale-docs/s`,
  };
}

/** A project of `count` articles: the seed, each with a closing sentence of its own. */
async function newsroom(count: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-'));
  await mkdir(path.join(dir, 'source/de'), { recursive: true });
  await cp(path.join(ROOT, 'l10n.config.json'), path.join(dir, 'l10n.config.json'));
  const seed = await readFile(path.join(ROOT, 'source/de/usa-russland-is.txt'), 'utf8');
  for (let i = 1; i <= count; i++) await writeFile(path.join(dir, `source/de/article-${i}.txt`), `${seed.trimEnd()}\n\nArtikel Nummer ${i} endet hier.\n`);
  return dir;
}

/** `l10n run` in `dir`: wall time and peak memory (MB). */
function runOnce(dir: string): { ms: number; mb: number } {
  return runL10n(dir);
}

/**
 * Runs as a newsroom's project grows: a run with nothing to do on 1,000
 * articles against one on a single article; a run after one sentence of one
 * article changed; and a full run's time and memory per article from 100 to
 * 1,000 articles (flat is ratio 1).
 */
async function benchIncremental(): Promise<Row[]> {
  const dirs: string[] = [];
  try {
    const project = async (count: number) => {
      const dir = await newsroom(count);
      dirs.push(dir);
      return dir;
    };
    const one = await project(1);
    runOnce(one);
    const noOpOne = median([0, 1, 2].map(() => runOnce(one).ms));
    const hundred = await project(100);
    process.stderr.write('  full run, 100 articles\n');
    const full100 = runOnce(hundred);
    const thousand = await project(1000);
    process.stderr.write('  full run, 1,000 articles\n');
    const full1000 = runOnce(thousand);
    process.stderr.write('  runs with nothing to do, and after one edit\n');
    const noOpThousand = median([0, 1, 2].map(() => runOnce(thousand).ms));
    const edited = path.join(thousand, 'source/de/article-500.txt');
    const editOne = median(
      [1, 2, 3].map((n) => {
        spawnSync('sed', ['-i', `s/endet hier\\.*/endet hier${'.'.repeat(n)}/`, edited]);
        return runOnce(thousand).ms;
      }),
    );
    const pairs = 7;
    return [
      {
        stage: 'run (nothing to do)',
        ours: `l10n run, 1,000 articles x ${pairs} locales, all unchanged`,
        baseline: 'the same on 1 article (limit 3x)',
        oursMs: noOpThousand,
        baselineMs: noOpOne,
        throughput: `${Math.round((1000 * pairs) / (noOpThousand / 1000))} pairs checked/s`,
      },
      {
        stage: 'run (one edit)',
        ours: 'l10n run after one sentence of 1 of 1,000 articles changed',
        baseline: 'nothing to do on 1 article',
        oursMs: editOne,
        baselineMs: noOpOne,
        throughput: `${pairs} pairs run`,
      },
      {
        stage: 'run (growth)',
        ours: 'full run, 1,000 articles',
        baseline: '10 x full run, 100 articles (limit 1.1x)',
        oursMs: full1000.ms,
        baselineMs: 10 * full100.ms,
        throughput: `${(full1000.ms / 1000).toFixed(1)} vs ${(full100.ms / 100).toFixed(1)} ms/article`,
      },
      {
        stage: 'run (memory growth)',
        ours: 'peak memory, full run, 1,000 articles',
        baseline: '10 x peak memory, 100 articles (linear: <= 1x)',
        oursMs: full1000.mb,
        baselineMs: 10 * full100.mb,
        throughput: `${full1000.mb.toFixed(0)} vs ${full100.mb.toFixed(0)} MB`,
      },
    ];
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Markdown: reading 10 MB of articles into sentences and codes and writing them
 * back, against mdast-util-from-markdown alone with the same extensions on the
 * same articles (the parser the format is built on).
 */
async function benchMarkdown(): Promise<Row> {
  const article = await readFile(path.join(ROOT, 'test/formats/fixtures/markdown/bundestag.md'), 'utf8');
  const articles: string[] = [];
  for (let size = 0, n = 0; size < 10 * 1024 * 1024; n++) {
    const text = article.replace('Haushalt 2026', `Haushalt ${2026 + n}`);
    articles.push(text);
    size += Buffer.byteLength(text);
  }
  const de = 'de' as Lang;
  const rules = rulesFor(de);
  await markdown.prepare!();
  const ours = time(() => {
    for (const [i, text] of articles.entries()) {
      const parsed = markdown.parse(text, { docId: `a${i}` as DocId, lang: de, rules, file: 'a.md' });
      markdown.write(parsed, de, (segment) => segment.text);
    }
  }, 1);
  const { fromMarkdown } = await import('mdast-util-from-markdown');
  const { gfm } = await import('micromark-extension-gfm');
  const { gfmFromMarkdown } = await import('mdast-util-gfm');
  const { frontmatter } = await import('micromark-extension-frontmatter');
  const { frontmatterFromMarkdown } = await import('mdast-util-frontmatter');
  const options = { extensions: [gfm(), frontmatter(['yaml', 'toml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])] };
  const baseline = time(() => {
    for (const text of articles) fromMarkdown(text, options);
  }, 1);
  return {
    stage: 'extract + merge (Markdown)',
    ours: `parse, segment, codes and write back ${articles.length} articles (10 MB)`,
    baseline: 'mdast-util-from-markdown alone, same articles',
    oursMs: ours,
    baselineMs: baseline,
    throughput: `${(10 / (ours / 1000)).toFixed(1)} MB/s`,
  };
}

/** HTML: 10 MB of real pages into sentences and codes and back, against parse5 alone with source locations. */
async function benchHtml(): Promise<Row> {
  const dir = path.join(ROOT, 'test/formats/fixtures/html');
  const pages = await Promise.all((await readdir(dir)).filter((name) => name.endsWith('.html')).map((name) => readFile(path.join(dir, name), 'utf8')));
  const corpus: string[] = [];
  for (let size = 0, i = 0; size < 10 * 1024 * 1024; i++) {
    const page = pages[i % pages.length]!;
    corpus.push(page);
    size += Buffer.byteLength(page);
  }
  const de = 'de' as Lang;
  const rules = rulesFor(de);
  await html.prepare!();
  const ours = time(() => {
    for (const [i, text] of corpus.entries()) html.write(html.parse(text, { docId: `p${i}` as DocId, lang: de, rules, file: 'p.html' }), de, (segment) => segment.text);
  }, 1);
  const { parse } = await import('parse5');
  const baseline = time(() => {
    for (const text of corpus) parse(text, { sourceCodeLocationInfo: true });
  }, 1);
  return {
    stage: 'extract + merge (HTML)',
    ours: `parse, segment, codes and write back ${corpus.length} real pages (10 MB)`,
    baseline: 'parse5 alone with source locations, same pages',
    oursMs: ours,
    baselineMs: baseline,
    throughput: `${(10 / (ours / 1000)).toFixed(1)} MB/s`,
  };
}

function benchSegment(paragraphs: readonly string[]): Row[] {
  const de = 'de' as Lang;
  const bytes = paragraphs.reduce((sum, p) => sum + Buffer.byteLength(p), 0);
  const what = `${(bytes / 1e6).toFixed(0)} MB German news`;
  const whole = paragraphs.join('\n\n');
  const rules = compileRules(rulesFor(de));
  const engine = time(() => {
    for (const paragraph of paragraphs) findBreaks(paragraph, rules);
  }, 3);
  const scan = time(() => {
    const pattern = /[.!?…]["“”»«]?\s+/g;
    while (pattern.exec(whole));
  }, 3);
  const doc = time(() => {
    for (const paragraph of paragraphs) segmentText(paragraph, { docId: 'bench' as DocId, lang: de });
  }, 3);
  const intl = new Intl.Segmenter('de', { granularity: 'sentence' });
  const intlMs = time(() => {
    for (const paragraph of paragraphs) for (const _ of intl.segment(paragraph));
  }, 3);
  const rate = (ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
  return [
    { stage: 'segment', ours: `rule engine, sentence boundaries, ${what}`, baseline: 'one regex scan over the whole text', oursMs: engine, baselineMs: scan, throughput: rate(engine) },
    { stage: 'segment', ours: `segmentText: blocks, sentences, ids, ${what}`, baseline: "Intl.Segmenter('de', sentence)", oursMs: doc, baselineMs: intlMs, throughput: rate(doc) },
  ];
}

/** Peak heap while streaming 10 MB and 40 MB: flat memory means a ratio near 1. */
function benchStreamMemory(): Row {
  const peak = (megabytes: number) => {
    const result = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, 'dist/scripts/stream-memory.js'), String(megabytes)], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    return (JSON.parse(result.stdout) as { peakHeapBytes: number }).peakHeapBytes / 1e6;
  };
  const small = peak(10);
  const large = peak(40);
  return {
    stage: 'segment (memory)',
    ours: 'segmentStream, peak heap for 40 MB (MB)',
    baseline: 'the same for 10 MB (MB)',
    oursMs: large,
    baselineMs: small,
    // What grows is the record of distinct sentences (for unique ids), not the text.
    throughput: `${((large - small) / 30).toFixed(2)} MB heap per extra MB`,
  };
}

/** A German document of about `count` sentences. */
function documentOf(seed: string, count: number) {
  const paragraphs = seed.split('\n\n');
  const out: string[] = [];
  let sentences = 0;
  for (let i = 0; sentences < count; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!.replace(/\b(\d+)\b/g, (n) => String(Number(n) + i));
    out.push(paragraph);
    sentences += (paragraph.match(/[.!?][“"]?(?:\s|$)/g) ?? ['']).length;
  }
  return segmentText(out.join('\n\n'), { docId: 'bench' as DocId, lang: 'de' as Lang });
}

async function benchXliff(seed: string): Promise<Row> {
  const doc = documentOf(seed, 100_000);
  const segments = doc.body.flatMap((b) => (b.kind === 'block' ? b.parts.filter((p): p is Segment => p.kind === 'segment') : []));
  const targets = new Map<SegmentId, Target>(
    segments.map((s) => [s.id, { segmentId: s.id, text: `EN ${s.text}`, state: 'translated', origin: { by: 'machine', engine: 'deepl' } }]),
  );
  const input = { doc, sourceLang: 'de' as Lang, targetLang: 'en' as Lang, targets };
  let xml = '';
  const ours = time(() => {
    xml = writeXliff(input, '1.2');
    targetsFromXliff(doc, readXliff(xml, 'bench.xlf'));
  }, 1);
  const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-'));
  const file = path.join(dir, 'bench.xlf');
  await writeFile(file, xml);
  const xmllint = spawnSync('xmllint', ['--version']).status === 0;
  const baselineMs = xmllint ? time(() => spawnSync('xmllint', ['--noout', file]), 1) : Number.NaN;
  await rm(dir, { recursive: true, force: true });
  return {
    stage: 'extract + import',
    ours: `XLIFF 1.2 write + read back, ${segments.length} units (${(xml.length / 1e6).toFixed(0)} MB)`,
    baseline: xmllint ? 'xmllint --noout (parse only)' : 'xmllint --noout: not installed',
    oursMs: ours,
    baselineMs,
    throughput: `${Math.round(segments.length / (ours / 1000))} segments/s`,
  };
}

/** 2,000 sentences into 5 locales through deepl-node, against a local DeepL server answering after 50 ms. */
async function benchDeepL(seed: string): Promise<Row> {
  const latencyMs = 50;
  const concurrency = 4;
  const locales = ['en', 'fr', 'es', 'it', 'pl'];
  const doc = documentOf(seed, 2000);
  const sentences = doc.body.reduce((n, b) => n + (b.kind === 'block' ? b.parts.filter((p) => p.kind === 'segment').length : 0), 0);
  // The server runs in its own process, as DeepL would: it must not take our CPU.
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/scripts/fake-deepl.js'), JSON.stringify({ latencyMs })], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => resolve((JSON.parse(data.toString()) as { url: string }).url));
    child.once('error', reject);
  });
  const stats = async () => (await (await fetch(`${url}/__stats`)).json()) as { requests: number };
  try {
    const config = parseConfig({ targetLocales: locales, pseudoLocales: [], deepl: { concurrency } }, 'bench', tmpdir());
    const engine = (await chooseEngines(config, { DEEPL_AUTH_KEY: 'bench', DEEPL_SERVER_URL: url })).engineFor('en' as Lang)!;
    // The translate stage over one job per locale, sharing the engine's cap on requests in flight.
    const limit = pLimit(engine.limits.concurrency);
    const stop = new AbortController();
    const source = { format: plainText, parsed: { doc, skeleton: null } };
    const started = performance.now();
    await Promise.all(
      locales.map((lang) =>
        translateStage({ source, lang: lang as Lang, targets: new Map(), stale: [] }, 'de' as Lang, { engine, limit, stop, commit: async () => {} }),
      ),
    );
    const oursMs = performance.now() - started;
    const minimum = locales.length * Math.ceil(sentences / 50);
    const { requests } = await stats();
    return {
      stage: 'translate',
      ours: `${sentences} sentences x ${locales.length} locales via deepl-node, ${requests} requests (minimum ${minimum})`,
      baseline: `requests x ${latencyMs} ms / ${concurrency} in flight`,
      oursMs,
      baselineMs: (requests * latencyMs) / concurrency,
      throughput: `${Math.round((sentences * locales.length) / (oursMs / 1000))} sentences/s`,
    };
  } finally {
    child.kill('SIGTERM');
  }
}

/** QA over a 100,000-unit XLIFF (read + every check), against translate-toolkit's pofilter on the same file. */
async function benchCheck(seed: string): Promise<Row> {
  const doc = documentOf(seed, 100_000);
  const segments = doc.body.flatMap((b) => (b.kind === 'block' ? b.parts.filter((p): p is Segment => p.kind === 'segment') : []));
  const english = (text: string) => text.replace(/„/g, '“').replace(/“(?=[\s,.;:!?]|$)/g, '”');
  const targets = new Map<SegmentId, Target>(
    segments.map((s) => [s.id, { segmentId: s.id, text: english(s.text), state: 'translated', origin: { by: 'machine', engine: 'deepl' } }]),
  );
  const xml = writeXliff({ doc, sourceLang: 'de' as Lang, targetLang: 'en' as Lang, targets }, '1.2');
  const project = await loadProject({ root: ROOT });
  let findings = 0;
  const ours = time(() => {
    // What `l10n check FILE` does: the file's pairs, every check, and its inline codes.
    findings = checkXliff(readXliff(xml, 'bench.xlf'), { sourceLang: 'de' as Lang, lang: 'en' as Lang, ...(project.termbase ? { termbase: project.termbase } : {}) }).length;
  }, 1);
  const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-'));
  const file = path.join(dir, 'bench.xlf');
  await writeFile(file, xml);
  const pofilter = spawnSync('pofilter', ['--version']).status === 0;
  const baselineMs = pofilter
    ? time(() => spawnSync('pofilter', ['--progress=none', '--language=en', file, path.join(dir, 'out.xlf')]), 1)
    : Number.NaN;
  await rm(dir, { recursive: true, force: true });
  return {
    stage: 'check',
    // Over 5,000 pairs the checks share the work among the cores' threads (src/qa/parallel.ts, at most 4).
    ours: `read + all checks, ${segments.length} units de→en, up to ${Math.min(availableParallelism(), 4)} threads (fewer on a busy machine), ${findings} findings`,
    baseline: pofilter ? 'pofilter (translate-toolkit), same file' : 'pofilter: not installed',
    oursMs: ours,
    baselineMs,
    throughput: `${Math.round(segments.length / (ours / 1000))} units/s`,
  };
}

/**
 * `l10n translate FILE` on a 10 MB CAT-tool file (Xcode's export, its 10 <file>s
 * repeated with their sources numbered so that none repeats), against the local
 * DeepL server in its own process, against `xmllint --noout` reading the same file.
 */
async function benchTranslateFile(): Promise<Row> {
  const sample = await readFile(path.join(ROOT, 'test/xliff/fixtures/wild/xcode-keepingyouawake-ko.xliff'), 'utf8');
  const start = sample.indexOf('<file ');
  const end = sample.lastIndexOf('</file>') + '</file>'.length;
  const files: string[] = [];
  for (let copy = 0, size = 0; size < 10e6; copy++) {
    const part = sample
      .slice(start, end)
      .replace(/original="([^"]*)"/g, `original="copy${copy}/$1"`)
      .replace(/<source>([^<]*)<\/source>/g, `<source>$1 (${copy})</source>`);
    files.push(part);
    size += part.length;
  }
  const xml = `${sample.slice(0, start)}${files.join('\n  ')}${sample.slice(end)}`;
  const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-'));
  const file = path.join(dir, 'export.xliff');
  const server = await startHelper('fake-deepl.js', ['{}']);
  try {
    await writeFile(file, xml);
    const empty = readXliff(xml, file).segments.filter((s) => !s.target && s.source.text.trim()).length;
    const started = performance.now();
    const result = spawnSync(process.execPath, [BIN, 'translate', file, '--quiet'], {
      cwd: dir,
      env: { ...process.env, DEEPL_AUTH_KEY: 'bench', DEEPL_SERVER_URL: server.url },
      encoding: 'utf8',
    });
    const oursMs = performance.now() - started;
    if (result.status !== 0) throw new Error(`l10n translate failed: ${result.stderr}`);
    await writeFile(file, xml);
    const xmllint = spawnSync('xmllint', ['--version']).status === 0;
    const baselineMs = xmllint ? time(() => spawnSync('xmllint', ['--noout', file]), 3) : Number.NaN;
    return {
      stage: 'translate FILE',
      ours: `l10n translate, Xcode export ${(Buffer.byteLength(xml) / 1e6).toFixed(0)} MB, ${empty} empty units filled via deepl-node`,
      baseline: xmllint ? 'xmllint --noout, same file' : 'xmllint --noout: not installed',
      oursMs,
      baselineMs,
      throughput: `${Math.round(empty / (oursMs / 1000))} units/s`,
    };
  } finally {
    server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Adversarial inputs against normal German news of the same size (1 MB), through
 * `check` (every QA check) and `segment`: one word of a million letters, a
 * million dots, a million `!`, digits and points. Linear code keeps these near 1x.
 */
function benchAdversarial(seed: string): Row[] {
  const size = 1_000_000;
  const news = seed.repeat(Math.ceil(size / seed.length)).slice(0, size);
  const inputs: [string, string][] = [
    ['one 1 MB word', 'x'.repeat(size)],
    ['1 MB of dots', '.'.repeat(size)],
    ['1 MB of "!"', '!'.repeat(size)],
    ['1 MB of "1."', '1.'.repeat(size / 2)],
  ];
  const check = (text: string) =>
    checkPairs([{ segmentId: 's' as SegmentId, source: text, target: text }], { sourceLang: 'de' as Lang, lang: 'en' as Lang });
  const segment = (text: string) => segmentText(text, { docId: 'bench' as DocId, lang: 'de' as Lang });
  const normalCheck = time(() => check(news), 3);
  const normalSegment = time(() => segment(news), 3);
  return inputs.flatMap(([name, text]): Row[] => [
    { stage: 'check (adversarial)', ours: `all checks, ${name}`, baseline: 'the same, 1 MB of German news', oursMs: time(() => check(text), 3), baselineMs: normalCheck, throughput: '' },
    { stage: 'segment (adversarial)', ours: `segmentText, ${name}`, baseline: 'the same, 1 MB of German news', oursMs: time(() => segment(text), 3), baselineMs: normalSegment, throughput: '' },
  ]);
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Starts a bench helper script in its own process and waits for the URL it prints. */
async function startHelper(script: string, args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/scripts', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => resolve((JSON.parse(data.toString()) as { url: string }).url));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * Requests per second of `l10n serve` (100 connections, 10 s, autocannon) against a
 * minimal node:http server answering the same bytes from memory, both in their own process.
 */
async function benchServe(): Promise<Row[]> {
  const doc = 'usa-russland-is';
  // Each path as a client asking for brotli (what browsers and i18next-http-backend send) and one asking for nothing.
  const targets = [
    { url: `/api/articles/${doc}?lng=en`, encoding: 'br' },
    { url: `/api/articles/${doc}?lng=en`, encoding: 'identity' },
    { url: `/locales/en/${doc}.json`, encoding: 'identity' },
  ];
  const ours = await startHelper('serve-target.js', ['ours', path.join(ROOT, 'locales')]);
  const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-'));
  // The baseline answers the very bytes ours sent, compressed ones included: brotli is not what is measured.
  const responses: Record<string, { type: string; encoding?: string; body: string }> = {};
  for (const { url, encoding } of targets) {
    const response = await rawGet(`${ours.url}${url}`, { 'accept-encoding': encoding });
    responses[`${encoding} ${url}`] = { type: String(response.headers['content-type']), ...(response.headers['content-encoding'] ? { encoding: String(response.headers['content-encoding']) } : {}), body: response.body.toString('base64') };
  }
  await writeFile(path.join(dir, 'responses.json'), JSON.stringify(responses));
  const baseline = await startHelper('serve-target.js', ['baseline', path.join(dir, 'responses.json')]);
  const rows: Row[] = [];
  try {
    for (const { url, encoding } of targets) {
      const load = (base: string) => autocannon({ url: `${base}${url}`, connections: 100, duration: 10, headers: { 'accept-encoding': encoding } });
      const mine = await load(ours.url);
      const theirs = await load(baseline.url);
      if (mine.non2xx + mine.errors > 0) throw new Error(`${url}: ${mine.non2xx} non-2xx answers, ${mine.errors} errors`);
      rows.push({
        stage: 'serve',
        ours: `GET ${url.replace(doc, ':doc')} (${encoding}): ${Math.round(mine.requests.average)} req/s, p99 ${mine.latency.p99} ms`,
        baseline: `node:http, same bytes: ${Math.round(theirs.requests.average)} req/s, p99 ${theirs.latency.p99} ms`,
        // Time per request, so that the ratio reads like the other rows: lower is better.
        oursMs: 1000 / mine.requests.average,
        baselineMs: 1000 / theirs.requests.average,
        throughput: `${(mine.requests.average / theirs.requests.average).toFixed(2)}x the baseline's req/s (limit 0.7x)`,
      });
    }
  } finally {
    ours.stop();
    baseline.stop();
    await rm(dir, { recursive: true, force: true });
  }
  rows.push(await benchReviewSave());
  return rows;
}

function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * A reviewer's save in the review page, round trip: the unit written to the
 * XLIFF under the lock, QA, memory and publication run for the pair, the pair
 * sent back; against loading the pair.
 */
async function benchReviewSave(): Promise<Row> {
  const doc = 'usa-russland-is';
  const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-review-'));
  for (const item of ['source', 'l10n.config.json', 'terms', 'locales/en/usa-russland-is.xlf', 'locales/fr/usa-russland-is.xlf']) await cp(path.join(ROOT, item), path.join(dir, item), { recursive: true });
  runL10n(dir);
  const { startServer } = await import('../src/serve/index.js');
  const { loadProject } = await import('../src/project.js');
  const server = await startServer({ localesDir: path.join(dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1', review: { token: 't', open: () => loadProject({ root: dir }) } });
  const api = `${server.url}/api/review/es/${doc}`;
  const headers = { authorization: 'Bearer t', 'content-type': 'application/json' };
  try {
    const loads: number[] = [];
    const saves: number[] = [];
    let pair = (await (await fetch(api, { headers })).json()) as { units: { id: string; version: string }[] };
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      await (await fetch(api, { headers })).json();
      loads.push(performance.now() - start);
      const unit = pair.units[i % pair.units.length]!;
      const begin = performance.now();
      const response = await fetch(`${api}/units/${unit.id}`, { method: 'PUT', headers: { ...headers, 'if-match': unit.version }, body: JSON.stringify({ text: `Frase ${i}.`, approve: false }) });
      if (!response.ok) throw new Error(`save answered ${response.status}`);
      pair = (await response.json()) as typeof pair;
      saves.push(performance.now() - begin);
    }
    const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;
    return {
      stage: 'serve (review save)',
      ours: `PUT a unit in the review page, round trip (median of 30, p99 ${p99(saves).toFixed(0)} ms)`,
      baseline: 'GET the pair for the review page',
      oursMs: median(saves),
      baselineMs: median(loads),
      throughput: `${(1000 / median(saves)).toFixed(1)} saves/s`,
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A German i18next namespace of about `megabytes` MB: sections of 100 keys, every sentence different. */
function i18nextNamespace(megabytes: number): string {
  const words = 'die Stadt hat heute einen neuen Plan für den Verkehr vorgestellt und viele Bürger waren darüber sehr erfreut aber einige Händler kritisierten die Kosten'.split(' ');
  const out: Record<string, Record<string, string>> = {};
  for (let i = 0, size = 0; size < megabytes * 1e6; i++) {
    const sentence = Array.from({ length: 8 + (i % 7) }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
    const text = `${sentence[0]!.toUpperCase()}${sentence.slice(1)} Nummer ${i}.`;
    (out[`section${Math.floor(i / 100)}`] ??= {})[`key${i}`] = text;
    size += text.length + 16;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * #26: `l10n run` with a DeepL key (the local DeepL server in its own process)
 * on one i18next file of 1.5 MB against one of 0.19 MB, into one locale. Linear
 * is about 8x; saving the whole XLIFF and MT cache after every batch of 50 made
 * it 14x on a loaded machine, and n^1.8 in #26.
 */
async function benchI18nextGrowth(): Promise<Row> {
  const server = await startHelper('fake-deepl.js', ['{}']);
  const dirs: string[] = [];
  try {
    const run = async (megabytes: number) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'l10n-bench-'));
      dirs.push(dir);
      await mkdir(path.join(dir, 'source/de'), { recursive: true });
      await writeFile(path.join(dir, 'source/de/app.json'), i18nextNamespace(megabytes));
      await writeFile(path.join(dir, 'l10n.config.json'), JSON.stringify({ sourceLanguage: 'de', targetLocales: ['fr'], pseudoLocales: [], merge: { formats: ['txt'] } }));
      const started = performance.now();
      const result = spawnSync(process.execPath, [BIN, 'run', '--quiet'], { cwd: dir, env: { ...process.env, DEEPL_AUTH_KEY: 'bench', DEEPL_SERVER_URL: server.url }, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`l10n run failed: ${result.stderr}`);
      return performance.now() - started;
    };
    const baselineMs = await run(0.19);
    const oursMs = await run(1.5);
    return {
      stage: 'run (i18next, DeepL, growth)',
      ours: 'l10n run, one i18next file of 1.5 MB into fr via deepl-node (ratio ≤ 9x is linear)',
      baseline: 'the same, 0.19 MB',
      oursMs,
      baselineMs,
      throughput: `${(1.5 / (oursMs / 1000)).toFixed(2)} MB/s`,
    };
  } finally {
    server.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const seed = await readFile(path.join(ROOT, 'source/de/usa-russland-is.txt'), 'utf8');
  const big = corpus(seed, 10);
  const benches: [string, () => Row | Row[] | Promise<Row | Row[]>][] = [
    ['run (all stages)', benchEndToEnd],
    ['run (incremental, growth)', benchIncremental],
    ['segment', () => benchSegment(big)],
    ['segment (memory)', benchStreamMemory],
    // DeepL before the 100,000-unit rows: their heap would slow its event loop.
    ['translate (DeepL)', () => benchDeepL(seed)],
    ['translate FILE', benchTranslateFile],
    ['run (i18next, DeepL, growth)', benchI18nextGrowth],
    ['extract + import', () => benchXliff(seed)],
    ['extract + merge (Markdown)', benchMarkdown],
    ['extract + merge (HTML)', benchHtml],
    ['check', () => benchCheck(seed)],
    ['adversarial input', () => benchAdversarial(seed)],
    ['serve', benchServe],
    // Last: it builds a memory of a million entries (L10N_BENCH_MEMORY sets another size).
    ['memory (1,000,000 entries)', benchMemory],
    ['memory (short queries)', benchShortQueries],
  ];
  // `npm run bench -- translate` runs only the rows whose name contains "translate".
  const only = process.argv[2];
  const chosen = benches.filter(([name]) => only === undefined || name.includes(only));
  const rows: Row[] = [];
  for (const [index, [name, bench]] of chosen.entries()) {
    process.stderr.write(`[${index + 1}/${chosen.length}] ${name}…\n`);
    rows.push(...[await bench()].flat());
  }
  const table = [
    ['stage', 'ours', 'baseline', 'ours', 'baseline', 'ratio', 'throughput'],
    ...rows.map((r) => [
      r.stage,
      r.ours,
      r.baseline,
      r.oursMs.toFixed(r.oursMs < 1 ? 3 : 1),
      Number.isNaN(r.baselineMs) ? '-' : r.baselineMs.toFixed(r.baselineMs < 1 ? 3 : 1),
      Number.isNaN(r.baselineMs) ? '-' : `${(r.oursMs / r.baselineMs).toFixed(2)}x`,
      r.throughput,
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const [i, row] of table.entries()) {
    console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('\nTimes in ms (memory rows in MB), medians of repeated runs; ratio = ours / baseline, lower is better.');
}

await main();
