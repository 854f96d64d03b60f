import {
  floodDeliveries,
  type FloodOptions,
} from '../../electron/services/webhooks/testing/delivery-flood';

/**
 * The sender of bench/webhooks, in a process of its own so that neither server shares a process
 * (or an event loop) with it: forked by index.ts with an IPC channel, it takes one
 * `{ url, count, concurrency, secret }` message, floods the url with signed Twenty-shaped
 * deliveries over keep-alive connections (delivery-flood.ts, the load test's sender), answers
 * with the figures and its own CPU time, and exits.
 */
export type SenderRequest = Pick<FloodOptions, 'url' | 'count' | 'concurrency' | 'secret'>;

export interface SenderFigures {
  sent: number;
  statuses: Record<string, number>;
  errors: number;
  ms: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The sender's own CPU time (user + system) during the flood. */
  senderCpuMs: number;
}

if (!process.send) {
  console.error('Usage: forked with an IPC channel (bench/webhooks/index.ts)');
  process.exit(2);
}

process.once('message', (request: SenderRequest) => {
  const cpu = process.cpuUsage();
  void floodDeliveries(request).then(
    ({ recordIds: _ids, ...flood }) => {
      const used = process.cpuUsage(cpu);
      const figures: SenderFigures = {
        ...flood,
        senderCpuMs: Math.round((used.user + used.system) / 1000),
      };
      process.send!(figures, () => process.disconnect());
    },
    (error: Error) => {
      console.error(`sender: ${error.stack ?? error.message}`);
      process.exit(1);
    },
  );
});
