import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/** `/rest/metadata/apiKeys` and the deprecated `/rest/apiKeys` (Twenty's list-contract spec). */
describe.each(testEngines())('API keys over REST (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('lists active keys in the metadata page envelope, and as a bare array on the old path', async () => {
    const page = await rest(ws, 'GET', '/rest/metadata/apiKeys');
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(Array.isArray(page.body.data)).toBe(true);
    expect(page.body.data.length).toBeGreaterThan(0);
    expect(page.body.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: page.body.data[0].id,
      endCursor: page.body.data[page.body.data.length - 1].id,
    });
    expect(page.body.totalCount).toBe(page.body.data.length);
    expect(page.body.data[0]).toMatchObject({ name: expect.any(String), revokedAt: null });

    const response = await fetch(`${ws.url}/rest/apiKeys`, {
      headers: { Authorization: `Bearer ${ws.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('deprecation')).toBe('@1786320000');
    expect(response.headers.get('link')).toBe('</rest/metadata/apiKeys>; rel="successor-version"');
    const legacy = (await response.json()) as Array<{ id: string }>;
    expect(legacy.map((key) => key.id)).toEqual(page.body.data.map((key: any) => key.id));

    const one = await rest(ws, 'GET', `/rest/metadata/apiKeys/${page.body.data[0].id}`);
    expect(one.body.id).toBe(page.body.data[0].id);
  });

  it('needs a signed-in session to create or revoke, as on /metadata', async () => {
    const refused = await rest(ws, 'POST', '/rest/metadata/apiKeys', {
      name: 'From REST',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('requires a session access token');
    const anonymous = await rest(ws, 'GET', '/rest/metadata/apiKeys', undefined, null);
    expect(anonymous.status).toBe(403);
  });
});
