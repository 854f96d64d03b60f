/**
 * Part (b) of bench/import, to be written: end-to-end records/s into the local workspace with a
 * rate limit set, as a ratio of the ceiling (limit × batch size); goal ≥ 0.95 (issue 8).
 *
 * The place for it: index.ts calls `measureEndToEnd` after part (a) with the generated people
 * file and puts what it returns under `endToEnd` in the bench's JSON (and its ratio at the top
 * level as `endToEndRatio`). Until then it returns null and the JSON says so.
 */
export interface EndToEndFigures {
  /** Records written per second ÷ (rate limit × records per batch). */
  endToEndRatio: number;
  [figure: string]: unknown;
}

export const measureEndToEnd = async (_context: {
  /** The generated CSV (people-csv.ts), its rows and a temp dir the bench removes at the end. */
  csvPath: string;
  rows: number;
  tempDir: string;
  log: (line: string) => void;
}): Promise<EndToEndFigures | null> => null;
