import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Import } from '../../../../shared/contract/imports';
import { mappingDocumentSchema } from '../../../../shared/imports/mapping';
import { readModel } from '../../data-model/read-model';
import { collectResults } from '../run/result-file';
import { runImport } from '../run/run-import';
import type { SourceOptions } from '../sources';
import { validateStep } from '../stage/validate-step';
import type { Services } from '../../create-services';
import type { TwentyClient, TwentyRecord } from '../../twenty-client';

/** Test helpers for the import engine: files written to a temp folder, waiting for jobs. */
export const tempFolder = async (prefix: string) => {
  const dir = await mkdtemp(join(tmpdir(), `atelier-${prefix}-`));
  return {
    dir,
    async csv(name: string, rows: (string | number)[][], options: { delimiter?: string } = {}) {
      const path = join(dir, name);
      await writeFile(path, Papa.unparse(rows, { delimiter: options.delimiter ?? ',' }));
      return path;
    },
    async file(name: string, content: string | Uint8Array) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
};

export const contractCaller =
  (services: Services) =>
  async (method: string, input: unknown): Promise<any> => {
    const result = await services.dispatcher.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };

const BUSY = new Set(['validating', 'running', 'rolling-back']);

/** The import once its job (and a dry run's rollback) has ended. */
export const settled = async (
  call: (method: string, input: unknown) => Promise<any>,
  importId: string,
  timeoutMs = 120_000,
): Promise<Import> => {
  const started = Date.now();
  for (;;) {
    const value: Import = await call('imports.getImport', { importId });
    const dryRunPending = value.dryRunOf !== null && value.state === 'done';
    if (!BUSY.has(value.state) && value.jobId === null && !dryRunPending) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Import ${importId} still ${value.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * Every record of an object (trash included), by id, without the fields a write stamps; a trashed
 * record shows `deletedAt: 'trashed'` (a rollback trashes again at its own time).
 */
export const snapshotRecords = async (
  client: TwentyClient,
  plural: string,
): Promise<Map<string, TwentyRecord>> => {
  const records = new Map<string, TwentyRecord>();
  for await (const page of client.rest.listAll(plural, {
    filter: 'or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)',
    depth: 0,
  }))
    for (const record of page) {
      const {
        updatedAt: _updatedAt,
        updatedBy: _updatedBy,
        searchVector: _search,
        ...kept
      } = record;
      records.set(String(record.id), { ...kept, deletedAt: kept.deletedAt ? 'trashed' : null });
    }
  return records;
};

/** One file through the engine as the service runs it: validation, then a journaled run. */
export const importWithEngine = async (options: {
  client: TwentyClient;
  path: string;
  mapping: unknown;
  mode?: 'create' | 'update' | 'upsert';
  source?: SourceOptions;
  dir: string;
}) => {
  const mapping = mappingDocumentSchema.parse(options.mapping);
  const model = await readModel(options.client);
  const work = await mkdtemp(join(options.dir, 'run-'));
  const step = {
    id: 'file',
    path: options.path,
    source: options.source ?? {},
    mapping,
    mode: options.mode ?? 'create',
    fixes: { cells: {}, excluded: [] },
    stagedPath: join(work, 'staged.jsonl'),
    settledPath: join(work, 'settled.jsonl'),
  };
  const validation = await validateStep({
    step,
    model,
    fixes: step.fixes,
    storePath: join(work, 'problems.jsonl'),
    client: options.client,
  });
  const totals = await runImport({
    steps: [step],
    model,
    client: options.client,
    journalPath: join(work, 'journal.jsonl'),
  });
  const results = await collectResults(
    [{ id: step.id, fileName: 'file', settledPath: step.settledPath }],
    join(work, 'journal.jsonl'),
  );
  return { validation, totals: totals.get('file')!, results };
};
