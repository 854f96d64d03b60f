/** The import wizard's sources: what a CSV or XLSX file looks like to the engine (docs/import-sources.md). */

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

export const SOURCE_ENCODINGS: readonly SourceEncoding[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-1',
];

/** The delimiters tried when none is given, in the order that breaks ties. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

export interface CsvOptions {
  /** Any string papaparse accepts; detected among `CSV_DELIMITERS` when absent. */
  delimiter?: string;
  /** Detected when absent (BOM, valid UTF-8, NUL pattern, 0x80–0x9F bytes). */
  encoding?: SourceEncoding;
  /**
   * 1-based row of the column names, as `SourceRow.line` counts rows; default the first row with
   * content (row 1 unless the file starts with blank rows).
   */
  headerRow?: number;
  /** A row longer than this many characters is cut (runaway quote); default 4 Mi. */
  maxRowChars?: number;
}

export interface XlsxOptions {
  /** Sheet name; default the first visible sheet in tab order. */
  sheet?: string;
  /** As for CSV. */
  headerRow?: number;
}

export type SourceOptions = CsvOptions & XlsxOptions;

export interface ReadSourceOptions extends SourceOptions {
  /** Rows per yielded batch; default 1000. */
  batchSize?: number;
  signal?: AbortSignal;
  /**
   * Bytes consumed so far of `totalBytes`. CSV: the file. XLSX: the parts actually read
   * (workbook, styles, shared strings, the chosen sheet), compressed.
   */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** CSV: bytes per read; default 64 KiB. */
  chunkBytes?: number;
}

export type EncodingConfidence = 'bom' | 'valid-utf8' | 'guess' | 'chosen';

export interface SourceInfo {
  kind: 'csv' | 'xlsx';
  /** CSV: detected or chosen; null for XLSX. */
  encoding: SourceEncoding | null;
  encodingConfidence: EncodingConfidence | null;
  delimiter: string | null;
  /** CSV: how the delimiter was settled; null for XLSX. */
  delimiterConfidence: 'chosen' | 'detected' | 'default' | null;
  /** XLSX sheet names in tab order (hidden ones included); [] for CSV. */
  sheets: string[];
  /** The subset of `sheets` Excel does not show. */
  hiddenSheets: string[];
  sheet: string | null;
  /** The header row used (see `CsvOptions.headerRow`). */
  headerRow: number;
  /** Header row cells trimmed; trailing blanks dropped; blanks become "Column N"; repeats get " (2)". */
  headers: string[];
  /** First ≤ 50 non-blank data rows, shaped as `SourceRow.cells`. */
  sample: string[][];
  /** `SourceRow.line` of each sample row. */
  sampleLines: number[];
  sizeBytes: number;
}

export type SourceProblemCode =
  /** A quoted CSV field never closed: it was ended at the end of its line. */
  | 'unclosed-quote'
  /** A quote inside a quoted CSV field that is neither doubled nor the closing one. */
  | 'stray-quote'
  /** Bytes that are not valid in the encoding were read as U+FFFD. */
  | 'invalid-bytes'
  /** A CSV row longer than the limit was cut into pieces. */
  | 'row-too-long'
  /** An XLSX cell holding an error (#N/A, #DIV/0!…), read as ''. */
  | 'cell-error'
  /** An XLSX formula with no saved result (the file was never recalculated), read as ''. */
  | 'formula-without-result';

export interface SourceProblem {
  code: SourceProblemCode;
  message: string;
  /** 1-based column, when the problem is in one cell. */
  column?: number;
}

export interface SourceRow {
  /** 1-based row number as a spreadsheet shows it (header and blank rows count; a quoted multi-line CSV cell does not add rows). */
  line: number;
  /** Padded with '' to the header's width; longer when non-empty cells go past it. */
  cells: string[];
  /** What went wrong reading this row; the row is still delivered with its best reading. */
  problems?: SourceProblem[];
}
