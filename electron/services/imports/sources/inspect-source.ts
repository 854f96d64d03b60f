import { openSource } from './raw-source';
import { splitAtHeader } from './shape-rows';
import { headerRowOf } from './read-source-rows';
import type { SourceInfo, SourceOptions } from './types';

export const SAMPLE_ROWS = 50;

/**
 * What the wizard shows before mapping: kind, encoding and delimiter (CSV), sheets (XLSX),
 * headers and the first rows. Reads only as far as the header row plus the sample (for an
 * XLSX, the shared strings too), so it is cheap on a huge file.
 */
export async function inspectSource(
  path: string,
  options: SourceOptions = {},
): Promise<SourceInfo> {
  const headerRow = headerRowOf(options);
  const source = await openSource(path, options, {});
  try {
    const split = await splitAtHeader(source.rows, headerRow);
    const { headers, rows } = split;
    const sample: string[][] = [];
    const sampleLines: number[] = [];
    for await (const batch of rows) {
      for (const row of batch) {
        if (sample.length === SAMPLE_ROWS) break;
        sample.push(row.cells);
        sampleLines.push(row.line);
      }
      if (sample.length === SAMPLE_ROWS) break;
    }
    return {
      kind: source.csv ? 'csv' : 'xlsx',
      encoding: source.csv?.encoding ?? null,
      encodingConfidence: source.csv?.encodingConfidence ?? null,
      delimiter: source.csv?.delimiter ?? null,
      delimiterConfidence: source.csv?.delimiterConfidence ?? null,
      sheets: source.xlsx?.sheets ?? [],
      hiddenSheets: source.xlsx?.hiddenSheets ?? [],
      sheet: source.xlsx?.sheet ?? null,
      headerRow: split.headerRow,
      headers,
      sample,
      sampleLines,
      sizeBytes: source.sizeBytes,
    };
  } finally {
    await source.close();
  }
}
