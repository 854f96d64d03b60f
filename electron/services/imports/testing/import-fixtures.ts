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
import { orderSteps } from '../step-order';
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

export interface EngineFile {
  path: string;
  mapping: unknown;
  mode?: 'create' | 'update' | 'upsert';
  source?: SourceOptions;
}

/** Files through the engine as the service runs them: validation, then one journaled run. */
export const importFilesWithEngine = async (options: {
  client: TwentyClient;
  files: EngineFile[];
  dir: string;
}) => {
  const model = await readModel(options.client);
  const work = await mkdtemp(join(options.dir, 'run-'));
  const steps = orderSteps(
    options.files.map((file, i) => ({
      id: `file${i}`,
      path: file.path,
      source: file.source ?? {},
      mapping: mappingDocumentSchema.parse(file.mapping),
      mode: file.mode ?? ('create' as const),
      fixes: { cells: {}, excluded: [] },
      stagedPath: join(work, `staged-${i}.jsonl`),
      settledPath: join(work, `settled-${i}.jsonl`),
    })),
  );
  const validation = new Map<string, Awaited<ReturnType<typeof validateStep>>>();
  for (const step of steps)
    validation.set(
      step.id,
      await validateStep({
        step,
        model,
        fixes: step.fixes,
        storePath: join(work, `problems-${step.id}.jsonl`),
        client: options.client,
      }),
    );
  const journalPath = join(work, 'journal.jsonl');
  const totals = await runImport({ steps, model, client: options.client, journalPath });
  const results = await collectResults(
    steps.map((step) => ({ id: step.id, fileName: step.id, settledPath: step.settledPath })),
    journalPath,
  );
  return { order: steps.map((step) => step.id), validation, totals, results, journalPath, steps };
};

/** One file through the engine (see importFilesWithEngine). */
export const importWithEngine = async (
  options: EngineFile & { client: TwentyClient; dir: string },
) => {
  const outcome = await importFilesWithEngine({
    client: options.client,
    files: [options],
    dir: options.dir,
  });
  return {
    validation: outcome.validation.get('file0')!,
    totals: outcome.totals.get('file0')!,
    results: outcome.results,
  };
};
