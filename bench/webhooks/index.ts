import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { build } from 'esbuild';
import { startInspectorProcess } from '../../electron/services/webhooks/inspector/inspector-client';
import { createCleanups } from '../lib/cleanups';
import { round } from '../lib/timing';
import { peakRssMb, processCpuMs } from './process-figures';
import type { SenderFigures, SenderRequest } from './sender';

/**
 * bench/webhooks (issue 9): deliveries/s a receiver answers 200 to — each one verified (Twenty's
 * HMAC-SHA256) and durably appended to the journal first — as a ratio to a bare Node HTTP server
 * that only reads the body and answers 200 (the limit). Goal: ratio ≥ 0.5.
 *
 * Three processes a round, each with an event loop of its own: the server under
 * test (bare-server.ts, or the inspector process with one receiver, as the app runs it), the
 * sender (sender.ts: floodDeliveries, signed Twenty-shaped deliveries over keep-alive
 * connections) and this one, which only starts them and reads the figures. Rounds alternate
 * bare/ours; each of ours starts on a fresh data dir and is checked after the flood: every
 * delivery answered 200, counted in the log, verified valid and pushed to the live view once.
 * The ratio uses the best round of each side (the machine is shared: other work only slows a run
 * down); the per-round ratios pair each round. `indexedRatio` counts until every delivery is
 * searchable (`idle` after the flood).
 *
 * The code runs bundled by esbuild (the inspector as `build:desktop` bundles it, packages left
 * to node_modules), into node_modules/.cache/atelier-bench-webhooks/; BENCH_TSX=1 runs the
 * sources under tsx. BENCH_DELIVERIES (20,000), BENCH_CONCURRENCY (64), BENCH_ROUNDS (3),
 * BENCH_INSPECTOR=<script> runs another inspector entry as ours (a candidate build),
 * BENCH_PROFILE=1 (or a directory): a V8 CPU profile of each inspector run
 * (node_modules/.cache/atelier-bench-webhooks/profiles/, where Playwright's clean-up of
 * test-results/ cannot reach it; summarise with profile-summary.ts). More: docs/bench-webhooks.md.
 */
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const UNDER_TSX = process.env.BENCH_TSX === '1';
const BUNDLE_DIR = join(ROOT, 'node_modules/.cache/atelier-bench-webhooks');
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GOAL = 0.5;
const PROFILE_DIR = process.env.BENCH_PROFILE
  ? process.env.BENCH_PROFILE === '1'
    ? join(BUNDLE_DIR, 'profiles')
    : resolve(process.env.BENCH_PROFILE)
  : null;

const SOURCES = {
  'webhook-inspector': join(ROOT, 'electron/services/webhooks/inspector/inspector-process.ts'),
  'bare-server': join(here, 'bare-server.ts'),
  sender: join(here, 'sender.ts'),
};
/** BENCH_INSPECTOR: another inspector entry to run as ours (a candidate build to compare). */
const script = (name: keyof typeof SOURCES) =>
  name === 'webhook-inspector' && process.env.BENCH_INSPECTOR
    ? resolve(process.env.BENCH_INSPECTOR)
    : UNDER_TSX
      ? SOURCES[name]
      : join(BUNDLE_DIR, `${name}.mjs`);
const loader = UNDER_TSX
  ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]
  : [];

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const log = (line: string) => process.stderr.write(`${line}\n`);
const cleanups = createCleanups(log);

/** As `npm run build:desktop` bundles webhook-inspector.js: ESM, packages from node_modules. */
const bundle = () =>
  build({
    entryPoints: SOURCES,
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });

const forkChild = (name: 'bare-server' | 'sender'): ChildProcess => {
  const child = fork(script(name), [], {
    cwd: ROOT,
    execArgv: loader,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  cleanups.add(() => void child.kill());
  return child;
};

const stopChild = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
};

/** One flood from a fresh sender process; `answeredAt` is this process's clock at its answer. */
const flood = async (url: string, secret: string) => {
  const sender = forkChild('sender');
  const exited = once(sender, 'exit');
  const request: SenderRequest = { url, count: DELIVERIES, concurrency: CONCURRENCY, secret };
  sender.send(request);
  const [figures] = (await Promise.race([
    once(sender, 'message'),
    exited.then(([code]) => {
      throw new Error(`the sender exited with ${code} before answering`);
    }),
  ])) as [SenderFigures];
  const answeredAt = performance.now();
  await exited;
  return { figures, answeredAt };
};

const checkAnswers = (side: string, figures: SenderFigures) => {
  const answered = figures.statuses['200'] ?? 0;
  if (figures.errors > 0 || answered !== DELIVERIES)
    throw new Error(
      `${side}: ${answered} of ${DELIVERIES} deliveries answered 200 (statuses ${JSON.stringify(figures.statuses)}, ${figures.errors} errors)`,
    );
};

const answerFigures = (figures: SenderFigures) => ({
  perSecond: figures.perSecond,
  ms: figures.ms,
  p50Ms: figures.p50Ms,
  p99Ms: figures.p99Ms,
  maxMs: figures.maxMs,
  senderCpuMs: figures.senderCpuMs,
});

const cpuSpent = (before: number | null, after: number | null) =>
  before === null || after === null ? null : after - before;
const perDeliveryUs = (ms: number | null) =>
  ms === null ? null : round((ms * 1000) / DELIVERIES, 1);

const runBare = async () => {
  const server = forkChild('bare-server');
  const [{ port }] = (await once(server, 'message')) as [{ port: number }];
  const cpuBefore = processCpuMs(server.pid!);
  const { figures } = await flood(`http://127.0.0.1:${port}/hooks/bench`, 'unused');
  const serverCpuMs = cpuSpent(cpuBefore, processCpuMs(server.pid!));
  const peak = peakRssMb(server.pid!);
  await stopChild(server);
  checkAnswers('bare', figures);
  return {
    ...answerFigures(figures),
    serverCpuMs,
    serverCpuUsPerDelivery: perDeliveryUs(serverCpuMs),
    peakRssMb: peak,
  };
};

const ALL = {
  search: null,
  receiverId: null,
  eventName: null,
  objectName: null,
  recordId: null,
  from: null,
  to: null,
  verification: null,
};

const runOurs = async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-bench-webhooks-'));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  cleanups.add(removeDir);
  let live = 0;
  const inspector = await startInspectorProcess({
    runner: {
      script: script('webhook-inspector'),
      execArgv: [
        ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
        ...loader,
      ],
    },
    dataDir,
    onDeliveries: (deliveries) => (live += deliveries.length),
    onLog: (message, detail) => log(`inspector: ${message}: ${detail}`),
  });
  cleanups.add(() => inspector.stop());
  try {
    const secret = randomBytes(32).toString('hex');
    const { url } = await inspector.call('startReceiver', {
      id: 'bench',
      bind: 'loopback',
      port: null,
      pathToken: 'bench',
      toleranceSeconds: 300,
      maxBodyBytes: 1024 * 1024,
      rejectInvalid: false,
      forwardTo: null,
      secrets: { current: secret, previous: null },
    });
    const cpuBefore = processCpuMs(inspector.pid);
    const floodStartUs = monotonicUs();
    const { figures, answeredAt } = await flood(url, secret);
    const answeredUs = monotonicUs();
    // The live view hears of a delivery once it is indexed (batched every 100 ms): how many
    // the indexer took in while the flood was still being answered.
    const indexedDuringFlood = live;
    const cpuAnswered = processCpuMs(inspector.pid);
    checkAnswers('ours', figures);
    await inspector.call('idle');
    const indexedMs = figures.ms + (performance.now() - answeredAt);
    const cpuIndexed = processCpuMs(inspector.pid);
    // The phases on the profile's clock (both CLOCK_MONOTONIC), for profile-summary.ts.
    if (PROFILE_DIR) {
      await mkdir(PROFILE_DIR, { recursive: true });
      await writeFile(
        join(PROFILE_DIR, `phases-${inspector.pid}.json`),
        JSON.stringify({
          answering: [floodStartUs, answeredUs],
          indexing: [answeredUs, monotonicUs()],
        }),
      );
    }

    // Stored, verified, searchable, and told to the live view: all of them, once.
    const stats = await inspector.call('stats');
    if (stats.deliveries !== DELIVERIES || stats.pendingIndex !== 0)
      throw new Error(
        `ours: the log holds ${stats.deliveries} of ${DELIVERIES} deliveries (${stats.pendingIndex} waiting to be indexed)`,
      );
    const valid = await inspector.call('list', {
      filter: { ...ALL, verification: ['valid'] },
      beforeSeq: null,
      limit: 1,
    });
    if (valid.total !== DELIVERIES)
      throw new Error(`ours: ${valid.total} of ${DELIVERIES} deliveries verified valid`);
    for (let waited = 0; live < DELIVERIES && waited < 2_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    if (live !== DELIVERIES)
      throw new Error(`ours: the live view was told of ${live} of ${DELIVERIES} deliveries`);

    const answerCpuMs = cpuSpent(cpuBefore, cpuAnswered);
    const indexCpuMs = cpuSpent(cpuAnswered, cpuIndexed);
    return {
      ...answerFigures(figures),
      indexedDuringFlood,
      indexedMs: Math.round(indexedMs),
      indexedPerSecond: Math.round((DELIVERIES / indexedMs) * 1000),
      answerCpuMs,
      answerCpuUsPerDelivery: perDeliveryUs(answerCpuMs),
      indexCpuMs,
      indexCpuUsPerDelivery: perDeliveryUs(indexCpuMs),
      totalCpuUsPerDelivery: perDeliveryUs(
        answerCpuMs === null || indexCpuMs === null ? null : answerCpuMs + indexCpuMs,
      ),
      peakRssMb: peakRssMb(inspector.pid),
    };
  } finally {
    await inspector.stop();
    await removeDir();
  }
};

const bestBy = <T>(runs: T[], figure: (run: T) => number) =>
  runs.reduce((winner, run) => (figure(run) > figure(winner) ? run : winner));
const minOf = (values: Array<number | null>) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? Math.min(...known) : null;
};
const maxOf = (values: Array<number | null>) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? Math.max(...known) : null;
};

try {
  const loadAverage = round(loadavg()[0]!, 2);
  if (PROFILE_DIR) await mkdir(PROFILE_DIR, { recursive: true });
  if (!UNDER_TSX) await bundle();
  log(
    `bench webhooks: ${DELIVERIES.toLocaleString('en')} deliveries, concurrency ${CONCURRENCY}, ${ROUNDS} rounds, ${UNDER_TSX ? 'tsx' : 'esbuild bundle'} (load average ${loadAverage})`,
  );

  const bare: Awaited<ReturnType<typeof runBare>>[] = [];
  const ours: Awaited<ReturnType<typeof runOurs>>[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const alone = await runBare();
    bare.push(alone);
    const receiver = await runOurs();
    ours.push(receiver);
    log(
      `round ${r}: bare ${alone.perSecond.toLocaleString('en')}/s (p99 ${alone.p99Ms} ms), ours ${receiver.perSecond.toLocaleString('en')}/s answered (p99 ${receiver.p99Ms} ms), ${receiver.indexedPerSecond.toLocaleString('en')}/s searchable; ratio ${round(receiver.perSecond / alone.perSecond, 3)} (load average ${round(loadavg()[0]!, 2)})`,
    );
  }

  const bestBare = bestBy(bare, (run) => run.perSecond);
  const bestOurs = bestBy(ours, (run) => run.perSecond);
  const bestIndexed = bestBy(ours, (run) => run.indexedPerSecond);
  const ratio = round(bestOurs.perSecond / bestBare.perSecond, 3);
  const indexedRatio = round(bestIndexed.indexedPerSecond / bestBare.perSecond, 3);
  const bareCpu = minOf(bare.map((run) => run.serverCpuUsPerDelivery));
  const oursCpu = minOf(ours.map((run) => run.answerCpuUsPerDelivery));
  console.log(
    JSON.stringify({
      ratio,
      indexedRatio,
      goal: GOAL,
      met: ratio >= GOAL,
      bare: {
        deliveriesPerSecond: bestBare.perSecond,
        p50Ms: bestBare.p50Ms,
        p99Ms: bestBare.p99Ms,
        maxMs: bestBare.maxMs,
        serverCpuUsPerDelivery: bareCpu,
        peakRssMb: maxOf(bare.map((run) => run.peakRssMb)),
        rounds: bare,
      },
      ours: {
        deliveriesPerSecond: bestOurs.perSecond,
        indexedPerSecond: bestIndexed.indexedPerSecond,
        p50Ms: bestOurs.p50Ms,
        p99Ms: bestOurs.p99Ms,
        maxMs: bestOurs.maxMs,
        answerCpuUsPerDelivery: oursCpu,
        totalCpuUsPerDelivery: minOf(ours.map((run) => run.totalCpuUsPerDelivery)),
        peakRssMb: maxOf(ours.map((run) => run.peakRssMb)),
        rounds: ours,
      },
      roundRatios: ours.map((run, i) => round(run.perSecond / bare[i]!.perSecond, 3)),
      indexedRoundRatios: ours.map((run, i) => round(run.indexedPerSecond / bare[i]!.perSecond, 3)),
      indexedDuringFlood: ours.map((run) => run.indexedDuringFlood),
      cpuRatio: bareCpu !== null && oursCpu !== null ? round(bareCpu / oursCpu, 3) : null,
      deliveries: DELIVERIES,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      loadAverage,
      loadAverageAfter: round(loadavg()[0]!, 2),
      runtime: UNDER_TSX ? 'tsx' : 'esbuild bundle',
      ...(process.env.BENCH_INSPECTOR ? { inspector: resolve(process.env.BENCH_INSPECTOR) } : {}),
      ...(PROFILE_DIR ? { profiled: true, profileDir: PROFILE_DIR } : {}),
    }),
  );
} finally {
  await cleanups.run();
}
