import { createReadStream } from 'node:fs';
import { open, readFile, truncate } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { ResultRow } from '../../../../shared/contract/imports';
import type { AttachmentPlan } from './lookup-resolver';

/**
 * The durable record of a run, JSON lines appended and synced to disk before the work they
 * describe is sent: a batch's plan (its rows, the ids chosen for new records, the previous values
 * of records it updates, the parents it creates) is on disk before its request leaves, and its
 * results after the answer. A run killed anywhere resumes from here: finished batches are not
 * sent again, a begun batch is sent again under the same ids (checked first, so nothing is
 * created twice), and a rollback knows exactly what to delete and what to restore.
 */
export type RowStatus = ResultRow['status'];

export interface RowResultEntry {
  line: number;
  status: RowStatus;
  id: string | null;
  reason: string;
}

export interface ParentPlan {
  object: string;
  plural: string;
  id: string;
  values: Record<string, unknown>;
  /** `${object}|${by}|${key}`: rows of this batch needing it. */
  lookup: string;
}

export interface UpdatePlan {
  line: number;
  id: string;
  /** Join columns set from lookups (kept so a resent batch links the same records). */
  links: Record<string, string>;
  /** The record's values before the run, for the fields the update writes. */
  previous: Record<string, unknown>;
  /** It was in the trash: the update restores it, a rollback trashes it again. */
  trashed: boolean;
}

export interface BatchPlan {
  creates: { line: number; id: string; links: Record<string, string> }[];
  updates: UpdatePlan[];
  parents: ParentPlan[];
  /** Junction records attaching created rows to records found (notes to their targets). */
  attachments?: AttachmentPlan[];
  /** Rows settled without a write (skipped, or failed before sending). */
  settled: RowResultEntry[];
}

export type JournalEntry =
  | { t: 'staged'; step: string; rows: number; batchSize: number; plural: string }
  | { t: 'begin'; step: string; batch: number; plan: BatchPlan }
  | {
      t: 'done';
      step: string;
      batch: number;
      results: RowResultEntry[];
      parentsCreated: string[];
      attachmentsCreated?: string[];
    }
  | { t: 'step-done'; step: string }
  | { t: 'run-done' }
  | { t: 'rollback-batch'; step: string; batch: number }
  | { t: 'rollback-done' };

export interface StepJournal {
  staged: { rows: number; batchSize: number; plural: string } | null;
  begun: Map<number, BatchPlan>;
  done: Map<
    number,
    { results: RowResultEntry[]; parentsCreated: string[]; attachmentsCreated: string[] }
  >;
  finished: boolean;
  rolledBack: Set<number>;
}

export interface JournalState {
  steps: Map<string, StepJournal>;
  runDone: boolean;
  rollbackDone: boolean;
}

const stepOf = (state: JournalState, step: string): StepJournal => {
  let found = state.steps.get(step);
  if (!found) {
    found = {
      staged: null,
      begun: new Map(),
      done: new Map(),
      finished: false,
      rolledBack: new Set(),
    };
    state.steps.set(step, found);
  }
  return found;
};

export const replayJournal = (entries: Iterable<JournalEntry>): JournalState => {
  const state: JournalState = { steps: new Map(), runDone: false, rollbackDone: false };
  for (const entry of entries) {
    if (entry.t === 'run-done') state.runDone = true;
    else if (entry.t === 'rollback-done') state.rollbackDone = true;
    else if (entry.t === 'staged') {
      const step = stepOf(state, entry.step);
      step.staged = { rows: entry.rows, batchSize: entry.batchSize, plural: entry.plural };
    } else if (entry.t === 'begin') stepOf(state, entry.step).begun.set(entry.batch, entry.plan);
    else if (entry.t === 'done')
      stepOf(state, entry.step).done.set(entry.batch, {
        results: entry.results,
        parentsCreated: entry.parentsCreated,
        attachmentsCreated: entry.attachmentsCreated ?? [],
      });
    else if (entry.t === 'step-done') stepOf(state, entry.step).finished = true;
    else if (entry.t === 'rollback-batch') stepOf(state, entry.step).rolledBack.add(entry.batch);
  }
  return state;
};

export const readJournal = async (path: string): Promise<JournalEntry[]> => {
  const entries: JournalEntry[] = [];
  try {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        // A line cut by a crash mid-write: everything after it was never acknowledged.
        break;
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return entries;
};

export interface JournalWriter {
  append(entry: JournalEntry): Promise<void>;
  close(): Promise<void>;
}

/**
 * Appends entries, each written and synced before `append` resolves. A last line cut by a crash
 * is dropped first, so what follows it is read back.
 */
export const openJournalWriter = async (path: string): Promise<JournalWriter> => {
  const content = await readFile(path).catch(() => null);
  if (content) {
    const end = content.lastIndexOf(10) + 1;
    if (end < content.length) await truncate(path, end);
  }
  const file = await open(path, 'a');
  let chain: Promise<void> = Promise.resolve();
  return {
    append(entry) {
      const text = `${JSON.stringify(entry)}\n`;
      const next = chain.then(async () => {
        await file.write(text);
        await file.datasync();
      });
      chain = next.catch(() => {});
      return next;
    },
    async close() {
      await chain;
      await file.close();
    },
  };
};
