import { AppError } from '../../../../shared/errors/app-error';
import type { TwentyClient, TwentyRecord } from '../../twenty-client';
import { openJournalWriter, readJournal, replayJournal } from './import-journal';

/**
 * Undoes a run from its journal, last batch first: the records it updated get their previous
 * values back (and go back to the trash if they came from there), then what it created — its
 * records, then the parents it made for lookups — is destroyed. A begun batch whose answer never
 * came is undone too (deleting an id that was never created is a no-op). Each batch undone is
 * journaled, so a stopped rollback carries on where it stopped.
 */
export interface RollbackOptions {
  /** Step ids in run order. */
  steps: string[];
  client: TwentyClient;
  journalPath: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface RollbackTotals {
  restored: number;
  deleted: number;
}

const chunks = <T>(items: T[], size: number): T[][] => {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
};

export const rollbackImport = async (options: RollbackOptions): Promise<RollbackTotals> => {
  const { client, signal } = options;
  const state = replayJournal(await readJournal(options.journalPath));
  const journal = await openJournalWriter(options.journalPath);
  const totals: RollbackTotals = { restored: 0, deleted: 0 };
  const work = [...options.steps].reverse().flatMap((step) => {
    const recorded = state.steps.get(step);
    if (!recorded?.staged) return [];
    return [...recorded.begun.keys()]
      .sort((a, b) => b - a)
      .filter((batch) => !recorded.rolledBack.has(batch))
      .map((batch) => ({ step, batch, recorded, plural: recorded.staged!.plural }));
  });
  let done = 0;
  try {
    for (const { step, batch, recorded, plural } of work) {
      if (signal?.aborted) throw new AppError('CANCELLED', 'The rollback was paused');
      const plan = recorded.begun.get(batch)!;
      const outcome = recorded.done.get(batch);
      const wrote = (line: number, status: 'created' | 'updated') =>
        !outcome ||
        outcome.results.some((result) => result.line === line && result.status === status);
      const opts = signal ? { signal } : {};

      const updates = plan.updates.filter((update) => wrote(update.line, 'updated'));
      for (const part of chunks(updates, 200))
        await client.rest.createMany(
          plural,
          part.map((update) => ({ ...update.previous, id: update.id }) as TwentyRecord),
          { upsert: true, ...opts },
        );
      const retrash = updates.filter((update) => update.trashed).map((update) => update.id);
      if (retrash.length > 0)
        await client.rest.deleteMany(plural, { ids: retrash }, { soft: true, ...opts });
      totals.restored += updates.length;

      // Junction records first: they point at what is destroyed next.
      const attachments = (plan.attachments ?? []).filter(
        (attachment) => !outcome || outcome.attachmentsCreated.includes(attachment.id),
      );
      const byJunction = new Map<string, string[]>();
      for (const attachment of attachments)
        byJunction.set(attachment.plural, [
          ...(byJunction.get(attachment.plural) ?? []),
          attachment.id,
        ]);
      for (const [junctionPlural, ids] of byJunction)
        await client.rest.deleteMany(junctionPlural, { ids }, opts);
      totals.deleted += attachments.length;

      const created = plan.creates
        .filter((create) => wrote(create.line, 'created'))
        .map((create) => create.id);
      if (created.length > 0) await client.rest.deleteMany(plural, { ids: created }, opts);
      totals.deleted += created.length;

      const parents = outcome
        ? plan.parents.filter((parent) => outcome.parentsCreated.includes(parent.id))
        : plan.parents;
      const byPlural = new Map<string, string[]>();
      for (const parent of parents)
        byPlural.set(parent.plural, [...(byPlural.get(parent.plural) ?? []), parent.id]);
      for (const [parentPlural, ids] of byPlural)
        await client.rest.deleteMany(parentPlural, { ids }, opts);
      totals.deleted += parents.length;

      await journal.append({ t: 'rollback-batch', step, batch });
      options.onProgress?.(++done, work.length);
    }
    await journal.append({ t: 'rollback-done' });
    return totals;
  } finally {
    await journal.close();
  }
};
