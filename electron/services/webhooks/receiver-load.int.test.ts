import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { DeliverySummary } from '../../../shared/contract/webhooks';
import { startInspectorProcess, type InspectorClient } from './inspector/inspector-client';
import { floodDeliveries } from './testing/delivery-flood';

// A receiver under load, in its own process as the app runs it: 20,000 signed deliveries from a
// concurrent sender on loopback. Every one answered 200, stored once and verified; none lost.
const SECRET = 'f'.repeat(64);
let inspector: InspectorClient | null = null;
let dir = '';
afterAll(async () => {
  await inspector?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ALL = {
  search: null,
  receiverId: null,
  eventName: null,
  objectName: null,
  recordId: null,
  from: null,
  to: null,
  verification: null,
};

it(
  'stores and verifies 20,000 concurrent deliveries, none lost',
  { timeout: 180_000 },
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'atelier-receiver-load-'));
    const live: DeliverySummary[] = [];
    inspector = await startInspectorProcess({
      runner: {
        script: fileURLToPath(new URL('./inspector/inspector-process.ts', import.meta.url)),
        execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
      },
      dataDir: dir,
      onDeliveries: (deliveries) => live.push(...deliveries),
    });
    const { url } = await inspector.call('startReceiver', {
      id: 'load',
      bind: 'loopback',
      port: null,
      pathToken: 'load-test',
      toleranceSeconds: 300,
      maxBodyBytes: 1024 * 1024,
      rejectInvalid: false,
      forwardTo: null,
      secrets: { current: SECRET, previous: null },
    });

    const count = 20_000;
    const flood = await floodDeliveries({ url, count, concurrency: 64, secret: SECRET });
    console.info(
      `receiver load: ${count} deliveries in ${flood.ms} ms (${flood.perSecond}/s), answer p50 ${flood.p50Ms} ms, p99 ${flood.p99Ms} ms, max ${flood.maxMs} ms`,
    );
    expect(flood.errors).toBe(0);
    expect(flood.statuses).toEqual({ 200: count });
    expect(flood.p99Ms).toBeGreaterThan(0);

    await inspector.call('idle');
    const stats = await inspector.call('stats');
    expect(stats).toMatchObject({ deliveries: count, pendingIndex: 0 });
    const valid = await inspector.call('list', {
      filter: { ...ALL, verification: ['valid'] },
      beforeSeq: null,
      limit: 1,
    });
    expect(valid.total).toBe(count);
    // Every delivery reached the live view once; each record id is in the log exactly once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(new Set(live.map((delivery) => delivery.recordId))).toEqual(new Set(flood.recordIds));
    expect(live).toHaveLength(count);
    for (const index of [0, 7_777, count - 1]) {
      const found = await inspector.call('list', {
        filter: { ...ALL, search: flood.recordIds[index]! },
        beforeSeq: null,
        limit: 5,
      });
      expect(found.total).toBe(1);
    }
  },
);
