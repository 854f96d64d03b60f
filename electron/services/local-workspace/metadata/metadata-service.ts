import { quoteIdentifier, type SqlEngine, type SqlExecutor } from '../storage/sql-engine';
import { SchemaMigrationError } from './metadata-errors';
import { bumpMetadataVersion, deleteRow, upsertRow } from './metadata-store';
import { cloneState, type MetadataState } from './metadata-types';
import { planDdl } from './plan-ddl';
import { persistViewDeletions, persistViewUpserts } from '../views/view-store';
import { applyViewSideEffects } from '../views/view-side-effects';

/**
 * Holds the workspace's data model and applies changes to it. A change edits a draft copy;
 * the draft's metadata rows and the DDL planned from the difference run in ONE transaction,
 * and only after COMMIT does the draft become the live model. A failure leaves both the
 * database and the in-memory model exactly as they were.
 */
export class MetadataService {
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<(state: MetadataState) => void>();

  constructor(
    private readonly engine: SqlEngine,
    private state: MetadataState,
  ) {}

  get snapshot(): MetadataState {
    return this.state;
  }

  onChange(listener: (state: MetadataState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Serialises changes (validation reads the model, so two changes must not interleave).
   * `bumpVersion: false` for view-only changes, which leave the data model's version alone.
   */
  mutate<T>(
    work: (draft: MetadataState, now: string) => T,
    options: { bumpVersion?: boolean } = {},
  ): Promise<T> {
    const run = this.queue.then(() => this.apply(work, options.bumpVersion ?? true));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply<T>(
    work: (draft: MetadataState, now: string) => T,
    bumpVersion: boolean,
  ): Promise<T> {
    const before = this.state;
    const draft = cloneState(before);
    const now = new Date().toISOString();
    const result = work(draft, now);
    applyViewSideEffects(before, draft, now);
    const ddl = planDdl(before, draft);
    try {
      await this.engine.transaction(async (tx) => {
        await tx.query(
          `SET LOCAL search_path TO ${quoteIdentifier(before.workspace.dataSchema)}, public`,
        );
        await persistDiff(tx, before, draft);
        for (const statement of ddl) await tx.query(statement);
        if (bumpVersion)
          draft.workspace.metadataVersion = await bumpMetadataVersion(tx, draft.workspace.id);
      });
    } catch (error) {
      // Rolled back: the live model was never touched. Say why in the database's words.
      throw new SchemaMigrationError(error instanceof Error ? error.message : String(error));
    }
    this.state = draft;
    for (const listener of this.listeners) listener(draft);
    return result;
  }
}

/** Writes the rows that differ between two snapshots (rows are replaced, never mutated in place). */
export const persistDiff = async (
  db: SqlExecutor,
  before: MetadataState,
  after: MetadataState,
): Promise<void> => {
  await persistViewDeletions(db, before.views, after.views);
  for (const [id] of before.indexes)
    if (!after.indexes.has(id)) await deleteRow(db, 'indexMetadata', id);
  for (const [id] of before.fields)
    if (!after.fields.has(id)) await deleteRow(db, 'fieldMetadata', id);
  for (const [id] of before.objects)
    if (!after.objects.has(id)) await deleteRow(db, 'objectMetadata', id);
  for (const [id, row] of after.objects)
    if (before.objects.get(id) !== row) await upsertRow(db, 'objectMetadata', row);
  for (const [id, row] of after.fields)
    if (before.fields.get(id) !== row) await upsertRow(db, 'fieldMetadata', row);
  for (const [id, row] of after.indexes)
    if (before.indexes.get(id) !== row) await upsertRow(db, 'indexMetadata', row);
  await persistViewUpserts(db, before.views, after.views);
};
