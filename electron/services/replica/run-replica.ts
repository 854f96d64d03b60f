import { AppError } from '../../../shared/errors/app-error';
import type { SchemaDocument } from '../../../shared/schema/schema-document';
import { readModel } from '../data-model/read-model';
import type { TwentyClient } from '../twenty-client';
import { deleteMissingPass } from './delete-missing';
import { DEFAULT_PAGE_SIZE, type RecordSource } from './record-source';
import { openJournal, type Journal, type Phase, type RunState } from './replica-journal';
import {
  selectObjects,
  type ObjectChoice,
  type ReplicaObject,
  type SkippedObject,
} from './replica-objects';
import { syncSchema, type SchemaMode } from './sync-schema';
import { linkRecordsPass, throwIfCancelled, writeRecordsPass } from './write-records';

/**
 * One run of the replica engine, whatever the source (a workspace or a snapshot file): schema,
 * then records of every object, then join columns of every object, then (refresh) deletions.
 * A journal holding an unfinished run of the same kind is resumed where it stopped.
 */
export type ReplicaPhase = 'schema' | Exclude<Phase, 'done'>;

export interface ReplicaProgress {
  object: string;
  phase: ReplicaPhase;
  done: number;
  total: number | null;
}

export interface ReplicaOptions {
  /** The journal file; without one the run cannot be resumed or refreshed. */
  journalPath?: string;
  /** Only these objects (nameSingular), each with an optional record cap. Default: all. */
  objects?: ObjectChoice[];
  /** Records per page read and per batch written (Twenty: ≤ 200). Default 60. */
  pageSize?: number;
  /** Default `mirror`: the target's custom model becomes the source's. */
  schema?: SchemaMode;
  onProgress?: (progress: ReplicaProgress) => void;
  signal?: AbortSignal;
}

export interface ObjectReport {
  name: string;
  /** Records written in pass 1 by this run (counting from where a resumed run began). */
  written: number;
  /** Trashed source records written (and trashed again) in the target. */
  writtenTrashed: number;
  /** Records whose join columns pass 2 wrote. */
  linked: number;
  trashed: number;
  destroyed: number;
  /** Source records living under another id in the target (journal `idMap`). */
  remapped: number;
}

export interface ReplicaResult {
  kind: RunState['kind'];
  schemaSteps: number;
  objects: ObjectReport[];
  skipped: SkippedObject[];
  droppedLinks: Array<{ object: string; field: string; reason: string }>;
  /** What the next refresh counts from. */
  syncedAt: string;
}

export interface RunInput {
  kind: RunState['kind'];
  source: RecordSource;
  target: TwentyClient;
  /** The source's objects as a replica reads them, and those it leaves out. */
  sourceObjects: ReplicaObject[];
  sourceSkipped: SkippedObject[];
  /** The custom model the target must have. */
  schema: () => Promise<SchemaDocument>;
  options: ReplicaOptions;
}

/** Changes are read from a little before the last run began: clocks of two servers differ. */
const CLOCK_SKEW_MS = 5 * 60_000;

const beginRun = (journal: Journal, kind: RunState['kind']): RunState => {
  if (journal.run && journal.run.kind !== kind)
    throw new AppError(
      'CONFLICT',
      `The journal holds an unfinished ${journal.run.kind}; run it again to finish it first`,
    );
  if (journal.run) return journal.run;
  if (kind === 'refresh' && !journal.lastSyncAt)
    throw new AppError('INVALID_INPUT', 'A refresh needs the journal of a finished copy');
  const since =
    kind === 'refresh'
      ? new Date(Date.parse(journal.lastSyncAt!) - CLOCK_SKEW_MS).toISOString()
      : null;
  return (journal.run = {
    kind,
    startedAt: new Date().toISOString(),
    since,
    schemaDone: false,
    objects: {},
  });
};

/** What the source leaves out, narrowed to the chosen objects (and chosen names it lacks). */
const skippedAtSource = (input: RunInput, choices?: ObjectChoice[]): SkippedObject[] => {
  if (!choices) return input.sourceSkipped;
  return choices.flatMap((choice): SkippedObject[] => {
    const skipped = input.sourceSkipped.find((object) => object.nameSingular === choice.name);
    if (skipped) return [skipped];
    return input.sourceObjects.some((object) => object.nameSingular === choice.name)
      ? []
      : [{ nameSingular: choice.name, reason: 'the source has no such object' }];
  });
};

export const runReplica = async (input: RunInput): Promise<ReplicaResult> => {
  const { options, target } = input;
  const signal = options.signal;
  const store = openJournal(options.journalPath);
  const journal = await store.read();
  const run = beginRun(journal, input.kind);
  const save = () => store.write(journal);
  await save();

  let schemaSteps = 0;
  if (!run.schemaDone) {
    options.onProgress?.({ object: '', phase: 'schema', done: 0, total: null });
    schemaSteps = (
      await syncSchema(target, await input.schema(), options.schema ?? 'mirror', signal)
    ).applied;
    run.schemaDone = true;
    await save();
  }
  throwIfCancelled(signal);

  const selection = selectObjects(
    input.sourceObjects,
    await readModel(target, signal),
    options.objects,
  );
  const reports = new Map<string, ObjectReport>(
    selection.objects.map((object) => [
      object.nameSingular,
      {
        name: object.nameSingular,
        written: 0,
        writtenTrashed: 0,
        linked: 0,
        trashed: 0,
        destroyed: 0,
        remapped: 0,
      },
    ]),
  );
  const ctx = {
    source: input.source,
    target,
    journal,
    save,
    objects: new Map(selection.objects.map((object) => [object.nameSingular, object])),
    caps: new Map(
      (options.objects ?? []).flatMap((choice) =>
        choice.recordCap === undefined ? [] : [[choice.name, choice.recordCap] as const],
      ),
    ),
    pageSize: Math.min(200, Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE)),
    ...(run.since ? { filter: `updatedAt[gt]:"${run.since}"` } : {}),
    writeEmptyLinks: run.kind === 'refresh',
    withTrash: run.kind !== 'refresh',
    deletions: run.kind === 'refresh',
    report: (object: string, phase: string, done: number, total: number | null) => {
      const report = reports.get(object);
      if (report && phase === 'records') report.written = done;
      if (report && phase === 'trash') report.writtenTrashed = done;
      if (report && phase === 'links') report.linked = done;
      options.onProgress?.({ object, phase: phase as ReplicaPhase, done, total });
    },
    ...(signal ? { signal } : {}),
  };

  // Checked per object too: objects without records never reach a page's check.
  for (const phase of ['records', 'trash'] as const)
    for (const object of selection.objects) {
      throwIfCancelled(signal);
      await writeRecordsPass(ctx, object, phase);
    }
  for (const phase of ['links', 'trash-links'] as const)
    for (const object of selection.objects) {
      throwIfCancelled(signal);
      await linkRecordsPass(ctx, object, phase);
    }
  if (run.kind === 'refresh')
    for (const object of selection.objects) {
      throwIfCancelled(signal);
      const removed = await deleteMissingPass(ctx, object);
      Object.assign(reports.get(object.nameSingular)!, removed);
    }
  throwIfCancelled(signal);

  for (const report of reports.values())
    report.remapped = Object.keys(journal.objects[report.name]?.idMap ?? {}).length;
  journal.lastSyncAt = run.startedAt;
  journal.run = null;
  await save();
  return {
    kind: run.kind,
    schemaSteps,
    objects: [...reports.values()],
    skipped: [...skippedAtSource(input, options.objects), ...selection.skipped],
    droppedLinks: selection.droppedLinks,
    syncedAt: run.startedAt,
  };
};
