/**
 * One function per command. They return what to print and the exit code; they
 * never print errors or exit themselves (that is `main.ts`'s job).
 */
import path from 'node:path';
import { ConfigError, InputError, quoted } from '../core/errors.js';
import { baseLanguage, parseLang, type Lang } from '../core/lang.js';
import { isBlocking, type DocId } from '../core/types.js';
import { chooseEngines } from '../engines.js';
import { check, extract, merge, planTranslation, QA_REPORT_FILE, run, translate, type ReportFinding, type RunSummary } from '../pipeline.js';
import { loadProject, loadTermbase, memoryWorthy, readXliffText } from '../project.js';
import { checkXliff } from '../qa/index.js';
import { loadRules, readSourceStream, segmentStream } from '../segment/index.js';
import { importXliff } from '../import.js';
import { fileLanguages, translateXliffFiles } from '../translate-files.js';
import { loadConfig, outputLocales } from '../core/config.js';
import { writeFileAtomic } from '../core/fs.js';
import { withProjectLock } from '../core/lock.js';
import { readMemoryFile, writeTmx, type TranslationMemory } from '../mt/index.js';
import { TOOL_VERSION } from '../xliff/tool-version.js';
import { checkStructure, mapXliffText, segmentLabel } from '../xliff/index.js';
import { addUnitNote } from '../xliff/notes.js';
import { formatAcceptance, targetHash } from '../core/acceptance.js';
import { encodeXml } from '../xml/encoding.js';
import { createProgress, formatTable } from './output.js';

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
  return withProjectLock(projectOptions(global).root, command, (holder) => warn(`waiting for ${holder} to finish`), run);
}

/** A problem the run gets past (a DeepL glossary it cannot use): one line on stderr, the run goes on. */
const warn = (message: string) => void process.stderr.write(`l10n: warning: ${message}\n`);

function projectOptions(global: GlobalOptions) {
  return { root: path.resolve(global.root), ...(global.config ? { configFile: path.resolve(global.config) } : {}) };
}

function parseLangOption(value: string, key: string): Lang {
  const lang = parseLang(value);
  if (!lang) throw new ConfigError(`${key}: unknown locale ${quoted(value)}`, key);
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

export async function extractCommand(global: GlobalOptions, options: { xliff?: '1.2' | '2.0' }): Promise<CommandResult> {
  const project = await loadProject(projectOptions(global));
  const progress = createProgress(!global.quiet);
  const result = await extract(project, { ...progress, ...(options.xliff ? { version: options.xliff } : {}) }).finally(progress.stop);
  const rows = result.files.map((file) => [
    path.relative(project.config.root, file.file),
    file.kept,
    file.stale,
    file.written ? 'written' : 'unchanged',
  ]);
  return ok(`${formatTable([['file', 'targets kept', 'stale', 'status'], ...rows])}\n`);
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
    const rows = plan.map((entry) => [entry.lang, entry.engine, entry.fromMemory, entry.toSend, entry.characters, entry.leftUntranslated]);
    let text = formatTable([['locale', 'engine', 'from memory', 'segments to send', 'characters to send', 'left untranslated'], ...rows]);
    const usage = await engines.engineFor(project.config.targetLocales[0]!)?.usage?.();
    if (usage) text += `\nDeepL usage: ${usage.used} of ${usage.limit ?? 'unlimited'} characters`;
    return ok(`${text}\n`);
  }
  const progress = createProgress(!global.quiet && !options.json);
  const result = await translate(project, { engines, ...progress }).finally(progress.stop);
  if (options.json) return ok(`${JSON.stringify(result, null, 2)}\n`);
  const rows = result.map((entry) => [entry.lang, entry.engine, entry.fromMemory, entry.machineTranslated, entry.charactersSent]);
  return ok(`${formatTable([['locale', 'engine', 'from memory', 'machine translated', 'characters sent'], ...rows])}\n`);
}

/** `l10n translate FILE.xlf…`: pre-translate XLIFF from a CAT tool or TMS, in place. */
async function translateFilesCommand(global: GlobalOptions, files: readonly string[], options: TranslateCommandOptions): Promise<CommandResult> {
  const { root, configFile } = projectOptions(global);
  const config = await loadConfig(root, configFile);
  const engines = await chooseEngines(config, process.env, await loadTermbase(config), warn);
  const results = await translateXliffFiles(config, engines, files, {
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
  const findings = files.length > 0 ? await checkFiles(global, files, languages) : (await check(await loadProject(projectOptions(global)))).findings;
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

/** QA straight from XLIFF files: source and target pairs as the file has them. */
async function checkFiles(global: GlobalOptions, files: readonly string[], languages: { sourceLang?: Lang; targetLang?: Lang }): Promise<ReportFinding[]> {
  const qa = await xliffQa(global, languages);
  const findings: ReportFinding[] = [];
  for (const file of files) {
    const { content, findings: found } = await qa(file);
    // Findings are keyed by the segment's key (ids repeat across <file>s) and shown by label.
    const where = new Map(content.segments.map((segment) => [segment.key, { unit: segmentLabel(segment), ...(content.files > 1 ? { original: segment.file } : {}) }]));
    for (const finding of found) {
      findings.push({ file, ...where.get(finding.key)!, check: finding.check, severity: finding.severity, message: finding.message, ...(finding.accepted ? { accepted: true } : {}) });
    }
  }
  return findings;
}

/** QA of one XLIFF file at a time: its reading, its languages, and the project's termbase where the source language matches. */
async function xliffQa(global: GlobalOptions, languages: { sourceLang?: Lang; targetLang?: Lang }) {
  const { root, configFile } = projectOptions(global);
  const config = await loadConfig(root, configFile);
  const projectTermbase = await loadTermbase(config);
  return async (file: string) => {
    const read = await readXliffText(file);
    if (!read) throw new InputError('no such file', { file });
    const { sourceLang, lang } = fileLanguages(file, read.content, languages);
    // The termbase names things as the project's source language does: other sources are not checked against it.
    const termbase = baseLanguage(sourceLang) === baseLanguage(config.sourceLanguage) ? projectTermbase : undefined;
    return { ...read, findings: checkXliff(read.content, { sourceLang, lang, ...(termbase ? { termbase } : {}) }) };
  };
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
  const { text, encoding, content, findings } = await (await xliffQa(global, languages))(file);
  const segments = content.segments.filter((segment) => segmentLabel(segment) === options.unit || segment.id === options.unit);
  if (segments.length === 0) throw new InputError(`no unit ${quoted(options.unit)}`, { file });
  const keys = new Set(segments.map((segment) => segment.key));
  const found = findings.filter((finding) => keys.has(finding.key) && finding.check === options.check);
  if (found.length === 0) throw new InputError(`unit ${quoted(options.unit)} has no "${options.check}" finding to accept`, { file });
  const open = [...new Set(found.filter((finding) => !finding.accepted).map((finding) => finding.key))];
  if (open.length === 0) return ok(`${file}: ${options.unit}: "${options.check}" is already accepted for this target\n`);
  let updated = text;
  for (const key of open) {
    const segment = segments.find((candidate) => candidate.key === key)!;
    const acceptance = { check: options.check, target: targetHash(segment.target?.text ?? ''), ...(options.note ? { note: options.note } : {}) };
    updated = addUnitNote(updated, mapXliffText(updated, file), key, formatAcceptance(acceptance), file);
  }
  await writeFileAtomic(path.resolve(file), encodeXml(updated, encoding));
  return ok(`${file}: ${options.unit}: "${options.check}" accepted for this target (${found.length} finding(s)); it blocks nothing until the target changes\n`);
}

export async function validateCommand(files: readonly string[]): Promise<CommandResult> {
  const lines: string[] = [];
  let invalid = 0;
  // Loaded on demand: the WebAssembly libxml2 is only needed here.
  const { validateDeclared } = await import('../xliff/schema.js');
  for (const file of files) {
    // The same reading as everywhere: size limit, declared encoding, the strict XML gate.
    const read = await readXliffText(file);
    if (!read) throw new InputError('no such file', { file });
    const { text, content, mapped } = read;
    const { schema, problems, note } = await validateDeclared(text, content.namespace, mapped.root);
    const structure = checkStructure(content);
    const errors = [...problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.message}`), ...structure.filter((p) => p.severity === 'error').map((p) => `${file}: ${p.message}`)];
    const warnings = structure.filter((p) => p.severity === 'warning').map((p) => `${file}: warning: ${p.unit}: ${p.message}`);
    if (errors.length > 0) invalid++;
    const against = schema ? `schema ${schema}${note}` : 'no schema: its elements are in no namespace (XLIFF 1.0 has only a DTD)';
    lines.push(...errors, ...warnings);
    lines.push(`${file}: ${errors.length === 0 ? 'valid' : 'invalid'} XLIFF ${content.version} (${content.unitCount} units, ${content.segments.length} segments; ${against})`);
  }
  return { stdout: `${lines.join('\n')}\n`, exitCode: invalid > 0 ? 1 : 0 };
}

/** `l10n tm export`: the approved translations of every locale as TMX 1.4. */
export async function tmExportCommand(global: GlobalOptions, options: { out?: string }): Promise<CommandResult> {
  const { root, configFile } = projectOptions(global);
  const config = await loadConfig(root, configFile);
  const termbase = await loadTermbase(config);
  const memories = new Map<Lang, TranslationMemory>();
  for (const lang of outputLocales(config)) {
    const memory = await readMemoryFile(path.join(config.memoryDir, `${lang}.json`));
    if (memory.size === 0) continue;
    // A memory written before QA guarded it may hold a translation that now fails: never exported as final.
    const entries = [...memory].map(([source, target]) => ({ source, target }));
    const clean = new Set(memoryWorthy({ config, ...(termbase ? { termbase } : {}) }, lang, entries).map((entry) => entry.source));
    memories.set(lang, new Map(entries.map(({ source, target }) => [source, clean.has(source) ? target : { ...target, state: 'translated' as const }])));
  }
  const tmx = writeTmx({ sourceLang: config.sourceLanguage, memories, toolVersion: TOOL_VERSION });
  if (!options.out) return ok(tmx);
  await writeFileAtomic(path.resolve(options.out), tmx);
  const units = [...memories.values()].reduce((n, memory) => n + memory.size, 0);
  return ok(`${options.out}: ${units} translations in ${memories.size} locale(s)\n`);
}

export async function mergeCommand(global: GlobalOptions): Promise<CommandResult> {
  const project = await loadProject(projectOptions(global));
  const progress = createProgress(!global.quiet);
  const { manifest } = await merge(project, progress).finally(progress.stop);
  const rows = Object.entries(manifest.documents).flatMap(([doc, entry]) => [
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

export async function runCommand(global: GlobalOptions, options: { json: boolean }): Promise<CommandResult> {
  const project = await loadProject(projectOptions(global));
  const engines = await chooseEngines(project.config, process.env, project.termbase, warn);
  const progress = createProgress(!global.quiet && !options.json);
  const summary = await run(project, { engines, ...progress }).finally(progress.stop);
  if (options.json) {
    const { findings: _, ...rest } = summary;
    return ok(`${JSON.stringify(rest, null, 2)}\n`);
  }
  if (summary.findings.length === 0) return ok(formatSummary(summary));
  const report = path.relative(project.config.root, path.join(project.config.reportsDir, QA_REPORT_FILE));
  return ok(`${formatSummary(summary)}\nQA findings (${report}):\n${formatFindings(summary.findings)}`);
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
    locale.published.length === summary.documents ? 'yes' : Object.values(locale.withheld)[0] ?? 'no',
  ]);
  return `${formatTable([
    ['locale', 'engine', 'segments', 'memory', 'machine', 'untranslated', 'chars sent', 'qa errors', 'qa warnings', 'published'],
    ...rows,
  ])}\n`;
}

export async function serveCommand(global: GlobalOptions, options: { port: string; host: string }): Promise<CommandResult> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port: "${options.port}" is not a port number`, '--port');
  const project = await loadProject(projectOptions(global));
  // Loaded on demand: Fastify and i18next are only needed to serve.
  const { startServer } = await import('../serve/index.js');
  const server = await startServer({
    localesDir: project.config.localesDir,
    sourceLanguage: project.config.sourceLanguage,
    port,
    host: options.host,
    log: (line) => void process.stderr.write(`l10n serve: ${line}\n`),
  });
  process.stdout.write(`serving ${path.relative(process.cwd(), project.config.localesDir) || '.'} on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return ok('');
}
