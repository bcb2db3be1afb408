/**
 * `l10n serve` where it cannot listen (a port in use, an address this machine
 * does not have): one line that names the port or host and what to do, and
 * an exit, not an internal error with a stack and a process that stays.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

/** The real binary, killed after `timeoutMs` if it has not exited by then (code null). */
function serve(args: readonly string[], cwd: string, timeoutMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, env: cleanEnv(), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('l10n serve where it cannot listen', () => {
  let project: TempProject;
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    project = await createTempProject();
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    busy?.close();
    await project?.remove();
  });

  it('names the port in use and exits non-zero', async () => {
    const result = await serve(['--port', String(port), '--host', '127.0.0.1', '--review'], project.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`l10n: --port: ${port} is in use on 127.0.0.1 (another server is listening there); choose another with --port, or 0 for any free port\n`);
    expect(result.stdout).toBe('');
  });

  it('names a host that is not an address of this machine and exits non-zero', async () => {
    // 203.0.113.0/24 is TEST-NET-3 (RFC 5737): never an address of this machine.
    const result = await serve(['--port', '0', '--host', '203.0.113.7'], project.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^l10n: --host: 203\.0\.113\.7 is not an address of this machine; use 127\.0\.0\.1/);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
