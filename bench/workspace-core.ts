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
import { percentile, round, timeIt } from './lib/timing';

/**
 * bench/workspace-core: on 100,000 people, p50/p95 of a filtered, sorted page of 60 through REST
 * and through GraphQL, each against the same SQL (page + totalCount) run straight on the engine;
 * and records/s of batch create (60 per call) against a raw multi-row INSERT of the same rows.
 * Env: BENCH_PEOPLE, BENCH_QUERIES, BENCH_BATCHES; ATELIER_SKIP_POSTGRES=1 for PGlite only.
 */
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 50);
const TOKEN = `bench-${randomUUID()}`;
const JOBS = [
  'Engineer',
  'Designer',
  'Sales',
  'Support',
  'Marketing',
  'Finance',
  'Legal',
  'Operations',
];

const sample = async (count: number, work: () => Promise<void>): Promise<number[]> => {
  for (let i = 0; i < 10; i += 1) await work(); // warm caches and prepared documents
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) times.push((await timeIt(work)).ms);
  return times;
};

const stats = (times: number[]) => ({
  p50: round(percentile(times, 50)),
  p95: round(percentile(times, 95)),
});

const measure = async (engine: 'pglite' | 'postgres') => {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-bench-core-'));
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    databaseUrl = await createDatabase();
  }
  const ws = await startLocalWorkspace({
    port: 0,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    apiKey: TOKEN,
    seedDemoData: false,
    rateLimits: null,
  });
  try {
    const { engine: db, metadata } = ws.runtime;
    const state = metadata.snapshot;
    const person = [...state.objects.values()].find((object) => object.nameSingular === 'person')!;
    const shape = objectShape(state, person);
    process.stderr.write(`  ${engine}: seeding ${PEOPLE} people…\n`);
    await db.query(
      `INSERT INTO ${shape.qualifiedTable} ("nameFirstName", "nameLastName", "jobTitle", "emailsPrimaryEmail")
       SELECT 'First' || g, 'Last' || lpad((g * 7919 % $1)::text, 6, '0'), ($2::text[])[1 + g % 8], 'p' || g || '@bench.example'
       FROM generate_series(1, $1) AS g`,
      [PEOPLE, JOBS],
    );
    if (engine === 'postgres') await db.query(`ANALYZE ${shape.qualifiedTable}`);

    const restUrl = `${ws.url}/rest/people?filter=${encodeURIComponent('jobTitle[eq]:Engineer')}&order_by=${encodeURIComponent('name.lastName[DescNullsLast]')}&limit=60`;
    const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
    const rest = await sample(QUERIES, async () => {
      const response = await fetch(restUrl, { headers });
      if (response.status !== 200) throw new Error(`REST ${response.status}`);
      await response.json();
    });
    const graphqlBody = JSON.stringify({
      query: `query { people(filter: { jobTitle: { eq: "Engineer" } }, orderBy: [{ name: { lastName: DescNullsLast } }], first: 60) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name { firstName lastName } jobTitle emails { primaryEmail } createdAt } } } }`,
    });
    const graphql = await sample(QUERIES, async () => {
      const response = await fetch(`${ws.url}/graphql`, {
        method: 'POST',
        headers,
        body: graphqlBody,
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    });
    // The limit: the same two statements the API issues (page of limit + 1, and totalCount).
    const raw = await sample(QUERIES, async () => {
      await Promise.all([
        db.query(
          `SELECT ${shape.selectList} FROM ${shape.qualifiedTable} WHERE "jobTitle" = $1 AND "deletedAt" IS NULL ORDER BY "nameLastName" DESC NULLS LAST, "id" ASC NULLS FIRST LIMIT 61`,
          ['Engineer'],
        ),
        db.query(
          `SELECT count(*)::int AS count FROM ${shape.qualifiedTable} WHERE "jobTitle" = $1 AND "deletedAt" IS NULL`,
          ['Engineer'],
        ),
      ]);
    });

    const batch = (n: number) =>
      Array.from({ length: 60 }, (_, i) => ({
        name: { firstName: `Batch${n}`, lastName: `Row${i}` },
        jobTitle: 'Imported',
        emails: { primaryEmail: `b${n}-${i}@bench.example` },
      }));
    const apiCreate = await timeIt(async () => {
      for (let n = 0; n < BATCHES; n += 1) {
        const response = await fetch(`${ws.url}/rest/batch/people`, {
          method: 'POST',
          headers,
          body: JSON.stringify(batch(n)),
        });
        if (response.status !== 201)
          throw new Error(`batch ${response.status}: ${await response.text()}`);
        await response.json();
      }
    });
    const rawCreate = await timeIt(async () => {
      for (let n = 0; n < BATCHES; n += 1) {
        const rows = batch(n + 10_000);
        const params: unknown[] = [];
        const tuples = rows.map((row) => {
          params.push(
            randomUUID(),
            row.name.firstName,
            row.name.lastName,
            row.jobTitle,
            row.emails.primaryEmail,
          );
          const b = params.length - 5;
          return `($${b + 1}::uuid, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
        });
        await db.query(
          `INSERT INTO ${shape.qualifiedTable} ("id", "nameFirstName", "nameLastName", "jobTitle", "emailsPrimaryEmail") VALUES ${tuples.join(', ')} RETURNING *`,
          params,
        );
      }
    });
    const records = BATCHES * 60;
    const restStats = stats(rest);
    const graphqlStats = stats(graphql);
    const rawStats = stats(raw);
    return {
      restMs: restStats,
      graphqlMs: graphqlStats,
      rawSqlMs: rawStats,
      restP50Ratio: round(restStats.p50 / rawStats.p50),
      restP95Ratio: round(restStats.p95 / rawStats.p95),
      graphqlP50Ratio: round(graphqlStats.p50 / rawStats.p50),
      graphqlP95Ratio: round(graphqlStats.p95 / rawStats.p95),
      batchCreateRecordsPerSec: round(records / (apiCreate.ms / 1000)),
      rawInsertRecordsPerSec: round(records / (rawCreate.ms / 1000)),
      batchCreateRatio: round(apiCreate.ms / rawCreate.ms),
    };
  } finally {
    await ws.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (databaseUrl) await dropDatabase(databaseUrl);
  }
};

const engines: Array<'pglite' | 'postgres'> =
  process.env.ATELIER_SKIP_POSTGRES === '1' ? ['pglite'] : ['pglite', 'postgres'];
const figures: Record<string, unknown> = {
  bench: 'workspace-core',
  people: PEOPLE,
  queries: QUERIES,
  batches: BATCHES,
  batchSize: 60,
};
for (const engine of engines) {
  const result = await measure(engine);
  console.log(
    `${engine}: REST p50 ${result.restMs.p50} ms (${result.restP50Ratio}× raw), GraphQL p50 ${result.graphqlMs.p50} ms (${result.graphqlP50Ratio}× raw), ` +
      `raw p50 ${result.rawSqlMs.p50} ms; batch create ${result.batchCreateRecordsPerSec} rec/s vs raw ${result.rawInsertRecordsPerSec} rec/s (${result.batchCreateRatio}× slower)`,
  );
  figures[engine] = result;
}
console.log(JSON.stringify(figures));
