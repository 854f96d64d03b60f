import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readModel } from '../../electron/services/data-model/read-model';
import { runImport } from '../../electron/services/imports/run/run-import';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../../electron/services/local-workspace/testing/workspace-process';
import { createTwentyClient, type ClientEvent } from '../../electron/services/twenty-client';
import { mappingDocumentSchema } from '../../shared/imports/mapping';
import { round } from './timing';

/**
 * bench/import part (b): the import engine writing into a local workspace (the CLI in a child
 * process, PGlite) that enforces one API rate-limit bucket, the client paced by the same limit as
 * a connection's settings would set it. The run is timed end to end (staging, every batch planned,
 * journaled and sent, results) and its records/s compared with the ceiling the limit allows:
 * limit/s × 200 records per request in create mode (one request per batch); upsert by e-mail
 * needs a lookup per batch too, so its ceiling is half that. Every 429 the server answers is
 * counted from the client's events (there should be none).
 */
export interface ImportWriteOptions {
  /** Requests per second of the server's bucket (and of the client's limit). */
  limit: number;
  rows: number;
  mode: 'create' | 'upsert';
  log(line: string): void;
  onCleanup(cleanup: () => Promise<void> | void): void;
}

export interface ImportWriteFigures {
  mode: 'create' | 'upsert';
  rows: number;
  seconds: number;
  recordsPerSecond: number;
  /** limit × 200 / requests per batch. */
  ceilingRecordsPerSecond: number;
  ratio: number;
  requests: number;
  http429: number;
}

const BATCH = 200;

export const measureImportWrite = async (
  options: ImportWriteOptions,
): Promise<ImportWriteFigures> => {
  const { log } = options;
  const dir = await mkdtemp(join(tmpdir(), 'atelier-bench-import-'));
  options.onCleanup(() => rm(dir, { recursive: true, force: true }));
  log(`import (b): starting a workspace limited to ${options.limit} requests/s…`);
  const workspace: WorkspaceProcess = await startWorkspaceProcess('pglite', [
    '--no-demo-data',
    '--rate-limit',
    `${options.limit}/1000`,
  ]);
  options.onCleanup(() => workspace.dispose());

  const rows = [['First', 'Last', 'Email', 'Title']];
  for (let i = 0; i < options.rows; i++)
    rows.push([`First${i}`, `Last${i}`, `bench${i}@import.test`, `Role ${i % 17}`]);
  const path = join(dir, 'people.csv');
  await writeFile(path, Papa.unparse(rows));
  const mapping = mappingDocumentSchema.parse({
    version: 1,
    object: 'person',
    fields: {
      name: {
        kind: 'columns',
        parts: { firstName: { column: 'First' }, lastName: { column: 'Last' } },
      },
      emails: { kind: 'column', column: 'Email' },
      jobTitle: { kind: 'column', column: 'Title' },
    },
    ...(options.mode === 'upsert' ? { dedupe: { key: 'emails' } } : {}),
  });

  const counters = { requests: 0, http429: 0 };
  const client = createTwentyClient({
    baseUrl: workspace.url,
    apiKey: workspace.apiKey,
    rateLimit: { shortLimit: options.limit, shortTtlMs: 1000, longLimit: null, longTtlMs: null },
    onEvent: (event: ClientEvent) => {
      if (event.type !== 'request-finished' || event.endpoint === 'metadata') return;
      counters.requests += 1;
      if (event.status === 429) counters.http429 += 1;
    },
  });
  options.onCleanup(() => client.close());
  const model = await readModel(client);
  // A fresh bucket, as a new session would find it.
  await new Promise((done) => setTimeout(done, 1200));
  counters.requests = 0;

  log(`import (b): ${options.rows} rows in ${options.mode} mode…`);
  const started = performance.now();
  const totals = await runImport({
    steps: [
      {
        id: 'bench',
        path,
        source: {},
        mapping,
        mode: options.mode,
        fixes: { cells: {}, excluded: [] },
        stagedPath: join(dir, 'staged.jsonl'),
        settledPath: join(dir, 'settled.jsonl'),
      },
    ],
    model,
    client,
    journalPath: join(dir, 'journal.jsonl'),
  });
  const seconds = (performance.now() - started) / 1000;
  const written = totals.get('bench')!.created;
  if (written !== options.rows)
    throw new Error(`Only ${written} of ${options.rows} rows were written`);
  const perBatch = options.mode === 'create' ? 1 : 2;
  const ceiling = (options.limit * BATCH) / perBatch;
  const recordsPerSecond = written / seconds;
  const figures: ImportWriteFigures = {
    mode: options.mode,
    rows: written,
    seconds: round(seconds, 2),
    recordsPerSecond: round(recordsPerSecond, 1),
    ceilingRecordsPerSecond: ceiling,
    ratio: round(recordsPerSecond / ceiling, 3),
    requests: counters.requests,
    http429: counters.http429,
  };
  log(
    `import (b): ${options.mode}: ${written} records in ${figures.seconds} s = ${figures.recordsPerSecond}/s; ceiling ${ceiling}/s → ratio ${figures.ratio}; ${counters.requests} requests, ${counters.http429} × 429`,
  );
  return figures;
};
