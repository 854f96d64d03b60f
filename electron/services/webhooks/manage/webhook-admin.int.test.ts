import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../../../shared/errors/app-error';
import { useLocalWorkspaceClient } from '../testing/local-client';
import { createWebhookAdmin, webhookApiShape } from './webhook-admin';

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
};

describe('webhook admin against the local workspace', () => {
  const local = useLocalWorkspaceClient();

  it('reads the recent API shape from the schema', async () => {
    const shape = await webhookApiShape(local.client);
    expect(shape).toMatchObject({
      era: 'nested',
      get: { arg: 'id', type: 'UUID!' },
      update: { type: 'UpdateWebhookInput!' },
      remove: { arg: 'id', type: 'UUID!', returnsObject: true },
    });
    expect(await webhookApiShape(local.client)).toBe(shape); // once per client
  });

  it('lists, creates, updates and deletes', async () => {
    const admin = createWebhookAdmin(local.client);
    expect(await admin.list()).toEqual([]);

    const created = await admin.create({
      targetUrl: 'http://127.0.0.1:4567/hooks/abc',
      operations: ['person.created', '*.updated'],
      description: 'Atelier receiver',
      secret: null,
    });
    expect(created).toMatchObject({
      targetUrl: 'http://127.0.0.1:4567/hooks/abc',
      operations: ['person.created', '*.updated'],
      description: 'Atelier receiver',
    });
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(created.createdAt).toEqual(expect.any(String));

    const chosen = await admin.create({
      targetUrl: 'https://hooks.example.com',
      operations: ['*.*'],
      description: null,
      secret: 'my-secret',
    });
    expect(chosen).toMatchObject({ secret: 'my-secret', description: null });
    expect(chosen.targetUrl).toBe('https://hooks.example.com/'); // Twenty normalises the URL

    expect((await admin.list()).map((webhook) => webhook.id)).toEqual([created.id, chosen.id]);
    expect(await admin.get(created.id)).toEqual(created);

    const updated = await admin.update(created.id, {
      operations: ['company.*'],
      description: null,
    });
    expect(updated).toMatchObject({
      id: created.id,
      operations: ['company.*'],
      description: null,
      secret: created.secret,
      targetUrl: created.targetUrl,
    });
    const rotated = await admin.update(created.id, { secret: 'b'.repeat(64) });
    expect(rotated.secret).toBe('b'.repeat(64));
    expect(rotated.operations).toEqual(['company.*']);

    expect(await admin.remove(created.id)).toBe(true);
    expect(await admin.get(created.id)).toBeNull();
    expect(await admin.remove(created.id)).toBe(false);
    expect((await admin.list()).map((webhook) => webhook.id)).toEqual([chosen.id]);
    await admin.remove(chosen.id);
  });

  it('refuses an invalid target URL and an unknown id with Twenty’s messages', async () => {
    const admin = createWebhookAdmin(local.client);
    const invalid = await failure(
      admin.create({
        targetUrl: 'ftp://files.example.com',
        operations: ['*.*'],
        description: null,
        secret: null,
      }),
    );
    expect(invalid.code).toBe('VALIDATION');
    expect(invalid.message).toBe('Please provide a valid HTTP or HTTPS URL');
    expect(invalid.details).toMatchObject({
      twentyCode: 'METADATA_VALIDATION_FAILED',
      twentyMessage: 'Multiple validation errors occurred while creating webhook',
    });
    expect(await admin.list()).toEqual([]);

    const missing = await failure(
      admin.update('9f1c3f0e-0000-4000-8000-000000000000', { description: 'x' }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('Webhook not found');
  });
});
