import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyWorkspace, type ReplicaResult } from '../../electron/services/replica';
import { syncSchema } from '../../electron/services/replica/sync-schema';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../../electron/services/local-workspace/testing/workspace-process';
import {
  createTwentyClient,
  type ClientEvent,
  type TwentyClient,
  type TwentyRecord,
} from '../../electron/services/twenty-client';
import { parseSchemaDocument } from '../../shared/schema/schema-document';
import { round } from './timing';

/**
 * The replica engine's pull from a rate-limited remote (bench/playground, part 2): a "remote"
 * local workspace (the CLI in a child process, PGlite) run with one API rate-limit bucket, seeded
 * with `records` records over four objects (companies, people and opportunities linked to them,
 * and a custom object with a relation, so the schema step and the links pass have work), and a
 * target local workspace without a limit. `copyWorkspace` runs with the source client's
 * `rateLimit` set to the remote's bucket (as a connection's settings set it) and the engine's
 * default page size; every request and 429 the source client sees is counted from its events.
 * Afterwards both sides are counted per object (and the links of people and opportunities), so
 * the figure is only reported for a complete copy.
 */
export interface ReplicaPullOptions {
  records: number;
  /** The remote's bucket: `limit` requests per `windowMs`. */
  limit: number;
  windowMs: number;
  /** Passed to copyWorkspace; undefined = the engine's default. */
  pageSize?: number;
  log(line: string): void;
  /** Registers cleanup steps with the caller (run on success, failure and signals). */
  onCleanup(step: () => Promise<void> | void): void;
}

export interface ReplicaPullFigures {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  pageSize: number;
  limitPerSecond: number;
  /** Source requests that spend the remote's tokens (REST) per second of the copy. */
  remoteRequests: number;
  remoteRequestsPerSecond: number;
  /** remoteRequestsPerSecond / limitPerSecond. */
  ratio: number;
  ceilingRecordsPerSecond: number;
  /** recordsPerSecond / (limit × pageSize). */
  recordsRatio: number;
  /** Metadata (GraphQL) requests to the source: the schema step, not rate-limited by Twenty. */
  remoteMetadataRequests: number;
  targetRequests: number;
  http429: number;
  /** Summed over source requests: waiting for the client's token bucket (and its queue). */
  sourceQueuedMs: number;
  /** Summed request durations (wall time each request was on the wire) per side. */
  sourceBusyMs: number;
  targetBusyMs: number;
  schemaSteps: number;
  /** Objects the copy went through (every copyable one, empty ones cost reads too), and skipped. */
  objects: number;
  skippedObjects: number;
  complete: boolean;
  counts: Record<string, { source: number; target: number }>;
  seedSeconds: number;
}

const SOURCE_MODEL = parseSchemaDocument({
  format: 'atelier.schema',
  version: 1,
  objects: [
    {
      nameSingular: 'gadget',
      namePlural: 'gadgets',
      labelSingular: 'Gadget',
      labelPlural: 'Gadgets',
      fields: [
        { name: 'serial', label: 'Serial', type: 'TEXT' },
        { name: 'count', label: 'Count', type: 'NUMBER' },
        { name: 'launchedAt', label: 'Launched at', type: 'DATE_TIME' },
        {
          name: 'maker',
          label: 'Maker',
          type: 'RELATION',
          relation: {
            type: 'MANY_TO_ONE',
            targetObject: 'company',
            inverseName: 'gadgets',
            inverseLabel: 'Gadgets',
          },
        },
      ],
    },
  ],
});

/** Records of each object, as shares of the total. */
const seedRecords = (total: number) => {
  const companies = Array.from({ length: Math.round(total * 0.2) }, (_, i) => ({
    id: randomUUID(),
    name: `Company ${i}`,
    domainName: { primaryLinkUrl: `https://company-${i}.example.com` },
    annualRevenue: { amountMicros: (i + 1) * 10_000_000, currencyCode: 'USD' },
  }));
  const companyId = (i: number) => companies[i % companies.length]!.id;
  const people = Array.from({ length: Math.round(total * 0.4) }, (_, i) => ({
    id: randomUUID(),
    name: { firstName: `Ada ${i}`, lastName: `Lovelace ${i}` },
    emails: { primaryEmail: `person-${i}@example.com` },
    jobTitle: i % 3 === 0 ? 'Engineer' : 'Buyer',
    companyId: companyId(i),
  }));
  const opportunities = Array.from({ length: Math.round(total * 0.2) }, (_, i) => ({
    name: `Deal ${i}`,
    amount: { amountMicros: (i + 1) * 1_000_000, currencyCode: 'EUR' },
    companyId: companyId(i * 3),
    pointOfContactId: people[i % people.length]!.id,
  }));
  const gadgets = Array.from(
    { length: total - companies.length - people.length - opportunities.length },
    (_, i) => ({
      name: `Gadget ${i}`,
      serial: `SN-${i}`,
      count: i * 1.5,
      launchedAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T10:20:30.000Z`,
      makerId: companyId(i * 5),
    }),
  );
  return { companies, people, opportunities, gadgets } satisfies Record<string, TwentyRecord[]>;
};

const totalOf = async (client: TwentyClient, plural: string, filter?: string) =>
  (await client.rest.list(plural, { limit: 1, ...(filter ? { filter } : {}) })).totalCount ?? -1;

export const measureReplicaPull = async (
  options: ReplicaPullOptions,
): Promise<ReplicaPullFigures> => {
  const { log } = options;
  const bucket = `${options.limit}/${options.windowMs}`;
  log(`replica: starting the remote (rate limit ${bucket}) and the target (no limit)…`);
  const started: WorkspaceProcess[] = [];
  options.onCleanup(async () => {
    for (const ws of started) await ws.dispose();
  });
  const [remote, target] = await Promise.all([
    startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', bucket]).then((ws) => {
      started.push(ws);
      return ws;
    }),
    startWorkspaceProcess('pglite', ['--no-demo-data']).then((ws) => {
      started.push(ws);
      return ws;
    }),
  ]);
  const rateLimit = {
    shortLimit: options.limit,
    shortTtlMs: options.windowMs,
    longLimit: null,
    longTtlMs: null,
  };
  const seedClient = createTwentyClient({ baseUrl: remote.url, apiKey: remote.apiKey, rateLimit });
  options.onCleanup(() => seedClient.close());

  // Seed the remote: its custom model, then batches of 200 (a fraction of the limit's requests).
  const seedStarted = performance.now();
  await syncSchema(seedClient, SOURCE_MODEL, 'additive');
  const seed = seedRecords(options.records);
  for (const [plural, records] of Object.entries(seed))
    await seedClient.rest.createMany(plural, records, { batchSize: 200 });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(
    `replica: remote seeded with ${options.records} records (${Object.entries(seed)
      .map(([plural, records]) => `${records.length} ${plural}`)
      .join(', ')}) in ${round(seedSeconds, 1)} s`,
  );
  // Let the remote's bucket fill up again, so the copy starts as a fresh session would.
  await new Promise((done) => setTimeout(done, options.windowMs + 200));

  const counters = {
    rest: 0,
    metadata: 0,
    http429: 0,
    queuedMs: 0,
    busyMs: 0,
    targetRequests: 0,
    targetBusyMs: 0,
  };
  const onSourceEvent = (event: ClientEvent) => {
    if (event.type === 'request-started') counters.queuedMs += event.queuedMs;
    if (event.type === 'request-finished') {
      if (event.endpoint === 'rest') counters.rest += 1;
      else counters.metadata += 1;
      if (event.status === 429) counters.http429 += 1;
      counters.busyMs += event.durationMs;
    }
  };
  const onTargetEvent = (event: ClientEvent) => {
    if (event.type === 'request-finished') {
      counters.targetRequests += 1;
      counters.targetBusyMs += event.durationMs;
    }
  };
  // The seeding client's scheduler is the source's too (one per workspace and key): close it so
  // the copy's client starts a scheduler of its own with its own event hook.
  seedClient.close();
  const source = createTwentyClient({
    baseUrl: remote.url,
    apiKey: remote.apiKey,
    rateLimit,
    onEvent: onSourceEvent,
  });
  const targetClient = createTwentyClient({
    baseUrl: target.url,
    apiKey: target.apiKey,
    rateLimit: null,
    onEvent: onTargetEvent,
  });
  options.onCleanup(() => {
    source.close();
    targetClient.close();
  });
  const dir = await mkdtemp(join(tmpdir(), 'atelier-bench-replica-'));
  options.onCleanup(() => rm(dir, { recursive: true, force: true }));

  log('replica: copying…');
  let lastReport = performance.now();
  const copyStarted = performance.now();
  const result: ReplicaResult = await copyWorkspace(source, targetClient, {
    journalPath: join(dir, 'journal.json'),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    onProgress: (progress) => {
      const now = performance.now();
      if (now - lastReport < 5000) return;
      lastReport = now;
      log(
        `  ${round((now - copyStarted) / 1000, 1)} s: ${progress.object} ${progress.phase} ${progress.done}/${progress.total ?? '?'}; ${counters.rest} remote requests`,
      );
    },
  });
  const seconds = (performance.now() - copyStarted) / 1000;
  const copyRequests = counters.rest;

  // Complete? Counts per seeded object and their links, on both sides (after the clock stopped).
  const counts: Record<string, { source: number; target: number }> = {};
  const checks: Array<[string, string, string?]> = [
    ['companies', 'companies'],
    ['people', 'people'],
    ['opportunities', 'opportunities'],
    ['gadgets', 'gadgets'],
    ['people.companyId', 'people', 'companyId[is]:NOT_NULL'],
    ['opportunities.pointOfContactId', 'opportunities', 'pointOfContactId[is]:NOT_NULL'],
    ['gadgets.makerId', 'gadgets', 'makerId[is]:NOT_NULL'],
  ];
  for (const [label, plural, filter] of checks)
    counts[label] = {
      source: await totalOf(source, plural, filter),
      target: await totalOf(targetClient, plural, filter),
    };
  const complete = Object.values(counts).every(
    (count) => count.source === count.target && count.source > 0,
  );
  const records = Object.values(seed).reduce((sum, list) => sum + list.length, 0);
  const pageSize = options.pageSize ?? 60;
  const limitPerSecond = (options.limit * 1000) / options.windowMs;
  const remoteRequestsPerSecond = copyRequests / seconds;
  const recordsPerSecond = records / seconds;
  const ceiling = limitPerSecond * pageSize;
  return {
    records,
    seconds: round(seconds, 2),
    recordsPerSecond: round(recordsPerSecond, 1),
    pageSize,
    limitPerSecond,
    remoteRequests: copyRequests,
    remoteRequestsPerSecond: round(remoteRequestsPerSecond, 2),
    ratio: round(remoteRequestsPerSecond / limitPerSecond, 3),
    ceilingRecordsPerSecond: ceiling,
    recordsRatio: round(recordsPerSecond / ceiling, 3),
    remoteMetadataRequests: counters.metadata,
    targetRequests: counters.targetRequests,
    http429: counters.http429,
    sourceQueuedMs: round(counters.queuedMs, 0),
    sourceBusyMs: round(counters.busyMs, 0),
    targetBusyMs: round(counters.targetBusyMs, 0),
    schemaSteps: result.schemaSteps,
    objects: result.objects.length,
    skippedObjects: result.skipped.length,
    complete,
    counts,
    seedSeconds: round(seedSeconds, 1),
  };
};
