/**
 * `npm run qa:corpus`: false QA errors on real professional translations.
 *
 * Reads the parallel corpora in test/qa/corpora/ (`de-<lang>.<set>.tsv`: German, a tab, the
 * translation; `.docid`: the document of each line), groups the pairs into documents and runs the
 * project's QA over each document as `l10n check` does (`checkPairs` with the project's source
 * language and its termbase, one document at a time, so names seen and quotations carried over
 * sentences are as in a real file). The pairs are plain text: the check stage's other findings (inline
 * codes lost, a format's own check) have nothing to look at. The context is `qaContext`'s, read
 * without opening the project's store. Prints, per language pair and set: units, units with an
 * error, units with an error per 1,000, and errors per check. JUDGED.md in the corpora folder has
 * the baseline and the hand-judged sample.
 *
 *   --lang ja,fr       only these target languages
 *   --set ntrex        only this set (ntrex, flores)
 *   --doc ID,ID        only these documents (ids from the `.docid` files)
 *   --json FILE        every finding: set, lang, doc, line, check, severity, message, source, target
 *   --sample N         a reproducible random sample of N errors, printed to judge by hand
 *   --seed S           the sample's seed (default 1)
 *   --no-termbase      without the project's termbase
 *   --corpora DIR      another folder of the same files
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig } from '../src/core/config.js';
import { parseLang, type Lang } from '../src/core/lang.js';
import type { SegmentId } from '../src/core/types.js';
import { checkPairs } from '../src/qa/index.js';
import { random } from './memory-corpus.js';
import { parseTermbase, type Termbase } from '../src/termbase/index.js';
import { readXmlFile } from '../src/xml/file.js';

/** The repository: the nearest folder above this file with a package.json (from scripts/ or dist/scripts/). */
export const ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
export const CORPORA = path.join(ROOT, 'test/qa/corpora');

export interface CorpusFile {
  /** `ntrex`, `flores`. */
  readonly set: string;
  /** The target language as the file names it (`en`, `ja`). */
  readonly lang: string;
  readonly tsv: string;
  readonly docid: string;
}

export interface CorpusPair {
  /** 1-based line in the `.tsv` (and `.docid`). */
  readonly line: number;
  readonly doc: string;
  readonly source: string;
  readonly target: string;
}

export interface CorpusFinding {
  readonly set: string;
  readonly lang: string;
  readonly doc: string;
  readonly line: number;
  readonly check: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly source: string;
  readonly target: string;
}

export interface CorpusResult {
  readonly set: string;
  readonly lang: string;
  readonly units: number;
  readonly documents: number;
  readonly unitsWithError: number;
  /** Units with an error per 1,000 units. */
  readonly perThousand: number;
  /** Error findings (a unit may have several). */
  readonly errors: number;
  readonly warnings: number;
  /** Error findings per check id. */
  readonly errorsByCheck: Readonly<Record<string, number>>;
  /** Units with an error of that check, per check id. */
  readonly unitsByCheck: Readonly<Record<string, number>>;
  readonly findings: readonly CorpusFinding[];
  readonly ms: number;
}

/** The `de-<lang>.<set>.tsv` files of a folder that have their `.docid`, sorted by language, NTREX before FLORES. */
export function corpusFiles(dir = CORPORA, filter: { langs?: readonly string[]; sets?: readonly string[] } = {}): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const match = /^de-([A-Za-z-]+)\.([\w-]+)\.tsv$/.exec(name);
    if (!match) continue;
    const [, lang, set] = match as unknown as [string, string, string];
    if (filter.langs?.length && !filter.langs.includes(lang)) continue;
    if (filter.sets?.length && !filter.sets.includes(set)) continue;
    const docid = path.join(dir, name.replace(/\.tsv$/, '.docid'));
    if (!existsSync(docid)) throw new Error(`${name}: no ${path.basename(docid)} beside it`);
    files.push({ set, lang, tsv: path.join(dir, name), docid });
  }
  return files.sort((a, b) => a.lang.localeCompare(b.lang) || b.set.localeCompare(a.set));
}

function lines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all.map((line) => line.replace(/\r$/, ''));
}

/** The pairs of one file, with their documents; refuses files whose lines do not match. */
export function readPairs(file: CorpusFile): CorpusPair[] {
  const rows = lines(file.tsv);
  const docs = lines(file.docid);
  if (rows.length !== docs.length) throw new Error(`${file.tsv}: ${rows.length} lines, but ${file.docid} has ${docs.length}`);
  return rows.map((row, i) => {
    const tab = row.indexOf('\t');
    if (tab < 0 || row.indexOf('\t', tab + 1) >= 0) throw new Error(`${file.tsv}:${i + 1}: not one tab between German and translation`);
    return { line: i + 1, doc: docs[i]!, source: row.slice(0, tab), target: row.slice(tab + 1) };
  });
}

/** Pairs grouped into documents: documents in order of first appearance, lines in file order. */
export function documents(pairs: readonly CorpusPair[]): Map<string, CorpusPair[]> {
  const byDoc = new Map<string, CorpusPair[]>();
  for (const pair of pairs) {
    const list = byDoc.get(pair.doc);
    if (list) list.push(pair);
    else byDoc.set(pair.doc, [pair]);
  }
  return byDoc;
}

/** What the check stage gets from the project (`qaContext`): its source language and its termbase, if it has one. */
export interface QaSetup {
  readonly sourceLang: Lang;
  readonly termbase?: Termbase;
}

/** The QA context of the project at `root` as `l10n check` builds it (config, then the termbase file when it exists). */
export async function projectQa(root = ROOT, options: { termbase?: boolean } = {}): Promise<QaSetup> {
  const config = await loadConfig(root);
  if (options.termbase === false) return { sourceLang: config.sourceLanguage };
  const xml = await readXmlFile(config.termbaseFile);
  const termbase = xml && parseTermbase(xml.text, config.termbaseFile);
  return { sourceLang: config.sourceLanguage, ...(termbase ? { termbase } : {}) };
}

/** QA of one corpus file, document by document (only the documents in `docs`, when given). */
export function measureFile(file: CorpusFile, qa: QaSetup, docs?: ReadonlySet<string>): CorpusResult {
  const lang = parseLang(file.lang);
  if (!lang) throw new Error(`${file.tsv}: "${file.lang}" is not a language tag`);
  const start = performance.now();
  const pairs = readPairs(file).filter((pair) => !docs || docs.has(pair.doc));
  const byLine = new Map(pairs.map((pair) => [String(pair.line), pair]));
  const findings: CorpusFinding[] = [];
  const byDoc = documents(pairs);
  for (const docPairs of byDoc.values()) {
    const items = docPairs.map((pair) => ({ segmentId: String(pair.line) as SegmentId, source: pair.source, target: pair.target }));
    for (const finding of checkPairs(items, { sourceLang: qa.sourceLang, lang, ...(qa.termbase ? { termbase: qa.termbase } : {}) })) {
      const pair = byLine.get(finding.segmentId)!;
      findings.push({ set: file.set, lang: file.lang, doc: pair.doc, line: pair.line, check: finding.check, severity: finding.severity, message: finding.message, source: pair.source, target: pair.target });
    }
  }
  findings.sort((a, b) => a.line - b.line);
  const errors = findings.filter((finding) => finding.severity === 'error');
  const errorsByCheck: Record<string, number> = {};
  const unitsByCheck: Record<string, Set<number>> = {};
  for (const finding of errors) {
    errorsByCheck[finding.check] = (errorsByCheck[finding.check] ?? 0) + 1;
    (unitsByCheck[finding.check] ??= new Set()).add(finding.line);
  }
  const unitsWithError = new Set(errors.map((finding) => finding.line)).size;
  return {
    set: file.set,
    lang: file.lang,
    units: pairs.length,
    documents: byDoc.size,
    unitsWithError,
    perThousand: pairs.length ? (1000 * unitsWithError) / pairs.length : 0,
    errors: errors.length,
    warnings: findings.length - errors.length,
    errorsByCheck,
    unitsByCheck: Object.fromEntries(Object.entries(unitsByCheck).map(([check, units]) => [check, units.size])),
    findings,
    ms: performance.now() - start,
  };
}

/** QA of every matching corpus file (of the documents in `docs` only, when given). */
export async function measureCorpora(options: { dir?: string; langs?: readonly string[]; sets?: readonly string[]; docs?: ReadonlySet<string>; qa?: QaSetup } = {}): Promise<CorpusResult[]> {
  const qa = options.qa ?? (await projectQa());
  return corpusFiles(options.dir, { ...(options.langs ? { langs: options.langs } : {}), ...(options.sets ? { sets: options.sets } : {}) }).map((file) => measureFile(file, qa, options.docs));
}


/** `n` error findings drawn without replacement (a partial Fisher–Yates shuffle), in corpus order. */
export function sampleFindings(findings: readonly CorpusFinding[], n: number, seed: number): CorpusFinding[] {
  const pool = [...findings];
  const next = random(seed);
  const count = Math.min(n, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const order = (f: CorpusFinding) => `${f.set}\u0000${f.lang}\u0000${String(f.line).padStart(6, '0')}\u0000${f.check}`;
  return pool.slice(0, count).sort((a, b) => order(a).localeCompare(order(b)));
}

export function formatTable(results: readonly CorpusResult[]): string {
  const checks = [...new Set(results.flatMap((result) => Object.keys(result.errorsByCheck)))].sort();
  const header = ['pair', 'set', 'units', 'w/ error', 'per 1,000', 'errors', 'errors/1,000', ...checks];
  const perThousand = (count: number, units: number) => (units ? ((1000 * count) / units).toFixed(1) : '0.0');
  const rows = results.map((r) => [`de-${r.lang}`, r.set, String(r.units), String(r.unitsWithError), r.perThousand.toFixed(1), String(r.errors), perThousand(r.errors, r.units), ...checks.map((check) => String(r.errorsByCheck[check] ?? 0))]);
  const total = results.reduce((sum, r) => ({ units: sum.units + r.units, withError: sum.withError + r.unitsWithError, errors: sum.errors + r.errors }), { units: 0, withError: 0, errors: 0 });
  if (results.length > 1) {
    rows.push([
      'all',
      '',
      String(total.units),
      String(total.withError),
      perThousand(total.withError, total.units),
      String(total.errors),
      perThousand(total.errors, total.units),
      ...checks.map((check) => String(results.reduce((sum, r) => sum + (r.errorsByCheck[check] ?? 0), 0))),
    ]);
  }
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function formatSample(sample: readonly CorpusFinding[]): string {
  return sample
    .map((f, i) => [`#${i + 1}  de-${f.lang} ${f.set} line ${f.line}  [${f.check}]  ${f.doc}`, `    ${f.message}`, `    de: ${f.source}`, `    ${f.lang}: ${f.target}`].join('\n'))
    .join('\n\n');
}

interface Args {
  langs?: string[];
  sets?: string[];
  docs?: string[];
  json?: string;
  sample?: number;
  seed: number;
  termbase: boolean;
  dir?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { seed: 1, termbase: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const count = (v: string) => {
      if (!/^\d+$/.test(v)) throw new Error(`${flag}: "${v}" is not a whole number`);
      return Number(v);
    };
    switch (flag) {
      case '--lang':
        args.langs = value().split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--set':
        args.sets = value().split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--doc':
        args.docs = value().split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--json':
        args.json = value();
        break;
      case '--sample':
        args.sample = count(value());
        break;
      case '--seed':
        args.seed = count(value());
        break;
      case '--no-termbase':
        args.termbase = false;
        break;
      case '--corpora':
        args.dir = value();
        break;
      case '--help':
      case '-h':
        process.stdout.write('usage: qa-corpus [--lang en,ja] [--set ntrex|flores] [--doc ID,ID] [--json FILE] [--sample N [--seed S]] [--no-termbase] [--corpora DIR]\n');
        process.exit(0);
      // falls through (exit never returns)
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // `| head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  const start = performance.now();
  const qa = await projectQa(ROOT, { termbase: args.termbase });
  const results = await measureCorpora({ qa, ...(args.dir ? { dir: path.resolve(args.dir) } : {}), ...(args.langs ? { langs: args.langs } : {}), ...(args.sets ? { sets: args.sets } : {}), ...(args.docs ? { docs: new Set(args.docs) } : {}) });
  if (results.length === 0 || results.every((r) => r.units === 0)) throw new Error('no corpus file matches');
  const seconds = (performance.now() - start) / 1000;
  const units = results.reduce((sum, r) => sum + r.units, 0);
  process.stdout.write(`QA over ${units} professional pairs in ${results.reduce((sum, r) => sum + r.documents, 0)} documents (${qa.termbase ? `termbase of ${qa.termbase.entries.length} entries` : 'no termbase'}), ${seconds.toFixed(1)} s\n\n`);
  process.stdout.write(`${formatTable(results)}\n`);
  process.stdout.write('\nper 1,000 = units with an error per 1,000 units; errors, errors/1,000 and the check columns count error findings (a unit may have several).\n');
  const findings = results.flatMap((r) => r.findings);
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(findings, null, 1)}\n`);
    process.stdout.write(`${findings.length} findings (${findings.filter((f) => f.severity === 'error').length} errors) written to ${args.json}\n`);
  }
  if (args.sample !== undefined) {
    const sample = sampleFindings(findings.filter((f) => f.severity === 'error'), args.sample, args.seed);
    process.stdout.write(`\nA sample of ${sample.length} errors (seed ${args.seed}):\n\n${formatSample(sample)}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`qa-corpus: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
