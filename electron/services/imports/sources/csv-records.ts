import Papa from 'papaparse';
import type { Newline } from './detect-delimiter';
import type { SourceProblem } from './types';

export interface CsvRecord {
  cells: string[];
  problems?: SourceProblem[];
}

export interface CsvRecordOptions {
  delimiter: string;
  newline: Newline;
  /** An unfinished record longer than this is settled at once (runaway quote, missing line breaks). */
  maxRowChars: number;
}

interface PapaError {
  code: string;
  row?: number;
  index?: number;
}

interface PapaResult {
  data: string[][];
  errors: PapaError[];
  meta: { cursor: number };
}

const MESSAGES = {
  'unclosed-quote': 'A quoted field is never closed: it was ended at the end of its line',
  'stray-quote':
    'A quote inside a quoted field is not doubled (""): the field may have run into the next cells or lines',
} as const;

/**
 * Streams CSV records out of decoded text chunks with papaparse's core parser: each chunk is
 * parsed up to its last complete record and the unfinished one waits for the next chunk, so
 * memory holds one chunk plus one record. Malformed input never throws: a quote that is never
 * closed would swallow the rest of the file, so once the file ends or the unfinished record
 * passes `maxRowChars`, that record is ended at the end of the line its quote opened on, reported
 * as `unclosed-quote`, and parsing goes on from the next line.
 */
export async function* parseCsvRecords(
  texts: AsyncIterable<string>,
  options: CsvRecordOptions,
): AsyncGenerator<CsvRecord[]> {
  const parser = new Papa.Parser({
    delimiter: options.delimiter,
    newline: options.newline,
    quoteChar: '"',
  });
  const parse = (text: string, final: boolean) => parser.parse(text, 0, !final) as PapaResult;
  const { newline, maxRowChars } = options;

  function settle(pending: string, final: boolean): { records: CsvRecord[]; rest: string } {
    const records: CsvRecord[] = [];
    let text = pending;
    for (;;) {
      const complete = parse(text, false);
      collect(records, complete, newline);
      text = text.slice(complete.meta.cursor);
      if (text === '') return { records, rest: '' };
      if (!final && text.length <= maxRowChars) return { records, rest: text };
      // `text` is one unfinished record: the file ended, or it grew past the limit.
      const whole = parse(text, true);
      const open = whole.errors.find((error) => error.code === 'MissingQuotes');
      const lineEnd = open ? text.indexOf(newline, open.index ?? 0) : -1;
      if (lineEnd < 0) {
        collect(records, whole, newline);
        if (!final) addProblem(records[records.length - 1], tooLong(maxRowChars));
        return { records, rest: '' };
      }
      collect(records, parse(text.slice(0, lineEnd), true), newline);
      text = text.slice(lineEnd + newline.length);
    }
  }

  let pending = '';
  for await (const text of texts) {
    const { records, rest } = settle(pending + text, false);
    pending = rest;
    if (records.length > 0) yield records;
  }
  const { records } = settle(pending, true);
  if (records.length > 0) yield records;
}

function collect(into: CsvRecord[], result: PapaResult, newline: Newline): void {
  const first = into.length;
  for (const cells of result.data) {
    // A file mixing line breaks: with '\n' as the break, a CRLF row leaves '\r' on its last cell.
    if (newline === '\n') {
      const last = cells.length - 1;
      if (cells[last]!.endsWith('\r')) cells[last] = cells[last]!.slice(0, -1);
    }
    into.push({ cells });
  }
  for (const error of result.errors) {
    // Errors past the last record belong to the unfinished one, which is parsed again later.
    if (error.row === undefined || error.row >= result.data.length) continue;
    const code =
      error.code === 'MissingQuotes'
        ? 'unclosed-quote'
        : error.code === 'InvalidQuotes'
          ? 'stray-quote'
          : null;
    if (code) addProblem(into[first + error.row], { code, message: MESSAGES[code] });
  }
}

function tooLong(maxRowChars: number): SourceProblem {
  return {
    code: 'row-too-long',
    message: `The row is longer than ${maxRowChars.toLocaleString('en')} characters: it was cut there and the rest read as new rows`,
  };
}

function addProblem(record: CsvRecord | undefined, problem: SourceProblem): void {
  if (!record) return;
  record.problems ??= [];
  if (!record.problems.some((known) => known.code === problem.code)) record.problems.push(problem);
}
