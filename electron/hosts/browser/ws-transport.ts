import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientFrameSchema, type ServerFrame } from '../../../shared/rpc/wire';
import { contract } from '../../../shared/contract';
import type { Services } from '../../services/create-services';

const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/**
 * The contract over a WebSocket: `call` frames go through the same dispatcher Electron's IPC
 * uses; events are forwarded only for the names the page subscribed to, and only if they exist.
 */
export const createWsTransport = (
  services: Pick<Services, 'dispatcher' | 'events' | 'logger'>,
  authorize: (req: IncomingMessage) => boolean,
) => {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  wss.on('connection', (socket: WebSocket) => {
    const subscribed = new Set<string>();
    const send = (frame: ServerFrame) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    const stopListening = services.events.listen((event, payload) => {
      if (subscribed.has(event)) send({ type: 'event', event, payload });
    });
    socket.on('close', stopListening);
    socket.on('message', async (data) => {
      let frame;
      try {
        frame = clientFrameSchema.parse(JSON.parse(data.toString()));
      } catch {
        socket.close(1003, 'Malformed frame');
        return;
      }
      if (frame.type === 'subscribe') {
        if (Object.hasOwn(contract.events, frame.event)) subscribed.add(frame.event);
        else
          send({
            type: 'error',
            message: `Unknown event ${JSON.stringify(frame.event).slice(0, 80)}`,
          });
      } else if (frame.type === 'unsubscribe') subscribed.delete(frame.event);
      else
        send({
          type: 'result',
          id: frame.id,
          result: await services.dispatcher.dispatch(frame.method, frame.input),
        });
    });
  });

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      if (!authorize(req)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
};
