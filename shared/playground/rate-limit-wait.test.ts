import { describe, expect, it } from 'vitest';
import { rateLimitWait } from './rate-limit-wait';

const meter = (short: number, long: number, pausedForMs = 0) => ({
  buckets: [
    { limit: 100, windowMs: 1000, remaining: short },
    { limit: 100, windowMs: 60_000, remaining: long },
  ],
  pausedForMs,
});

describe('rateLimitWait', () => {
  it('is null while every window has room for the run', () => {
    expect(rateLimitWait(meter(5, 5), 5)).toBeNull();
  });

  it('names the window that holds the run back longest and for how long', () => {
    // Two short of the minute window: two refills of 600 ms each.
    expect(rateLimitWait(meter(50, 1), 3)).toEqual({
      limit: 100,
      windowMs: 60_000,
      remaining: 1,
      waitMs: 1200,
    });
    expect(rateLimitWait(meter(0, 50), 1)).toMatchObject({ windowMs: 1000, waitMs: 10 });
  });

  it('counts the pause after a 429 when it is longer', () => {
    expect(rateLimitWait(meter(50, 50, 4000), 1)).toMatchObject({ waitMs: 4000, remaining: 0 });
  });
});
