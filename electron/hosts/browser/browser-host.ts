import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from '../../services/create-services';
import { createSessionToken } from './session-token';
import { createStaticHandler } from './static-files';
import { createWsTransport } from './ws-transport';

export interface BrowserHostOptions {
  services: Pick<Services, 'dispatcher' | 'events' | 'logger'>;
  rendererDir: string;
  port?: number;
}

export interface BrowserHost {
  /** Origin the renderer is served from. */
  origin: string;
  /** What to open: the origin with the session token in the fragment (never sent to a server). */
  launchUrl: string;
  stop(): Promise<void>;
}

/**
 * Browser mode: the renderer bundle over HTTP and the contract over a WebSocket, on 127.0.0.1
 * only. The socket demands the per-launch token and a same-origin page, so another site open in
 * the same browser cannot drive the app.
 */
export const startBrowserHost = async (options: BrowserHostOptions): Promise<BrowserHost> => {
  const session = createSessionToken();
  let origin = '';
  const serveStatic = createStaticHandler(options.rendererDir, () => origin);
  const authorize = (req: IncomingMessage) => {
    const url = new URL(req.url ?? '/', origin);
    return (
      url.pathname === '/rpc' &&
      req.headers.origin === origin &&
      session.matches(url.searchParams.get('token'))
    );
  };
  const transport = createWsTransport(options.services, authorize);
  const server = createServer((req, res) => {
    serveStatic(req, res).catch((error) => {
      options.services.logger.error('Serving the renderer failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('upgrade', (req, socket, head) => transport.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    launchUrl: `${origin}/#token=${session.token}`,
    async stop() {
      await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
