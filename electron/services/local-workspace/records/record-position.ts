import type { SqlExecutor } from '../storage/sql-engine';
import { RecordError } from './record-errors';
import type { ObjectShape } from './record-shape';

/**
 * Positions as Twenty's RecordPositionService assigns them (record-position.service.ts
 * `overridePositionOnRecords`): a created record without a position, or with `"first"`, goes
 * before every other (`min - index - 1`), `"last"` after (`max + index + 1`); the extremes also
 * count the numeric positions given in the same batch; an empty table starts from 1.
 */
const extreme = async (db: SqlExecutor, shape: ObjectShape, fn: 'MIN' | 'MAX') => {
  const live = shape.byName.has('deletedAt') ? ' WHERE "deletedAt" IS NULL' : '';
  const { rows } = await db.query<{ value: number | string | null }>(
    `SELECT ${fn}("position") AS "value" FROM ${shape.qualifiedTable}${live}`,
  );
  const value = rows[0]?.value;
  return value === null || value === undefined || Number.isNaN(Number(value))
    ? null
    : Number(value);
};

export const assignPositions = async (
  db: SqlExecutor,
  shape: ObjectShape,
  records: Record<string, unknown>[],
  backfillMissing: boolean,
): Promise<void> => {
  if (!shape.byName.has('position')) return;
  const first: Record<string, unknown>[] = [];
  const last: Record<string, unknown>[] = [];
  const numeric: number[] = [];
  for (const record of records) {
    const position = record.position;
    if (position === 'last') last.push(record);
    else if (position === 'first' || (position === undefined && backfillMissing))
      first.push(record);
    else if (typeof position === 'number' && !Number.isNaN(position)) numeric.push(position);
    else if (position !== undefined && position !== null)
      throw new RecordError(
        `Invalid value ${JSON.stringify(position)} for field "position"`,
        'BAD_REQUEST',
        'INVALID_ARGS_DATA',
      );
  }
  const bound = async (fn: 'MIN' | 'MAX') => {
    const fallback = (await extreme(db, shape, fn)) ?? 1;
    return numeric.length === 0
      ? fallback
      : Math[fn === 'MIN' ? 'min' : 'max'](...numeric, fallback);
  };
  if (first.length > 0) {
    const min = await bound('MIN');
    first.forEach((record, index) => (record.position = min - index - 1));
  }
  if (last.length > 0) {
    const max = await bound('MAX');
    last.forEach((record, index) => (record.position = max + index + 1));
  }
};
