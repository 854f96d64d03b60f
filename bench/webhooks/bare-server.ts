import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The limit of bench/webhooks: a bare Node HTTP server that reads each body and answers 200 with
 * a tiny JSON body, nothing else (no parsing, no signature, no storage). Forked by index.ts with
 * an IPC channel; it sends `{ port }` once listening on loopback and exits when the parent goes.
 * The keep-alive timeout is the receiver's (receiver-server.ts), so both keep connections alike.
 */
if (!process.send) {
  console.error('Usage: forked with an IPC channel (bench/webhooks/index.ts)');
  process.exit(2);
}

const ANSWER = '{"received":true}';
const server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': ANSWER.length });
    res.end(ANSWER);
  });
});

server.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as AddressInfo).port });
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on('disconnect', stop);
process.on('SIGTERM', stop);
