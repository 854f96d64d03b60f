import Papa from 'papaparse';
import type { ProblemRow } from '../../../../shared/contract/imports';
import type { StepFixes } from '../import-record';
import { convertOne, type OpenedStep } from './converted-rows';
import { FLAG, flagsOf, type ProblemStore, type StoredProblemRow } from './problem-store';

/**
 * The grid's rows: a stored problem row with the admin's current fixes laid over it. A fixed row
 * is converted again (its conversion problems are the fixed cells'); the key checks found at
 * validation stay until the next validation.
 */
export const currentRow = (
  opened: OpenedStep,
  stored: StoredProblemRow,
  fixes: StepFixes,
): ProblemRow => {
  const excluded = fixes.excluded.includes(stored.line);
  const hasFixes = fixes.cells[String(stored.line)] !== undefined;
  const converted = hasFixes ? convertOne(opened, stored.line, stored.cells, fixes) : null;
  const problems = [...(converted ? converted.result.problems : stored.problems), ...stored.checks];
  const cells: Record<string, string> = {};
  const texts = converted ? converted.cells : stored.cells;
  opened.headers.forEach((header, i) => (cells[header] = texts[i] ?? ''));
  return {
    line: stored.line,
    cells,
    fixed: converted ? converted.fixed : [],
    excluded,
    problems,
    duplicateOf: stored.duplicateOf,
  };
};

export const rowFlags = (row: ProblemRow): number =>
  flagsOf(row.problems, row.duplicateOf, row.excluded);

/** Count changes between two flag sets, as the step's counts see them. */
export const countDeltas = (before: number, after: number) => {
  const state = (flags: number) => ({
    error: (flags & FLAG.error) !== 0 && (flags & FLAG.excluded) === 0,
    warning:
      (flags & FLAG.error) === 0 && (flags & FLAG.warning) !== 0 && (flags & FLAG.excluded) === 0,
    excluded: (flags & FLAG.excluded) !== 0,
  });
  const a = state(before);
  const b = state(after);
  const delta = (x: boolean, y: boolean) => (y ? 1 : 0) - (x ? 1 : 0);
  return {
    errorRows: delta(a.error, b.error),
    warningRows: delta(a.warning, b.warning),
    excludedRows: delta(a.excluded, b.excluded),
  };
};

/** The error report: one line per problem of every stored row, fixes applied. */
export const errorReportCsv = async (
  opened: OpenedStep,
  store: ProblemStore,
  fixes: StepFixes,
  fileName: string,
): Promise<{ csv: string; rows: number }> => {
  const data: (string | number)[][] = [];
  const total = store.count('problems');
  for (let offset = 0; offset < total; offset += 500) {
    for (const stored of await store.page('problems', offset, 500)) {
      const row = currentRow(opened, stored, fixes);
      const state = row.excluded ? 'excluded' : '';
      for (const problem of row.problems)
        data.push([
          fileName,
          row.line,
          problem.column ?? '',
          problem.field,
          problem.value,
          problem.severity,
          problem.message,
          state,
        ]);
      if (row.duplicateOf !== null)
        data.push([
          fileName,
          row.line,
          '',
          '',
          '',
          'duplicate',
          `Same key as line ${row.duplicateOf}`,
          state,
        ]);
      if (row.problems.length === 0 && row.duplicateOf === null && row.excluded)
        data.push([fileName, row.line, '', '', '', '', 'Excluded', state]);
    }
  }
  const csv = Papa.unparse(
    { fields: ['file', 'line', 'column', 'field', 'value', 'severity', 'message', 'row'], data },
    { newline: '\n' },
  );
  return { csv: `${csv}\n`, rows: data.length };
};
