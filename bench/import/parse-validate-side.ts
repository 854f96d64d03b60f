import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
import Papa from 'papaparse';
import { inspectSource, readSourceRows } from '../../electron/services/imports/sources';
import { compileMapping, type RowResult } from '../../shared/imports/convert-cell';
import { DuplicateResolver, resolveKeyPath } from '../../shared/imports/dedupe-keys';
import { KeyIndex } from '../../shared/imports/key-index';
import type { ConvertAnswer, ConvertRequest } from './convert-worker';
import { benchMapping, benchModel, benchPerson } from './person-import';

/**
 * One side of part (a), in a process of its own so that its peak RSS is its own and neither
 * side warms the JIT for the other (both run papaparse's parser). index.ts runs it bundled by
 * esbuild, as the desktop build bundles Electron's main (BENCH_TSX=1: this file under tsx):
 *
 *   node --import tsx bench/import/parse-validate-side.ts <papaparse|pipeline> <file.csv> [--digest]
 *
 * `papaparse`: papaparse alone streaming the file (Node read stream, UTF-8, `step` per row, the
 * default configuration), counting rows. `pipeline`: what the import engine does before
 * writing — `readSourceRows` (decode, papaparse core, header, shaping), the compiled person
 * mapping on each row's cells, and the in-file dedupe by e-mail (`DuplicateResolver`, rule
 * `first`). `--digest` also hashes every row's result and dedupe outcome, to check that a
 * speed change left behaviour identical (slower; not for timing). Prints one JSON line.
 */
const [side, path, workersArgument] = process.argv.slice(2);
const digest = process.argv.includes('--digest');
const workerCount = side === 'pipeline-workers' ? Number(workersArgument ?? 1) : 1;
if (
  (side !== 'papaparse' && side !== 'pipeline' && side !== 'pipeline-workers') ||
  !path ||
  !(workerCount >= 1)
) {
  console.error(
    'Usage: parse-validate-side.ts <papaparse|pipeline> <file.csv> [--digest] | pipeline-workers <file.csv> <n>',
  );
  process.exit(2);
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const startRss = process.memoryUsage.rss();
let sampledPeak = startRss;
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss > sampledPeak) sampledPeak = rss;
};
// Between reads (the event loop turns once per 64 KiB chunk); the kernel's peak is the figure.
const sampler = setInterval(sample, 50);

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const papaparseAlone = async () => {
  let rows = -1; // the header row
  const cpuStarted = cpuMs();
  const started = performance.now();
  await new Promise<void>((done, fail) => {
    Papa.parse(createReadStream(path, { encoding: 'utf8' }), {
      step: () => {
        rows++;
      },
      complete: () => done(),
      error: (error: Error) => fail(error),
    });
  });
  return { rows, ms: performance.now() - started, cpuMs: cpuMs() - cpuStarted };
};

const pipeline = async () => {
  const inspectStarted = performance.now();
  const info = await inspectSource(path);
  const inspectMs = performance.now() - inspectStarted;
  const { headers } = info;
  const cpuStarted = cpuMs();
  const started = performance.now();
  // Positional: the converter reads each row's cells by index (no object per row).
  const convert = compileMapping(benchMapping, benchPerson, benchModel, {
    mode: 'create',
    headers,
    positional: true,
  });
  if (convert.mappingProblems.some((problem) => problem.severity === 'error'))
    throw new Error(`mapping: ${JSON.stringify(convert.mappingProblems)}`);
  const target = resolveKeyPath(benchPerson, benchMapping.dedupe!.key);
  if ('error' in target) throw new Error(target.error);
  const dedupe = new DuplicateResolver<RowResult>(target, benchMapping.dedupe!.duplicates);
  const hash = digest ? createHash('sha1') : null;
  const counts = {
    rows: 0,
    rowsWithErrors: 0,
    errors: 0,
    warnings: 0,
    sourceProblems: 0,
    duplicates: 0,
    lookups: 0,
  };
  for await (const batch of readSourceRows(path, {
    encoding: info.encoding ?? undefined,
    delimiter: info.delimiter ?? undefined,
    headerRow: info.headerRow,
  })) {
    for (let r = 0; r < batch.length; r++) {
      const row = batch[r]!;
      const result = convert(row.cells);
      const outcome = dedupe.add(counts.rows, result);
      counts.rows++;
      if (result.hasErrors) counts.rowsWithErrors++;
      for (const problem of result.problems)
        if (problem.severity === 'error') counts.errors++;
        else counts.warnings++;
      if (row.problems) counts.sourceProblems += row.problems.length;
      if (outcome.status === 'duplicate') counts.duplicates++;
      counts.lookups += result.lookups.length;
      if (hash) hash.update(`${row.line}\u0000${JSON.stringify(result)}\u0000${outcome.of}\n`);
    }
  }
  return {
    ...counts,
    ms: performance.now() - started,
    cpuMs: cpuMs() - cpuStarted,
    inspectMs,
    distinctKeys: dedupe.distinctKeys,
    newOptions: Object.fromEntries(
      [...convert.newOptions].map(([field, options]) => [field, [...options.keys()]]),
    ),
    ...(hash ? { digest: hash.digest('hex') } : {}),
  };
};

/**
 * A worker running a TypeScript module: Node 20 does not run `--import tsx` in workers, so a
 * small bootstrap registers tsx's loader there first (as under vitest, which has no loader).
 */
const startTsWorker = (module: URL, data: unknown): Worker =>
  new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`,
    { eval: true, workerData: data },
  );

/** Bundled by index.ts (as the desktop build bundles main), or TypeScript under tsx. */
const bundled = import.meta.url.endsWith('.mjs');
const startConvertWorker = (data: unknown): Worker =>
  bundled
    ? new Worker(new URL('./convert-worker.mjs', import.meta.url), { workerData: data })
    : startTsWorker(new URL('./convert-worker.ts', import.meta.url), data);

/**
 * The experiment (`pipeline-workers <n>`): the same reading on this thread, conversion in n
 * worker threads (convert-worker.ts), batches sent as they are read (up to 3 per worker in
 * flight) and answered with each row's dedupe key, deduped here in file order (a KeyIndex, as
 * DuplicateResolver does under `first`). Row arrays cross by structured clone.
 */
const pipelineWithWorkers = async (count: number) => {
  const info = await inspectSource(path);
  const cpuStarted = cpuMs();
  const started = performance.now();
  const workers = Array.from({ length: count }, () =>
    startConvertWorker({ headers: info.headers }),
  );
  const firstRows = new KeyIndex();
  const counts = {
    rows: 0,
    rowsWithErrors: 0,
    errors: 0,
    warnings: 0,
    duplicates: 0,
    lookups: 0,
  };
  const answers = new Map<number, ConvertAnswer>();
  let sent = 0;
  let settled = 0;
  let wake: (() => void) | null = null;
  const settle = (answer: ConvertAnswer) => {
    answers.set(answer.id, answer);
    for (let next = answers.get(settled); next; next = answers.get(settled)) {
      answers.delete(settled);
      for (const key of next.keys.split('\u0001')) {
        if (key !== '\u0000' && firstRows.getOrRecord(key, counts.rows) !== undefined)
          counts.duplicates++;
        counts.rows++;
      }
      counts.rowsWithErrors += next.rowsWithErrors;
      counts.errors += next.errors;
      counts.warnings += next.warnings;
      counts.lookups += next.lookups;
      settled++;
    }
    wake?.();
  };
  const failed = new Promise<never>((_, fail) => {
    for (const worker of workers) {
      worker.on('message', settle);
      worker.once('error', fail);
    }
  });
  const waitForRoom = async (limit: number) => {
    while (sent - settled > limit)
      await Promise.race([new Promise<void>((done) => (wake = done)), failed]);
  };
  try {
    for await (const batch of readSourceRows(path, {
      encoding: info.encoding ?? undefined,
      delimiter: info.delimiter ?? undefined,
      headerRow: info.headerRow,
    })) {
      await waitForRoom(count * 3);
      const request: ConvertRequest = { id: sent, rows: batch.map((row) => row.cells) };
      workers[sent % count]!.postMessage(request);
      sent++;
    }
    await waitForRoom(0);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return {
    ...counts,
    ms: performance.now() - started,
    cpuMs: cpuMs() - cpuStarted,
    workers: count,
    distinctKeys: firstRows.size,
  };
};

const figures =
  side === 'papaparse'
    ? await papaparseAlone()
    : side === 'pipeline'
      ? await pipeline()
      : await pipelineWithWorkers(workerCount);
clearInterval(sampler);
sample();
console.log(
  JSON.stringify({
    side,
    ...figures,
    rowsPerSecond: Math.round(figures.rows / (figures.ms / 1000)),
    startRssMb: mb(startRss),
    sampledPeakRssMb: mb(sampledPeak),
    // The kernel's high-water mark of this process (Linux: kB).
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  }),
);
