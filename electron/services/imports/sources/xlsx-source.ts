import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isAppError } from '../../../../shared/errors/app-error';
import { cancelledError, sourceError } from './source-errors';
import type { RawSource, SourceHooks } from './raw-source';
import type { SourceOptions, SourceProblem, SourceRow } from './types';
import { readCell, type CellReading } from './xlsx-cell-text';
import { openXlsxPackage, xlsxPartsStream, type WorkbookSheet } from './xlsx-package';

/** Rows handed on together: the reader yields one row at a time. */
const ROWS_PER_BATCH = 500;
const DAYS_1900_TO_1904_MS = 1462 * 86_400_000;

/**
 * An XLSX sheet's rows through exceljs's streaming reader, fed only the parts that sheet needs
 * (see `xlsxPartsStream`). Memory holds the shared-strings table (every distinct text of the
 * workbook, as Excel stores them once) and one batch of rows.
 */
export async function openXlsxSource(
  path: string,
  file: FileHandle,
  size: number,
  options: SourceOptions,
  hooks: SourceHooks,
): Promise<RawSource> {
  const pkg = await openXlsxPackage(path, file, size);
  const name = basename(path);
  if (pkg.sheets.length === 0) {
    throw sourceError(path, 'corrupt', `${name} has no worksheet to read`);
  }
  const sheet = chooseSheet(path, pkg.sheets, options.sheet);

  async function* rows(): AsyncGenerator<SourceRow[]> {
    const { signal, onProgress } = hooks;
    const parts = xlsxPartsStream(file, pkg, sheet);
    let bytesRead = 0;
    const counted = async function* () {
      for await (const chunk of parts.chunks) {
        if (signal?.aborted) throw cancelledError(signal);
        bytesRead += chunk.length;
        onProgress?.(bytesRead, parts.totalBytes);
        yield chunk;
      }
    };
    const input = Readable.from(counted(), { objectMode: false });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    try {
      for await (const worksheet of reader) {
        // exceljs dates cells by its own reading of date1904, which knows only "1", not "true".
        const readerSays1904 = Boolean(
          (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties
            ?.model?.date1904,
        );
        const rebaseMs =
          pkg.date1904 === readerSays1904
            ? 0
            : pkg.date1904
              ? DAYS_1900_TO_1904_MS
              : -DAYS_1900_TO_1904_MS;
        let batch: SourceRow[] = [];
        let previous = 0;
        for await (const row of worksheet) {
          const line =
            Number.isFinite(row.number) && row.number > previous ? row.number : previous + 1;
          previous = line;
          batch.push(readRow(row, line, pkg.date1904, rebaseMs));
          if (batch.length >= ROWS_PER_BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
        break; // the stream holds this one sheet
      }
    } catch (error) {
      if (signal?.aborted) throw cancelledError(signal);
      if (isAppError(error)) throw error;
      throw sourceError(
        path,
        'corrupt',
        `${name} cannot be read as XLSX: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      input.destroy();
    }
  }

  return {
    csv: null,
    xlsx: {
      sheets: pkg.sheets.map((s) => s.name),
      hiddenSheets: pkg.sheets.filter((s) => s.hidden).map((s) => s.name),
      sheet: sheet.name,
    },
    rows: rows(),
  };
}

function chooseSheet(path: string, sheets: WorkbookSheet[], wanted: string | undefined) {
  if (wanted === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0]!;
  const found =
    sheets.find((s) => s.name === wanted) ??
    sheets.find((s) => s.name.toLowerCase() === wanted.trim().toLowerCase());
  if (found) return found;
  throw sourceError(
    path,
    'no-such-sheet',
    `${basename(path)} has no sheet "${wanted}" (it has ${sheets.map((s) => `"${s.name}"`).join(', ')})`,
  );
}

function readRow(row: ExcelJS.Row, line: number, date1904: boolean, rebaseMs: number): SourceRow {
  const cells: string[] = [];
  let problems: SourceProblem[] | undefined;
  row.eachCell((cell, column) => {
    const reading = readCell(cellValue(cell, rebaseMs), cell.numFmt, date1904);
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = reading.text;
    if (reading.problem) {
      const where = `${columnLetters(column)}${line}`;
      (problems ??= []).push({
        code: reading.problem.code,
        column,
        message: problemMessage(reading, where),
      });
    }
  });
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  cells.length = end;
  return problems ? { line, cells, problems } : { line, cells };
}

function problemMessage(reading: CellReading, where: string): string {
  if (reading.problem?.code === 'formula-without-result') {
    return `Cell ${where} has a formula with no saved result: open and save the file in Excel, then import it again`;
  }
  return reading.problem?.error
    ? `Cell ${where} shows ${reading.problem.error}: read as empty`
    : `Cell ${where}: its formula gives an error (such as #N/A): read as empty`;
}

/**
 * `cell.value` hides a formula's falsy result (0, '', and NaN, which is how the reader leaves
 * an error result) behind "no result"; the model keeps it.
 */
function cellValue(cell: ExcelJS.Cell, rebaseMs: number): ExcelJS.CellValue {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const { formula, result } = cell.model as { formula?: string; result?: unknown };
    return { formula: formula ?? '', result } as ExcelJS.CellFormulaValue;
  }
  const value = cell.value;
  return rebaseMs !== 0 && value instanceof Date ? new Date(value.getTime() + rebaseMs) : value;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
