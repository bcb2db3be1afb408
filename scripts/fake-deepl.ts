/**
 * Runs the local DeepL-compatible test server in its own process, so a
 * benchmark does not share its CPU with the server:
 * `node dist/scripts/fake-deepl.js '{"latencyMs":50}'` prints `{"url": …}`.
 */
import { startFakeDeepL, type FakeDeepLOptions } from '../test/helpers/fake-deepl-server.js';

const server = await startFakeDeepL(JSON.parse(process.argv[2] ?? '{}') as FakeDeepLOptions);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
