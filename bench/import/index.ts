import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createCleanups } from '../lib/cleanups';
import { round } from '../lib/timing';
import { measureEndToEnd } from './end-to-end';
import { generatePeopleCsv } from './people-csv';

/**
 * bench/import (issue 8), part (a): parse + validate rows/s of a 1,000,000-row CSV as a ratio to
 * papaparse alone, with the peak RSS. Goals: ratio ≥ 0.5, RSS < 300 MB.
 *
 * 1. A people export is generated from a fixed seed in a temp dir (people-csv.ts: 13 columns,
 *    ~167 MB, quoted commas and line breaks, duplicates, bad cells).
 * 2. Each round runs, each in a process of its own (parse-validate-side.ts): papaparse alone
 *    streaming the file, then our pipeline — readSourceRows, the compiled person mapping
 *    (person-import.ts) on every row, the in-file dedupe by e-mail. Rows/s from the wall clock
 *    of each; the ratio uses the best round of each side (the machine is shared: other work
 *    only ever slows a run down). CPU time is reported too (a steadier reading under load).
 * 3. Peak RSS is the pipeline process's high-water mark (getrusage). The sides run bundled by
 *    esbuild, as the desktop app runs (BENCH_TSX=1: under tsx, as browser mode and the CLI do).
 * Part (b), end-to-end records/s into a rate-limited local workspace vs limit × batch, is
 * end-to-end.ts (BENCH_SKIP_E2E=1 leaves it out).
 *
 * BENCH_ROWS (1,000,000), BENCH_ROUNDS (3), BENCH_PROFILE=1 (or a directory): a V8 CPU profile
 * of each pipeline run (test-results/bench-import/). BENCH_WORKERS=n adds an experiment per
 * round: conversion in n worker threads (convert-worker.ts), reported under `workersExperiment`.
 * More: docs/bench-import.md.
 */
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
/** Under tsx when asked; else bundled by esbuild as `build:desktop` bundles main (see below). */
const UNDER_TSX = process.env.BENCH_TSX === '1';
const BUNDLE_DIR = join(ROOT, 'node_modules/.cache/atelier-bench-import');
const SIDE = UNDER_TSX
  ? join(here, 'parse-validate-side.ts')
  : join(BUNDLE_DIR, 'parse-validate-side.mjs');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Also run the worker-thread experiment with this many converting workers (0: not). */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 0);
const GOAL_RATIO = 0.5;
const GOAL_RSS_MB = 300;
const PROFILE_DIR = process.env.BENCH_PROFILE
  ? process.env.BENCH_PROFILE === '1'
    ? join(ROOT, 'test-results/bench-import')
    : resolve(process.env.BENCH_PROFILE)
  : null;

const log = (line: string) => process.stderr.write(`${line}\n`);
const cleanups = createCleanups(log);

interface SideFigures {
  side: 'papaparse' | 'pipeline' | 'pipeline-workers';
  rows: number;
  ms: number;
  cpuMs: number;
  rowsPerSecond: number;
  startRssMb: number;
  peakRssMb: number;
  [figure: string]: unknown;
}

/**
 * The sides as the desktop app runs our code: one ESM bundle per entry (esbuild, packages left
 * to node_modules), as `npm run build:desktop` makes main.js. Under tsx every module is compiled
 * on its own and run through tsx's loader; the pipeline then shows the same speed but a larger
 * and more variable peak RSS (docs/bench-import.md), so BENCH_TSX=1 is there to compare.
 */
const bundleSides = () =>
  build({
    entryPoints: [join(here, 'parse-validate-side.ts'), join(here, 'convert-worker.ts')],
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });

/** One side in a fresh process; its last stdout line is its figures. */
const runSide = (side: SideFigures['side'], csvPath: string): Promise<SideFigures> =>
  new Promise((done, fail) => {
    const profile =
      PROFILE_DIR && side === 'pipeline' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
    const args = [SIDE, side, csvPath, ...(side === 'pipeline-workers' ? [String(WORKERS)] : [])];
    const loader = UNDER_TSX ? ['--import', 'tsx'] : [];
    const child = spawn(process.execPath, [...profile, ...loader, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.add(() => void child.kill());
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.once('error', fail);
    child.once('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return fail(new Error(`${side} exited with ${code}: ${last}`));
      try {
        done(JSON.parse(last) as SideFigures);
      } catch {
        fail(new Error(`${side} printed no figures: ${last}`));
      }
    });
  });

const best = (runs: SideFigures[]) =>
  runs.reduce((winner, run) => (run.rowsPerSecond > winner.rowsPerSecond ? run : winner));

try {
  const loadAverage = round(loadavg()[0]!, 2);
  const tempDir = await mkdtemp(join(tmpdir(), 'atelier-bench-import-'));
  cleanups.add(() => rm(tempDir, { recursive: true, force: true }));
  if (PROFILE_DIR) await mkdir(PROFILE_DIR, { recursive: true });
  if (!UNDER_TSX) await bundleSides();
  const csvPath = join(tempDir, 'people.csv');
  const generated = performance.now();
  await generatePeopleCsv(csvPath, ROWS);
  const fileMb = round((await stat(csvPath)).size / 1024 / 1024, 1);
  log(
    `generated ${ROWS.toLocaleString('en')} rows, ${fileMb} MB, in ${Math.round(performance.now() - generated)} ms (load average ${loadAverage})`,
  );

  // Part (a): papaparse alone, then the pipeline, ROUNDS times, alternating.
  const papaparse: SideFigures[] = [];
  const pipeline: SideFigures[] = [];
  const withWorkers: SideFigures[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const alone = await runSide('papaparse', csvPath);
    papaparse.push(alone);
    const ours = await runSide('pipeline', csvPath);
    pipeline.push(ours);
    if (ours.rows !== alone.rows) throw new Error(`rows differ: ${ours.rows} vs ${alone.rows}`);
    log(
      `round ${r}: papaparse ${alone.rowsPerSecond.toLocaleString('en')} rows/s, pipeline ${ours.rowsPerSecond.toLocaleString('en')} rows/s (ratio ${round(ours.rowsPerSecond / alone.rowsPerSecond, 3)}), pipeline peak RSS ${ours.peakRssMb} MB`,
    );
    if (WORKERS > 0) {
      const experiment = await runSide('pipeline-workers', csvPath);
      withWorkers.push(experiment);
      if (experiment.duplicates !== ours.duplicates || experiment.errors !== ours.errors)
        throw new Error('the worker experiment counted other duplicates or errors');
      log(
        `round ${r}: with ${WORKERS} converting worker(s) ${experiment.rowsPerSecond.toLocaleString('en')} rows/s (ratio ${round(experiment.rowsPerSecond / alone.rowsPerSecond, 3)}), peak RSS ${experiment.peakRssMb} MB`,
      );
    }
  }
  const bestPapaparse = best(papaparse);
  const bestPipeline = best(pipeline);
  const parseValidateRatio = round(bestPipeline.rowsPerSecond / bestPapaparse.rowsPerSecond, 3);
  const peakRssMb = Math.max(...pipeline.map((run) => run.peakRssMb));
  const roundRatios = pipeline.map((run, i) =>
    round(run.rowsPerSecond / papaparse[i]!.rowsPerSecond, 3),
  );
  const cpuRatio = round(
    Math.min(...papaparse.map((run) => run.cpuMs)) / Math.min(...pipeline.map((run) => run.cpuMs)),
    3,
  );

  // Part (b): end-to-end into the local workspace (end-to-end.ts; null until written).
  const endToEnd = await measureEndToEnd({ csvPath, rows: ROWS, tempDir, log });

  const { side: _side, ...validation } = bestPipeline;
  console.log(
    JSON.stringify({
      parseValidateRatio,
      peakRssMb,
      endToEndRatio: endToEnd?.endToEndRatio ?? null,
      goals: { parseValidateRatio: GOAL_RATIO, peakRssMb: GOAL_RSS_MB, endToEndRatio: 0.95 },
      met: {
        parseValidateRatio: parseValidateRatio >= GOAL_RATIO,
        peakRssMb: peakRssMb < GOAL_RSS_MB,
        endToEndRatio: endToEnd ? endToEnd.endToEndRatio >= 0.95 : null,
      },
      rows: ROWS,
      fileMb,
      papaparseRowsPerSecond: bestPapaparse.rowsPerSecond,
      pipelineRowsPerSecond: bestPipeline.rowsPerSecond,
      roundRatios,
      cpuRatio,
      papaparsePeakRssMb: Math.max(...papaparse.map((run) => run.peakRssMb)),
      pipeline: validation,
      ...(WORKERS > 0
        ? {
            workersExperiment: {
              workers: WORKERS,
              ratio: round(best(withWorkers).rowsPerSecond / bestPapaparse.rowsPerSecond, 3),
              roundRatios: withWorkers.map((run, i) =>
                round(run.rowsPerSecond / papaparse[i]!.rowsPerSecond, 3),
              ),
              rowsPerSecond: best(withWorkers).rowsPerSecond,
              peakRssMb: Math.max(...withWorkers.map((run) => run.peakRssMb)),
            },
          }
        : {}),
      endToEnd,
      rounds: ROUNDS,
      runtime: UNDER_TSX ? 'tsx' : 'esbuild bundle',
      loadAverage,
      loadAverageAfter: round(loadavg()[0]!, 2),
      ...(PROFILE_DIR ? { profiled: true, profileDir: PROFILE_DIR } : {}),
    }),
  );
} finally {
  await cleanups.run();
}
