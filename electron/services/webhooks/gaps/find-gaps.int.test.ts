import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { TwentyRecord } from '../../twenty-client';
import { useLocalWorkspaceClient } from '../testing/local-client';
import type { Delivery } from './classify-change';
import { fetchRecords, findGaps } from './find-gaps';

describe('findGaps against the local workspace', () => {
  const local = useLocalWorkspaceClient();

  it('reports exactly the changes no delivery accounts for', async () => {
    const company = (name: string) =>
      local.client.rest.create<TwentyRecord & { id: string }>('companies', { name });
    const untouched = await company('Untouched before');
    const old = await company('Old, updated in the window');
    const stale = await company('Old, delivery before the change');
    const trashed = await company('Old, soft-deleted in the window');
    const oldDelivered = await company('Old, updated and delivered');
    await sleep(30);
    const from = new Date();
    await sleep(30);

    await local.client.rest.update('companies', old.id, { address: { addressCity: 'Paris' } });
    await local.client.rest.update('companies', stale.id, { address: { addressCity: 'Paris' } });
    await local.client.rest.delete('companies', trashed.id, { soft: true });
    await local.client.rest.update('companies', oldDelivered.id, {
      address: { addressCity: 'Paris' },
    });
    const a = await company('A, created and delivered');
    const b = await company('B, created then updated');
    await sleep(10);
    await local.client.rest.update('companies', b.id, { address: { addressCity: 'Paris' } });
    const c = await company('C, created then soft-deleted');
    await local.client.rest.delete('companies', c.id, { soft: true });
    const ada = await local.client.rest.create<TwentyRecord & { id: string }>('people', {
      name: { firstName: 'Ada', lastName: 'Lovelace' },
    });
    const grace = await local.client.rest.create<TwentyRecord & { id: string }>('people', {
      name: { firstName: 'Grace', lastName: 'Hopper' },
    });
    await sleep(30);
    const to = new Date();
    await company('Created after the window');

    const now = new Date().toISOString();
    const deliveries: Record<string, Delivery[]> = {
      company: [
        { recordId: a.id, eventName: 'company.created', receivedAt: now },
        // Created then updated: the update's delivery accounts for the record.
        { recordId: b.id, eventName: 'company.updated', receivedAt: now },
        { recordId: oldDelivered.id, eventName: 'company.updated', receivedAt: now },
        // Before the change (minus the clock allowance): not this change's delivery.
        { recordId: stale.id, eventName: 'company.updated', receivedAt: '2020-01-01T00:00:00Z' },
        // The wrong event for a record updated in the window.
        { recordId: old.id, eventName: 'company.created', receivedAt: now },
        { recordId: untouched.id, eventName: 'company.updated', receivedAt: now },
      ],
      person: [{ recordId: grace.id, eventName: 'person.created', receivedAt: now }],
    };
    const asked: string[] = [];
    const report = await findGaps({
      client: local.client,
      objects: ['company', 'person', 'noSuchObject'],
      from,
      to,
      delivered: async (objectName) => {
        asked.push(objectName);
        return deliveries[objectName] ?? [];
      },
    });

    expect(asked).toEqual(['company', 'person']);
    expect(report.objects).toEqual(['company', 'person']);
    expect(report.skipped).toEqual([
      { objectName: 'noSuchObject', reason: expect.stringContaining('noSuchObject') },
    ]);
    // old, stale, trashed, oldDelivered, a, b, c (companies) + ada, grace (people).
    expect(report.changed).toBe(9);
    expect(report.delivered).toBe(4);
    const missing = Object.fromEntries(
      report.missing.map((gap) => [gap.recordId, [gap.objectName, gap.action, gap.label]]),
    );
    expect(missing).toEqual({
      [old.id]: ['company', 'updated', 'Old, updated in the window'],
      [stale.id]: ['company', 'updated', 'Old, delivery before the change'],
      [trashed.id]: ['company', 'deleted', 'Old, soft-deleted in the window'],
      [c.id]: ['company', 'created', 'C, created then soft-deleted'],
      [ada.id]: ['person', 'created', 'Ada Lovelace'],
    });
    for (const gap of report.missing) {
      expect(gap.at >= from.toISOString() && gap.at <= to.toISOString()).toBe(true);
    }
  });

  it('pages through more records than one page holds', async () => {
    const from = new Date();
    await sleep(10);
    const created = await local.client.rest.createMany(
      'opportunities',
      Array.from({ length: 230 }, (_, i) => ({ name: `Deal ${i}` })),
    );
    await sleep(10);
    const report = await findGaps({
      client: local.client,
      objects: ['opportunity'],
      from,
      to: new Date(),
      delivered: async () => [],
    });
    expect(report.changed).toBe(230);
    expect(new Set(report.missing.map((gap) => gap.recordId))).toEqual(
      new Set(created.map((record) => record.id)),
    );
  });

  it('fetches records by id, soft-deleted ones included', async () => {
    const kept = await local.client.rest.create<TwentyRecord & { id: string }>('companies', {
      name: 'Kept',
    });
    const gone = await local.client.rest.create<TwentyRecord & { id: string }>('companies', {
      name: 'Trashed',
    });
    await local.client.rest.delete('companies', gone.id, { soft: true });
    const records = await fetchRecords(local.client, 'company', [
      gone.id,
      '00000000-0000-4000-8000-000000000000',
      kept.id,
    ]);
    expect(records.map((record) => [record.id, record.name])).toEqual([
      [gone.id, 'Trashed'],
      [kept.id, 'Kept'],
    ]);
    expect(records[0]!.deletedAt).toEqual(expect.any(String));
    expect(await fetchRecords(local.client, 'noSuchObject', [kept.id])).toEqual([]);
  });
});
