import { parseArgs } from 'node:util';
import { Inspector } from './inspector';
import type { ChildMessage, InspectorMethods, ParentMessage } from './inspector-protocol';

/**
 * Entry of the inspector process (forked by inspector-client.ts): opens the log in `--data-dir`,
 * answers the parent's calls and pushes new deliveries in batches (at most every 100 ms). It exits
 * when the parent goes away.
 */
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const dir = values['data-dir'];
if (!dir || !process.send) {
  console.error('Usage: forked with an IPC channel and --data-dir <folder>');
  process.exit(2);
}
const send = (message: ChildMessage) => {
  if (process.connected) process.send!(message);
};

let batch: ChildMessage & { kind: 'deliveries' } = { kind: 'deliveries', deliveries: [] };
let timer: NodeJS.Timeout | null = null;
const inspector = await Inspector.open({
  dir,
  onDeliveries: (deliveries) => {
    batch.deliveries.push(...deliveries);
    timer ??= setTimeout(() => {
      timer = null;
      const full = batch;
      batch = { kind: 'deliveries', deliveries: [] };
      send(full);
    }, 100);
  },
  onError: (message, error) =>
    send({
      kind: 'log',
      level: 'error',
      message,
      detail: String((error as Error)?.stack ?? error),
    }),
});

const methods: { [M in keyof InspectorMethods]: (params: never) => Promise<unknown> | unknown } = {
  startReceiver: (setup: Parameters<InspectorMethods['startReceiver']>[0]) =>
    inspector.startReceiver(setup),
  configureReceiver: ({ id, change }: Parameters<InspectorMethods['configureReceiver']>[0]) =>
    inspector.configureReceiver(id, change),
  stopReceiver: async ({ id }: { id: string }) => {
    await inspector.stopReceiver(id);
    return null;
  },
  list: ({ filter, beforeSeq, limit }: Parameters<InspectorMethods['list']>[0]) =>
    inspector.list(filter, beforeSeq, limit),
  get: ({ id }: { id: string }) => inspector.get(id),
  exportTo: ({ filter, path }: Parameters<InspectorMethods['exportTo']>[0]) =>
    inspector.exportTo(filter, path),
  stats: () => inspector.stats(),
  setSettings: (settings: Parameters<InspectorMethods['setSettings']>[0]) =>
    inspector.setSettings(settings),
  clear: ({ receiverId }: { receiverId: string | null }) => inspector.clear(receiverId),
  replay: (request: Parameters<InspectorMethods['replay']>[0]) => inspector.replay(request),
  delivered: ({ objectName, from, to, receiverId }: Parameters<InspectorMethods['delivered']>[0]) =>
    inspector.delivered(objectName, from, to, receiverId),
  idle: async () => {
    await inspector.log.idle();
    return null;
  },
};

process.on('message', (message: ParentMessage) => {
  if (message?.kind !== 'call') return;
  const method = methods[message.method];
  Promise.resolve()
    .then(() => method(message.params as never))
    .then(
      (value) => send({ kind: 'result', id: message.id, ok: true, value: value ?? null }),
      (error: Error) =>
        send({ kind: 'result', id: message.id, ok: false, error: error?.message ?? String(error) }),
    );
});

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await inspector.close().catch(() => undefined);
  process.exit(0);
};
process.on('disconnect', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
send({ kind: 'ready' });
