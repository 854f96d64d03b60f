import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { createTwentyClient } from '../twenty-client';
import { importWithEngine, tempFolder } from './testing/import-fixtures';

// The server counts: a workspace limited to 10 requests a second answers 429 to any request past
// its bucket; an upsert import paced by the connection's limit gets none, and takes the time the
// limit gives it.
describe('imports under a rate limit', () => {
  let workspace: WorkspaceProcess;
  let files: Awaited<ReturnType<typeof tempFolder>>;

  beforeAll(async () => {
    workspace = await startWorkspaceProcess('pglite', [
      '--no-demo-data',
      '--rate-limit',
      '10/1000',
    ]);
    files = await tempFolder('import-limit');
  }, 180_000);
  afterAll(async () => {
    await workspace?.dispose();
    await files?.remove();
  });

  it('never goes past the server bucket', async () => {
    const statuses: number[] = [];
    const client = createTwentyClient({
      baseUrl: workspace.url,
      apiKey: workspace.apiKey,
      rateLimit: { shortLimit: 10, shortTtlMs: 1000, longLimit: 100_000, longTtlMs: 60_000 },
      onEvent: (event) => {
        if (
          event.type === 'request-finished' &&
          event.endpoint !== 'metadata' &&
          typeof event.status === 'number'
        )
          statuses.push(event.status);
      },
    });
    const rows = [['Email', 'Title']];
    for (let i = 0; i < 4000; i++) rows.push([`p${i}@limit.test`, `T${i}`]);
    const path = await files.csv('people.csv', rows);
    const started = Date.now();
    const outcome = await importWithEngine({
      client,
      path,
      mode: 'upsert',
      mapping: {
        version: 1,
        object: 'person',
        fields: {
          emails: { kind: 'column', column: 'Email' },
          jobTitle: { kind: 'column', column: 'Title' },
        },
        dedupe: { key: 'emails' },
      },
      dir: files.dir,
    });
    const seconds = (Date.now() - started) / 1000;
    expect(outcome.totals).toMatchObject({ created: 4000, failed: 0 });
    // Validation reads (20 batches) + per batch one read and one write: 60 core requests.
    const core = statuses.length;
    expect(core).toBeGreaterThanOrEqual(60);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    // 10 a second with a full bucket at the start: no faster than the limit allows.
    expect(seconds).toBeGreaterThan((core - 10) / 10 - 0.5);
    client.close();
  }, 120_000);
});
