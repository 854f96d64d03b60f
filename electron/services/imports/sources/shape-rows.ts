import { headerNames } from './header-names';
import type { SourceRow } from './types';

export interface HeaderAndRows {
  /** The header row used: the one asked for, else the first row with content. */
  headerRow: number;
  headers: string[];
  /** Data rows after the header: shaped to its width, blank rows left out. */
  rows: AsyncGenerator<SourceRow[]>;
}

/**
 * Splits a file's rows at the header row: rows before it are skipped, its cells name the
 * columns, and every later row comes out padded with '' to the header's width (empty cells past
 * it dropped, non-empty ones kept, so a long row stays long). Rows with no content and no
 * problem are left out; line numbers still count them. Without `headerRow`, the first row with
 * content is the header; a chosen header row that is blank or missing (an XLSX leaves empty rows
 * out) gives no headers.
 */
export async function splitAtHeader(
  raw: AsyncGenerator<SourceRow[]>,
  headerRow: number | undefined,
): Promise<HeaderAndRows> {
  const isHeader =
    headerRow === undefined
      ? (row: SourceRow) => row.cells.some((cell) => cell !== '')
      : (row: SourceRow) => row.line >= headerRow;
  let headerCells: string[] = [];
  let leftover: SourceRow[] = [];
  let line = headerRow ?? 1;
  for (;;) {
    const next = await raw.next();
    if (next.done) break;
    const at = next.value.findIndex(isHeader);
    if (at < 0) continue;
    const found = next.value[at]!;
    if (headerRow === undefined || found.line === headerRow) {
      line = found.line;
      headerCells = found.cells;
      leftover = next.value.slice(at + 1);
    } else {
      leftover = next.value.slice(at);
    }
    break;
  }
  const headers = headerNames(headerCells);
  return { headerRow: line, headers, rows: shapeRows(leftover, raw, headers.length) };
}

async function* shapeRows(
  first: SourceRow[],
  rest: AsyncGenerator<SourceRow[]>,
  width: number,
): AsyncGenerator<SourceRow[]> {
  try {
    let batch: SourceRow[] | null = first;
    for (;;) {
      if (batch) {
        const shaped = shapeBatch(batch, width);
        if (shaped.length > 0) yield shaped;
      }
      const next = await rest.next();
      if (next.done) return;
      batch = next.value;
    }
  } finally {
    await rest.return(undefined);
  }
}

/** Every cell empty (a loop: no closure per row). */
function isEmptyRow(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '') return false;
  return true;
}

function shapeBatch(rows: SourceRow[], width: number): SourceRow[] {
  const shaped: SourceRow[] = [];
  for (const row of rows) {
    const cells = row.cells;
    let end = cells.length;
    while (end > width && cells[end - 1] === '') end--;
    if (end < cells.length) cells.length = end;
    if (!row.problems && isEmptyRow(cells)) continue;
    while (cells.length < width) cells.push('');
    shaped.push(row);
  }
  return shaped;
}
