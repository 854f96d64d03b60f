import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJsonFileStore } from './json-file-store';

const schema = z.object({ count: z.number() });

describe('createJsonFileStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atelier-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('returns defaults until written, then what was written', async () => {
    const store = createJsonFileStore(join(dir, 'nested', 's.json'), schema, () => ({ count: 0 }));
    expect(await store.read()).toEqual({ count: 0 });
    await store.write({ count: 3 });
    expect(await store.read()).toEqual({ count: 3 });
  });

  it('serialises concurrent writes and leaves no temp files', async () => {
    const store = createJsonFileStore(join(dir, 's.json'), schema, () => ({ count: 0 }));
    await Promise.all(Array.from({ length: 20 }, (_, count) => store.write({ count })));
    expect(await store.read()).toEqual({ count: 19 });
    expect(await readdir(dir)).toEqual(['s.json']);
  });

  it('keeps an unreadable file aside instead of overwriting it', async () => {
    const path = join(dir, 's.json');
    await writeFile(path, '{"count": "not a number"');
    const messages: string[] = [];
    const store = createJsonFileStore(
      path,
      schema,
      () => ({ count: 0 }),
      (m) => messages.push(m),
    );
    expect(await store.read()).toEqual({ count: 0 });
    const kept = (await readdir(dir)).find((name) => name.startsWith('s.json.corrupt-'));
    expect(kept).toBeDefined();
    expect(await readFile(join(dir, kept!), 'utf8')).toBe('{"count": "not a number"');
    expect(messages[0]).toMatch(/unreadable/);
  });
});
