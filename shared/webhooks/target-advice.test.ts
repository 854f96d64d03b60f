import { describe, expect, it } from 'vitest';
import { targetAdviceSchema } from '../contract/webhooks';
import { adviseTarget, publicTargetUrl } from './target-advice';

const RECEIVER_URL = 'http://127.0.0.1:4567/hooks/tok123';
const local = { kind: 'local' as const, url: 'http://127.0.0.1:3100' };
const replica = { kind: 'replica' as const, url: 'http://127.0.0.1:3200' };
const cloud = { kind: 'remote' as const, url: 'https://api.twenty.com' };
const selfHosted = { kind: 'remote' as const, url: 'https://crm.acme.org' };

describe('adviseTarget', () => {
  it('lets the local workspace and replicas deliver to a loopback receiver', () => {
    for (const connection of [local, replica]) {
      const advice = adviseTarget({
        connection,
        targetUrl: RECEIVER_URL,
        receiver: { url: RECEIVER_URL, publicUrl: 'https://abc.trycloudflare.com' },
      });
      expect(advice).toMatchObject({ level: 'ok', url: RECEIVER_URL, remedies: [] });
      expect(targetAdviceSchema.parse(advice)).toEqual(advice);
    }
  });

  it('blocks a loopback or LAN target on Twenty Cloud, with a tunnel as the way out', () => {
    for (const targetUrl of [RECEIVER_URL, 'http://192.168.1.5:4567/hooks/x']) {
      const advice = adviseTarget({ connection: cloud, targetUrl });
      expect(advice.level).toBe('blocked');
      expect(advice.url).toBe(targetUrl);
      expect(advice.message).toContain('Twenty Cloud cannot reach this computer');
      expect(advice.remedies).toHaveLength(1);
      expect(advice.remedies[0]).toContain('cloudflared tunnel --url http://127.0.0.1:4567');
      expect(advice.remedies[0]).toContain('ngrok http 4567');
    }
    expect(
      adviseTarget({
        connection: { kind: 'remote', url: 'https://acme.twenty.com' },
        targetUrl: 'http://localhost:9/',
      }).level,
    ).toBe('blocked');
  });

  it('warns for a loopback target on a self-hosted server and names the safe-mode setting', () => {
    const advice = adviseTarget({
      connection: selfHosted,
      targetUrl: RECEIVER_URL,
      receiver: { url: RECEIVER_URL, publicUrl: null },
    });
    expect(advice.level).toBe('warning');
    expect(advice.message).toContain('OUTBOUND_HTTP_SAFE_MODE_ENABLED');
    expect(advice.remedies).toHaveLength(2);
    expect(advice.remedies[0]).toContain('receiver’s public URL');
    expect(advice.remedies[1]).toContain('OUTBOUND_HTTP_SAFE_MODE_ENABLED=false');
  });

  it('registers the receiver’s public URL on a remote workspace', () => {
    const advice = adviseTarget({
      connection: cloud,
      targetUrl: RECEIVER_URL,
      receiver: { url: RECEIVER_URL, publicUrl: 'https://abc.trycloudflare.com' },
    });
    expect(advice).toMatchObject({
      level: 'ok',
      url: 'https://abc.trycloudflare.com/hooks/tok123',
      remedies: [],
    });
    const withPath = adviseTarget({
      connection: selfHosted,
      targetUrl: RECEIVER_URL,
      receiver: { url: RECEIVER_URL, publicUrl: 'https://tunnel.example.com/in/hook' },
    });
    expect(withPath.url).toBe('https://tunnel.example.com/in/hook');
  });

  it('warns when the public URL itself is loopback or private', () => {
    for (const connection of [cloud, selfHosted]) {
      const advice = adviseTarget({
        connection,
        targetUrl: RECEIVER_URL,
        receiver: { url: RECEIVER_URL, publicUrl: 'http://10.0.0.7:8080/hooks/tok123' },
      });
      expect(advice.level).toBe('warning');
      expect(advice.url).toBe('http://10.0.0.7:8080/hooks/tok123');
      expect(advice.message).toContain('your local network');
    }
  });

  it('is fine with a public target anywhere and refuses what is not http(s)', () => {
    expect(adviseTarget({ connection: cloud, targetUrl: 'https://hooks.example.com/in' })).toEqual({
      level: 'ok',
      url: 'https://hooks.example.com/in',
      message: 'Twenty will deliver to hooks.example.com.',
      remedies: [],
    });
    expect(adviseTarget({ connection: selfHosted, targetUrl: 'ftp://x.example' })).toMatchObject({
      level: 'blocked',
      url: null,
    });
  });
});

describe('publicTargetUrl', () => {
  it('adds the receiver’s path to a bare tunnel origin only', () => {
    expect(publicTargetUrl('https://t.example', RECEIVER_URL)).toBe(
      'https://t.example/hooks/tok123',
    );
    expect(publicTargetUrl('https://t.example/custom', RECEIVER_URL)).toBe(
      'https://t.example/custom',
    );
    expect(publicTargetUrl('https://t.example/', null)).toBe('https://t.example/');
  });
});
