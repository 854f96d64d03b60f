import type { GapReport } from '../../../../shared/contract/webhooks';
import { isAppError } from '../../../../shared/errors/app-error';
import type { TwentyClient, TwentyRecord } from '../../twenty-client';
import { chunk, idFilter } from '../../twenty-client/record-api';
import { classifyChange, isAccountedFor, type Delivery } from './classify-change';
import { readObjects, recordLabel, type ObjectInfo } from './read-objects';

/**
 * Records changed in a window that no delivery accounts for (classify-change.ts says how).
 * Reads each object's changed records through core REST; soft-deleted rows are only returned
 * when the filter mentions `deletedAt`, which this one does.
 */
export interface FindGapsInput {
  client: TwentyClient;
  /** nameSingular of each object to check. */
  objects: string[];
  from: Date;
  to: Date;
  /** The deliveries logged for an object (its record events), from any time. */
  delivered: (objectName: string) => Promise<Delivery[]>;
  signal?: AbortSignal;
}

/** Per object, not for the whole run: one object the key cannot read does not stop the others. */
const SKIPPABLE = new Set(['PERMISSION', 'NOT_FOUND', 'VALIDATION']);

const hasField = (object: ObjectInfo, name: string) =>
  object.fields.some((field) => field.name === name);

/** `or(and(createdAt[gte]:…,createdAt[lte]:…),…)` over the timestamps the object has. */
export const changedInWindowFilter = (fields: string[], from: Date, to: Date): string =>
  `or(${fields
    .map(
      (field) => `and(${field}[gte]:"${from.toISOString()}",${field}[lte]:"${to.toISOString()}")`,
    )
    .join(',')})`;

export const findGaps = async (input: FindGapsInput): Promise<GapReport> => {
  const { client, from, to, signal } = input;
  const objects = await readObjects(client, signal);
  const report: GapReport = {
    from: from.toISOString(),
    to: to.toISOString(),
    objects: [],
    changed: 0,
    delivered: 0,
    missing: [],
    skipped: [],
  };
  for (const name of [...new Set(input.objects)]) {
    const object = objects.get(name);
    if (!object) {
      report.skipped.push({ objectName: name, reason: `This workspace has no object “${name}”.` });
      continue;
    }
    const stamps = ['createdAt', 'updatedAt', 'deletedAt'].filter((field) =>
      hasField(object, field),
    );
    if (!stamps.includes('createdAt') || !stamps.includes('updatedAt')) {
      report.skipped.push({ objectName: name, reason: 'Its records carry no change timestamps.' });
      continue;
    }
    const records: TwentyRecord[] = [];
    try {
      for await (const page of client.rest.listAll<TwentyRecord>(object.namePlural, {
        filter: changedInWindowFilter(stamps, from, to),
        ...(signal ? { signal } : {}),
      }))
        records.push(...page);
    } catch (error) {
      if (isAppError(error) && SKIPPABLE.has(error.code)) {
        report.skipped.push({ objectName: name, reason: error.message });
        continue;
      }
      throw error;
    }
    const byRecord = new Map<string, Delivery[]>();
    for (const delivery of await input.delivered(name)) {
      const list = byRecord.get(delivery.recordId) ?? [];
      list.push(delivery);
      byRecord.set(delivery.recordId, list);
    }
    report.objects.push(name);
    for (const record of records) {
      const change = classifyChange(record, from, to);
      if (!change || typeof record.id !== 'string') continue;
      report.changed += 1;
      if (isAccountedFor(name, record, change, byRecord.get(record.id) ?? [])) {
        report.delivered += 1;
        continue;
      }
      report.missing.push({
        objectName: name,
        recordId: record.id,
        action: change.action,
        at: change.at,
        label: recordLabel(record, object.labelField),
      });
    }
  }
  report.missing.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1));
  return report;
};

/** Records by id (soft-deleted ones too), in the order asked; ids not found are left out. */
export const fetchRecords = async (
  client: TwentyClient,
  objectName: string,
  ids: string[],
  signal?: AbortSignal,
): Promise<TwentyRecord[]> => {
  const object = (await readObjects(client, signal)).get(objectName);
  if (!object) return [];
  const deletedAt = hasField(object, 'deletedAt');
  const found = new Map<string, TwentyRecord>();
  for (const part of chunk([...new Set(ids)], 200)) {
    const filter = deletedAt
      ? `and(${idFilter(part)},or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL))`
      : idFilter(part);
    for await (const page of client.rest.listAll<TwentyRecord>(object.namePlural, {
      filter,
      ...(signal ? { signal } : {}),
    }))
      for (const record of page) if (typeof record.id === 'string') found.set(record.id, record);
  }
  return ids.flatMap((id) => {
    const record = found.get(id);
    return record ? [record] : [];
  });
};
