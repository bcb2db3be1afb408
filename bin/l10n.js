#!/usr/bin/env node
// Entry point of the `l10n` command. `npm install` links it into node_modules/.bin (this folder is
// the `l10n-cli` package the root depends on as `file:bin`) and compiles the CLI to dist/ (`prepare`).
// The root package.json has no `bin` of its own on purpose: npm 9+ `npx` installs a folder whose own
// bin matches the command into its npx cache (running `prepare` again) instead of running it in place.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('l10n: the CLI is not built (dist/ is missing): run `npm run build` in this folder\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
