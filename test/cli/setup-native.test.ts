/**
 * #24: better-sqlite3 built for another Node.js (node_modules copied between machines, or Node upgraded after
 * `npm install`) is one line with the command that fixes it, not an internal error with a stack.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BIN, cleanEnv } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

let project: TempProject;
beforeEach(async () => {
  project = await createTempProject();
});
afterEach(() => project.remove());

/**
 * Loading any addon fails as Node fails it for an addon of another ABI: the same error code and the message
 * Node's src/node_binding.cc writes (only one Node.js is installed here to build a real one with).
 */
const OTHER_ABI = `
const dlopen = process.dlopen;
process.dlopen = function (module, file, ...rest) {
  if (!String(file).includes('better_sqlite3')) return dlopen.call(this, module, file, ...rest);
  const error = new Error("The module '" + file + "'\\nwas compiled against a different Node.js version using\\nNODE_MODULE_VERSION 108. This version of Node.js requires\\nNODE_MODULE_VERSION " + process.versions.modules + ". Please try re-compiling or re-installing\\nthe module (for instance, using \`npm rebuild\` or \`npm install\`).");
  error.code = 'ERR_DLOPEN_FAILED';
  throw error;
};
`;

it('#24 better-sqlite3 built for another Node.js: one line saying `npm rebuild better-sqlite3`', async () => {
  const preload = path.join(project.dir, 'other-abi.mjs');
  await writeFile(preload, OTHER_ABI);
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(preload).href, BIN, 'run', '--quiet'], { cwd: project.dir, env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  expect(result.stderr).toBe(
    `l10n: better-sqlite3 was built for another version of Node.js (NODE_MODULE_VERSION 108; Node.js ${process.versions.node} needs ${process.versions.modules}): run \`npm rebuild better-sqlite3\` in the project folder\n`,
  );
  expect(result.code).toBe(2);
});
