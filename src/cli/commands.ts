/**
 * One function per command. They return what to print and the exit code; they
 * never print errors or exit themselves (that is `main.ts`'s job).
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, InputError } from '../core/errors.js';
import { parseLang, unknownLocale, type Lang } from '../core/lang.js';
import { isBlocking, type DocId } from '../core/types.js';
import { chooseEngines, type EngineChoice } from '../mt/registry.js';
import { planTranslation, runPipeline, summarize, type ReportFinding, type RunSummary } from '../pipeline.js';
import { planRun } from '../plan.js';
import { loadProject, type Project } from '../project.js';
import { acceptFinding, checkXliffFiles } from '../review.js';
import { loadRules, readSourceStream, segmentStream } from '../segment/index.js';
import { importXliff } from '../import.js';
import { translateXliffFiles } from '../translate-files.js';
import { writeFileAtomic, writeStreamAtomic } from '../core/fs.js';
import { withProjectLock } from '../core/lock.js';
import { exportMemory } from '../tm-export.js';
import { importTmx } from '../tm-import.js';
import { checkStructure } from '../xliff/index.js';
import { readXliffFile } from '../xliff/file.js';
import { xliffForOmegaT } from '../xliff/for-omegat.js';
import { createProgress, formatTable } from './output.js';
import { publishedCell, readReport, reportFiles, runReport } from './report.js';

export interface GlobalOptions {
  readonly root: string;
  readonly config?: string;
  readonly quiet: boolean;
}

export interface CommandResult {
  /** Text to print; streamed when it is produced piece by piece. */
  readonly stdout: string | AsyncIterable<string>;
  readonly exitCode: number;
}

const ok = (stdout: string): CommandResult => ({ stdout, exitCode: 0 });

/**
 * Runs a command that writes the project while holding its lock, so a second
 * one waits instead of paying DeepL for the same sentences again.
 */
export function locked(global: GlobalOptions, command: string, run: () => Promise<CommandResult>): Promise<CommandResult> {
  return withProjectLock(
    projectOptions(global).root,
    command,
    ({ kind, holder }) => warn(kind === 'waiting' ? `waiting for ${holder} to finish` : `took over the project lock of ${holder}: that process is gone`),
    run,
  );
}

/** A problem the run gets past (a DeepL glossary it cannot use): one line on stderr, the run goes on. */
const warn = (message: string) => void process.stderr.write(`l10n: warning: ${message}\n`);

function projectOptions(global: GlobalOptions) {
  return { root: path.resolve(global.root), ...(global.config ? { configFile: path.resolve(global.config) } : {}) };
}

function parseLangOption(value: string, key: string): Lang {
  const lang = parseLang(value);
  if (!lang) throw new ConfigError(`${key}: ${unknownLocale(value)}`, key);
  return lang;
}

/**
 * Streams: blocks are printed as they are segmented, so a file of any size
 * segments in flat memory.
 */
export async function segmentCommand(file: string, options: { lang: string; json: boolean; srx?: string }): Promise<CommandResult> {
  const lang = parseLangOption(options.lang, '--lang');
  const rules = await loadRules(lang, options.srx);
  const blocks = segmentStream(readSourceStream(file), { docId: path.basename(file).replace(/\.txt$/, '') as DocId, lang, rules });
  async function* lines(): AsyncGenerator<string> {
    let first = true;
    if (options.json) yield '[';
    for await (const block of blocks) {
      if (block.kind !== 'block') continue;
      for (const part of block.parts) {
        if (part.kind !== 'segment') continue;
        if (!options.json) yield `${part.text}\n`;
        else {
          const item = JSON.stringify({ id: part.id, block: block.id, text: part.text }, null, 2).replace(/^/gm, '  ');
          yield `${first ? '\n' : ',\n'}${item}`;
        }
        first = false;
      }
    }
    if (options.json) yield first ? ']\n' : '\n]\n';
  }
  return { stdout: lines(), exitCode: 0 };
}

export async function extractCommand(global: GlobalOptions, options: { xliff?: '1.2' | '2.0'; for?: 'omegat'; out?: string }): Promise<CommandResult> {
  if (options.for && !options.out) throw new ConfigError('--for omegat needs --out <dir>: the copies go beside the project, never over its XLIFF', '--out');
  if (options.for && options.xliff === '2.0') throw new ConfigError('--for omegat writes XLIFF 1.2, which OmegaT reads: leave out --xliff 2.0', '--xliff');
  const project = await loadProject(projectOptions(global));
  const progress = createProgress(!global.quiet, 'l10n extract');
  const result = await runPipeline(project, { ...progress, ...(options.xliff ? { version: options.xliff } : {}) }).finally(progress.stop);
  const rows = result.pairs.map((pair) => [pair.file, pair.kept, pair.stale, pair.written ? 'written' : 'unchanged']);
  const copies = options.for && options.out ? await writeToolCopies(project, result.pairs, path.resolve(options.out)) : [];
  const written = copies.length > 0 ? `${copies.length} file(s) for ${options.for} in ${options.out}\n` : '';
  return ok(`${formatTable([['file', 'targets kept', 'stale', 'status'], ...rows])}\n${written}`);
}

/** `extract --for omegat`: each pair's XLIFF as OmegaT reads it (`xliff/for-omegat.ts`), in `<out>/<lng>/`. */
async function writeToolCopies(project: Project, pairs: readonly { readonly file: string; readonly lang: Lang }[], out: string): Promise<string[]> {
  const written: string[] = [];
  for (const pair of pairs) {
    const file = path.resolve(project.config.root, pair.file);
    const read = await readXliffFile(file);
    if (!read) continue;
    const copy = path.join(out, pair.lang, path.basename(file));
    await mkdir(path.dirname(copy), { recursive: true });
    await writeFileAtomic(copy, xliffForOmegaT(read.text, file));
    written.push(copy);
  }
  return written;
}

interface TranslateCommandOptions {
  readonly dryRun: boolean;
  readonly json?: boolean;
  readonly sourceLang?: string;
  readonly targetLang?: string;
}

export async function translateCommand(global: GlobalOptions, files: readonly string[], options: TranslateCommandOptions): Promise<CommandResult> {
  if (files.length > 0) return translateFilesCommand(global, files, options);
  const project = await loadProject(projectOptions(global));
  const engines = await chooseEngines(project.config, process.env, project.termbase, warn);
  if (options.dryRun) {
    const plan = await planTranslation(project, engines);
    const usage = await engines.engineFor(project.config.targetLocales[0]!)?.usage?.();
    // The locale is `locale` here as in `run --json` and `translate --json`.
    if (options.json) return ok(`${JSON.stringify({ dryRun: true, locales: plan.map(({ lang, ...counts }) => ({ locale: lang, ...counts })), ...(usage ? { usage } : {}) }, null, 2)}\n`);
    const rows = plan.map((entry) => [entry.lang, entry.engine, entry.fromMemory, entry.toSend, entry.characters, entry.leftUntranslated]);
    let text = formatTable([['locale', 'engine', 'from memory', 'segments to send', 'characters to send', 'left untranslated'], ...rows]);
    if (usage) text += `\nDeepL usage: ${usage.used} of ${usage.limit ?? 'unlimited'} characters`;
    return ok(`${text}\n`);
  }
  const progress = createProgress(!global.quiet && !options.json, 'l10n translate');
  const { pairs } = await runPipeline(project, { engines, ...progress }).finally(progress.stop);
  const result = project.locales.map((lang) => {
    const ofLocale = pairs.filter((pair) => pair.lang === lang);
    const sum = (key: 'fromMemory' | 'machineTranslated' | 'charactersSent') => ofLocale.reduce((n, pair) => n + pair[key], 0);
    return { locale: lang, engine: engines.engineFor(lang)?.name ?? 'none', fromMemory: sum('fromMemory'), machineTranslated: sum('machineTranslated'), charactersSent: sum('charactersSent') };
  });
  if (options.json) return ok(`${JSON.stringify(result, null, 2)}\n`);
  const rows = result.map((entry) => [entry.locale, entry.engine, entry.fromMemory, entry.machineTranslated, entry.charactersSent]);
  return ok(`${formatTable([['locale', 'engine', 'from memory', 'machine translated', 'characters sent'], ...rows])}\n`);
}

/** `l10n translate FILE.xlf…`: pre-translate XLIFF from a CAT tool or TMS, in place. */
async function translateFilesCommand(global: GlobalOptions, files: readonly string[], options: TranslateCommandOptions): Promise<CommandResult> {
  const project = await loadProject(projectOptions(global));
  const engines = await chooseEngines(project.config, process.env, project.termbase, warn);
  const results = await translateXliffFiles(project, engines, files, {
    dryRun: options.dryRun,
    ...(options.sourceLang ? { sourceLang: parseLangOption(options.sourceLang, '--source-lang') } : {}),
    ...(options.targetLang ? { targetLang: parseLangOption(options.targetLang, '--target-lang') } : {}),
  });
  if (options.json) return ok(`${JSON.stringify(options.dryRun ? { dryRun: true, files: results } : results, null, 2)}\n`);
  const rows = results.map((r) => [r.file, `${r.sourceLang}→${r.lang}`, r.engine, r.fromMemory, r.machineTranslated, r.charactersSent, r.rejected, r.untranslated]);
  const heading = options.dryRun ? 'would fill (dry run): ' : '';
  const notes = results.flatMap((r) => (r.note ? [`${r.file}: nothing sent: ${r.note}`] : []));
  const table = formatTable([['file', 'languages', 'engine', 'from memory', 'machine translated', 'characters sent', 'codes lost (left empty)', 'left empty'], ...rows]);
  return ok(`${heading}${table}\n${notes.map((line) => `${line}\n`).join('')}`);
}

export async function checkCommand(
  global: GlobalOptions,
  files: readonly string[],
  options: { json: boolean; sourceLang?: string; targetLang?: string },
): Promise<CommandResult> {
  const languages = {
    ...(options.sourceLang ? { sourceLang: parseLangOption(options.sourceLang, '--source-lang') } : {}),
    ...(options.targetLang ? { targetLang: parseLangOption(options.targetLang, '--target-lang') } : {}),
  };
  const findings =
    files.length > 0 ? await checkXliffFiles(await loadProject(projectOptions(global)), files, languages) : (await runPipeline(await loadProject(projectOptions(global)), { report: true })).findings;
  const exitCode = findings.some(isBlocking) ? 1 : 0;
  if (options.json) return { stdout: `${JSON.stringify(findings, null, 2)}\n`, exitCode };
  return { stdout: formatFindings(findings), exitCode };
}

/** The findings as a table, then the totals. */
function formatFindings(findings: readonly ReportFinding[]): string {
  const errors = findings.filter(isBlocking).length;
  const accepted = findings.filter((finding) => finding.accepted).length;
  const table = findings.length > 0
    ? `${formatTable([['file', 'unit', 'check', 'severity', 'message'], ...findings.map((f) => [f.file, f.unit, f.check, f.accepted ? `${f.severity} (accepted)` : f.severity, f.message])])}\n`
    : '';
  return `${table}${errors} error(s), ${findings.length - errors - accepted} warning(s)${accepted > 0 ? `, ${accepted} accepted` : ''}\n`;
}

/**
 * `l10n accept FILE --unit U --check C`: a reviewer accepts a finding as it
 * is. The acceptance goes into the unit as a note with the target's hash, so
 * it stops blocking approval and publication until the target changes.
 */
export async function acceptCommand(
  global: GlobalOptions,
  file: string,
  options: { unit: string; check: string; note?: string; sourceLang?: string; targetLang?: string },
): Promise<CommandResult> {
  const languages = {
    ...(options.sourceLang ? { sourceLang: parseLangOption(options.sourceLang, '--source-lang') } : {}),
    ...(options.targetLang ? { targetLang: parseLangOption(options.targetLang, '--target-lang') } : {}),
  };
  const accept = { unit: options.unit, check: options.check, ...(options.note ? { note: options.note } : {}), ...languages };
  return ok(`${await acceptFinding(await loadProject(projectOptions(global)), file, accept)}\n`);
}

export async function validateCommand(files: readonly string[]): Promise<CommandResult> {
  const lines: string[] = [];
  let invalid = 0;
  // Loaded on demand: the WebAssembly libxml2 is only needed here.
  const { validateDeclared } = await import('../xliff/schema.js');
  for (const file of files) {
    // The same reading as everywhere: size limit, declared encoding, the strict XML gate.
    const read = await readXliffFile(file);
    if (!read) throw new InputError('no such file', { file });
    const { text, content, mapped } = read;
    const { schema, problems, note } = await validateDeclared(text, content.namespace, mapped.root);
    const structure = checkStructure(content);
    const errors = [...problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.message}`), ...structure.filter((p) => p.severity === 'error').map((p) => `${file}: ${p.message}`)];
    const warnings = structure.filter((p) => p.severity === 'warning').map((p) => `${file}: warning: ${p.unit}: ${p.message}`);
    if (errors.length > 0) invalid++;
    const against = schema ? `schema ${schema}${note}` : 'no schema: its elements are in no namespace (XLIFF 1.0 has only a DTD)';
    for (const line of [...errors, ...warnings]) lines.push(line);
    lines.push(`${file}: ${errors.length === 0 ? 'valid' : 'invalid'} XLIFF ${content.version} (${content.unitCount} units, ${content.segments.length} segments; ${against})`);
  }
  return { stdout: `${lines.join('\n')}\n`, exitCode: invalid > 0 ? 1 : 0 };
}

/** `l10n tm export`: the whole memory as TMX 1.4, streamed to stdout or written atomically to `--out`. */
export async function tmExportCommand(global: GlobalOptions, options: { out?: string }): Promise<CommandResult> {
  const project = await loadProject(projectOptions(global));
  const { chunks, written } = exportMemory(project);
  const closing = async function* () {
    try {
      yield* chunks;
    } finally {
      await project.store.close();
    }
  };
  if (!options.out) return { stdout: closing(), exitCode: 0 };
  await writeStreamAtomic(path.resolve(options.out), closing());
  return ok(`${options.out}: ${written.units} units, ${written.translations} translations\n`);
}

/** `l10n tm import`: a TMX file into the memory, with what was added, updated and skipped, and why. */
export async function tmImportCommand(global: GlobalOptions, file: string, options: { lang?: string }): Promise<CommandResult> {
  const project = await loadProject(projectOptions(global));
  const only = options.lang?.split(',').map((tag) => parseLangOption(tag.trim(), '--lang'));
  let summary;
  try {
    // A million units take minutes: the count so far, on a terminal.
    const progress = !global.quiet && process.stderr.isTTY ? (units: number) => void process.stderr.write(`\r${units.toLocaleString('en')} units read`) : undefined;
    summary = await importTmx(project.store.memory(), path.resolve(file), { ...(only ? { only } : {}), ...(progress ? { onProgress: progress } : {}) });
    if (progress) process.stderr.write('\r\x1b[K');
  } finally {
    await project.store.close();
  }
  const lines = [
    `${file}: ${summary.units} units read; ${summary.added} translations added, ${summary.updated} updated, ${summary.unchanged} already in the memory`,
    ...[...summary.locales].map(([lang, count]) => `  ${lang}: ${count}`),
  ];
  if (summary.otherSource > 0) lines.push(`${summary.otherSource} translate from another language than ${project.config.sourceLanguage}: kept for export, never proposed`);
  for (const [tag, { lang, count }] of summary.mapped) lines.push(`mapped ${count}: language tag ${tag} read as ${lang}`);
  for (const [reason, count] of summary.skipped) lines.push(`skipped ${count}: ${reason}`);
  return ok(`${lines.join('\n')}\n`);
}

export async function mergeCommand(global: GlobalOptions): Promise<CommandResult> {
  const project = await loadProject(projectOptions(global));
  const progress = createProgress(!global.quiet, 'l10n merge');
  const { manifest } = await runPipeline(project, { ...progress, merge: true }).finally(progress.stop);
  const rows = Object.entries(manifest!.documents).flatMap(([doc, entry]) => [
    ...entry.published.map((lang) => [doc, lang, 'published', '']),
    ...Object.entries(entry.withheld).map(([lang, reason]) => [doc, lang, 'withheld', reason]),
  ]);
  return ok(`${formatTable([['document', 'locale', 'status', 'why'], ...rows])}\n`);
}

export async function importCommand(global: GlobalOptions, files: readonly string[]): Promise<CommandResult> {
  const project = await loadProject(projectOptions(global));
  const rows: (string | number)[][] = [];
  for (const file of files) {
    const result = await importXliff(project, file);
    rows.push([file, result.lang, result.applied, result.unchanged, result.kept, result.stale, result.emptied]);
  }
  return ok(`${formatTable([['file', 'locale', 'applied', 'unchanged', 'kept (reviewed)', 'stale', 'emptied (not applied)'], ...rows])}\n`);
}

export async function runCommand(global: GlobalOptions, options: { json: boolean; explain?: boolean }): Promise<CommandResult> {
  const project = await loadProject(projectOptions(global));
  const engines = await chooseEngines(project.config, process.env, project.termbase, warn);
  if (options.explain) return explainRun(project, engines, options.json);
  // The report as the last run left it: what this run prints is what it found beyond that.
  const previous = await readReport(reportFiles(project).json);
  const progress = createProgress(!global.quiet && !options.json);
  const result = await runPipeline(project, { engines, merge: true, report: true, incremental: true, ...progress }).finally(progress.stop);
  const summary = summarize(project, result, engines);
  const report = await runReport(project, result, summary, previous, { quiet: global.quiet });
  const skipped = result.plan.length - result.pairs.length;
  const removed = result.deleted.map(({ docId, removed, kept }) => ({ document: docId, removed, kept }));
  if (options.json) {
    const { findings: _, ...rest } = summary;
    return ok(`${JSON.stringify({ ...rest, ran: result.pairs.length, skipped, removed }, null, 2)}\n`);
  }
  let text = `${formatSummary(summary)}${report.withheld}`;
  if (skipped > 0) text += `${skipped} of ${result.plan.length} document-locale pairs unchanged since the last run: skipped (l10n run --explain says why)\n`;
  for (const { document, removed: gone, kept } of removed) {
    text += `${document}: source deleted; removed ${gone.length} file(s)${kept.length > 0 ? `, kept ${kept.join(', ')} (translated by people, or edited since the last run)` : ''}\n`;
  }
  return ok(report.findings ? `${text}\n${report.findings}` : text);
}

/** `l10n run --explain`: per pair, whether the next run does it and why; nothing is written. */
async function explainRun(project: Project, engines: EngineChoice, json: boolean): Promise<CommandResult> {
  const engineFor = (lang: Lang) => {
    const engine = engines.engineFor(lang);
    return engine && engine.unsupported(lang, project.config.sourceLanguage) === undefined ? engine.name : 'none';
  };
  const plan = await planRun({ store: project.store, settings: project.settings, locales: project.locales, engineFor, sourceLang: project.config.sourceLanguage, incremental: true });
  const pairs = plan.pairs.map((pair) => ({ document: pair.docId, locale: pair.lang, action: pair.run ? 'run' : 'skip', why: pair.run ? pair.reasons.join('; ') : 'unchanged since the last run' }));
  const deleted = plan.deleted.map((docId) => ({ document: docId, action: 'remove', why: 'source deleted: its outputs are removed' }));
  if (json) return ok(`${JSON.stringify({ pairs, deleted }, null, 2)}\n`);
  const rows = [...pairs.map((p) => [p.document, p.locale, p.action, p.why]), ...deleted.map((d) => [d.document, '*', d.action, d.why])];
  const running = pairs.filter((pair) => pair.action === 'run').length;
  return ok(`${formatTable([['document', 'locale', 'action', 'why'], ...rows])}\n${running} of ${pairs.length} pair(s) would run, ${pairs.length - running} skipped, ${deleted.length} document(s) removed\n`);
}

function formatSummary(summary: RunSummary): string {
  const rows = summary.locales.map((locale) => [
    locale.locale,
    locale.engine,
    locale.segments,
    locale.fromMemory,
    locale.machineTranslated,
    locale.untranslated,
    locale.charactersSent,
    locale.qaErrors,
    locale.qaWarnings,
    publishedCell(locale, summary.documents),
  ]);
  return `${formatTable([
    ['locale', 'engine', 'segments', 'memory', 'machine', 'untranslated', 'chars sent', 'qa errors', 'qa warnings', 'published'],
    ...rows,
  ])}\n`;
}

export async function serveCommand(global: GlobalOptions, options: { port: string; host: string; review?: boolean }): Promise<CommandResult> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port: "${options.port}" is not a port number`, '--port');
  const project = await loadProject(projectOptions(global));
  // Loaded on demand: Fastify and i18next are only needed to serve.
  const { startServer } = await import('../serve/index.js');
  const token = process.env['L10N_REVIEW_TOKEN'] || (options.review ? randomBytes(24).toString('base64url') : undefined);
  const server = await startServer({
    localesDir: project.config.localesDir,
    sourceLanguage: project.config.sourceLanguage,
    port,
    host: options.host,
    cors: project.config.serve.cors,
    pseudo: project.config.serve.pseudo,
    maxAge: project.config.serve.maxAge,
    ...(token ? { review: { token, open: () => loadProject(projectOptions(global)) } } : {}),
    log: (line) => void process.stderr.write(`l10n serve: ${line}\n`),
  });
  process.stdout.write(`serving ${path.relative(process.cwd(), project.config.localesDir) || '.'} on ${server.url}\n`);
  // The token goes in the fragment, which browsers never send: it stays out of logs and Referer headers.
  if (token && !process.env['L10N_REVIEW_TOKEN']) process.stdout.write(`review: ${server.url}/review/<locale>/<document>#token=${token}\n`);
  else if (token) process.stdout.write(`review: ${server.url}/review/<locale>/<document> (token from L10N_REVIEW_TOKEN)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return ok('');
}
