import { open, rename } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { WorkspaceModel } from '../../../../shared/contract/data-model';
import {
  fieldTypesOf,
  mergeRows,
  ownString,
  rowKey,
  type LookupRequest,
} from '../../../../shared/imports';
import type { StepFixes } from '../import-record';
import { convertedRows, openStep, type StepSource } from '../stage/converted-rows';
import { inFileChecks, stepKeys } from '../stage/key-checks';
import type { RowResultEntry } from './import-journal';

/**
 * Freezes what a run writes for one file: the rows after fixes, exclusions, errors and the
 * duplicate rule, in file order, one JSON line each (`staged`), and the rows settled without a
 * write (`settled`: excluded, refused, duplicates). A run reads batches from the staged file by
 * position, so a resume after a crash sends exactly the rows it had not finished, whatever
 * happened to the source file since.
 *
 * Duplicates (same dedupe key): `first` keeps the first row; `last` and `merge` need the whole
 * file, so a first pass counts rows per key and only keys seen more than once are held in
 * memory, written at their last row (merge: at its first row's line, combined in file order).
 */
export interface StagedRow {
  line: number;
  values: Record<string, unknown>;
  lookups: LookupRequest[];
  /** The dedupe key, when the mapping has one and the row fills it. */
  key: string | null;
  /** Lines combined into this one (merge) or replaced by it (last). */
  alsoLines?: number[];
}

export interface StageOptions {
  step: StepSource;
  model: WorkspaceModel;
  fixes: StepFixes;
  stagedPath: string;
  settledPath: string;
  signal?: AbortSignal;
  onRows?: (rows: number) => void;
}

const errorText = (problems: { severity: string; message: string; column: string | null }[]) =>
  problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => (problem.column ? `${problem.column}: ${problem.message}` : problem.message))
    .join('; ');

const lineWriter = async (path: string) => {
  const file = await open(`${path}.partial`, 'w');
  let buffer: string[] = [];
  let size = 0;
  let count = 0;
  const flush = async () => {
    if (buffer.length) await file.write(buffer.join(''));
    buffer = [];
    size = 0;
  };
  return {
    async write(value: unknown) {
      const text = `${JSON.stringify(value)}\n`;
      buffer.push(text);
      size += text.length;
      count++;
      if (size > 1 << 20) await flush();
    },
    get count() {
      return count;
    },
    async close() {
      await flush();
      await file.sync();
      await file.close();
      await rename(`${path}.partial`, path);
    },
  };
};

export interface StageOutcome {
  staged: number;
  settled: number;
  /** Field → option value → label: options the rows need created (value maps). */
  newOptions: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export const stageStep = async (options: StageOptions): Promise<StageOutcome> => {
  const { step, model, fixes, signal } = options;
  const opened = await openStep(step, model);
  const keys = stepKeys(step.mapping, opened.object);
  const rule = step.mapping.dedupe?.duplicates ?? 'first';
  const fieldTypes = fieldTypesOf(opened.object);
  const read = () => convertedRows(step, opened, fixes, signal ? { signal } : {});

  // Unique-field clashes inside the file are errors (Twenty refuses the second row).
  const uniqueOnly = inFileChecks(step.mapping, opened.object, { ...keys, dedupe: null });

  // last / merge: how many writable rows carry each key.
  const keyCounts = new Map<string, number>();
  if (keys.dedupe && rule !== 'first') {
    const counting = inFileChecks(step.mapping, opened.object, { ...keys, dedupe: null });
    for await (const batch of read())
      for (const row of batch) {
        if (row.excluded) continue;
        counting.check(row.line, row.result);
        if (row.result.hasErrors) continue;
        const key = rowKey(keys.dedupe, row.result.values);
        if (key !== null) keyCounts.set(ownString(key), (keyCounts.get(key) ?? 0) + 1);
      }
    for (const [key, count] of keyCounts) if (count < 2) keyCounts.delete(key);
  }

  const staged = await lineWriter(options.stagedPath);
  const settled = await lineWriter(options.settledPath);
  const settle = (entry: Omit<RowResultEntry, 'id'>) => settled.write({ ...entry, id: null });
  const firstLine = new Map<string, number>();
  const held = new Map<string, { row: StagedRow; lines: number[]; seen: number }>();
  let rows = 0;

  for await (const batch of read()) {
    for (const row of batch) {
      rows++;
      if (row.excluded) {
        await settle({ line: row.line, status: 'skipped', reason: 'Excluded' });
        continue;
      }
      uniqueOnly.check(row.line, row.result);
      if (row.result.hasErrors) {
        await settle({ line: row.line, status: 'failed', reason: errorText(row.result.problems) });
        continue;
      }
      const key = keys.dedupe ? rowKey(keys.dedupe, row.result.values) : null;
      const candidate: StagedRow = {
        line: row.line,
        values: row.result.values,
        lookups: row.result.lookups,
        key,
      };
      if (key === null) {
        await staged.write(candidate);
        continue;
      }
      if (rule === 'first' || !keyCounts.has(key)) {
        const first = firstLine.get(key);
        if (first !== undefined) {
          await settle({
            line: row.line,
            status: 'skipped',
            reason: `Duplicate of line ${first} (${keys.dedupe!.path}); the first row is kept`,
          });
          continue;
        }
        firstLine.set(ownString(key), row.line);
        await staged.write(candidate);
        continue;
      }
      const total = keyCounts.get(key)!;
      const entry = held.get(key);
      const next = !entry
        ? { row: candidate, lines: [row.line], seen: 1 }
        : {
            row: rule === 'merge' ? mergeRows(entry.row, candidate, fieldTypes) : candidate,
            lines: [...entry.lines, row.line],
            seen: entry.seen + 1,
          };
      if (next.seen < total) {
        held.set(key, next);
        continue;
      }
      held.delete(key);
      const kept = rule === 'merge' ? next.lines[0]! : row.line;
      for (const line of next.lines)
        if (line !== kept)
          await settle({
            line,
            status: 'skipped',
            reason:
              rule === 'merge'
                ? `Merged into line ${kept} (same ${keys.dedupe!.path})`
                : `Duplicate of line ${kept} (${keys.dedupe!.path}); the last row is kept`,
          });
      await staged.write({
        ...next.row,
        line: kept,
        alsoLines: next.lines.filter((line) => line !== kept),
      });
    }
    options.onRows?.(rows);
  }
  await staged.close();
  await settled.close();
  return { staged: staged.count, settled: settled.count, newOptions: opened.converter.newOptions };
};

/** Staged rows from position `from` (0-based), `count` of them. */
export const readStaged = async (
  path: string,
  from: number,
  count: number,
): Promise<StagedRow[]> => {
  const rows: StagedRow[] = [];
  let index = 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (index >= from + count) break;
    if (index >= from) rows.push(JSON.parse(line) as StagedRow);
    index++;
  }
  lines.close();
  return rows;
};

/** Every line of a JSON-lines file, parsed, in order (settled rows, staged rows). */
export async function* readJsonLines<T>(path: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as T;
}
