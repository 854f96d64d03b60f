import type { CallResult, ClientFrame, RpcTransport, ServerFrame } from '../../shared/rpc/wire';

/**
 * Browser mode: the contract over the host's WebSocket. Calls made while the socket is
 * (re)connecting wait for it; a dropped socket fails the calls in flight with NETWORK and
 * reconnects with backoff, re-subscribing to the events the page listens to.
 */
export const createWsTransport = (url: string): RpcTransport => {
  let socket: WebSocket | null = null;
  let open: Promise<WebSocket> | null = null;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, (result: CallResult) => void>();
  const handlers = new Map<string, Set<(payload: unknown) => void>>();

  const send = (ws: WebSocket, frame: ClientFrame) => ws.send(JSON.stringify(frame));

  const connect = (): Promise<WebSocket> => {
    if (open) return open;
    open = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        retryMs = 250;
        for (const event of handlers.keys()) send(ws, { type: 'subscribe', event });
        resolve(ws);
      };
      ws.onmessage = (message) => {
        const frame = JSON.parse(String(message.data)) as ServerFrame;
        if (frame.type === 'result') {
          pending.get(frame.id)?.(frame.result);
          pending.delete(frame.id);
        } else if (frame.type === 'event') {
          for (const handler of handlers.get(frame.event) ?? []) handler(frame.payload);
        } else console.warn(frame.message);
      };
      ws.onclose = (event) => {
        socket = null;
        open = null;
        for (const [id, settle] of pending) {
          settle({
            ok: false,
            error: { code: 'NETWORK', message: 'Lost the connection to Atelier; retrying' },
          });
          pending.delete(id);
        }
        if (event.code === 1008 || event.code === 4401) return;
        reject(new Error('Could not reach Atelier'));
        // Keep event subscriptions alive across host restarts.
        if (handlers.size > 0) {
          setTimeout(() => void connect().catch(() => {}), retryMs);
          retryMs = Math.min(retryMs * 2, 5000);
        }
      };
    });
    return open;
  };

  return {
    async call(method, input) {
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch {
        return {
          ok: false,
          error: {
            code: 'NETWORK',
            message: 'Atelier is not reachable; is `npm start` still running?',
          },
        };
      }
      const id = nextId++;
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        send(ws, { type: 'call', id, method, input });
      });
    },
    subscribe(event, handler) {
      if (!handlers.has(event)) {
        handlers.set(event, new Set());
        if (socket) send(socket, { type: 'subscribe', event });
        else void connect().catch(() => {});
      }
      handlers.get(event)!.add(handler);
      return () => {
        const set = handlers.get(event);
        set?.delete(handler);
        if (set?.size === 0) {
          handlers.delete(event);
          if (socket) send(socket, { type: 'unsubscribe', event });
        }
      };
    },
  };
};
