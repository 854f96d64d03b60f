import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors/app-error';
import { readSchema } from '../schema/read-schema';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { createTwentyClient, type TwentyClient } from '../twenty-client';
import { copyWorkspace, exportSnapshot, importSnapshot, refreshWorkspace } from './index';
import { journalSchema, type Journal } from './replica-journal';
import { allRecords, expectReplica, liveIds, seedSource, type SeededIds } from './replica-testing';
import type { ReplicaProgress } from './run-replica';
import { readSnapshot } from './snapshot-file';

/**
 * The replica engine between local workspaces over real HTTP (PGlite, no demo data): a source
 * with a field of every creatable type and relations, a copy interrupted and resumed into a
 * target that already holds one of the source's ids, a refresh, a snapshot round trip.
 */
interface Local {
  ws: WorkspaceProcess;
  client: TwentyClient;
}

const start = async (): Promise<Local> => {
  const ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
  return {
    ws,
    client: createTwentyClient({ baseUrl: ws.url, apiKey: ws.apiKey, rateLimit: null }),
  };
};

let source: Local;
let target: Local;
let restored: Local;
let dir: string;
let seeded: SeededIds;
const planted = { id: '', name: 'Planted in the target' };

const readJournal = async (path: string): Promise<Journal> =>
  journalSchema.parse(JSON.parse(await readFile(path, 'utf8')));

beforeAll(async () => {
  [source, target, restored] = await Promise.all([start(), start(), start()]);
  dir = await mkdtemp(join(tmpdir(), 'atelier-replica-'));
  seeded = await seedSource(source.client);
  // The target already has a record under one of the source's ids: the copy must not touch it.
  planted.id = seeded.companies[0]!;
  await target.client.rest.create('companies', { id: planted.id, name: planted.name });
}, 90_000);

afterAll(async () => {
  for (const local of [source, target, restored]) {
    local?.client.close();
    await local?.ws.dispose();
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('replica engine on local workspaces', () => {
  it('copies schema and records, resumes an interrupted copy, remaps a taken id', async () => {
    const journalPath = join(dir, 'copy.journal.json');
    const controller = new AbortController();
    const seen: ReplicaProgress[] = [];
    const copy = (signal?: AbortSignal) =>
      copyWorkspace(source.client, target.client, {
        journalPath,
        onProgress: (progress) => {
          seen.push(progress);
          // Stop after the first batch of companies (65 records: 60 + 5).
          if (progress.object === 'company' && progress.phase === 'records' && progress.done === 60)
            controller.abort();
        },
        ...(signal ? { signal } : {}),
      });

    const stopped = await copy(controller.signal).catch((error: unknown) => error);
    expect(isAppError(stopped) && stopped.code).toBe('CANCELLED');
    const halfway = await readJournal(journalPath);
    expect(halfway.run?.objects.company).toMatchObject({ phase: 'records', done: 60 });
    expect((await liveIds(target.client, 'companies')).size).toBe(61); // 60 + the planted one

    seen.length = 0;
    const result = await copy();
    // Resumed after the batch it had finished, not from the start.
    expect(seen.find((p) => p.object === 'company' && p.phase === 'records')?.done).toBe(65);
    expect(result.skipped.map((object) => object.nameSingular)).toEqual(
      expect.arrayContaining(['workspaceMember', 'timelineActivity']),
    );
    expect(result.skipped.every((object) => object.reason.length > 0)).toBe(true);

    const journal = await readJournal(journalPath);
    expect(journal.run).toBeNull();
    expect(journal.lastSyncAt).not.toBeNull();
    expect(await readSchema(target.client)).toEqual(await readSchema(source.client));

    // The taken id: the planted record is untouched, the source's lives under a new id and the
    // records that pointed at it point at the new one.
    const newId = journal.objects.company!.idMap[planted.id]!;
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    const companies = await allRecords(target.client, 'companies');
    expect(companies.get(planted.id)?.name).toBe(planted.name);
    expect(companies.get(newId)?.name).toBe('Company 0');
    const people = await allRecords(target.client, 'people');
    expect(people.get(seeded.people[0]!)?.companyId).toBe(newId);

    // No duplicates, no gaps: every object equal record by record.
    expect((await liveIds(target.client, 'companies')).size).toBe(66);
    await expectReplica(source.client, target.client, journal);
  });

  it('refresh picks up an update, a create, a soft delete and a destroy', async () => {
    const journalPath = join(dir, 'copy.journal.json');
    const { gadgets, people } = seeded;
    await source.client.rest.update('gadgets', gadgets[1]!, {
      title: 'Renamed',
      tags: ['RED'],
      parentId: gadgets[5]!,
    });
    const created = await source.client.rest.create('companies', {
      name: 'Newcomer',
      domainName: { primaryLinkUrl: 'https://newcomer.example.com' },
    });
    await source.client.rest.delete('people', people[4]!, { soft: true });
    await source.client.rest.delete('gadgets', gadgets[60]!);

    const result = await refreshWorkspace(source.client, target.client, { journalPath });
    const journal = await readJournal(journalPath);
    expect(result.objects.find((o) => o.name === 'person')).toMatchObject({ trashed: 1 });
    expect(result.objects.find((o) => o.name === 'gadget')).toMatchObject({ destroyed: 1 });

    const targetGadgets = await allRecords(target.client, 'gadgets', true);
    expect(targetGadgets.get(gadgets[1]!)).toMatchObject({ title: 'Renamed', tags: ['RED'] });
    expect(targetGadgets.get(gadgets[1]!)?.parentId).toBe(gadgets[5]);
    expect(targetGadgets.has(gadgets[60]!)).toBe(false);
    expect((await allRecords(target.client, 'companies')).get(String(created.id))?.name).toBe(
      'Newcomer',
    );
    const trashed = await allRecords(target.client, 'people', true);
    expect(trashed.get(people[4]!)?.deletedAt).toEqual(expect.any(String));
    expect((await allRecords(target.client, 'companies')).get(planted.id)?.name).toBe(planted.name);
    await expectReplica(source.client, target.client, journal);
  });

  it('snapshot export → import round trip is exact', async () => {
    const file = join(dir, 'source.snapshot.jsonl.gz');
    const exported = await exportSnapshot(source.client, file);
    expect(exported.counts).toMatchObject({ company: 66, gadget: 60, person: 5, widget: 3 });

    const journalPath = join(dir, 'import.journal.json');
    const result = await importSnapshot(file, restored.client, { journalPath });
    expect(result.objects.find((o) => o.name === 'gadget')).toMatchObject({ written: 60 });
    expect(await readSchema(restored.client)).toEqual(await readSchema(source.client));
    const journal = await readJournal(journalPath);
    expect(Object.values(journal.objects).every((o) => Object.keys(o.idMap).length === 0)).toBe(
      true,
    );
    await expectReplica(source.client, restored.client, journal);

    // Exported again from the restored workspace: the same file but for what Twenty stamps.
    const again = join(dir, 'restored.snapshot.jsonl');
    await exportSnapshot(restored.client, again);
    const [a, b] = await Promise.all([readSnapshot(file), readSnapshot(again)]);
    expect(b.header.schema).toEqual(a.header.schema);
    expect(b.header.objects).toEqual(a.header.objects);
    expect(b.counts).toEqual(a.counts);
  });

  it('refuses a truncated snapshot', async () => {
    const file = join(dir, `${randomUUID()}.jsonl`);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, `${JSON.stringify({ format: 'atelier.snapshot' })}\n`);
    await expect(importSnapshot(file, restored.client)).rejects.toThrow(/not a complete/);
  });
});
