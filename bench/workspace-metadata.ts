import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
} from '../shared/domain/composite-types';
import type { FieldMetadataType } from '../shared/domain/field-metadata-type';
import { startLocalWorkspace } from '../electron/services/local-workspace';
import { openEngine } from '../electron/services/local-workspace/storage/open-engine';
import { quoteIdentifier as q } from '../electron/services/local-workspace/storage/sql-engine';
import {
  createDatabase,
  dropDatabase,
} from '../electron/services/local-workspace/testing/workspace-process';
import { round, timeIt } from './lib/timing';

/**
 * bench/workspace-metadata: 100 custom objects × 20 fields created through the metadata API over
 * HTTP, against the raw DDL of the same tables run straight on the same engine (the limit).
 * Env: BENCH_OBJECTS, BENCH_FIELDS to shrink; ATELIER_SKIP_POSTGRES=1 for PGlite only.
 */
const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 100);
const FIELDS = Number(process.env.BENCH_FIELDS ?? 20);
const TYPES: FieldMetadataType[] = [
  'TEXT',
  'NUMBER',
  'BOOLEAN',
  'DATE_TIME',
  'SELECT',
  'CURRENCY',
  'EMAILS',
  'LINKS',
  'RAW_JSON',
  'FULL_NAME',
];
const SQL_TYPES: Record<string, string> = {
  TEXT: 'text',
  NUMBER: 'double precision',
  BOOLEAN: 'boolean',
  DATE_TIME: 'timestamptz',
  RAW_JSON: 'jsonb',
  NUMERIC: 'numeric',
  UUID: 'uuid',
};

const fieldInput = (objectMetadataId: string, i: number) => {
  const type = TYPES[i % TYPES.length]!;
  return {
    objectMetadataId,
    type,
    name: `field${i}`,
    label: `Field ${i}`,
    ...(type === 'SELECT'
      ? {
          options: [
            { label: 'A', value: 'A', color: 'red', position: 0 },
            { label: 'B', value: 'B', color: 'blue', position: 1 },
          ],
        }
      : {}),
  };
};

/** Columns of the same tables the API builds (base fields + 20 user fields), as plain DDL. */
const rawDdl = (table: string, enumPrefix: string): string[] => {
  const statements: string[] = [];
  const columns = [
    '"id" uuid PRIMARY KEY DEFAULT gen_random_uuid()',
    '"name" text',
    '"createdAt" timestamptz NOT NULL DEFAULT now()',
    '"updatedAt" timestamptz NOT NULL DEFAULT now()',
    '"deletedAt" timestamptz',
    '"position" double precision NOT NULL DEFAULT 0',
  ];
  for (const actor of ['createdBy', 'updatedBy'])
    columns.push(
      `"${actor}Source" text`,
      `"${actor}WorkspaceMemberId" uuid`,
      `"${actor}Name" text`,
      `"${actor}Context" jsonb`,
    );
  for (let i = 0; i < FIELDS; i += 1) {
    const type = TYPES[i % TYPES.length]!;
    if (type === 'SELECT') {
      statements.push(`CREATE TYPE ${q(`${enumPrefix}_f${i}`)} AS ENUM ('A', 'B')`);
      columns.push(`"field${i}" ${q(`${enumPrefix}_f${i}`)}`);
    } else if (isCompositeFieldType(type)) {
      for (const sub of COMPOSITE_TYPES[type])
        columns.push(
          `${q(computeCompositeColumnName(`field${i}`, sub.name))} ${SQL_TYPES[sub.type] ?? 'text'}`,
        );
    } else columns.push(`"field${i}" ${SQL_TYPES[type]}`);
  }
  columns.push(
    `"searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', COALESCE("name", ''))) STORED`,
  );
  statements.push(`CREATE TABLE ${q(table)} (${columns.join(', ')})`);
  return statements;
};

const graphql = async (
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
) => {
  const response = await fetch(`${url}/metadata`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data: Record<string, { id: string }>;
    errors?: unknown[];
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

const withDatabase = async <T>(
  engine: 'pglite' | 'postgres',
  work: (options: { dataDir: string; databaseUrl?: string }) => Promise<T>,
): Promise<T> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-bench-'));
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    databaseUrl = await createDatabase();
  }
  try {
    return await work({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    if (databaseUrl) await dropDatabase(databaseUrl);
  }
};

const measure = async (engine: 'pglite' | 'postgres') => {
  const api = await withDatabase(engine, async (options) => {
    const token = `bench-${randomUUID()}`;
    const ws = await startLocalWorkspace({
      port: 0,
      ...options,
      apiKey: token,
      seedDemoData: false,
    });
    try {
      return await timeIt(async () => {
        for (let o = 0; o < OBJECTS; o += 1) {
          const created = await graphql(
            ws.url,
            token,
            `
              mutation ($input: CreateOneObjectInput!) {
                createOneObject(input: $input) {
                  id
                }
              }
            `,
            {
              input: {
                object: {
                  nameSingular: `benchThing${o}`,
                  namePlural: `benchThings${o}`,
                  labelSingular: `Bench thing ${o}`,
                  labelPlural: `Bench things ${o}`,
                },
              },
            },
          );
          for (let f = 0; f < FIELDS; f += 1) {
            await graphql(
              ws.url,
              token,
              `
                mutation ($input: CreateOneFieldMetadataInput!) {
                  createOneField(input: $input) {
                    id
                  }
                }
              `,
              { input: { field: fieldInput(created.createOneObject!.id, f) } },
            );
          }
          if ((o + 1) % 10 === 0)
            process.stderr.write(`  ${engine}: ${o + 1}/${OBJECTS} objects via the API\n`);
        }
      });
    } finally {
      await ws.stop();
    }
  });
  const raw = await withDatabase(engine, async (options) => {
    const db = await openEngine(options);
    try {
      await db.query('CREATE SCHEMA bench');
      return await timeIt(async () => {
        for (let o = 0; o < OBJECTS; o += 1) {
          await db.transaction(async (tx) => {
            await tx.query('SET LOCAL search_path TO bench, public');
            for (const statement of rawDdl(`_benchThing${o}`, `bench${o}`))
              await tx.query(statement);
          });
        }
      });
    } finally {
      await db.close();
    }
  });
  return { apiMs: round(api.ms), rawDdlMs: round(raw.ms), ratio: round(api.ms / raw.ms) };
};

const engines: Array<'pglite' | 'postgres'> =
  process.env.ATELIER_SKIP_POSTGRES === '1' ? ['pglite'] : ['pglite', 'postgres'];
const figures: Record<string, unknown> = {
  bench: 'workspace-metadata',
  objects: OBJECTS,
  fieldsPerObject: FIELDS,
};
for (const engine of engines) {
  const result = await measure(engine);
  console.log(
    `${engine}: API ${result.apiMs} ms vs raw DDL ${result.rawDdlMs} ms → ${result.ratio}×`,
  );
  figures[engine] = result;
}
console.log(JSON.stringify(figures));
