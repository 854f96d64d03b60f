import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DeliveryJournal } from './delivery-journal';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const all = async (journal: DeliveryJournal, after = 0) => {
  const out: Array<Record<string, unknown>> = [];
  for await (const record of journal.readAfter(after)) out.push(record);
  return out;
};

it('numbers concurrent appends in call order and shares one write between them', async () => {
  dir = await mkdtemp(join(tmpdir(), 'atelier-journal-'));
  const journal = await DeliveryJournal.open(dir);
  const stored = await Promise.all(
    Array.from({ length: 50 }, (_, index) => journal.append({ index })),
  );
  expect(stored.map((record) => record.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  expect((await all(journal)).map((record) => record.index)).toEqual(
    Array.from({ length: 50 }, (_, i) => i),
  );
  await journal.close();
  await expect(journal.append({ late: true })).rejects.toThrow(/closed/);
});

it('cuts a torn last line on open and carries on numbering after the last whole record', async () => {
  dir = await mkdtemp(join(tmpdir(), 'atelier-journal-'));
  const first = await DeliveryJournal.open(dir);
  await first.append({ a: 1 });
  await first.append({ a: 2 });
  await first.close();
  const [segment] = await readdir(dir);
  await appendFile(join(dir, segment!), '{"a":3,"seq":3,"tr');

  const second = await DeliveryJournal.open(dir);
  expect(second.lastSeq).toBe(2);
  expect((await readFile(join(dir, segment!), 'utf8')).endsWith('}\n')).toBe(true);
  expect((await second.append({ a: 4 })).seq).toBe(3);
  expect((await all(second, 1)).map((record) => record.a)).toEqual([2, 4]);
  await second.close();
});
