/**
 * Stage 6, serve. Takes: `locales/` as written by merge. Sends: articles and
 * i18next resources over HTTP.
 */
import type { AddressInfo } from 'node:net';
import { createApp, type ServeOptions } from './app.js';

export { createApp, type ServeOptions } from './app.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = await createApp(options);
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host, (error?: Error) => {
      if (error) {
        reject(error);
        return;
      }
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
