import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../../shared/errors/app-error';
import { parseCsvRecords } from './csv-records';
import { createDecoder } from './decode-text';
import { detectDelimiter, guessNewline } from './detect-delimiter';
import { bomLengthFor, detectEncoding } from './detect-encoding';
import { cancelledError, fileSystemError, sourceError } from './source-errors';
import type { RawSource, SourceHooks } from './raw-source';
import { SOURCE_ENCODINGS, type SourceOptions, type SourceRow } from './types';

export const DEFAULT_MAX_ROW_CHARS = 4 * 1024 * 1024;
// 64 KiB, as Node reads files: larger reads cost more RSS (allocator fragmentation) for no speed.
const DEFAULT_CHUNK_BYTES = 64 * 1024;

/**
 * A CSV file's rows: encoding and delimiter settled from the first bytes (or taken from the
 * options), then the file streamed through the decoder and papaparse one chunk at a time, pulled
 * by the consumer (an unread batch stops the reading).
 */
export function openCsvSource(
  path: string,
  head: Buffer,
  size: number,
  options: SourceOptions,
  hooks: SourceHooks,
): RawSource {
  checkOptions(options);
  const complete = head.length >= size;
  const detected = options.encoding
    ? {
        encoding: options.encoding,
        confidence: 'chosen' as const,
        bomLength: bomLengthFor(head, options.encoding),
      }
    : detectEncoding(head, complete);
  const headDecoder = createDecoder(detected.encoding);
  const headText =
    headDecoder.decode(head.subarray(detected.bomLength)) + (complete ? headDecoder.end() : '');
  refuseNonText(path, headText);
  const newline = guessNewline(headText);
  const found = options.delimiter ? null : detectDelimiter(headText, newline, complete);
  const delimiter = options.delimiter ?? found ?? ',';
  const maxRowChars = options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
  const decoder = createDecoder(detected.encoding);

  async function* texts(): AsyncGenerator<string> {
    const { signal, onProgress } = hooks;
    const stream = createReadStream(path, {
      start: detected.bomLength,
      highWaterMark: hooks.chunkBytes ?? DEFAULT_CHUNK_BYTES,
      ...(signal ? { signal } : {}),
    });
    let bytesRead = detected.bomLength;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytesRead += chunk.length;
        onProgress?.(bytesRead, size);
        const text = decoder.decode(chunk);
        if (text) yield text;
      }
    } catch (error) {
      if (signal?.aborted) throw cancelledError(signal);
      throw fileSystemError(path, error);
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  async function* rows(): AsyncGenerator<SourceRow[]> {
    let line = 0;
    for await (const records of parseCsvRecords(texts(), { delimiter, newline, maxRowChars })) {
      const batch: SourceRow[] = new Array(records.length);
      for (let i = 0; i < records.length; i++) {
        const { cells, problems } = records[i]!;
        const row: SourceRow = { line: ++line, cells };
        if (problems) row.problems = problems;
        if (decoder.sawInvalidBytes) flagInvalidBytes(row, detected.encoding);
        batch[i] = row;
      }
      yield batch;
    }
  }

  return {
    csv: {
      encoding: detected.encoding,
      encodingConfidence: detected.confidence,
      delimiter,
      delimiterConfidence: options.delimiter ? 'chosen' : found ? 'detected' : 'default',
    },
    xlsx: null,
    rows: rows(),
  };
}

function flagInvalidBytes(row: SourceRow, encoding: string): void {
  if (!row.cells.some((cell) => cell.includes('\uFFFD'))) return;
  (row.problems ??= []).push({
    code: 'invalid-bytes',
    message: `Some bytes are not valid ${encoding} and read as "\uFFFD": is the file in another encoding?`,
  });
}

function checkOptions({ encoding, delimiter }: SourceOptions): void {
  if (encoding !== undefined && !SOURCE_ENCODINGS.includes(encoding)) {
    throw new AppError(
      'INVALID_INPUT',
      `Unknown encoding "${encoding}" (${SOURCE_ENCODINGS.join(', ')})`,
    );
  }
  if (delimiter !== undefined && (delimiter === '' || /["\r\n\uFEFF]/.test(delimiter))) {
    throw new AppError('INVALID_INPUT', `${JSON.stringify(delimiter)} cannot be a delimiter`);
  }
}

/** C0 controls other than tab, line feed, form feed, carriage return and Ctrl-Z (DOS end of file). */
function countControls(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      code < 0x20 &&
      code !== 0x09 &&
      code !== 0x0a &&
      code !== 0x0c &&
      code !== 0x0d &&
      code !== 0x1a
    ) {
      count++;
    }
  }
  return count;
}

/** A CSV is text: refuse empty files, binaries, and HTML or XML saved under a spreadsheet name. */
function refuseNonText(path: string, text: string): void {
  const name = basename(path);
  if (text.trim() === '') throw sourceError(path, 'empty', `${name} is empty`);
  if (text.includes('\u0000') || countControls(text) > Math.max(4, text.length / 100)) {
    throw sourceError(path, 'binary', `${name} is not a CSV or XLSX file (it holds binary data)`);
  }
  if (/^\s*<(\?xml|!doctype|html|table)\b/i.test(text)) {
    throw sourceError(
      path,
      'unsupported-spreadsheet',
      `${name} is an HTML or XML file, not a CSV (some tools export HTML under an .xls name): save it as CSV or XLSX`,
    );
  }
}
