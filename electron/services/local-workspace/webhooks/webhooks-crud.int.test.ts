import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

const WEBHOOK_FIELDS =
  'id targetUrl operations description secret applicationId createdAt updatedAt deletedAt';

const createWebhook = (ws: WorkspaceProcess, input: Record<string, unknown>) =>
  metadataGraphql(
    ws,
    `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { ${WEBHOOK_FIELDS} } }`,
    { input },
  );

const raw = async (ws: WorkspaceProcess, method: string, path: string, token = ws.apiKey) => {
  const response = await fetch(`${ws.url}${path}`, {
    method,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe.each(testEngines())('webhook management (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('creates, reads, updates and deletes webhooks through /metadata', async () => {
    const created = await createWebhook(ws, {
      targetUrl: 'http://127.0.0.1:9',
      operations: ['person.created', '*.updated'],
      description: '  CRM   sync  ',
    });
    expect(created.errors).toBeUndefined();
    const webhook = created.data!.createWebhook;
    const workspace = await metadataGraphql(
      ws,
      '{ currentWorkspace { workspaceCustomApplicationId } }',
    );
    expect(webhook).toMatchObject({
      targetUrl: 'http://127.0.0.1:9/', // normalised with the URL parser
      operations: ['person.created', '*.updated'],
      description: 'CRM sync',
      applicationId: workspace.data!.currentWorkspace.workspaceCustomApplicationId,
      deletedAt: null,
    });
    expect(webhook.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(webhook.createdAt).toBe(webhook.updatedAt);

    const second = await createWebhook(ws, {
      id: '0b7a55e2-4f2b-4b55-9d0a-6a6f3c2a1e01',
      targetUrl: 'https://hooks.example.com/in',
      operations: ['*.*'],
      secret: '',
    });
    expect(second.data!.createWebhook).toMatchObject({
      id: '0b7a55e2-4f2b-4b55-9d0a-6a6f3c2a1e01',
      secret: '', // an empty secret is kept: deliveries go unsigned
      description: null,
    });

    const list = await metadataGraphql(ws, `{ webhooks { id } }`);
    expect(list.data!.webhooks.map((w: any) => w.id)).toEqual([
      webhook.id,
      '0b7a55e2-4f2b-4b55-9d0a-6a6f3c2a1e01',
    ]);
    const one = await metadataGraphql(ws, `query($id: UUID!) { webhook(id: $id) { id secret } }`, {
      id: webhook.id,
    });
    expect(one.data!.webhook).toEqual({ id: webhook.id, secret: webhook.secret });

    const updated = await metadataGraphql(
      ws,
      `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { ${WEBHOOK_FIELDS} } }`,
      { input: { id: webhook.id, update: { operations: ['company.*'], description: null } } },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateWebhook).toMatchObject({
      operations: ['company.*'],
      description: null,
      secret: webhook.secret,
      targetUrl: 'http://127.0.0.1:9/',
    });
    expect(updated.data!.updateWebhook.updatedAt > webhook.updatedAt).toBe(true);

    const deleted = await metadataGraphql(
      ws,
      `mutation($id: UUID!) { deleteWebhook(id: $id) { id operations } }`,
      { id: webhook.id },
    );
    expect(deleted.data!.deleteWebhook).toEqual({ id: webhook.id, operations: ['company.*'] });
    const gone = await metadataGraphql(ws, `query($id: UUID!) { webhook(id: $id) { id } }`, {
      id: webhook.id,
    });
    expect(gone).toMatchObject({ data: { webhook: null } });
    expect(gone.errors).toBeUndefined();
  });

  it('answers Twenty’s errors for unknown ids and non-http(s) target URLs', async () => {
    const missing = '9f1c3f0e-0000-4000-8000-000000000000';
    const update = await metadataGraphql(
      ws,
      `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id } }`,
      { input: { id: missing, update: { description: 'x' } } },
    );
    expect(update.errors![0]).toMatchObject({
      message: 'Webhook not found',
      extensions: { code: 'NOT_FOUND', subCode: 'WEBHOOK_NOT_FOUND' },
    });
    const remove = await metadataGraphql(
      ws,
      `mutation($id: UUID!) { deleteWebhook(id: $id) { id } }`,
      {
        id: missing,
      },
    );
    expect(remove.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });

    const ftp = await createWebhook(ws, {
      targetUrl: 'ftp://files.example.com',
      operations: ['*.*'],
    });
    expect(ftp.data).toBeNull();
    expect(ftp.errors![0]).toMatchObject({
      message: 'Multiple validation errors occurred while creating webhook',
      extensions: {
        code: 'METADATA_VALIDATION_FAILED',
        message: 'Validation failed for 1 webhook',
        userFriendlyMessage: 'Please provide a valid HTTP or HTTPS URL',
        summary: { totalErrors: 1, webhook: 1 },
      },
    });
    const report = (ftp.errors![0]!.extensions as any).errors.webhook[0];
    expect(report).toMatchObject({
      metadataName: 'webhook',
      type: 'create',
      status: 'fail',
      flatEntityMinimalInformation: { targetUrl: 'ftp://files.example.com/' }, // normalised first
      errors: [{ code: 'INVALID_TARGET_URL', message: 'Invalid target URL provided' }],
    });

    const empty = await createWebhook(ws, { targetUrl: '   ', operations: ['*.*'] });
    const emptyErrors = (empty.errors![0]!.extensions as any).errors.webhook[0].errors;
    expect(emptyErrors.map((e: any) => e.code)).toEqual([
      'INVALID_WEBHOOK_INPUT',
      'INVALID_TARGET_URL',
    ]);

    const ok = await createWebhook(ws, { targetUrl: 'https://example.com/h', operations: ['*.*'] });
    const badUpdate = await metadataGraphql(
      ws,
      `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id } }`,
      { input: { id: ok.data!.createWebhook.id, update: { targetUrl: 'mailto:me@example.com' } } },
    );
    expect(badUpdate.errors![0]).toMatchObject({
      message: 'Multiple validation errors occurred while updating webhook',
      extensions: { code: 'METADATA_VALIDATION_FAILED' },
    });
    expect((badUpdate.errors![0]!.extensions as any).errors.webhook[0].type).toBe('update');

    const anonymous = await metadataGraphql(ws, '{ webhooks { id } }', undefined, null);
    expect(anonymous.errors![0]).toMatchObject({ message: 'Missing authentication token' });
  });

  it('serves REST /rest/metadata/webhooks and the deprecated /rest/webhooks alias', async () => {
    const created = await rest(ws, 'POST', '/rest/metadata/webhooks', {
      targetUrl: 'https://rest.example.com/hook',
      description: 'from REST',
    });
    expect(created.status).toBe(201);
    const hook = created.body;
    expect(Object.keys(hook)).toEqual([
      'id',
      'targetUrl',
      'operations',
      'description',
      'secret',
      'workspaceId',
      'applicationId',
      'createdAt',
      'updatedAt',
      'deletedAt',
    ]);
    expect(hook).toMatchObject({ operations: ['*.*'], description: 'from REST', deletedAt: null });

    const list = await rest(ws, 'GET', '/rest/metadata/webhooks');
    expect(list.status).toBe(200);
    expect(list.body.totalCount).toBe(list.body.data.length);
    expect(list.body.data.map((w: any) => w.id)).toContain(hook.id);
    expect(list.body.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    const firstPage = await rest(ws, 'GET', '/rest/metadata/webhooks?limit=1');
    expect(firstPage.body.data).toHaveLength(1);
    expect(firstPage.body.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const nextPage = await rest(
      ws,
      'GET',
      `/rest/metadata/webhooks?limit=1&starting_after=${firstPage.body.pageInfo.endCursor}`,
    );
    expect(nextPage.body.data[0].id).toBe(list.body.data[1].id);
    expect(nextPage.body.pageInfo.hasPreviousPage).toBe(true);
    const badLimit = await rest(ws, 'GET', '/rest/metadata/webhooks?limit=abc');
    expect(badLimit).toMatchObject({
      status: 400,
      body: { messages: ["limit 'abc' is invalid. Should be an integer"] },
    });

    const legacy = await raw(ws, 'GET', '/rest/webhooks');
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get('deprecation')).toBe('@1786320000');
    expect(legacy.headers.get('link')).toBe('</rest/metadata/webhooks>; rel="successor-version"');
    const legacyList = JSON.parse(legacy.text);
    expect(Array.isArray(legacyList)).toBe(true);
    expect(legacyList.map((w: any) => w.id)).toEqual(list.body.data.map((w: any) => w.id));
    const legacyOne = await raw(ws, 'GET', `/rest/webhooks/${hook.id}`);
    expect(legacyOne.headers.get('link')).toBe(
      `</rest/metadata/webhooks/${hook.id}>; rel="successor-version"`,
    );
    expect(JSON.parse(legacyOne.text)).toEqual(hook);
    expect((await raw(ws, 'GET', '/rest/metadata/webhooks')).headers.get('deprecation')).toBeNull();

    const patched = await rest(ws, 'PATCH', `/rest/metadata/webhooks/${hook.id}`, {
      operations: ['person.created'],
      secret: 'rotated',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: hook.id,
      operations: ['person.created'],
      secret: 'rotated',
    });

    const invalid = await rest(ws, 'POST', '/rest/metadata/webhooks', {
      targetUrl: 'javascript:alert(1)',
      operations: ['*.*'],
    });
    expect(invalid).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'WorkspaceMigrationBuilderException',
        messages: ['Multiple validation errors occurred while creating webhook'],
      },
    });

    const removed = await rest(ws, 'DELETE', `/rest/webhooks/${hook.id}`);
    expect(removed).toEqual({ status: 200, body: true });
    const missing = await raw(ws, 'GET', `/rest/metadata/webhooks/${hook.id}`);
    expect(missing).toMatchObject({ status: 200, text: '' });
    const patchMissing = await rest(ws, 'PATCH', `/rest/metadata/webhooks/${hook.id}`, {
      description: 'x',
    });
    expect(patchMissing).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        error: 'NotFoundException',
        messages: ['Webhook not found'],
        code: 'WEBHOOK_NOT_FOUND',
      },
    });

    const anonymous = await rest(ws, 'GET', '/rest/metadata/webhooks', undefined, null);
    expect(anonymous).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        messages: ['Missing authentication token'],
        error: 'FORBIDDEN_EXCEPTION',
      },
    });
    const put = await rest(ws, 'PUT', `/rest/webhooks/${hook.id}`, {});
    expect(put.status).toBe(404);
  });

  it('keeps webhooks across a restart', async () => {
    const created = await createWebhook(ws, {
      targetUrl: 'https://persist.example.com/',
      operations: ['note.created'],
    });
    const id = created.data!.createWebhook.id;
    ws = await ws.restart();
    const one = await metadataGraphql(
      ws,
      `query($id: UUID!) { webhook(id: $id) { id operations } }`,
      {
        id,
      },
    );
    expect(one.data!.webhook).toEqual({ id, operations: ['note.created'] });
  });
});
