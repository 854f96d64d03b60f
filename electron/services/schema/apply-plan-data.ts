import { convertValue } from '../../../shared/schema/convert-value';
import type { PlanStep } from '../../../shared/schema/plan-changes';
import type { TwentyClient } from '../twenty-client';
import {
  ANY_DELETION_STATE,
  assertReadable,
  emptyValueOf,
  readRecordPages,
  sameFieldValue,
  writeFieldValues,
  type ValueWrite,
} from './record-pages';

/**
 * The data steps of a plan, through the core API: a type change's copy of converted values into
 * the new field, and an option merge's move of records to the surviving option. Both can run
 * again after a failure (they write only what differs, or what still matches). A failure says
 * how far the step got and what the workspace holds.
 */
export interface DataProgress {
  done: number;
  total: number;
}

export class DataStepError extends Error {
  constructor(
    message: string,
    readonly progress: DataProgress,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'DataStepError';
  }
}

type CopyStep = Extract<PlanStep, { operation: 'copyFieldValues' }>;
type MoveStep = Extract<PlanStep, { operation: 'moveOptionValues' }>;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

const copyFieldValues = async (
  client: TwentyClient,
  plural: string,
  step: CopyStep,
  progress: DataProgress,
  onData: (progress: DataProgress) => void,
  signal?: AbortSignal,
) => {
  const { from, to, fromField, toField } = step.input;
  for await (const page of readRecordPages(client, plural, signal ? { signal } : {})) {
    progress.total = page.total;
    assertReadable(page.records, from, step.objectName);
    const writes: ValueWrite[] = [];
    for (const record of page.records) {
      const converted = convertValue(record[from], fromField, toField);
      // A value that does not convert is lost, as the plan and the preview say: the new field
      // is left empty there, not holding its default.
      const value =
        converted.ok && converted.value !== null ? converted.value : emptyValueOf(toField.type);
      if (!sameFieldValue(value, record[to], toField.type))
        writes.push({ id: String(record.id), value, trashed: record.deletedAt != null });
    }
    await writeFieldValues(client, plural, to, writes, signal);
    Object.assign(progress, { done: page.done, total: page.total });
    onData({ ...progress });
  }
};

const moveFilter = (field: string, value: string, multi: boolean) =>
  multi ? `${field}[containsAny]:[${value}]` : `${field}[eq]:"${value}"`;

const moveOptionValues = async (
  client: TwentyClient,
  plural: string,
  step: MoveStep,
  progress: DataProgress,
  onData: (progress: DataProgress) => void,
  signal?: AbortSignal,
) => {
  const { moves, multi } = step.input;
  const field = step.fieldName;
  for (const move of moves) {
    const counted = await client.rest.list(plural, {
      filter: `and(${moveFilter(field, move.from, multi)},${ANY_DELETION_STATE})`,
      limit: 1,
      ...(signal ? { signal } : {}),
    });
    progress.total += counted.totalCount ?? 0;
  }
  onData({ ...progress });
  for (const move of moves) {
    const filter = moveFilter(field, move.from, multi);
    for await (const page of readRecordPages(client, plural, {
      filter,
      ...(signal ? { signal } : {}),
    })) {
      const writes = page.records.map((record) => {
        const values = Array.isArray(record[field]) ? (record[field] as string[]) : [];
        const value = multi
          ? [...new Set(values.map((v) => (v === move.from ? move.to : v)))]
          : move.to;
        return { id: String(record.id), value, trashed: record.deletedAt != null };
      });
      await writeFieldValues(client, plural, field, writes, signal);
      progress.done += page.records.length;
      progress.total = Math.max(progress.total, progress.done);
      onData({ ...progress });
    }
  }
};

export const runDataStep = async (
  client: TwentyClient,
  plural: string,
  step: CopyStep | MoveStep,
  onData: (progress: DataProgress) => void,
  signal?: AbortSignal,
): Promise<void> => {
  const progress: DataProgress = { done: 0, total: 0 };
  try {
    if (step.operation === 'copyFieldValues')
      await copyFieldValues(client, plural, step, progress, onData, signal);
    else await moveOptionValues(client, plural, step, progress, onData, signal);
  } catch (error) {
    const where = `\`${step.objectName}\``;
    const after = `after ${progress.done} of ${progress.total} record(s)`;
    throw new DataStepError(
      step.operation === 'copyFieldValues'
        ? `Copying \`${step.input.from}\` into \`${step.input.to}\` on ${where} stopped ${after}: ${reason(error)}. \`${step.input.to}\` holds a partial copy; \`${step.input.from}\` is unchanged. Apply the plan again to copy from the start.`
        : `Moving the values of \`${step.fieldName}\` on ${where} stopped ${after}: ${reason(error)}. The records moved hold their new value; the options are unchanged. Apply the plan again to move the rest.`,
      { ...progress },
      error,
    );
  }
};
