/** Runs the real `l10n` binary in a child process, as a user would. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './temp-project.js';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const BIN = path.join(REPO_ROOT, 'bin/l10n.js');

/** Environment without any DeepL settings of the developer's shell, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base['DEEPL_AUTH_KEY'];
  delete base['DEEPL_SERVER_URL'];
  return { ...base, ...env };
}

export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string>; input?: string }): Promise<CliResult> {
  return runProcess(process.execPath, [BIN, ...args], { cwd: options.cwd, env: cleanEnv(options.env), input: options.input ?? '' });
}

/** Any command in a child process, its output collected; `uid` runs it as another user (the same as its group). */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; uid?: number },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const ids = options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {};
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'pipe', ...ids });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Stderr without the one-per-language notice that DeepL goes without a glossary (the termbase of the
 * test project covers only its own locales), for tests about files in other languages.
 */
export function withoutGlossaryNotices(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^l10n: warning: (the termbase has no entries in |DeepL has no glossaries for )/.test(line))
    .join('\n');
}
