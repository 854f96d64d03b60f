import { contextBridge, ipcRenderer } from 'electron';
import { CONTRACT_EVENT_NAMES } from '../../../shared/contract/event-names';

// Channel names repeat ipc-transport.ts: the sandboxed preload is bundled on its own.
const CALL_CHANNEL = 'atelier:call';
const EVENT_CHANNEL = 'atelier:event';
const SUBSCRIBE_CHANNEL = 'atelier:subscribe';
const EVENTS = new Set<string>(CONTRACT_EVENT_NAMES);

type Handler = (payload: unknown) => void;
const handlers = new Map<string, Set<Handler>>();

ipcRenderer.on(EVENT_CHANNEL, (_event, name: string, payload: unknown) => {
  for (const handler of handlers.get(name) ?? []) handler(payload);
});

/**
 * The whole bridge: call a contract method, subscribe to a contract event. No ipcRenderer, no
 * Node, nothing else reaches the page.
 */
contextBridge.exposeInMainWorld('atelier', {
  call: (method: string, input: unknown) => ipcRenderer.invoke(CALL_CHANNEL, method, input),
  subscribe: (event: string, handler: Handler) => {
    if (!EVENTS.has(event) || typeof handler !== 'function') {
      throw new Error(`Unknown event ${String(event)}`);
    }
    if (!handlers.has(event)) {
      handlers.set(event, new Set());
      ipcRenderer.send(SUBSCRIBE_CHANNEL, event, true);
    }
    handlers.get(event)!.add(handler);
    return () => {
      const set = handlers.get(event);
      set?.delete(handler);
      if (set && set.size === 0) {
        handlers.delete(event);
        ipcRenderer.send(SUBSCRIBE_CHANNEL, event, false);
      }
    };
  },
});
