import type { WorkspaceModel } from '../../../../shared/contract/data-model';
import type { StepCounts } from '../../../../shared/contract/imports';
import { resolveKeyPath, rowKey } from '../../../../shared/imports';
import type { TwentyClient } from '../../twenty-client';
import type { StepFixes } from '../import-record';
import { findByKeys } from '../workspace-keys';
import { convertedRows, openStep, type ConvertedRow, type StepSource } from './converted-rows';
import { inFileChecks, stepKeys } from './key-checks';
import { writeProblemStore } from './problem-store';

/**
 * One file checked before anything is written: every cell against its field (convertRow), the
 * dedupe key and unique fields within the file, and — with a client — the keys against the
 * workspace, a batch of rows per request: in create mode a row whose key exists will be skipped,
 * in update mode a row whose key does not exist will be skipped, and a unique value already used
 * by another record is an error (Twenty would refuse it). Rows worth a look go to the problem
 * store; the counts come back.
 */
export interface ValidateOptions {
  step: StepSource;
  model: WorkspaceModel;
  fixes: StepFixes;
  storePath: string;
  client: TwentyClient | null;
  signal?: AbortSignal;
  /** Objects other files of the same import write: lookups into them are not checked here. */
  importedObjects?: ReadonlySet<string>;
  onRows?: (rows: number) => void;
  onBytes?: (read: number, total: number) => void;
}

export type ValidationCounts = Pick<
  StepCounts,
  'rows' | 'errorRows' | 'warningRows' | 'duplicateRows' | 'excludedRows' | 'existingRows'
>;

const WORKSPACE_BATCH = 200;

export const validateStep = async (options: ValidateOptions): Promise<ValidationCounts> => {
  const { step, model, fixes, client, signal } = options;
  const opened = await openStep(step, model);
  const keys = stepKeys(step.mapping, opened.object);
  const checks = inFileChecks(step.mapping, opened.object, keys);
  const store = await writeProblemStore(options.storePath);
  const counts: ValidationCounts = {
    rows: 0,
    errorRows: 0,
    warningRows: 0,
    duplicateRows: 0,
    excludedRows: 0,
    existingRows: client && (keys.dedupe || keys.unique.length > 0) ? 0 : null,
  };

  const against = async (rows: { row: ConvertedRow; duplicateOf: number | null }[]) => {
    if (!client) return;
    const candidates = rows.filter(({ row, duplicateOf }) => !row.excluded && duplicateOf === null);
    if (keys.dedupe) {
      const target = keys.dedupe;
      const wanted = new Map<string, ConvertedRow[]>();
      for (const { row } of candidates) {
        const key = rowKey(target, row.result.values);
        if (key !== null) wanted.set(key, [...(wanted.get(key) ?? []), row]);
      }
      const found = (await findByKeys(client, opened.object, target, wanted.keys(), signal)).byKey;
      for (const [key, list] of wanted) {
        const records = found.get(key) ?? [];
        for (const row of list) {
          if (records.length > 0) counts.existingRows! += 1;
          const problem = (message: string, severity: 'error' | 'warning' = 'warning') => {
            row.result.problems.push({
              field: target.path,
              column: null,
              value: key,
              message,
              severity,
            });
            if (severity === 'error') row.result.hasErrors = true;
          };
          if (records.length > 1)
            problem(
              `${records.length} records in the workspace have ${target.path} "${key}": the row cannot tell which one to ${step.mode === 'create' ? 'skip' : 'update'}`,
              step.mode === 'create' ? 'warning' : 'error',
            );
          else if (records.length === 1 && step.mode === 'create')
            problem(`Already in the workspace (${String(records[0]!.id)}): create mode skips it`);
          else if (records.length === 0 && step.mode === 'update')
            problem(`No record in the workspace has ${target.path} "${key}": update mode skips it`);
        }
      }
    }
    // Lookups that will not create what they miss: say now which keys the workspace lacks (a
    // warning: an earlier file of the same import may bring them).
    const lookupGroups = new Map<
      string,
      { object: string; by: string; rows: Map<string, ConvertedRow[]> }
    >();
    for (const { row } of candidates)
      for (const lookup of row.result.lookups) {
        if (lookup.createMissing || options.importedObjects?.has(lookup.object)) continue;
        const id = `${lookup.object}|${lookup.by}`;
        const group = lookupGroups.get(id) ?? {
          object: lookup.object,
          by: lookup.by,
          rows: new Map(),
        };
        group.rows.set(lookup.value, [...(group.rows.get(lookup.value) ?? []), row]);
        lookupGroups.set(id, group);
      }
    for (const group of lookupGroups.values()) {
      const other = model.objects.find((candidate) => candidate.nameSingular === group.object);
      const target = other ? resolveKeyPath(other, group.by) : null;
      if (!other || !target || 'error' in target) continue;
      const found = (await findByKeys(client, other, target, group.rows.keys(), signal)).byKey;
      for (const [key, rows] of group.rows) {
        const count = found.get(key)?.length ?? 0;
        if (count === 1) continue;
        for (const row of rows) {
          const lookup = row.result.lookups.find(
            (candidate) => candidate.object === group.object && candidate.value === key,
          )!;
          row.result.problems.push({
            field: lookup.field,
            column: lookup.column,
            value: key,
            message:
              count === 0
                ? `No ${group.object} has ${group.by} "${key}" in the workspace yet: the row fails unless another file of this import brings it (or turn on "create missing")`
                : `${count} ${group.object} records have ${group.by} "${key}": the row cannot be linked`,
            severity: 'warning',
          });
        }
      }
    }
    for (const target of keys.unique) {
      const wanted = new Map<string, ConvertedRow[]>();
      for (const { row } of candidates) {
        const key = rowKey(target, row.result.values);
        if (key !== null) wanted.set(key, [...(wanted.get(key) ?? []), row]);
      }
      const found = (await findByKeys(client, opened.object, target, wanted.keys(), signal)).byKey;
      for (const [key, list] of wanted) {
        for (const row of list) {
          const clash = (found.get(key) ?? []).find((record) => {
            // Updating the record the dedupe key points at is not a clash.
            if (!keys.dedupe || step.mode === 'create') return true;
            const own = rowKey(keys.dedupe, row.result.values);
            return own === null || rowKey(keys.dedupe, record) !== own;
          });
          if (!clash) continue;
          row.result.problems.push({
            field: target.path,
            column: null,
            value: key,
            message: `${target.field.label || target.field.name} "${key}" is already used by ${String(clash.id)} in the workspace; Twenty refuses a second one`,
            severity: 'error',
          });
          row.result.hasErrors = true;
        }
      }
    }
  };

  const keep = async (row: ConvertedRow, duplicateOf: number | null) => {
    counts.rows++;
    if (row.excluded) counts.excludedRows++;
    else {
      if (row.result.hasErrors) counts.errorRows++;
      else if (row.result.problems.length > 0) counts.warningRows++;
      if (duplicateOf !== null) counts.duplicateRows++;
    }
    if (
      row.result.problems.length > 0 ||
      duplicateOf !== null ||
      row.excluded ||
      row.fixed.length > 0
    )
      await store.add(
        {
          line: row.line,
          cells: row.original,
          problems: row.result.problems.slice(0, row.converted),
          checks: row.result.problems.slice(row.converted),
          duplicateOf,
        },
        row.excluded,
      );
  };

  try {
    let pending: { row: ConvertedRow; duplicateOf: number | null }[] = [];
    const drain = async () => {
      await against(pending);
      for (const { row, duplicateOf } of pending) await keep(row, duplicateOf);
      options.onRows?.(counts.rows);
      pending = [];
    };
    for await (const batch of convertedRows(step, opened, fixes, {
      ...(signal ? { signal } : {}),
      ...(options.onBytes ? { onBytes: options.onBytes } : {}),
    })) {
      for (const row of batch) {
        const duplicateOf = row.excluded ? null : checks.check(row.line, row.result);
        pending.push({ row, duplicateOf });
        if (pending.length >= WORKSPACE_BATCH) await drain();
      }
    }
    await drain();
    await store.close();
    return counts;
  } catch (error) {
    await store.abandon();
    throw error;
  }
};
