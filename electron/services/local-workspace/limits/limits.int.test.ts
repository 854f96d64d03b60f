import { afterEach, describe, expect, it } from 'vitest';
import { coreGraphql, metadataGraphql, rest } from '../testing/twenty-http';
import { startWorkspaceProcess, type WorkspaceProcess } from '../testing/workspace-process';

describe('API limits as Twenty enforces them', () => {
  let ws: WorkspaceProcess | undefined;
  afterEach(async () => {
    await ws?.dispose();
    ws = undefined;
  });

  it('throttles API-key record operations per workspace with 429, Retry-After and RATE_LIMITED', async () => {
    ws = await startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', '4/60000']);
    for (let i = 0; i < 3; i += 1) expect((await rest(ws, 'GET', '/rest/people')).status).toBe(200);
    // Metadata calls are not record operations: they do not spend tokens.
    for (let i = 0; i < 5; i += 1)
      expect((await metadataGraphql(ws, '{ currentWorkspace { id } }')).errors).toBeUndefined();
    const fourth = await coreGraphql(ws, '{ people { totalCount } }');
    expect(fourth.errors).toBeUndefined();

    const response = await fetch(`${ws.url}/rest/people`, {
      headers: { Authorization: `Bearer ${ws.apiKey}` },
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get('x-ratelimit-limit')).toBe('4');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await response.json()).toMatchObject({
      statusCode: 429,
      error: 'RATE_LIMITED',
      messages: ['Rate limit exceeded for apiKey: 4 requests per 60s.'],
      limitKind: 'speed',
      limit: 4,
      remaining: 0,
      periodCount: 60,
      periodUnit: 'second',
    });
    const graphql = await coreGraphql(ws, '{ people { totalCount } }');
    expect(graphql.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 4,
      periodCount: 60,
    });
  });

  it('lifts the limit with --rate-limit off and caps batches with --max-batch', async () => {
    ws = await startWorkspaceProcess('pglite', [
      '--no-demo-data',
      '--rate-limit',
      'off',
      '--max-batch',
      '3',
    ]);
    for (let i = 0; i < 150; i += 1)
      expect((await rest(ws, 'GET', '/rest/companies?limit=1')).status).toBe(200);
    const tooMany = await rest(ws, 'POST', '/rest/batch/companies', [
      { name: 'a' },
      { name: 'b' },
      { name: 'c' },
      { name: 'd' },
    ]);
    expect(tooMany).toMatchObject({
      status: 400,
      body: { messages: ['Maximum number of records to upsert is 3.'] },
    });
    const viaGraphql = await coreGraphql(
      ws,
      'mutation { createCompanies(data: [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }]) { id } }',
    );
    expect(viaGraphql.errors?.[0]).toMatchObject({
      message: 'Maximum number of records to upsert is 3.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(
      (
        await rest(ws, 'POST', '/rest/batch/companies', [
          { name: 'a' },
          { name: 'b' },
          { name: 'c' },
        ])
      ).status,
    ).toBe(201);
  });
});
