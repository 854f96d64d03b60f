import { measureImportWrite, type ImportWriteFigures } from '../lib/import-write';

/**
 * Part (b) of bench/import: end-to-end records/s of the import engine into a local workspace that
 * enforces a rate limit (5 requests/s by default, BENCH_LIMIT), as a ratio of the ceiling the
 * limit allows: limit × 200 records per batch in create mode (one request per batch), half that
 * in upsert mode by e-mail (one lookup and one write per batch). Goal ≥ 0.95 (issue 8). The run
 * is timed from the first staged row to the last result; 429s the server answered are counted
 * (bench/lib/import-write.ts).
 */
export interface EndToEndFigures {
  /** Records written per second ÷ (rate limit × records per batch), create mode. */
  endToEndRatio: number;
  create: ImportWriteFigures;
  upsert: ImportWriteFigures;
  [figure: string]: unknown;
}

const LIMIT = Number(process.env.BENCH_LIMIT ?? 5);
/** Rows per mode: about 20 s of writing at the limit. */
const CREATE_ROWS = Number(process.env.BENCH_E2E_ROWS ?? LIMIT * 200 * 20);

export const measureEndToEnd = async (context: {
  csvPath: string;
  rows: number;
  tempDir: string;
  log: (line: string) => void;
}): Promise<EndToEndFigures | null> => {
  if (process.env.BENCH_SKIP_E2E === '1') return null;
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    const run = (mode: 'create' | 'upsert', rows: number) =>
      measureImportWrite({
        limit: LIMIT,
        rows,
        mode,
        log: context.log,
        onCleanup: (cleanup) => cleanups.push(cleanup),
      });
    const create = await run('create', CREATE_ROWS);
    const upsert = await run('upsert', CREATE_ROWS / 2);
    return { endToEndRatio: create.ratio, upsertRatio: upsert.ratio, create, upsert };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
};
