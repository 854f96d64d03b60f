import type { WorkspaceModel } from '../../../../shared/contract/data-model';
import { AppError } from '../../../../shared/errors/app-error';
import { keyOfValue, resolveKeyPath, type KeyTarget } from '../../../../shared/imports';
import type { TwentyClient } from '../../twenty-client';
import { MAX_BATCH_CREATE } from '../../twenty-client/record-api';
import type { StepFixes } from '../import-record';
import { targetObject, type StepSource } from '../stage/converted-rows';
import { stepKeys } from '../stage/key-checks';
import {
  openJournalWriter,
  readJournal,
  replayJournal,
  type BatchPlan,
  type RowResultEntry,
} from './import-journal';
import { createMissingOptions } from './create-options';
import { createLookupResolver } from './lookup-resolver';
import { readJsonLines, stageStep, type StagedRow } from './stage-step';
import { planBatch, sendBatch } from './write-batch';

/**
 * A whole import, file after file in dependency order, a batch at a time: staged once (frozen in
 * the import's folder), each batch planned and journaled before it is sent, its results journaled
 * after. Stopping (pause, crash, kill) anywhere and running again carries on from the journal:
 * finished batches are skipped, a begun batch is resent under the ids it planned.
 */
export interface RunStep extends StepSource {
  id: string;
  fixes: StepFixes;
  stagedPath: string;
  settledPath: string;
}

export interface RunProgress {
  step: string;
  phase: 'staging' | 'writing';
  /** Rows finished in this phase, over every step. */
  done: number;
  total: number | null;
}

export interface StepTotals {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  parentsCreated: number;
}

export interface RunOptions {
  steps: RunStep[];
  model: WorkspaceModel;
  client: TwentyClient;
  journalPath: string;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /**
   * Plan every batch (lookups, which rows would create or update, reads only) without writing:
   * the results say what a run would do. Use a journal of its own (it is not resumable).
   */
  planOnly?: boolean;
  /** After each batch: the totals so far per step id. */
  onTotals?: (totals: Map<string, StepTotals>) => void;
}

const emptyTotals = (): StepTotals => ({
  created: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  parentsCreated: 0,
});

const addResults = (totals: StepTotals, results: Iterable<Pick<RowResultEntry, 'status'>>) => {
  for (const result of results) totals[result.status]++;
};

/** What a planned batch would write, as results (a dry run against the live workspace). */
const wouldDo = (plan: BatchPlan): { results: RowResultEntry[]; parentsCreated: string[] } => ({
  results: [
    ...plan.settled,
    ...plan.creates.map((create) => ({
      line: create.line,
      status: 'created' as const,
      id: null,
      reason: 'Would be created',
    })),
    ...plan.updates.map((update) => ({
      line: update.line,
      status: 'updated' as const,
      id: update.id,
      reason: update.trashed ? 'Would be updated (restored from the trash)' : 'Would be updated',
    })),
  ].sort((a, b) => a.line - b.line),
  parentsCreated: plan.parents.map((parent) => parent.id),
});

async function* batchesOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const throwIfCancelled = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new AppError('CANCELLED', 'The import was paused');
};

export const runImport = async (options: RunOptions): Promise<Map<string, StepTotals>> => {
  const { steps, model, client, signal } = options;
  const state = replayJournal(await readJournal(options.journalPath));
  const journal = await openJournalWriter(options.journalPath);
  const lookups = createLookupResolver(client, model);
  const totals = new Map(steps.map((step) => [step.id, emptyTotals()]));

  // Keys later files look records up by, per object: remembered as rows are written.
  const lookupPaths = new Map<string, Set<string>>();
  for (const step of steps)
    for (const source of Object.values(step.mapping.fields))
      if (source.kind === 'lookup')
        lookupPaths.set(
          source.object,
          (lookupPaths.get(source.object) ?? new Set()).add(source.by),
        );

  try {
    // Staging first, every file: the run's total is known before the first write.
    for (const step of steps) {
      if (state.steps.get(step.id)?.staged) continue;
      throwIfCancelled(signal);
      const object = targetObject(model, step.mapping.object);
      options.onProgress?.({ step: step.id, phase: 'staging', done: 0, total: null });
      const { staged, newOptions } = await stageStep({
        step,
        model,
        fixes: step.fixes,
        stagedPath: step.stagedPath,
        settledPath: step.settledPath,
        ...(signal ? { signal } : {}),
        onRows: (rows) =>
          options.onProgress?.({ step: step.id, phase: 'staging', done: rows, total: null }),
      });
      // Options the value maps create, before any record needs them (not in a dry run).
      if (!options.planOnly) await createMissingOptions(client, object, newOptions, signal);
      await journal.append({
        t: 'staged',
        step: step.id,
        rows: staged,
        batchSize: options.batchSize ?? MAX_BATCH_CREATE,
        plural: object.namePlural,
      });
    }
    const staging = replayJournal(await readJournal(options.journalPath));
    const totalRows = steps.reduce(
      (sum, step) => sum + (staging.steps.get(step.id)?.staged?.rows ?? 0),
      0,
    );
    let doneRows = 0;
    for (const step of steps) {
      throwIfCancelled(signal);
      const object = targetObject(model, step.mapping.object);
      const stepTotals = totals.get(step.id)!;
      const recorded = staging.steps.get(step.id)!;
      const staged = recorded.staged!;
      for await (const entry of readJsonLines<RowResultEntry>(step.settledPath))
        stepTotals[entry.status]++;

      const remember: Array<{ field: string; target: KeyTarget; by: string }> = [];
      for (const by of lookupPaths.get(object.nameSingular) ?? []) {
        const target = resolveKeyPath(object, by);
        if (!('error' in target)) remember.push({ field: target.field.name, target, by });
      }
      const learn = (rows: StagedRow[], results: RowResultEntry[]) => {
        if (remember.length === 0) return;
        const byLine = new Map(rows.map((row) => [row.line, row]));
        for (const result of results) {
          const row = byLine.get(result.line);
          if (!row || !result.id || (result.status !== 'created' && result.status !== 'updated'))
            continue;
          for (const { field, target, by } of remember) {
            const key = keyOfValue(target, row.values[field]);
            if (key !== null) lookups.remember(object.nameSingular, by, key, result.id);
          }
        }
      };

      if (recorded.finished) {
        for (const done of recorded.done.values()) {
          addResults(stepTotals, done.results);
          stepTotals.parentsCreated += done.parentsCreated.length;
        }
        doneRows += staged.rows;
        continue;
      }
      const ctx = {
        client,
        object,
        mode: step.mode,
        key: stepKeys(step.mapping, object).dedupe,
        lookups,
        ...(signal ? { signal } : {}),
      };
      let batchIndex = 0;
      for await (const rows of batchesOf(
        readJsonLines<StagedRow>(step.stagedPath),
        staged.batchSize,
      )) {
        const index = batchIndex++;
        const done = recorded.done.get(index);
        if (done) {
          addResults(stepTotals, done.results);
          stepTotals.parentsCreated += done.parentsCreated.length;
          learn(rows, done.results);
          doneRows += rows.length;
          continue;
        }
        throwIfCancelled(signal);
        const begun = recorded.begun.get(index);
        const plan = begun ?? (await planBatch(ctx, rows));
        if (options.planOnly) {
          const outcome = wouldDo(plan);
          await journal.append({ t: 'done', step: step.id, batch: index, ...outcome });
          addResults(stepTotals, outcome.results);
          stepTotals.parentsCreated += outcome.parentsCreated.length;
          // Later files find these rows' records under the ids the plan reserved.
          learn(rows, [
            ...outcome.results,
            ...plan.creates.map((create) => ({
              ...create,
              status: 'created' as const,
              reason: '',
            })),
          ]);
          doneRows += rows.length;
          options.onProgress?.({
            step: step.id,
            phase: 'writing',
            done: doneRows,
            total: totalRows,
          });
          continue;
        }
        if (!begun) await journal.append({ t: 'begin', step: step.id, batch: index, plan });
        const outcome = await sendBatch(ctx, plan, rows, begun !== undefined);
        await journal.append({
          t: 'done',
          step: step.id,
          batch: index,
          results: outcome.results,
          parentsCreated: outcome.parentsCreated,
          attachmentsCreated: outcome.attachmentsCreated,
        });
        addResults(stepTotals, outcome.results);
        stepTotals.parentsCreated += outcome.parentsCreated.length;
        learn(rows, outcome.results);
        doneRows += rows.length;
        options.onProgress?.({ step: step.id, phase: 'writing', done: doneRows, total: totalRows });
        options.onTotals?.(totals);
      }
      await journal.append({ t: 'step-done', step: step.id });
    }
    await journal.append({ t: 'run-done' });
    return totals;
  } finally {
    await journal.close();
  }
};
