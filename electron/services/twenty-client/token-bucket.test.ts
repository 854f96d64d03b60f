import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('token bucket (fake clock)', () => {
  it('allows the burst, then paces at limit per window', () => {
    let now = 0;
    const bucket = new TokenBucket(4, 1000, () => now);
    for (let i = 0; i < 4; i += 1) {
      expect(bucket.waitMs()).toBe(0);
      bucket.take();
    }
    expect(bucket.waitMs()).toBe(250);
    now = 250;
    expect(bucket.waitMs()).toBe(0);
    bucket.take();
    now = 2000;
    expect(bucket.remaining()).toBe(4); // capped at the limit
  });

  it('copies the v1.x floored refill: fractions are lost on every take', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 1000, () => now, 'floored');
    for (let i = 0; i < 10; i += 1) bucket.take();
    now = 150; // 1.5 tokens earned, floored to 1
    expect(bucket.waitMs()).toBe(0);
    bucket.take();
    // the half token is gone: the next one needs a full 100 ms from the last take
    expect(bucket.waitMs()).toBe(100);
    now = 249;
    expect(bucket.waitMs()).toBe(1);
  });

  it('drains on a server 429 and refills from the given instant', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 1000, () => now);
    bucket.drain(500);
    expect(bucket.waitMs()).toBe(600); // 500 ms paused + 100 ms for one token
    now = 600;
    expect(bucket.waitMs()).toBe(0);
  });
});
