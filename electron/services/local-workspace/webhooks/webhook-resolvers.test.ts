import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../workspace-runtime';
import { webhookResolvers } from './webhook-resolvers';

const contextWithRole = (role: Record<string, unknown> | null, calls: string[]) =>
  ({
    auth: { kind: 'apiKey', workspaceId: 'ws', apiKeyId: 'key', roleId: 'role' },
    runtime: {
      apiKeys: { role: async () => role },
      webhooks: {
        list: () => {
          calls.push('list');
          return [];
        },
      },
    },
  }) as unknown as RequestContext;

describe('webhook resolvers permission', () => {
  it('refuses a role without the settings permission before touching webhooks', async () => {
    const calls: string[] = [];
    const denied = webhookResolvers.webhooks!(
      {},
      contextWithRole({ canUpdateAllSettings: false }, calls),
    );
    await expect(denied).rejects.toMatchObject({
      message: 'Entity performing the request does not have permission',
      code: 'FORBIDDEN',
      subCode: 'PERMISSION_DENIED',
    });
    await expect(
      webhookResolvers.createWebhook!({ input: {} }, contextWithRole(null, calls)),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(calls).toEqual([]);
    await expect(
      webhookResolvers.webhooks!({}, contextWithRole({ canUpdateAllSettings: true }, calls)),
    ).resolves.toEqual([]);
    expect(calls).toEqual(['list']);
  });
});
