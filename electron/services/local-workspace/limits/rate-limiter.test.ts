import { describe, expect, it } from 'vitest';
import { parseRateLimitFlags, RateLimiter, RateLimitExceeded } from './rate-limiter';

describe('rate limiter', () => {
  it('allows a burst up to the smallest bucket, then refuses with the time to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(
      [
        { limit: 3, windowMs: 1000 },
        { limit: 5, windowMs: 60_000 },
      ],
      () => now,
    );
    for (let i = 0; i < 3; i += 1) limiter.consume('w', 'k');
    let error: unknown;
    try {
      limiter.consume('w', 'k');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RateLimitExceeded);
    expect((error as RateLimitExceeded).message).toBe(
      'Rate limit exceeded for apiKey: 3 requests per 1s.',
    );
    expect((error as RateLimitExceeded).retryAfterMs).toBeCloseTo(1000 / 3, 3);
    now = 1000; // the short bucket refills; the long one has 2 left
    limiter.consume('w', 'k');
    limiter.consume('w', 'k');
    expect(() => limiter.consume('w', 'k')).toThrow(
      'Rate limit exceeded for apiKey: 5 requests per 60s.',
    );
  });

  it('keeps workspaces apart and can be switched off', () => {
    const limiter = new RateLimiter([{ limit: 1, windowMs: 1000 }], () => 0);
    limiter.consume('a', null);
    expect(() => limiter.consume('a', null)).toThrow(RateLimitExceeded);
    expect(() => limiter.consume('b', null)).not.toThrow();
    const off = new RateLimiter(null);
    for (let i = 0; i < 1000; i += 1) off.consume('a', null);
  });

  it('parses the CLI flags', () => {
    expect(parseRateLimitFlags([])).toEqual([
      { limit: 100, windowMs: 1000 },
      { limit: 100, windowMs: 60000 },
    ]);
    expect(parseRateLimitFlags(['off'])).toBeNull();
    expect(parseRateLimitFlags(['5/1000', '20/60000'])).toEqual([
      { limit: 5, windowMs: 1000 },
      { limit: 20, windowMs: 60000 },
    ]);
    expect(() => parseRateLimitFlags(['fast'])).toThrow(
      '--rate-limit takes "off" or <count>/<window-ms>',
    );
  });
});
