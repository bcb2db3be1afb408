/**
 * Stage 6, serve. Takes: `locales/` as written by merge. Sends: articles and
 * i18next resources over HTTP.
 */
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../core/errors.js';
import { createApp, type ServeOptions } from './app.js';

export { createApp, type App, type ServeOptions } from './app.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = await createApp(options);
  try {
    await app.server.listen({ port: options.port, host: options.host });
  } catch (error) {
    // Nothing may keep the process alive after a failed start: the watcher and the server go.
    app.close();
    await app.server.close().catch(() => undefined);
    throw listenError(error, options);
  }
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

/**
 * Why the server could not listen, as one line that says what to do: the
 * port taken, not ours to take, or a host that is not an address of this
 * machine (errno names as Node gives them, from listen(2) and getaddrinfo(3)).
 */
function listenError(error: unknown, options: { port: number; host: string }): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${options.host}:${options.port}`;
  if (code === 'EADDRINUSE') return new ConfigError(`--port: ${options.port} is in use on ${options.host} (another server is listening there); choose another with --port, or 0 for any free port`, '--port', { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new ConfigError(`--port: not allowed to listen on ${where} (ports below 1024 need privileges); choose a port above 1023`, '--port', { cause: error });
  if (code === 'EADDRNOTAVAIL') return new ConfigError(`--host: ${options.host} is not an address of this machine; use 127.0.0.1, ::1, 0.0.0.0 or one of its own addresses`, '--host', { cause: error });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') return new ConfigError(`--host: "${options.host}" cannot be resolved to an address of this machine (${code}); use an IP address such as 127.0.0.1`, '--host', { cause: error });
  if (code === 'EAFNOSUPPORT') return new ConfigError(`--host: ${options.host} is of an address family this machine does not support; use 127.0.0.1`, '--host', { cause: error });
  return error;
}
