import { flattenRecord, recordsOf, type Row } from './result-records';

/**
 * The same request answered by a live workspace and by its replica, compared as an admin reads
 * it: records matched by id (only in one, or which fields differ), then anything else in the
 * answers (status, totals, errors) by path. A replica stamps its own `createdAt`/`updatedAt`
 * and records who wrote it, so those are left out unless asked for.
 */
export const STAMPED_BY_THE_TARGET = ['createdAt', 'updatedAt', 'createdBy', 'updatedBy'];

export interface ValueChange {
  path: string;
  live: unknown;
  replica: unknown;
}

export interface AnswerDiff {
  status: { live: number; replica: number } | null;
  /** null when the answers hold no record list. */
  records: {
    matched: number;
    onlyLive: string[];
    onlyReplica: string[];
    changed: Array<{ id: string; changes: ValueChange[] }>;
  } | null;
  /** Differences outside the records (totals, errors, other data), by JSON path. */
  other: ValueChange[];
  ignored: string[];
  same: boolean;
}

const MAX_OTHER = 200;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const ignoredKey = (key: string, ignored: string[]) =>
  ignored.some((name) => key === name || key.startsWith(`${name}.`));

/** Dotted columns of a record that differ (records flattened the way the table shows them). */
const recordChanges = (live: Row, replica: Row, ignored: string[]): ValueChange[] => {
  const a = flattenRecord(live);
  const b = flattenRecord(replica);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((key) => !ignoredKey(key, ignored) && JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((path) => ({ path, live: a[path], replica: b[path] }));
};

/** Every leaf path where two JSON values differ; record lists are compared apart. */
const walk = (
  live: unknown,
  replica: unknown,
  path: string,
  out: ValueChange[],
  skip: (path: string, value: unknown) => boolean,
) => {
  if (out.length >= MAX_OTHER) return;
  if (skip(path, live) || skip(path, replica)) return;
  if (isObject(live) && isObject(replica)) {
    for (const key of new Set([...Object.keys(live), ...Object.keys(replica)]))
      walk(live[key], replica[key], path ? `${path}.${key}` : key, out, skip);
    return;
  }
  if (Array.isArray(live) && Array.isArray(replica) && live.length === replica.length) {
    live.forEach((item, index) => walk(item, replica[index], `${path}[${index}]`, out, skip));
    return;
  }
  if (JSON.stringify(live) !== JSON.stringify(replica)) out.push({ path, live, replica });
};

/** A record list inside an answer's `data` (what recordsOf reads), left to the id match. */
const isRecordList = (key: string, value: unknown) =>
  key === 'edges' ||
  (Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => isObject(item) && 'id' in item)) ||
  (isObject(value) && 'id' in value);

export const diffAnswers = (
  live: { status: number; body: unknown },
  replica: { status: number; body: unknown },
  ignored: string[] = STAMPED_BY_THE_TARGET,
): AnswerDiff => {
  const liveRecords = recordsOf(live.body);
  const replicaRecords = recordsOf(replica.body);
  let records: AnswerDiff['records'] = null;
  if (liveRecords && replicaRecords) {
    const byId = (rows: Row[]) => new Map(rows.map((row) => [String(row.id), row]));
    const a = byId(liveRecords);
    const b = byId(replicaRecords);
    const changed: Array<{ id: string; changes: ValueChange[] }> = [];
    let matched = 0;
    for (const [id, row] of a) {
      const other = b.get(id);
      if (!other) continue;
      matched += 1;
      const changes = recordChanges(row, other, ignored);
      if (changes.length > 0) changed.push({ id, changes });
    }
    records = {
      matched,
      onlyLive: [...a.keys()].filter((id) => !b.has(id)),
      onlyReplica: [...b.keys()].filter((id) => !a.has(id)),
      changed,
    };
  }
  const other: ValueChange[] = [];
  walk(live.body, replica.body, '', other, (path, value) => {
    const key = path.split('.').pop() ?? '';
    if (ignoredKey(key, ignored)) return true;
    // Cursors encode positions of each server's own rows.
    if (key === 'startCursor' || key === 'endCursor' || key === 'cursor') return true;
    return records !== null && path.startsWith('data.') && isRecordList(key, value);
  });
  const status =
    live.status === replica.status ? null : { live: live.status, replica: replica.status };
  const same =
    status === null &&
    other.length === 0 &&
    (records === null ||
      (records.onlyLive.length === 0 &&
        records.onlyReplica.length === 0 &&
        records.changed.length === 0));
  return { status, records, other, ignored, same };
};
