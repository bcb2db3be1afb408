/**
 * The `l10n` command line. The only code that prints errors or exits: typed
 * errors become one clear line on stderr and an exit code.
 *
 * Exit codes: 0 done; 1 QA found errors (`check`); 2 bad input, config or usage;
 * 3 the translation engine failed; 70 a bug in l10n itself; 130 interrupted (Ctrl-C), as a shell
 * reports a SIGINT, after the run saved and recorded what it finished.
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, EngineError, InputError, L10nError } from '../core/errors.js';
import {
  checkCommand,
  acceptCommand,
  extractCommand,
  importCommand,
  locked,
  mergeCommand,
  runCommand,
  segmentCommand,
  serveCommand,
  translateCommand,
  validateCommand,
  tmExportCommand,
  tmImportCommand,
  type CommandResult,
  type GlobalOptions,
} from './commands.js';
import { describeNativeModuleError } from './native-module.js';
import { RunInterrupted } from '../core/interrupted.js';

export const EXIT = { ok: 0, qaErrors: 1, badInput: 2, engine: 3, internal: 70, interrupted: 130 } as const;

function buildProgram(done: (result: CommandResult) => void, writeErr: (text: string) => void): Command {
  const program = new Command('l10n')
    .description('German news → sentences → XLIFF → machine translation → QA → localised documents and i18next resources')
    .version('0.1.0')
    .option('--root <dir>', 'project folder', '.')
    .option('--config <file>', 'config file (default: <root>/l10n.config.json)')
    .option('-q, --quiet', 'no progress display; `run` counts its new QA findings without listing them', false)
    .exitOverride()
    .configureOutput({ writeErr })
    .showSuggestionAfterError(true);

  const global = (): GlobalOptions => program.opts<GlobalOptions>();
  const xliffVersion = new Option('--xliff <version>', 'XLIFF version to write').choices(['1.2', '2.0']);

  program
    .command('segment')
    .description('split a text file into sentences, one per line')
    .argument('<file>', 'UTF-8 text file')
    .option('--lang <tag>', 'language of the text', 'de')
    .option('--json', 'print [{ id, block, text }] instead', false)
    .option('--srx <file>', 'SRX 2.0 rules to use instead of the built-in ones')
    .action(async (file: string, options) => done(await segmentCommand(file, options)));
  program
    .command('extract')
    .description('write locales/<lng>/<doc>.xlf for every document and locale, keeping existing translations')
    .addOption(xliffVersion)
    .addOption(new Option('--for <tool>', 'also write a copy each CAT tool reads right: omegat (the source copied into each unapproved target)').choices(['omegat']))
    .option('--out <dir>', 'with --for: the folder for the copies, <dir>/<lng>/<doc>.xlf (OmegaT: a project\'s source/ folder)')
    .action(async (options) => done(await locked(global(), 'extract', () => extractCommand(global(), options))));
  program
    .command('translate')
    .description('fill untranslated units: approved memory first, then DeepL or the offline engine')
    .argument('[files...]', "XLIFF files from a CAT tool or TMS to fill in place (default: the project's)")
    .option('--dry-run', 'print what would be sent and billed, send nothing', false)
    .option('--json', 'print the per-file (or per-locale) counts as JSON', false)
    .option('--source-lang <tag>', 'source language of XLIFF files that name none')
    .option('--target-lang <tag>', 'target language of XLIFF files that name none')
    .action(async (files: string[], options) => done(await locked(global(), 'translate', () => translateCommand(global(), files, options))));
  program
    .command('check')
    .description('QA: quotes, numbers, brackets, whitespace; exit 1 when an error is found')
    .argument('[files...]', 'XLIFF files (default: the whole project)')
    .option('--json', 'print findings as JSON', false)
    .option('--source-lang <tag>', 'source language of XLIFF files that name none')
    .option('--target-lang <tag>', 'target language of XLIFF files that name none')
    .action(async (files: string[], options) => done(await locked(global(), 'check', () => checkCommand(global(), files, options))));
  program
    .command('accept')
    .description('accept a QA finding of a unit as it is: it stops blocking until the target changes')
    .argument('<file>', 'XLIFF file')
    .requiredOption('--unit <id>', 'the unit (as check shows it)')
    .requiredOption('--check <id>', 'the check whose finding is accepted (numbers, names, …)')
    .option('--note <text>', 'why, for the next reviewer')
    .option('--source-lang <tag>', 'source language of an XLIFF file that names none')
    .option('--target-lang <tag>', 'target language of an XLIFF file that names none')
    .action(async (file: string, options) => done(await locked(global(), 'accept', () => acceptCommand(global(), file, options))));
  program
    .command('merge')
    .description('write localised documents and i18next resources for complete, QA-clean locales')
    .action(async () => done(await locked(global(), 'merge', () => mergeCommand(global()))));
  program
    .command('import')
    .description('apply translated or reviewed XLIFF from translators to the project')
    .argument('<files...>', 'XLIFF files')
    .action(async (files: string[]) => done(await locked(global(), 'import', () => importCommand(global(), files))));
  program
    .command('validate')
    .description('check XLIFF files against the OASIS schemas (in-process) and for duplicate ids; exit 1 when invalid')
    .argument('<files...>', 'XLIFF files')
    .action(async (files: string[]) => done(await validateCommand(files)));
  const tm = program.command('tm').description('translation memory');
  tm.command('export')
    .description('write the whole memory as TMX 1.4 (to stdout, or --out FILE)')
    .option('--out <file>', 'file to write')
    .action(async (options) => done(await tmExportCommand(global(), options)));
  tm.command('import')
    .description('add a TMX file (1.1–1.4b, UTF-8 or UTF-16) to the memory and say what was added, updated and skipped')
    .argument('<file>', 'TMX file')
    .option('--lang <locales>', 'import only translations into these locales (comma-separated)')
    .action(async (file: string, options) => done(await locked(global(), 'tm import', () => tmImportCommand(global(), file, options))));
  program
    .command('run')
    .description('segment, extract, translate, check and merge, in order; pairs unchanged since the last run are skipped')
    .option('--json', 'print a machine-readable summary', false)
    .option('--explain', 'print per document and locale whether it would run and why; change nothing', false)
    .option('--dry-run', 'the same as --explain', false)
    .action(async (options) => {
      const explain = options.explain || options.dryRun;
      done(await (explain ? runCommand(global(), { json: options.json, explain }) : locked(global(), 'run', () => runCommand(global(), options))));
    });
  program
    .command('serve')
    .description('serve the localised articles over HTTP with i18next')
    .option('--port <n>', 'port (0 = any free port)', '3000')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--review', 'also serve the review page, with a token printed once (or L10N_REVIEW_TOKEN)', false)
    .action(async (options) => done(await serveCommand(global(), options)));
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let result: CommandResult = { stdout: '', exitCode: EXIT.ok };
  let commanderOutput = '';
  const program = buildProgram(
    (r) => {
      result = r;
    },
    (text) => {
      commanderOutput += text;
    },
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // Without a command, commander shows the help: print it rather than a one-line error.
    if (error instanceof CommanderError && error.code === 'commander.help') {
      process.stderr.write(commanderOutput);
      return EXIT.badInput;
    }
    const code = report(error);
    // A JSON consumer reads stdout: it gets the error as an object, not an empty page.
    if (argv.includes('--json') && code !== EXIT.ok) await write(`${JSON.stringify({ error: errorObject(error, code) }, null, 2)}\n`).catch(() => {});
    return code;
  }
  const final: CommandResult = result;
  try {
    if (typeof final.stdout === 'string') await write(final.stdout);
    else for await (const chunk of final.stdout) await write(chunk);
  } catch (error) {
    // The reader went away (`l10n segment big.txt | head`): stop quietly, as Unix tools do.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.ok;
    return report(error);
  }
  return final.exitCode;
}

/** Writes to stdout and waits when the pipe is full, so streamed output does not pile up in memory. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}

/** The error as data: what failed, where, and the exit code. */
function errorObject(error: unknown, exitCode: number): Record<string, unknown> {
  const message = error instanceof L10nError || error instanceof CommanderError ? error.message.replace(/^error: /, '') : (describeNativeModuleError(error) ?? 'internal error');
  const fields: Record<string, unknown> = { exitCode, code: error instanceof L10nError ? error.code : exitCode === EXIT.badInput ? 'USAGE' : 'INTERNAL', message };
  if (error instanceof InputError) Object.assign(fields, error.location);
  if (error instanceof ConfigError) fields['key'] = error.key;
  if (error instanceof EngineError) Object.assign(fields, { engine: error.engine, retryable: error.retryable });
  return fields;
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
      return EXIT.ok;
    }
    process.stderr.write(`l10n: ${error.message.replace(/^error: /, '')}\n`);
    return EXIT.badInput;
  }
  if (error instanceof InputError || error instanceof ConfigError) {
    process.stderr.write(`l10n: ${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof RunInterrupted) {
    process.stderr.write(`\nl10n: ${error.message}\n`);
    return EXIT.interrupted;
  }
  if (error instanceof EngineError) {
    process.stderr.write(`l10n: ${error.message}${error.retryable ? ' (temporary: run again later to resume)' : ''}\n`);
    return EXIT.engine;
  }
  if (error instanceof L10nError) {
    process.stderr.write(`l10n: ${error.message}\n`);
    return EXIT.badInput;
  }
  const native = describeNativeModuleError(error);
  if (native !== undefined) {
    process.stderr.write(`l10n: ${native}\n`);
    return EXIT.badInput;
  }
  process.stderr.write(`l10n: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.internal;
}
