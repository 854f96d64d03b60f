import type { Import, StepCounts } from '../../../shared/contract';
import { isBusy } from './format';

const BARE = new Set(['Starting', 'Validating', 'Rolling back']);

/**
 * Counts over every file of an import, as the list and the run summary show them. `existingRows`
 * stays unknown (null) until every step was checked against the workspace.
 */
export const totalCounts = (imported: Pick<Import, 'steps'>): StepCounts =>
  imported.steps.reduce<StepCounts>(
    (sum, step) => ({
      rows: sum.rows + step.counts.rows,
      errorRows: sum.errorRows + step.counts.errorRows,
      warningRows: sum.warningRows + step.counts.warningRows,
      duplicateRows: sum.duplicateRows + step.counts.duplicateRows,
      excludedRows: sum.excludedRows + step.counts.excludedRows,
      existingRows:
        sum.existingRows === null || step.counts.existingRows === null
          ? null
          : sum.existingRows + step.counts.existingRows,
      created: sum.created + step.counts.created,
      updated: sum.updated + step.counts.updated,
      skipped: sum.skipped + step.counts.skipped,
      failed: sum.failed + step.counts.failed,
      parentsCreated: sum.parentsCreated + step.counts.parentsCreated,
    }),
    {
      rows: 0,
      errorRows: 0,
      warningRows: 0,
      duplicateRows: 0,
      excludedRows: 0,
      existingRows: imported.steps.length ? 0 : null,
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 0,
      parentsCreated: 0,
    },
  );

/** Rows a run would write: not excluded, without errors (those fail), duplicates resolved. */
export const rowsToWrite = (counts: StepCounts): number =>
  Math.max(0, counts.rows - counts.excludedRows - counts.errorRows - counts.duplicateRows);

export const hasResults = (counts: StepCounts): boolean =>
  counts.created + counts.updated + counts.skipped + counts.failed > 0;

/** Words for a progress phase main reports ("validate", "write", "rollback"…). */
export const phaseLabel = (phase: string): string => {
  const known: Record<string, string> = {
    read: 'Reading the files',
    reading: 'Reading the files',
    validate: 'Checking rows',
    validating: 'Checking rows',
    check: 'Checking rows',
    lookup: 'Looking up related records',
    lookups: 'Looking up related records',
    existing: 'Matching the workspace',
    write: 'Writing records',
    writing: 'Writing records',
    run: 'Writing records',
    rollback: 'Rolling back',
    'rolling-back': 'Rolling back',
  };
  return known[phase] ?? phase.charAt(0).toUpperCase() + phase.slice(1);
};

/**
 * The line under an import's state: main's message, except after validation, where fixes and
 * exclusions made since change the counts it was written from — said again from the counts.
 */
export const stateMessage = (imported: Pick<Import, 'state' | 'message' | 'steps'>): string => {
  // While a job runs its progress line says what happens; a bare "Starting" adds nothing.
  if (isBusy(imported.state) && BARE.has(imported.message)) return '';
  if (imported.state !== 'validated') return imported.message;
  const { errorRows } = totalCounts(imported);
  return errorRows
    ? `${errorRows.toLocaleString('en-US')} row${errorRows === 1 ? '' : 's'} with errors: fix or exclude them, or run without them`
    : 'Ready to run';
};

/**
 * Where a stopped run stands, from its counts (main reports progress only while a job runs):
 * rows settled (created, updated, skipped, failed) of the rows not excluded.
 */
export const progressFromCounts = (
  imported: Pick<Import, 'steps'>,
): NonNullable<Import['progress']> => {
  const counts = totalCounts(imported);
  return {
    phase: 'Paused',
    done: counts.created + counts.updated + counts.skipped + counts.failed,
    total: counts.rows - counts.excludedRows,
    rate: null,
    etaSeconds: null,
  };
};
