/**
 * Helper for `npm run bench`: a server to load-test, in its own process.
 * `node dist/scripts/serve-target.js ours LOCALES_DIR` runs `l10n serve`'s server;
 * `node dist/scripts/serve-target.js baseline RESPONSES.json` runs a minimal
 * node:http server answering the same bytes from memory (compressed ones as
 * they were, by the request's Accept-Encoding). Prints `{"url": …}`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lang } from '../src/core/lang.js';
import { startServer } from '../src/serve/index.js';

const [mode, input] = process.argv.slice(2);
if (mode === 'ours') {
  const server = await startServer({ localesDir: input!, sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
} else {
  // Keyed by "<accept-encoding> <url>": the bytes ours sent for that request, compressed ones as they were.
  const responses = JSON.parse(readFileSync(input!, 'utf8')) as Record<string, { type: string; encoding?: string; body: string }>;
  const bodies = new Map(Object.entries(responses).map(([key, response]) => [key, { ...response, body: Buffer.from(response.body, 'base64') }]));
  const server = createServer((req, res) => {
    const response = bodies.get(`${req.headers['accept-encoding'] ?? 'identity'} ${req.url ?? ''}`);
    if (!response) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': response.type, 'content-length': response.body.length, ...(response.encoding ? { 'content-encoding': response.encoding } : {}) }).end(response.body);
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
  });
}
