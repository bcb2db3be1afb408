#!/usr/bin/env node
// Entry point of the `l10n` command; the CLI itself is compiled to dist/ by `npm install` (prepare).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
