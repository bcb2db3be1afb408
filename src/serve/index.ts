/**
 * Stage 6, serve. Takes: `locales/` as written by merge. Sends: articles and
 * i18next resources over HTTP.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type ServeOptions } from './app.js';

export { createApp, type App, type ServeOptions } from './app.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Largest request head accepted; a bigger one gets 431 from Node before any of our code runs. */
const MAX_HEADER_BYTES = 8 * 1024;

export async function startServer(options: ServeOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = await createApp(options);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app.handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}`,
        close: () =>
          new Promise((done) => {
            app.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
