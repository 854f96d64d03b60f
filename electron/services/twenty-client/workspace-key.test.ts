import { describe, expect, it } from 'vitest';
import { decodeJwtPayload, identifyKey } from './workspace-key';

const jwt = (payload: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`;

describe('workspace identity of an API key', () => {
  it('reads workspaceId (or sub) and jti without verifying', () => {
    const key = jwt({ sub: 'ws-1', workspaceId: 'ws-1', type: 'API_KEY', jti: 'key-1' });
    expect(identifyKey(key)).toEqual({
      schedulerKey: 'ws:ws-1',
      workspaceId: 'ws-1',
      apiKeyId: 'key-1',
    });
    expect(identifyKey(jwt({ sub: 'ws-2' }))).toMatchObject({
      schedulerKey: 'ws:ws-2',
      apiKeyId: null,
    });
    // two keys of one workspace share a scheduler
    expect(
      identifyKey(jwt({ workspaceId: 'ws-1', jti: 'key-2', type: 'API_KEY' })).schedulerKey,
    ).toBe('ws:ws-1');
  });

  it('falls back to a hash of an opaque token, never the token itself', () => {
    const identity = identifyKey('test-key-123');
    expect(identity.workspaceId).toBeNull();
    expect(identity.schedulerKey).toMatch(/^key:[0-9a-f]{24}$/);
    expect(identity.schedulerKey).not.toContain('test-key');
    expect(decodeJwtPayload('a.!!!.c')).toBeNull();
  });
});
