/**
 * Stage 6, serve. Takes: `locales/` as written by merge. Sends: articles and
 * i18next resources over HTTP.
 */
import type { AddressInfo } from 'node:net';
import { createApp, type ServeOptions } from './app.js';

export { createApp, type App, type ServeOptions } from './app.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = await createApp(options);
  await app.server.listen({ port: options.port, host: options.host });
  const address = app.server.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: async () => {
      app.close();
      app.server.server.closeAllConnections();
      await app.server.close();
    },
  };
}
