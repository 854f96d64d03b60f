import type { ProblemRow } from '../../../shared/contract';

/**
 * The review grid's reading of a problem row: which cells carry which problems, the row's tone,
 * and the cache edits after a fix (the answered row replaces the old one where it was).
 */
export type RowProblem = ProblemRow['problems'][number];

/** Problems of a row by column; problems without a column (constants, required fields) under ''. */
export const problemsByColumn = (row: ProblemRow): Map<string, RowProblem[]> => {
  const byColumn = new Map<string, RowProblem[]>();
  for (const problem of row.problems) {
    const key = problem.column ?? '';
    const list = byColumn.get(key);
    if (list) list.push(problem);
    else byColumn.set(key, [problem]);
  }
  return byColumn;
};

export type RowTone = 'excluded' | 'error' | 'warning' | 'duplicate' | 'ok';

export const rowTone = (row: ProblemRow): RowTone => {
  if (row.excluded) return 'excluded';
  if (row.problems.some((problem) => problem.severity === 'error')) return 'error';
  if (row.duplicateOf !== null) return 'duplicate';
  if (row.problems.length) return 'warning';
  return 'ok';
};

/** The status a row shows: its tone, "Fixed" for a row whose fixes cleared it. */
export const rowStatus = (row: ProblemRow): string =>
  rowTone(row) === 'ok' && row.fixed.length ? 'Fixed' : TONE_LABELS[rowTone(row)];

export const TONE_LABELS: Record<RowTone, string> = {
  excluded: 'Excluded',
  error: 'Error',
  warning: 'Warning',
  duplicate: 'Duplicate',
  ok: 'OK',
};

/** The cell's problems as one sentence list (for its tooltip and accessible description). */
export const problemText = (problems: readonly RowProblem[] | undefined): string =>
  (problems ?? []).map((problem) => problem.message).join(' · ');

/** A one-line summary of a row: its first problem and how many more. */
export const rowSummary = (row: ProblemRow): string => {
  const parts: string[] = [];
  if (row.excluded) parts.push('Excluded from the import');
  if (row.duplicateOf !== null) parts.push(`Same key as line ${row.duplicateOf}`);
  const [first, ...rest] = row.problems;
  if (first)
    parts.push(
      `${first.column ? `${first.column}: ` : ''}${first.message}${rest.length ? ` (+${rest.length} more)` : ''}`,
    );
  if (!parts.length) return row.fixed.length ? 'Fixed' : '';
  return parts.join(' · ');
};

interface Page {
  headers: string[];
  total: number;
  rows: ProblemRow[];
}

/** Pages of the infinite query with one row replaced by its re-checked version. */
export const replaceRow = <P extends Page>(pages: readonly P[], row: ProblemRow): P[] =>
  pages.map((page) =>
    page.rows.some((candidate) => candidate.line === row.line)
      ? {
          ...page,
          rows: page.rows.map((candidate) => (candidate.line === row.line ? row : candidate)),
        }
      : page,
  );

/** The next offset to ask for, or undefined when every row is loaded. */
export const nextOffset = (pages: readonly Page[]): number | undefined => {
  const loaded = pages.reduce((sum, page) => sum + page.rows.length, 0);
  const total = pages[pages.length - 1]?.total ?? 0;
  const last = pages[pages.length - 1];
  return last && last.rows.length > 0 && loaded < total ? loaded : undefined;
};

/**
 * Grid columns in pixels: line, status, the exclude button, the problems summary, then the
 * file's columns (the summary comes first so a problem in a column far right is still seen).
 */
export const gridColumns = (headers: readonly string[]): { template: string; width: number } => {
  const widths = [60, 92, 104, 320, ...headers.map(() => 170)];
  return {
    template: widths.map((width) => `${width}px`).join(' '),
    width: widths.reduce((sum, width) => sum + width, 0),
  };
};
