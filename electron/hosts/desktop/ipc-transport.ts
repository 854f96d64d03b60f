import { ipcMain, webContents, type WebContents } from 'electron';
import { contract } from '../../../shared/contract';
import type { Services } from '../../services/create-services';

export const CALL_CHANNEL = 'atelier:call';
export const EVENT_CHANNEL = 'atelier:event';
export const SUBSCRIBE_CHANNEL = 'atelier:subscribe';

/**
 * The contract over Electron IPC: one invoke channel for calls, one push channel for events.
 * Calls from any frame other than our own window's main frame are refused.
 */
export const serveContractOverIpc = (
  services: Pick<Services, 'dispatcher' | 'events'>,
  isTrustedSender: (contents: WebContents, frameUrl: string | undefined) => boolean,
) => {
  const subscriptions = new Map<number, Set<string>>();

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url)) {
      return { ok: false, error: { code: 'PERMISSION', message: 'Untrusted sender' } };
    }
    return services.dispatcher.dispatch(method, input);
  });

  ipcMain.on(SUBSCRIBE_CHANNEL, (event, name: unknown, on: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url)) return;
    if (typeof name !== 'string' || !Object.hasOwn(contract.events, name)) return;
    const id = event.sender.id;
    if (!subscriptions.has(id)) {
      subscriptions.set(id, new Set());
      event.sender.once('destroyed', () => subscriptions.delete(id));
    }
    if (on === true) subscriptions.get(id)!.add(name);
    else subscriptions.get(id)!.delete(name);
  });

  return services.events.listen((name, payload) => {
    for (const [id, names] of subscriptions) {
      if (!names.has(name)) continue;
      webContents.fromId(id)?.send(EVENT_CHANNEL, name, payload);
    }
  });
};
