import { z } from 'zod';
import { createJsonFileStore } from '../../platform/settings/json-file-store';

/**
 * The durable state of a replica: per object, the ids the target gave source records when it
 * could not keep them, the target ids that were there before the copy, and where the current run
 * is. Written atomically (temp file + rename) after every batch, so a run stopped anywhere resumes
 * from the last batch it finished; a batch that was sent but not recorded is sent again, which
 * upsert makes harmless. Format: docs/replica.md.
 */
export const JOURNAL_FORMAT = 'atelier.replica-journal';

/** Live records, trashed records, their join columns, (refresh) deletions. */
export const PHASES = ['records', 'trash', 'links', 'trash-links', 'deletions', 'done'] as const;
export type Phase = (typeof PHASES)[number];

const objectStateSchema = z.object({
  namePlural: z.string(),
  /** Source id → target id, only where the target did not keep the source's id. */
  idMap: z.record(z.string(), z.string()).default({}),
  /** Target ids present before this replica first wrote the object: never the replica's own. */
  preexisting: z.array(z.string()).nullable().default(null),
  /** Source ids written, kept only for objects copied under a record cap (links check them). */
  copied: z.array(z.string()).nullable().default(null),
});
export type ObjectState = z.infer<typeof objectStateSchema>;

const progressSchema = z.object({
  phase: z.enum(PHASES),
  /** Source cursor after the last batch done in this phase (null: from the start). */
  cursor: z.string().nullable(),
  done: z.number(),
});
export type ObjectProgress = z.infer<typeof progressSchema>;

const runSchema = z.object({
  kind: z.enum(['copy', 'refresh', 'import']),
  /** When the run began (kept across resumes): the next refresh reads changes from here. */
  startedAt: z.string(),
  /** Refresh: records updated after this instant are copied again. */
  since: z.string().nullable(),
  schemaDone: z.boolean(),
  objects: z.record(z.string(), progressSchema),
});
export type RunState = z.infer<typeof runSchema>;

export const journalSchema = z.object({
  format: z.literal(JOURNAL_FORMAT),
  version: z.literal(1),
  /** Start of the last run that finished: what a refresh counts from. */
  lastSyncAt: z.string().nullable(),
  objects: z.record(z.string(), objectStateSchema),
  run: runSchema.nullable(),
});
export type Journal = z.infer<typeof journalSchema>;

export const emptyJournal = (): Journal => ({
  format: JOURNAL_FORMAT,
  version: 1,
  lastSyncAt: null,
  objects: {},
  run: null,
});

export interface JournalStore {
  read(): Promise<Journal>;
  write(journal: Journal): Promise<void>;
}

/** On disk when a path is given; otherwise in memory (a run that cannot be resumed). */
export const openJournal = (path: string | undefined): JournalStore => {
  if (!path) {
    let kept = emptyJournal();
    return {
      read: async () => structuredClone(kept),
      write: async (journal) => {
        kept = structuredClone(journal);
      },
    };
  }
  const store = createJsonFileStore(path, journalSchema, emptyJournal, () => {
    throw new Error(`The replica journal at ${path} is unreadable; it was kept beside it`);
  });
  return { read: () => store.read(), write: (journal) => store.write(journal) };
};

/** The object's lasting state, created on first use. */
export const objectState = (journal: Journal, name: string, namePlural: string): ObjectState =>
  (journal.objects[name] ??= {
    namePlural,
    idMap: {},
    preexisting: null,
    copied: null,
  });

/** Target id of a source record: the remapped one, else its own. */
export const targetIdOf = (state: ObjectState | undefined, sourceId: string): string =>
  state?.idMap[sourceId] ?? sourceId;
