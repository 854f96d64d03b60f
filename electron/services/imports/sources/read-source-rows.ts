import { AppError } from '../../../../shared/errors/app-error';
import { openSource } from './raw-source';
import { splitAtHeader } from './shape-rows';
import { throwIfAborted } from './source-errors';
import type { ReadSourceOptions, SourceOptions, SourceRow } from './types';

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * The data rows after the header row, in batches of `batchSize`, shaped as `inspectSource`
 * shapes its sample. Pulled: nothing is read ahead of the consumer beyond one chunk (CSV) or
 * one batch (XLSX), so a file of any length streams in bounded memory. Stopping the iteration
 * closes the file; an aborted `signal` ends it with a CANCELLED AppError.
 */
export async function* readSourceRows(
  path: string,
  options: ReadSourceOptions,
): AsyncGenerator<SourceRow[]> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new AppError('INVALID_INPUT', `batchSize must be a positive integer, not ${batchSize}`);
  }
  const { signal } = options;
  throwIfAborted(signal);
  const headerRow = headerRowOf(options);
  const source = await openSource(path, options, {
    ...(signal ? { signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
  });
  try {
    const { rows } = await splitAtHeader(source.rows, headerRow);
    let batch: SourceRow[] = [];
    for await (const rowsRead of rows) {
      throwIfAborted(signal);
      for (const row of rowsRead) {
        batch.push(row);
        if (batch.length === batchSize) {
          yield batch;
          throwIfAborted(signal);
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    await source.close();
  }
}

/** The chosen header row, checked; undefined when the first row with content is to be used. */
export function headerRowOf(options: SourceOptions): number | undefined {
  const { headerRow } = options;
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1)) {
    throw new AppError('INVALID_INPUT', `headerRow must be a positive integer, not ${headerRow}`);
  }
  return headerRow;
}
