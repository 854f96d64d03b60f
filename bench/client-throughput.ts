import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalWorkspace } from '../electron/services/local-workspace';
import { objectShape } from '../electron/services/local-workspace/records/record-shape';
import {
  createDatabase,
  dropDatabase,
} from '../electron/services/local-workspace/testing/workspace-process';
import { createTwentyClient } from '../electron/services/twenty-client';
import { round } from './lib/timing';

/**
 * bench/client-throughput: a local workspace limited to 100 requests per second (one bucket,
 * `rateLimits: [{limit: 100, windowMs: 1000}]`), and the Twenty client pushing 60-record batch
 * creates as fast as its scheduler allows for BENCH_SECONDS (30). Ceiling = 100 req/s × 60 =
 * 6,000 records/s. At the end the server's rows are counted: lost = acknowledged but missing,
 * duplicates = rows beyond one per record name. Env: BENCH_ENGINE=pglite|postgres|both.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const ENGINE =
  process.env.BENCH_ENGINE ?? (process.env.ATELIER_SKIP_POSTGRES === '1' ? 'pglite' : 'both');
const BATCH = 60;
const LIMIT = 100;
const WORKERS = 12;
const CEILING = (LIMIT * BATCH * 1000) / 1000;
const TOKEN = `bench-${randomUUID()}`;

const measure = async (engine: 'pglite' | 'postgres') => {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-bench-client-'));
  const databaseUrl = engine === 'postgres' ? await createDatabase() : undefined;
  const ws = await startLocalWorkspace({
    port: 0,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    apiKey: TOKEN,
    seedDemoData: false,
    rateLimits: [{ limit: LIMIT, windowMs: 1000 }],
  });
  let http429 = 0;
  let failedRequests = 0;
  const client = createTwentyClient({
    baseUrl: ws.url,
    apiKey: TOKEN,
    rateLimit: { shortLimit: LIMIT, shortTtlMs: 1000 },
    concurrency: WORKERS,
    onEvent: (event) => {
      if (event.type === 'request-finished' && event.status === 429) http429 += 1;
    },
  });
  try {
    const acknowledged = new Set<string>();
    const started = performance.now();
    const endAt = started + SECONDS * 1000;
    let batchNo = 0;
    let lastReport = started;
    const worker = async () => {
      while (performance.now() < endAt) {
        const n = batchNo++;
        const records = Array.from({ length: BATCH }, (_, i) => ({ name: `bench-${n}-${i}` }));
        try {
          const created = await client.rest.createMany('companies', records);
          for (const record of created) acknowledged.add(record.name as string);
        } catch (error) {
          failedRequests += 1;
          process.stderr.write(`  batch ${n} failed: ${(error as Error).message}\n`);
        }
        const now = performance.now();
        if (now - lastReport > 5000) {
          lastReport = now;
          const elapsed = (now - started) / 1000;
          process.stderr.write(
            `  ${engine}: ${round(elapsed, 1)} s, ${acknowledged.size} records, ${round(acknowledged.size / elapsed, 0)} rec/s\n`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    const seconds = (performance.now() - started) / 1000;
    const state = ws.runtime.metadata.snapshot;
    const company = [...state.objects.values()].find((o) => o.nameSingular === 'company')!;
    const shape = objectShape(state, company);
    const { rows } = await ws.runtime.engine.query<{ total: string; distinct: string }>(
      `SELECT count(*) AS "total", count(DISTINCT "name") AS "distinct" FROM ${shape.qualifiedTable} WHERE "name" LIKE 'bench-%'`,
    );
    const total = Number(rows[0]!.total);
    const distinct = Number(rows[0]!.distinct);
    const names = await ws.runtime.engine.query<{ name: string }>(
      `SELECT "name" FROM ${shape.qualifiedTable} WHERE "name" LIKE 'bench-%'`,
    );
    const onServer = new Set(names.rows.map((row) => row.name));
    const lostRecords = [...acknowledged].filter((name) => !onServer.has(name)).length;
    const recordsPerSecond = acknowledged.size / seconds;
    return {
      bench: 'client-throughput',
      engine,
      seconds: round(seconds, 2),
      recordsCreated: acknowledged.size,
      recordsPerSecond: round(recordsPerSecond, 1),
      ceilingRecordsPerSecond: CEILING,
      ratio: round(recordsPerSecond / CEILING, 3),
      http429,
      lostRecords,
      duplicateRecords: total - distinct,
      failedRequests,
    };
  } finally {
    client.close();
    await ws.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (databaseUrl) await dropDatabase(databaseUrl);
  }
};

const engines: Array<'pglite' | 'postgres'> =
  ENGINE === 'both' ? ['pglite', 'postgres'] : [ENGINE === 'postgres' ? 'postgres' : 'pglite'];
const results = [];
for (const engine of engines) {
  const result = await measure(engine);
  process.stderr.write(
    `${engine}: ${result.recordsPerSecond} rec/s of ${CEILING} (${result.ratio}), 429s ${result.http429}, lost ${result.lostRecords}, duplicates ${result.duplicateRecords}\n`,
  );
  results.push(result);
}
// One last line, as every bench: the figures of each engine under its name.
const figures: Record<string, unknown> = {
  bench: 'client-throughput',
  ceilingRecordsPerSecond: CEILING,
};
for (const { bench: _bench, engine, ...figuresOfEngine } of results)
  figures[engine] = figuresOfEngine;
console.log(JSON.stringify(figures));
