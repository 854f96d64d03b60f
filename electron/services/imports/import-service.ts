import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import type { WorkspaceModel } from '../../../shared/contract/data-model';
import type {
  createImportInputSchema,
  fixRowInputSchema,
  Import,
  ImportState,
  problemRowsInputSchema,
  ProblemRow,
  resultRowsInputSchema,
  ResultRow,
  SourceOptionsInput,
  updateImportInputSchema,
} from '../../../shared/contract/imports';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import type { MappingDocument } from '../../../shared/imports/mapping';
import type { Logger } from '../../platform/logging/logger';
import type { JobHandle, JobRegistry } from '../jobs/job-registry';
import type { ImpactSubject } from '../schema/impact';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import { findConnection, writableConnection } from '../workspaces/writable-connection';
import { emptyCounts, type StoredImport, type StoredStep } from './import-record';
import {
  clearRunFiles,
  fixesOf,
  importFolder,
  loadRecords,
  readFixes,
  removeFolder,
  saveRecord,
  writeFixes,
} from './import-folder';
import { createRateMeter } from './rate-meter';
import { collectResults, writeResultFiles } from './run/result-file';
import { rollbackImport } from './run/rollback-import';
import { runImport } from './run/run-import';
import { readJsonLines } from './run/stage-step';
import { savedMappingUsages } from './saved-mapping-usages';
import { createSavedMappings } from './saved-mappings';
import { inspectSource } from './sources';
import { openStep, targetObject, type OpenedStep } from './stage/converted-rows';
import { dedupeKeyError } from './stage/key-checks';
import { countDeltas, currentRow, errorReportCsv, rowFlags } from './stage/problem-rows';
import { openProblemStore, flagsOf, type ProblemStore } from './stage/problem-store';
import { validateStep } from './stage/validate-step';
import { orderSteps } from './step-order';

/**
 * The migration wizard's main side (issue 8): imports kept on disk, validation into a problem
 * store the grid pages through, fixes and exclusions, runs and rollbacks as jobs that resume from
 * their journal, dry runs on the local workspace or a replica, result and error files, saved
 * mappings. docs/imports.md describes the engine.
 */
export interface ImportServiceDeps {
  dataDir: string;
  logger: Logger;
  jobs: JobRegistry;
  workspaces: WorkspacesService;
  model(connectionId: string, refresh: boolean): Promise<WorkspaceModel>;
  onChanged(value: Import): void;
}

type CreateInput = z.output<typeof createImportInputSchema>;
type UpdateInput = z.output<typeof updateImportInputSchema>;

const REPORT_TEXT_LIMIT = 20 * 1024 * 1024;

const stepsFrom = (input: CreateInput['steps']): StoredStep[] =>
  input.map((step) => ({
    id: randomUUID().slice(0, 8),
    path: step.path,
    source: step.source as SourceOptionsInput,
    mapping: step.mapping,
    mode: step.mode,
    counts: emptyCounts(),
    mappingProblems: [],
  }));

export const createImportService = (deps: ImportServiceDeps) => {
  const { jobs, workspaces, logger } = deps;
  const root = join(deps.dataDir, 'imports');
  const mappings = createSavedMappings(deps.dataDir, (message) => logger.warn(message));
  const records = new Map<string, StoredImport>();
  const running = new Map<string, { jobId: string | null; cancel: () => void }>();
  const progress = new Map<string, Import['progress']>();
  const stores = new Map<string, Promise<ProblemStore>>();
  const openedSteps = new Map<string, Promise<OpenedStep>>();

  const loaded = loadRecords(root, (message) => logger.warn(message)).then(async (found) => {
    for (const record of found) {
      // A job cannot outlive the process: a stopped run resumes from its journal.
      if (record.state === 'running' || record.state === 'rolling-back') {
        record.state = 'paused';
        record.message =
          'Atelier stopped during the run: run it again to carry on where it stopped';
        await saveRecord(root, record);
      } else if (record.state === 'validating') {
        record.state = 'draft';
        record.message = 'Validation was stopped';
        await saveRecord(root, record);
      }
      records.set(record.id, record);
    }
  });

  const describe = (record: StoredImport): Import => {
    const order = orderSteps(record.steps);
    return {
      id: record.id,
      name: record.name,
      connectionId: record.connectionId,
      dryRunOf: record.dryRunOf,
      state: record.state,
      message: record.message,
      steps: record.steps.map((step) => ({
        id: step.id,
        path: step.path,
        fileName: basename(step.path),
        source: step.source,
        mapping: step.mapping,
        mode: step.mode,
        order: order.indexOf(step),
        counts: step.counts,
        mappingProblems: step.mappingProblems,
      })),
      progress: progress.get(record.id) ?? null,
      jobId: running.get(record.id)?.jobId ?? null,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      resultPath: record.resultPath,
    };
  };

  const record = async (id: string): Promise<StoredImport> => {
    await loaded;
    const found = records.get(id);
    if (!found) throw new AppError('NOT_FOUND', `No import with id ${JSON.stringify(id)}`);
    return found;
  };
  const stepOf = (found: StoredImport, stepId: string): StoredStep => {
    const step = found.steps.find((candidate) => candidate.id === stepId);
    if (!step) throw new AppError('NOT_FOUND', `Import "${found.name}" has no step ${stepId}`);
    return step;
  };

  const BUSY_STATES = new Set<ImportState>(['validating', 'running', 'rolling-back']);
  const save = async (found: StoredImport, changes: Partial<StoredImport> = {}) => {
    // A job starting afresh: the last job's progress line is not this one's.
    if (changes.state && BUSY_STATES.has(changes.state)) progress.delete(found.id);
    Object.assign(found, changes, { updatedAt: new Date().toISOString() });
    await saveRecord(root, found);
    deps.onChanged(describe(found));
  };

  /** Mapping problems against the workspace's model: refused before anything is kept. */
  const checkSteps = async (connectionId: string, steps: StoredStep[]) => {
    const model = await deps.model(connectionId, false);
    const problems: string[] = [];
    for (const step of steps) {
      const name = basename(step.path);
      const object = model.objects.find(
        (candidate) => candidate.nameSingular === step.mapping.object && candidate.isActive,
      );
      if (!object) {
        problems.push(`${name}: the workspace has no object "${step.mapping.object}"`);
        continue;
      }
      if (step.mode !== 'create' && !step.mapping.dedupe)
        problems.push(
          `${name}: ${step.mode} mode needs a dedupe key (the field that finds the record to update)`,
        );
      const keyError = dedupeKeyError(step.mapping, object);
      if (keyError) problems.push(`${name}: dedupe key: ${keyError}`);
      const opened = await openStep(step, model);
      step.mappingProblems = opened.mappingProblems.map((problem) => ({ ...problem }));
      for (const problem of opened.mappingProblems)
        if (problem.severity === 'error') problems.push(`${name}: ${problem.message}`);
    }
    orderSteps(steps);
    if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join('\n'), { problems });
  };

  const busy = (found: StoredImport) => {
    if (running.has(found.id))
      throw new AppError(
        'CONFLICT',
        `Import "${found.name}" is ${found.state === 'validating' ? 'being validated' : 'running'}: wait for it or pause it`,
      );
  };

  const resetDerived = (found: StoredImport) => {
    for (const [key, store] of [...stores]) {
      if (!key.startsWith(`${found.id}/`)) continue;
      stores.delete(key);
      store.then((open) => open.close()).catch(() => {});
    }
    for (const key of [...openedSteps.keys()])
      if (key.startsWith(`${found.id}/`)) openedSteps.delete(key);
  };

  const opened = (found: StoredImport, step: StoredStep) => {
    const key = `${found.id}/${step.id}`;
    let entry = openedSteps.get(key);
    if (!entry) {
      entry = deps.model(found.connectionId, false).then((model) => openStep(step, model));
      entry.catch(() => openedSteps.delete(key));
      openedSteps.set(key, entry);
    }
    return entry;
  };

  const storeOf = async (found: StoredImport, step: StoredStep): Promise<ProblemStore> => {
    const key = `${found.id}/${step.id}`;
    let entry = stores.get(key);
    if (!entry) {
      const folder = importFolder(root, found.id);
      entry = (async () => {
        const fixes = fixesOf(await readFixes(folder), step.id);
        const openedStep = await opened(found, step);
        return openProblemStore(folder.problems(step.id), (stored) =>
          fixes.cells[String(stored.line)]
            ? rowFlags(currentRow(openedStep, stored, fixes))
            : flagsOf(
                [...stored.problems, ...stored.checks],
                stored.duplicateOf,
                fixes.excluded.includes(stored.line),
              ),
        );
      })();
      entry.catch(() => stores.delete(key));
      stores.set(key, entry);
    }
    return entry;
  };

  /** Runs `work` as the import's job; its progress feeds the import's progress line. */
  const startJob = (
    found: StoredImport,
    spec: { kind: string; title: string },
    work: (
      job: JobHandle,
      report: (phase: string, done: number, total: number | null) => void,
    ) => Promise<void>,
    onEnd: (error: unknown) => Promise<void>,
  ) => {
    let meter = createRateMeter();
    let lastPhase = '';
    let lastEmit = 0;
    const report = (job: JobHandle) => (phase: string, done: number, total: number | null) => {
      const newPhase = phase !== lastPhase;
      if (newPhase) {
        meter = createRateMeter();
        lastPhase = phase;
      }
      const rate = meter.sample(done);
      const eta = rate && total !== null && rate > 0 ? Math.max(0, (total - done) / rate) : null;
      progress.set(found.id, { phase, done, total, rate, etaSeconds: eta });
      job.progress(done, total, phase);
      const now = Date.now();
      if (newPhase || now - lastEmit > 250 || (total !== null && done >= total)) {
        lastEmit = now;
        deps.onChanged(describe(found));
      }
    };
    const entry = { jobId: null as string | null, cancel: () => {} };
    running.set(found.id, entry);
    const finished = jobs
      .run({ ...spec, cancellable: true }, async (job) => {
        entry.jobId = job.id;
        entry.cancel = () => jobs.cancel(job.id);
        deps.onChanged(describe(found));
        await work(job, report(job));
      })
      .then(
        () => null,
        (error: unknown) => error,
      )
      .then(async (error) => {
        running.delete(found.id);
        // A stopped job keeps where it was (done of total); rate and ETA no longer apply.
        const last = progress.get(found.id);
        if (last) progress.set(found.id, { ...last, rate: null, etaSeconds: null });
        try {
          await onEnd(error);
        } catch (failure) {
          logger.error('Import bookkeeping failed', { error: failure });
        }
      });
    return new Promise<void>((resolve) => {
      // Answer once the job has an id (the renderer follows it), or when it ended at once.
      const check = () =>
        entry.jobId || !running.has(found.id) ? resolve() : setTimeout(check, 5);
      check();
      void finished;
    });
  };

  const messageOf = (error: unknown) => (isAppError(error) ? error.message : String(error));
  const isCancel = (error: unknown) => isAppError(error) && error.code === 'CANCELLED';

  const stepsInOrder = (found: StoredImport) => orderSteps(found.steps);

  const runSteps = async (
    found: StoredImport,
    fixesFile: Awaited<ReturnType<typeof readFixes>>,
  ) => {
    const folder = importFolder(root, found.id);
    return stepsInOrder(found).map((step) => ({
      ...step,
      fixes: fixesOf(fixesFile, step.id),
      stagedPath: folder.staged(step.id),
      settledPath: folder.settled(step.id),
    }));
  };

  const writeResults = async (found: StoredImport) => {
    const folder = importFolder(root, found.id);
    const rows = await collectResults(
      stepsInOrder(found).map((step) => ({
        id: step.id,
        fileName: basename(step.path),
        settledPath: folder.settled(step.id),
      })),
      folder.journal,
    );
    await writeResultFiles(rows, { jsonl: folder.resultsJsonl, csv: folder.resultsCsv });
    return folder.resultsCsv;
  };

  /** The run as a job; `then` runs after a finished run (the dry run's rollback). */
  const startRun = async (found: StoredImport, then?: () => Promise<void>) => {
    const fixesFile = await readFixes(importFolder(root, found.id));
    await save(found, {
      state: 'running',
      message: found.ranAt ? 'Carrying on from the journal' : 'Starting',
      ranAt: found.ranAt ?? new Date().toISOString(),
    });
    await startJob(
      found,
      { kind: 'import', title: `Import "${found.name}"` },
      async (job, report) => {
        const model = await deps.model(found.connectionId, true);
        const client = await workspaces.client(found.connectionId);
        const steps = await runSteps(found, fixesFile);
        for (const step of steps) targetObject(model, step.mapping.object);
        await runImport({
          steps,
          model,
          client,
          journalPath: importFolder(root, found.id).journal,
          signal: job.signal,
          onProgress: (at) =>
            report(
              at.phase === 'staging' ? 'Preparing rows' : 'Writing records',
              at.done,
              at.total,
            ),
          onTotals: (totals) => {
            for (const step of found.steps) Object.assign(step.counts, totals.get(step.id) ?? {});
          },
        }).then((totals) => {
          for (const step of found.steps) Object.assign(step.counts, totals.get(step.id) ?? {});
        });
        const resultPath = await writeResults(found);
        await save(found, { resultPath });
        if (then) await then();
      },
      async (error) => {
        if (!error) {
          if (!then) await save(found, { state: 'done', message: summary(found) });
          return;
        }
        await writeResults(found)
          .then((resultPath) => save(found, { resultPath }))
          .catch(() => {});
        await save(found, {
          state: isCancel(error) ? 'paused' : 'failed',
          message: isCancel(error)
            ? 'Paused: run again to carry on where it stopped'
            : `${messageOf(error)} — run again to carry on where it stopped`,
        });
      },
    );
  };

  const validatedMessage = (found: StoredImport) => {
    const errors = found.steps.reduce((sum, step) => sum + step.counts.errorRows, 0);
    return errors
      ? `${errors} ${errors === 1 ? 'row has' : 'rows have'} errors: fix or exclude them, or run without them`
      : 'Ready to run';
  };

  const summary = (found: StoredImport) => {
    const total = { created: 0, updated: 0, skipped: 0, failed: 0, parentsCreated: 0 };
    for (const step of found.steps)
      for (const key of Object.keys(total) as (keyof typeof total)[])
        total[key] += step.counts[key];
    return `${total.created} created, ${total.updated} updated, ${total.skipped} skipped, ${total.failed} failed${total.parentsCreated ? `; ${total.parentsCreated} linked records created` : ''}`;
  };

  const startRollback = async (found: StoredImport, prefix = '') => {
    await save(found, { state: 'rolling-back', message: 'Rolling back' });
    await startJob(
      found,
      { kind: 'import-rollback', title: `Roll back "${found.name}"` },
      async (job, report) => {
        const client = await workspaces.client(found.connectionId);
        const totals = await rollbackImport({
          steps: stepsInOrder(found).map((step) => step.id),
          client,
          journalPath: importFolder(root, found.id).journal,
          signal: job.signal,
          onProgress: (done, total) => report('Rolling back', done, total),
        });
        found.message = `${prefix}Rolled back: ${totals.deleted} records deleted, ${totals.restored} restored to their previous values`;
      },
      async (error) => {
        if (!error) await save(found, { state: 'rolled-back' });
        else
          await save(found, {
            state: 'paused',
            message: `The rollback stopped (${messageOf(error)}): roll back again to carry on`,
          });
      },
    );
  };

  return {
    mappings,
    async inspectFile(path: string, source: SourceOptionsInput) {
      return inspectSource(path, source);
    },
    async list(): Promise<{ imports: Import[] }> {
      await loaded;
      return {
        imports: [...records.values()]
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
          .map(describe),
      };
    },
    async get(id: string) {
      return describe(await record(id));
    },
    async create(input: CreateInput): Promise<Import> {
      await loaded;
      await findConnection(workspaces, input.connectionId);
      const steps = stepsFrom(input.steps);
      await checkSteps(input.connectionId, steps);
      const now = new Date().toISOString();
      const found: StoredImport = {
        version: 1,
        id: randomUUID(),
        name: input.name,
        connectionId: input.connectionId,
        dryRunOf: null,
        state: 'draft',
        message: 'Not validated yet',
        steps,
        createdAt: now,
        updatedAt: now,
        ranAt: null,
        resultPath: null,
      };
      records.set(found.id, found);
      await save(found);
      return describe(found);
    },
    async update(input: UpdateInput): Promise<Import> {
      const found = await record(input.importId);
      busy(found);
      if (input.steps) {
        if (found.ranAt)
          throw new AppError(
            'CONFLICT',
            `Import "${found.name}" has run: roll it back or make a new import to change its files`,
          );
        const steps = stepsFrom(input.steps);
        await checkSteps(found.connectionId, steps);
        const folder = importFolder(root, found.id);
        await clearRunFiles(
          folder,
          found.steps.map((step) => step.id),
        );
        resetDerived(found);
        found.steps = steps;
        await writeFixes(folder, { version: 1, steps: {} });
        found.state = 'draft';
        found.message = 'Changed: validate again';
      }
      if (input.name) found.name = input.name;
      await save(found);
      return describe(found);
    },
    async remove(id: string) {
      const found = await record(id);
      busy(found);
      records.delete(id);
      resetDerived(found);
      await removeFolder(importFolder(root, id));
      return { removed: true };
    },

    async validate(id: string, checkWorkspace = true): Promise<Import> {
      const found = await record(id);
      busy(found);
      if (found.ranAt)
        throw new AppError(
          'CONFLICT',
          `Import "${found.name}" has run already: its rows are fixed`,
        );
      resetDerived(found);
      const folder = importFolder(root, found.id);
      await save(found, { state: 'validating', message: 'Validating' });
      await startJob(
        found,
        { kind: 'import-validate', title: `Validate "${found.name}"` },
        async (job, report) => {
          const model = await deps.model(found.connectionId, true);
          const client = checkWorkspace
            ? await workspaces.client(found.connectionId).catch(() => null)
            : null;
          const fixes = await readFixes(folder);
          let before = 0;
          for (const step of stepsInOrder(found)) {
            const counts = await validateStep({
              step,
              model,
              fixes: fixesOf(fixes, step.id),
              storePath: folder.problems(step.id),
              client,
              importedObjects: new Set(
                found.steps.filter((other) => other !== step).map((other) => other.mapping.object),
              ),
              signal: job.signal,
              onRows: (rows) => report(`Checking ${basename(step.path)}`, before + rows, null),
            });
            before += counts.rows;
            Object.assign(step.counts, emptyCounts(), counts);
          }
        },
        async (error) => {
          resetDerived(found);
          if (!error) await save(found, { state: 'validated', message: validatedMessage(found) });
          else
            await save(found, {
              state: 'draft',
              message: isCancel(error) ? 'Validation was stopped' : messageOf(error),
            });
        },
      );
      return describe(found);
    },

    async problemRows(input: z.output<typeof problemRowsInputSchema>) {
      const found = await record(input.importId);
      const step = stepOf(found, input.stepId);
      const store = await storeOf(found, step);
      const openedStep = await opened(found, step);
      const fixes = fixesOf(await readFixes(importFolder(root, found.id)), step.id);
      const rows = await store.page(input.filter, input.offset, input.limit);
      return {
        headers: openedStep.headers,
        total: store.count(input.filter),
        rows: rows.map((stored) => currentRow(openedStep, stored, fixes)),
      };
    },

    async fixRow(input: z.output<typeof fixRowInputSchema>): Promise<ProblemRow> {
      const found = await record(input.importId);
      busy(found);
      if (found.ranAt)
        throw new AppError('CONFLICT', `Import "${found.name}" has run: its rows are fixed`);
      const step = stepOf(found, input.stepId);
      const store = await storeOf(found, step);
      const openedStep = await opened(found, step);
      const stored = await store.get(input.line);
      if (!stored)
        throw new AppError(
          'NOT_FOUND',
          `Line ${input.line} of ${basename(step.path)} has no problem to fix`,
        );
      const folder = importFolder(root, found.id);
      const fixesFile = await readFixes(folder);
      const fixes = fixesOf(fixesFile, step.id);
      const cells = { ...(fixes.cells[String(input.line)] ?? {}) };
      for (const [column, text] of Object.entries(input.cells ?? {})) {
        const index = openedStep.headers.indexOf(column);
        if (index < 0)
          throw new AppError('INVALID_INPUT', `${basename(step.path)} has no column "${column}"`);
        if ((stored.cells[index] ?? '') === text) delete cells[column];
        else cells[column] = text;
      }
      if (Object.keys(cells).length > 0) fixes.cells[String(input.line)] = cells;
      else delete fixes.cells[String(input.line)];
      if (input.excluded !== undefined) {
        fixes.excluded = fixes.excluded.filter((line) => line !== input.line);
        if (input.excluded) fixes.excluded.push(input.line);
      }
      fixesFile.steps[step.id] = fixes;
      await writeFixes(folder, fixesFile);
      const row = currentRow(openedStep, stored, fixes);
      const before = store.flags(input.line) ?? 0;
      const after = rowFlags(row);
      store.setFlags(input.line, after);
      const delta = countDeltas(before, after);
      step.counts.errorRows += delta.errorRows;
      step.counts.warningRows += delta.warningRows;
      step.counts.excludedRows += delta.excludedRows;
      if (found.state === 'validated') found.message = validatedMessage(found);
      await save(found);
      return row;
    },

    async errorReport(input: { importId: string; stepId?: string | undefined }) {
      const found = await record(input.importId);
      const folder = importFolder(root, found.id);
      const fixesFile = await readFixes(folder);
      const steps = input.stepId ? [stepOf(found, input.stepId)] : stepsInOrder(found);
      const parts: string[] = [];
      let rows = 0;
      for (const [i, step] of steps.entries()) {
        const report = await errorReportCsv(
          await opened(found, step),
          await storeOf(found, step),
          fixesOf(fixesFile, step.id),
          basename(step.path),
        );
        rows += report.rows;
        parts.push(i === 0 ? report.csv : report.csv.slice(report.csv.indexOf('\n') + 1));
      }
      const csv = parts.join('');
      const fileName = `${found.name.replace(/[^\w.-]+/g, '-')}-errors.csv`;
      const path = input.stepId ? folder.errorReport(input.stepId) : join(folder.dir, 'errors.csv');
      await mkdir(folder.dir, { recursive: true });
      await writeFile(path, csv);
      return { fileName, path, rows, csv: csv.length <= REPORT_TEXT_LIMIT ? csv : null };
    },

    async run(input: {
      importId: string;
      confirm: boolean;
      skipErrorRows: boolean;
    }): Promise<Import> {
      const found = await record(input.importId);
      busy(found);
      if (found.state === 'rolled-back' || found.state === 'rolling-back')
        throw new AppError(
          'CONFLICT',
          `Import "${found.name}" was rolled back: make a new import to run it again`,
        );
      if (found.state === 'done') return describe(found);
      await writableConnection(
        workspaces,
        found.connectionId,
        input.confirm,
        `This imports records into`,
      );
      const errors = found.steps.reduce((sum, step) => sum + step.counts.errorRows, 0);
      if (!input.skipErrorRows && errors > 0)
        throw new AppError(
          'INVALID_INPUT',
          `${errors} rows still have errors: fix or exclude them first`,
        );
      await startRun(found);
      return describe(found);
    },

    async pause(id: string): Promise<Import> {
      const found = await record(id);
      running.get(id)?.cancel();
      return describe(found);
    },

    async dryRun(input: {
      importId: string;
      targetConnectionId?: string | undefined;
    }): Promise<Import> {
      const original = await record(input.importId);
      const connections = (await workspaces.list()).connections;
      const targetId =
        input.targetConnectionId ??
        connections.find(
          (connection) =>
            connection.kind === 'replica' && connection.replicaOf === original.connectionId,
        )?.id ??
        (connections.find((connection) => connection.id === original.connectionId)?.kind !==
        'remote'
          ? original.connectionId
          : 'local');
      const target = await findConnection(workspaces, targetId);
      if (target.kind === 'remote')
        throw new AppError(
          'INVALID_INPUT',
          `A dry run writes and then rolls back: choose the local workspace or a replica, not "${target.name}"`,
        );
      if (target.readOnly)
        throw new AppError('PERMISSION', `"${target.name}" is read-only in Atelier`);
      await checkSteps(target.id, original.steps);
      const now = new Date().toISOString();
      const copy: StoredImport = {
        ...structuredClone(original),
        id: randomUUID(),
        name: `${original.name} (dry run on ${target.name})`,
        connectionId: target.id,
        dryRunOf: original.id,
        state: 'draft',
        message: 'Dry run',
        createdAt: now,
        updatedAt: now,
        ranAt: null,
        resultPath: null,
      };
      for (const step of copy.steps)
        Object.assign(step.counts, {
          created: 0,
          updated: 0,
          skipped: 0,
          failed: 0,
          parentsCreated: 0,
        });
      records.set(copy.id, copy);
      await save(copy);
      await writeFixes(
        importFolder(root, copy.id),
        await readFixes(importFolder(root, original.id)),
      );
      await startRun(copy, async () => {
        const result = `Dry run on ${target.name}: ${summary(copy)}. `;
        // The rollback starts after this job has ended.
        setTimeout(() => {
          startRollback(copy, result).catch((error: unknown) =>
            logger.error('Dry-run rollback did not start', { error }),
          );
        }, 0);
      });
      return describe(copy);
    },

    async rollback(input: { importId: string; confirm: boolean }): Promise<Import> {
      const found = await record(input.importId);
      busy(found);
      if (!found.ranAt)
        throw new AppError('CONFLICT', `Import "${found.name}" has not run: nothing to roll back`);
      if (found.state === 'rolled-back') return describe(found);
      await writableConnection(
        workspaces,
        found.connectionId,
        input.confirm,
        'This deletes and restores records in',
      );
      await startRollback(found);
      return describe(found);
    },

    async resultRows(input: z.output<typeof resultRowsInputSchema>) {
      const found = await record(input.importId);
      const rows: ResultRow[] = [];
      let total = 0;
      try {
        for await (const row of readJsonLines<ResultRow>(
          importFolder(root, found.id).resultsJsonl,
        )) {
          if (input.status && row.status !== input.status) continue;
          if (total >= input.offset && rows.length < input.limit) rows.push(row);
          total++;
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      return { total, rows };
    },

    async resultReport(id: string) {
      const found = await record(id);
      if (!found.resultPath)
        throw new AppError('NOT_FOUND', `Import "${found.name}" has no results yet`);
      const csv = await readFile(found.resultPath, 'utf8');
      return {
        fileName: `${found.name.replace(/[^\w.-]+/g, '-')}-results.csv`,
        path: found.resultPath,
        rows: Math.max(0, csv.split('\n').length - 2),
        csv: csv.length <= REPORT_TEXT_LIMIT ? csv : null,
      };
    },

    /** Saved mappings a data-model change would break (the editor's impact list). */
    async mappingUsages(subject: ImpactSubject) {
      return savedMappingUsages(await mappings.list(), subject);
    },

    async stop() {
      for (const entry of running.values()) entry.cancel();
    },
  };
};
export type ImportService = ReturnType<typeof createImportService>;
export type { MappingDocument, ImportState };
