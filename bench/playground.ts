import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { TWENTY_DEFAULT_RATE_LIMIT } from '../shared/contract/connections';
import type { IntrospectionRead } from '../shared/contract/playground';
import { toSchemaDocument } from '../shared/schema/model-to-schema';
import { isStandardObject, type CustomSchemaObject } from '../shared/schema/schema-document';
import type { ConnectionSettings } from '../electron/services/workspaces/connection-settings';
import { startLocalWorkspace } from '../electron/services/local-workspace';
import { goToTool, waitForLocalWorkspace } from './lib/app-page';
import { ensureRendererBuilt, startAppHost } from './lib/app-host';
import { createCleanups } from './lib/cleanups';
import { COMPLETION_PROBE, type CompletionTiming, type WorkerSeen } from './lib/completion-probe';
import { measureReplicaPull, type ReplicaPullFigures } from './lib/replica-pull';
import { syntheticModel } from './lib/synthetic-model';
import { percentile, round } from './lib/timing';
import { applyModelInOneChange } from './lib/workspace-schema';

/**
 * bench/playground: completion in the query playground on a big schema, and the replica's pull
 * from a rate-limited remote.
 *
 * 1. Completion latency. The schema is a real local workspace's: the synthetic model of
 *    bench/data-model (BENCH_OBJECTS = 300 custom objects × 20 fields, ~450 relations) is given
 *    to a local workspace run in this process in ONE metadata change (the schema editor's plan,
 *    run with the workspace's own metadata operations: bench/lib/workspace-schema.ts; through
 *    `/metadata` it would take ~3,000 requests, minutes), and its `/graphql` is introspected with
 *    `getIntrospectionQuery({ descriptions: true })` as `playground.introspect` does (~5,200
 *    types, ~1,350 Query and ~3,700 Mutation fields, ~22 MB). That answer becomes the cached
 *    introspection (`<data dir>/introspection-core/<id>.json`) of a remote connection pointing at
 *    a closed port, which `playground.introspect` serves without the network. The real app
 *    (browser-mode host, built renderer) runs in headless Chromium; the Query playground is opened
 *    on the local workspace (standard objects only: the peer figure, 2 objects × 5 places), then
 *    the big connection is picked in the workspace switcher. A wrapper of `window.Worker` sees
 *    monaco-graphql start a worker for the new schema (its create data holds the introspection
 *    as one JSON string, built there with `buildClientSchema`): Ctrl+Space is pressed at the
 *    starter query's Query root as soon as that worker exists (cold: the completion waits for
 *    the build), and the switch → worker → built times are reported. Then
 *    BENCH_COMPLETION_ROUNDS (9) pasted documents, one object each, × 5
 *    places: the Query root (every object's root fields), the Mutation root, a list field's
 *    arguments, its `filter` input's fields, the object's fields under `edges { node { … } }`.
 *    The clock runs in the page (bench/lib/completion-probe.ts), so Playwright's latency is not in
 *    it: from the Ctrl+Space keydown's own timestamp to the end of the rendering step of the frame
 *    that shows the suggest widget with its rows. Not to Monaco's `.suggest-widget.visible`: that
 *    class comes on a fixed 100 ms timer after the widget is shown (reported as
 *    `visibleClassP50Ms` for comparison). Budget: 100 ms, the limit for a response to feel
 *    instantaneous (Nielsen); p95 and the cold first completion are reported against it.
 * 2. Replica pull. A "remote" local workspace with one rate-limit bucket (BENCH_REPLICA_LIMIT,
 *    default 100/1000: Twenty's per-second window) holding BENCH_REPLICA_RECORDS (10,000) records
 *    over companies, people, opportunities and a custom object (links between them), copied by
 *    `copyWorkspace` into a local workspace without a limit, the source client's `rateLimit`
 *    matching the remote's bucket, the engine's default page size (60). Ceiling = limit × page
 *    size records per second (reads spend the remote's tokens; writes go to the target). Figures:
 *    remote requests per second / allowed (ratio), records per second / ceiling, 429s the source
 *    answered (0 expected), and counts on both sides afterwards (the bench fails on an incomplete
 *    copy). A second, paced copy (BENCH_REPLICA_PACED_LIMIT, default 5/1000, 1,000 records with
 *    BENCH_REPLICA_PACED_RECORDS; "off" skips it) has a limit below what the engine reaches on
 *    its own, so the client's scheduler bounds it: its ratio is how much of a binding allowance
 *    the engine gets (the client allows itself 95 % of it).
 * Progress goes to stderr; the last stdout line is the JSON of the figures. BENCH_BUILD=1
 * rebuilds the renderer first. Twenty's default also has a 100-per-minute bucket; with it a copy
 * of this size would take minutes, bound by that bucket alone.
 */
const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 300);
const FIELDS_PER_OBJECT = 20;
const ROUNDS = Number(process.env.BENCH_COMPLETION_ROUNDS ?? 9);
const COMPLETION_BUDGET_MS = 100;
const CONNECTION_NAME = `Bench ${OBJECTS} objects`;

const parseLimit = (value: string) => {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match) throw new Error(`A rate limit is <count>/<window ms>, got "${value}"`);
  return { limit: Number(match[1]), windowMs: Number(match[2]) };
};
const REPLICA_LIMIT = parseLimit(process.env.BENCH_REPLICA_LIMIT ?? '100/1000');
const REPLICA_RECORDS = Number(process.env.BENCH_REPLICA_RECORDS ?? 10_000);
const PACED_LIMIT =
  process.env.BENCH_REPLICA_PACED_LIMIT === 'off'
    ? null
    : parseLimit(process.env.BENCH_REPLICA_PACED_LIMIT ?? '5/1000');
const PACED_RECORDS = Number(process.env.BENCH_REPLICA_PACED_RECORDS ?? 1000);

const log = (line: string) => process.stderr.write(`${line}\n`);
const cleanups = createCleanups(log);
const benchStarted = performance.now();
const elapsed = () => `${round((performance.now() - benchStarted) / 1000, 0)} s`;

const closedPort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

// ---------------------------------------------------------------------------------------------
// 1a. The schema: a local workspace with the big model, introspected.

interface BigSchema {
  introspection: IntrospectionQuery;
  bytes: number;
  applySeconds: number;
  introspectMs: number;
  objects: CustomSchemaObject[];
}

const buildBigSchema = async (): Promise<BigSchema> => {
  const doc = toSchemaDocument(
    syntheticModel({ objects: OBJECTS, fieldsPerObject: FIELDS_PER_OBJECT }),
  );
  // Twenty refuses a name "synced" with a label it does not derive from (isPriority / Priority):
  // the synthetic model's flags are for drawing; here names are kept as they are.
  const objects = doc.objects.filter(
    (object): object is CustomSchemaObject => !isStandardObject(object),
  );
  for (const object of objects) {
    object.isLabelSyncedWithName = false;
    for (const field of object.fields) field.isLabelSyncedWithName = false;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-bench-playground-ws-'));
  cleanups.add(() => rmSync(dataDir, { recursive: true, force: true }));
  const token = `bench-${randomUUID()}`;
  const ws = await startLocalWorkspace({
    port: 0,
    dataDir,
    apiKey: token,
    seedDemoData: false,
    rateLimits: null,
  });
  try {
    const applyStarted = performance.now();
    const { steps } = await applyModelInOneChange(ws.runtime.metadata, doc);
    const applySeconds = (performance.now() - applyStarted) / 1000;
    log(
      `schema: ${objects.length} objects in one change (${steps} steps) in ${round(applySeconds, 1)} s`,
    );
    const introspectStarted = performance.now();
    const response = await fetch(`${ws.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true }) }),
    });
    const text = await response.text();
    const introspectMs = performance.now() - introspectStarted;
    const body = JSON.parse(text) as { data?: IntrospectionQuery; errors?: unknown };
    if (!response.ok || !body.data)
      throw new Error(`Introspection failed: ${response.status} ${text.slice(0, 300)}`);
    return { introspection: body.data, bytes: text.length, applySeconds, introspectMs, objects };
  } finally {
    await ws.stop();
  }
};

// ---------------------------------------------------------------------------------------------
// 1b. Completion in the app.

type Place = 'query-root' | 'filter-fields' | 'arguments' | 'object-fields' | 'mutation-root';
const PLACES: Place[] = [
  'query-root',
  'filter-fields',
  'arguments',
  'object-fields',
  'mutation-root',
];
const CARET = '‸';

/** A document with one caret per place (in PLACES order) for one object's list field. */
const documentFor = (plural: string) =>
  [
    'query Bench {',
    `  ${CARET}`,
    `  ${plural}(filter: { ${CARET} }, ${CARET}) {`,
    '    edges {',
    '      node {',
    '        id',
    `        ${CARET}`,
    '      }',
    '    }',
    '  }',
    '}',
    '',
    'mutation BenchWrite {',
    `  ${CARET}`,
    '}',
    '',
  ].join('\n');

/** The text without carets, and each caret as (line, characters left of the line's end). */
const caretsOf = (template: string) => {
  const carets: Array<{ line: number; fromEnd: number }> = [];
  const lines = template.split('\n').map((line, index) => {
    const parts = line.split(CARET);
    const clean = parts.join('');
    let column = 0;
    for (const part of parts.slice(0, -1)) {
      column += part.length;
      carets.push({ line: index, fromEnd: clean.length - column });
    }
    return clean;
  });
  return { text: lines.join('\n'), carets };
};

/** Replaces the query editor's text as the e2e does: select all, paste. */
const setQuery = async (page: Page, text: string) => {
  const editor = page.getByTestId('editor-graphql').first();
  const firstLine = text.split('\n')[0]!.trim();
  for (let attempt = 0; ; attempt++) {
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    const shown = await editor.locator('.view-line').first().textContent();
    if (shown?.replace(/\u00a0/g, ' ').trim() === firstLine) return;
    if (attempt === 10) throw new Error(`The editor did not take the query (shows "${shown}")`);
    await page.waitForTimeout(300);
  }
};

const moveTo = async (page: Page, caret: { line: number; fromEnd: number }) => {
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < caret.line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < caret.fromEnd; i++) await page.keyboard.press('ArrowLeft');
};

/** Ctrl+Space at the cursor; the page's own timing, then Escape until the widget is gone. */
const complete = async (page: Page): Promise<CompletionTiming> => {
  await page.evaluate('window.__completion.arm(30000)');
  await page.keyboard.press('Control+Space');
  const timing = (await page.evaluate('window.__completion.pending')) as CompletionTiming;
  timing.visibleClassAt = (await page.evaluate('window.__completion.visibleClass')) as
    number | null;
  await page.keyboard.press('Escape');
  await page.evaluate('window.__completion.waitWidgetHidden(10000)');
  return timing;
};

interface Trial {
  place: Place | 'cold';
  object: string;
  /** Keydown → the frame showing the suggestions is rendered: THE figure. */
  ms: number;
  /** Keydown → the widget is visible with rows (in that frame's DOM). */
  shownMs: number;
  /** Keydown → the worker's answer is in the list's DOM (widget maybe not laid out yet). */
  rowsMs: number | null;
  /** Keydown → Monaco's `visible` class (its 100 ms timer after showing). */
  visibleClassMs: number | null;
  inputDelayMs: number;
  items: number;
  first: string;
}

const trialOf = (place: Trial['place'], object: string, timing: CompletionTiming): Trial => ({
  place,
  object,
  ms: timing.renderedAt - timing.t0,
  shownMs: timing.shownAt - timing.t0,
  rowsMs: timing.rowsAt === null ? null : timing.rowsAt - timing.t0,
  visibleClassMs: timing.visibleClassAt === null ? null : timing.visibleClassAt - timing.t0,
  inputDelayMs: timing.t0Listener - timing.t0,
  items: timing.items,
  first: timing.first,
});

/** One pasted document per object, completion at each of its places. */
const completeRounds = async (
  page: Page,
  objects: Array<{ singular: string; plural: string }>,
): Promise<Trial[]> => {
  const trials: Trial[] = [];
  for (const [index, object] of objects.entries()) {
    const { text, carets } = caretsOf(documentFor(object.plural));
    await setQuery(page, text);
    await page.waitForTimeout(400);
    for (const [at, place] of PLACES.entries()) {
      await moveTo(page, carets[at]!);
      await page.waitForTimeout(150);
      trials.push(trialOf(place, object.singular, await complete(page)));
    }
    log(
      `  ${index + 1}/${objects.length} ${object.plural}: ${trials
        .slice(-PLACES.length)
        .map((trial) => `${trial.place} ${round(trial.ms, 0)} ms/${trial.items}`)
        .join(', ')}`,
    );
  }
  return trials;
};

/** `bigSchemaChars`: introspection JSON longer than this is the big schema, not the local one. */
const measureCompletion = async (
  dataDir: string,
  objects: CustomSchemaObject[],
  bigSchemaChars: number,
) => {
  ensureRendererBuilt(log);
  log('starting the app (browser mode)…');
  const host = await startAppHost({ dataDir, keychainService: `atelier-bench-${randomUUID()}` });
  cleanups.add(() => host.stop());
  process.once('exit', () => host.kill());
  const browser = await chromium.launch({
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  cleanups.add(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(COMPLETION_PROBE);
  await page.goto(host.launchUrl);
  await page.getByTestId('workspace-switcher').waitFor();

  await waitForLocalWorkspace(page, log);
  // The playground (Monaco, its workers) opened on the local workspace's small schema first.
  await goToTool(page, '2', 'Query playground');
  const editor = page.getByTestId('editor-graphql').first();
  await editor.waitFor({ timeout: 60_000 });
  const reading = page.getByText('Reading the schema…');
  await reading.waitFor({ state: 'hidden', timeout: 60_000 });
  await page.waitForTimeout(1000);
  // Peer: the same places on the local workspace's schema (Twenty's standard objects only).
  log('completion on the local workspace (standard objects only)…');
  const small = await completeRounds(page, [
    { singular: 'company', plural: 'companies' },
    { singular: 'person', plural: 'people' },
  ]);

  // The switch: the schema is read, handed to monaco-graphql, which starts a worker for it (its
  // create data holds the introspection as JSON); Ctrl+Space as soon as that worker exists.
  log(`opening "${CONNECTION_NAME}" from the workspace switcher…`);
  const workersBefore = (await page.evaluate('window.__completion.workers.length')) as number;
  await page.getByTestId('workspace-switcher').click();
  await page
    .getByRole('menu', { name: 'Switch workspace' })
    .getByRole('menuitem')
    .filter({ hasText: CONNECTION_NAME })
    .click();
  await page.evaluate(
    `window.__completion.waitSchemaWorker(${workersBefore}, ${bigSchemaChars}, 120000)`,
  );
  await editor.locator('.view-lines').click();
  await moveTo(page, { line: 1, fromEnd: 0 });
  const coldTiming = await complete(page);
  const cold = trialOf('cold', 'starter', coldTiming);
  const switchAt = (await page.evaluate('window.__completion.menuClickAt')) as number;
  const workers = ((await page.evaluate('window.__completion.workers')) as WorkerSeen[])
    .slice(workersBefore)
    .filter((worker) => worker.name.startsWith('graphql'));
  const longTasks = (await page.evaluate('window.__completion.longTasks')) as Array<{
    start: number;
    duration: number;
  }>;
  const big = workers.filter((worker) => worker.schemaChars > bigSchemaChars);
  const built = big.find((worker) => worker.readyAt !== null) ?? big[0]!;
  const schema = {
    /** Switch click → the schema posted to the worker (read over the contract, set, posted). */
    toWorkerMs: built.loadPostedAt! - switchAt,
    /** The page's postMessage of the create data (main thread). */
    postMs: built.loadPostMs!,
    /** Posted → the worker answered: JSON.parse + buildClientSchema in the worker. */
    buildMs: built.readyAt === null ? null : built.readyAt - built.loadPostedAt!,
    /** GraphQL workers started by the switch, and those given the big schema. */
    workers: workers.length,
    bigSchemaWorkers: big.length,
    coldDuringBuild: built.readyAt === null || coldTiming.t0 < built.readyAt,
    /** The page's longest task from the switch until the schema was posted (input frozen). */
    longestTaskMs: Math.max(
      0,
      ...longTasks
        .filter((task) => task.start >= switchAt && task.start <= built.loadPostedAt!)
        .map((task) => task.duration),
    ),
  };
  log(
    `switch → schema posted to the GraphQL worker ${round(schema.toWorkerMs, 0)} ms (postMessage ${round(schema.postMs, 0)} ms), built there in ${schema.buildMs === null ? '?' : round(schema.buildMs, 0)} ms; longest task meanwhile ${round(schema.longestTaskMs, 0)} ms; ${schema.workers} GraphQL worker(s) started, ${schema.bigSchemaWorkers} given the big schema`,
  );
  log(
    `cold first completion (pressed ${schema.coldDuringBuild ? 'while the worker built the schema' : 'after the worker had built the schema'}): ${round(cold.ms, 0)} ms, ${cold.items} items (first "${cold.first}")`,
  );

  const trials = await completeRounds(
    page,
    Array.from({ length: ROUNDS }, (_, i) => {
      const object = objects[Math.floor((i * objects.length) / ROUNDS + 7) % objects.length]!;
      return { singular: object.nameSingular, plural: object.namePlural };
    }),
  );
  if (pageErrors.length > 0) throw new Error(`Errors in the page: ${pageErrors.join('; ')}`);
  await browser.close();
  await host.stop();
  return { schema, cold, trials, small };
};

// ---------------------------------------------------------------------------------------------
// The run.

const figuresOf = (trials: Trial[]) => {
  const ms = trials.map((trial) => trial.ms);
  return {
    n: ms.length,
    p50Ms: round(percentile(ms, 50), 1),
    p95Ms: round(percentile(ms, 95), 1),
    maxMs: round(Math.max(...ms), 1),
    /** Keydown → the widget visible with rows in the DOM (the frame's work follows). */
    shownP50Ms: round(
      percentile(
        trials.map((trial) => trial.shownMs),
        50,
      ),
      1,
    ),
    /** Keydown → rows in the list's DOM, and → Monaco's `visible` class (the brief's marker). */
    rowsP50Ms: round(
      percentile(
        trials.flatMap((trial) => trial.rowsMs ?? []),
        50,
      ),
      1,
    ),
    visibleClassP50Ms: round(
      percentile(
        trials.flatMap((trial) => trial.visibleClassMs ?? []),
        50,
      ),
      1,
    ),
  };
};

try {
  const loadAverage = round(loadavg()[0]!, 2);
  log(`load average (1 min) at start: ${loadAverage} on this machine`);
  const schema = await buildBigSchema();
  const types = schema.introspection.__schema.types;
  const rootFields = (name: string | undefined) =>
    (types.find((type) => type.name === name) as { fields?: unknown[] } | undefined)?.fields
      ?.length ?? 0;
  const queryFields = rootFields(schema.introspection.__schema.queryType.name);
  const mutationFields = rootFields(schema.introspection.__schema.mutationType?.name);
  log(
    `introspection: ${types.length} types, ${queryFields} Query and ${mutationFields} Mutation fields, ${round(schema.bytes / 1e6, 1)} MB, ${round(schema.introspectMs, 0)} ms (${elapsed()})`,
  );

  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-bench-playground-'));
  cleanups.add(() => rmSync(dataDir, { recursive: true, force: true }));
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const connectionId = randomUUID();
  const now = new Date().toISOString();
  const settings: ConnectionSettings = {
    version: 1,
    connections: [
      {
        id: connectionId,
        name: CONNECTION_NAME,
        baseUrl: `http://127.0.0.1:${await closedPort()}`,
        rateLimit: TWENTY_DEFAULT_RATE_LIMIT,
        readOnly: false,
        lastTest: null,
        createdAt: now,
        updatedAt: now,
      },
    ],
    activeId: 'local',
    localLastTest: null,
  };
  // As playground.introspect writes it after a live read.
  const cached: IntrospectionRead = {
    schema: schema.introspection as unknown as Record<string, unknown>,
    readAt: now,
    source: 'live',
    problem: null,
  };
  mkdirSync(join(dataDir, 'introspection-core'));
  await writeFile(join(dataDir, 'settings.json'), JSON.stringify(settings, null, 2));
  await writeFile(
    join(dataDir, 'introspection-core', `${connectionId}.json`),
    JSON.stringify(cached),
  );

  const completion = await measureCompletion(dataDir, schema.objects, Math.round(schema.bytes / 2));
  const warm = figuresOf(completion.trials);
  const byPlace = Object.fromEntries(
    PLACES.map((place) => {
      const trials = completion.trials.filter((trial) => trial.place === place);
      return [
        place,
        {
          ...figuresOf(trials),
          items: Math.max(...trials.map((trial) => trial.items)),
        },
      ];
    }),
  );
  const small = figuresOf(completion.small);
  const smallRootItems = Math.max(
    ...completion.small.filter((t) => t.place === 'query-root').map((t) => t.items),
  );
  const inputDelays = completion.trials.map((trial) => trial.inputDelayMs);
  log(
    `completion (${warm.n}): p50 ${warm.p50Ms} ms, p95 ${warm.p95Ms} ms, max ${warm.maxMs} ms (budget ${COMPLETION_BUDGET_MS} ms); cold ${round(completion.cold.ms, 0)} ms (${elapsed()})`,
  );
  for (const [place, figures] of Object.entries(byPlace))
    log(`  ${place}: ${JSON.stringify(figures)}`);
  log(
    `peer, standard objects only (${smallRootItems} Query root items): p50 ${small.p50Ms} ms, p95 ${small.p95Ms} ms, max ${small.maxMs} ms`,
  );

  const replica = await measureReplicaPull({
    records: REPLICA_RECORDS,
    ...REPLICA_LIMIT,
    log,
    onCleanup: cleanups.add,
  });
  log(
    `replica: ${replica.records} records in ${replica.seconds} s = ${replica.recordsPerSecond} rec/s (ceiling ${replica.ceilingRecordsPerSecond}); ${replica.remoteRequestsPerSecond} remote req/s of ${replica.limitPerSecond} (ratio ${replica.ratio}); 429s ${replica.http429}; complete ${replica.complete} (${elapsed()})`,
  );
  let paced: ReplicaPullFigures | null = null;
  if (PACED_LIMIT) {
    paced = await measureReplicaPull({
      records: PACED_RECORDS,
      ...PACED_LIMIT,
      log,
      onCleanup: cleanups.add,
    });
    log(
      `replica (paced): ${paced.records} records in ${paced.seconds} s; ${paced.remoteRequestsPerSecond} remote req/s of ${paced.limitPerSecond} (ratio ${paced.ratio}); 429s ${paced.http429}; complete ${paced.complete} (${elapsed()})`,
    );
  }
  const incomplete = [replica, paced].filter((figures) => figures && !figures.complete);
  if (incomplete.length > 0)
    throw new Error(`A copy is incomplete: ${JSON.stringify(incomplete.map((f) => f!.counts))}`);

  console.log(
    JSON.stringify({
      bench: 'playground',
      objects: OBJECTS,
      schemaTypes: types.length,
      queryFields,
      mutationFields,
      introspectionMB: round(schema.bytes / 1e6, 1),
      schemaToWorkerMs: round(completion.schema.toWorkerMs, 0),
      schemaPostMs: round(completion.schema.postMs, 0),
      schemaBuildMs:
        completion.schema.buildMs === null ? null : round(completion.schema.buildMs, 0),
      graphqlWorkersOnSwitch: completion.schema.workers,
      bigSchemaWorkersOnSwitch: completion.schema.bigSchemaWorkers,
      coldDuringBuild: completion.schema.coldDuringBuild,
      switchLongestTaskMs: round(completion.schema.longestTaskMs, 0),
      completions: warm.n,
      completionP50Ms: warm.p50Ms,
      completionP95Ms: warm.p95Ms,
      completionMaxMs: warm.maxMs,
      completionBudgetMs: COMPLETION_BUDGET_MS,
      completionP95Ratio: round(warm.p95Ms / COMPLETION_BUDGET_MS, 2),
      coldCompletionMs: round(completion.cold.ms, 0),
      coldCompletionItems: completion.cold.items,
      coldCompletionRatio: round(completion.cold.ms / COMPLETION_BUDGET_MS, 2),
      inputDelayP95Ms: round(percentile(inputDelays, 95), 1),
      byPlace,
      smallSchemaCompletionP50Ms: small.p50Ms,
      smallSchemaCompletionP95Ms: small.p95Ms,
      smallSchemaQueryRootItems: smallRootItems,
      replica,
      replicaPaced: paced,
      seconds: round((performance.now() - benchStarted) / 1000, 0),
      loadAverage,
    }),
  );
} catch (error) {
  log(`playground bench failed: ${(error as Error).stack ?? (error as Error).message}`);
  process.exitCode = 1;
} finally {
  await cleanups.run();
}
