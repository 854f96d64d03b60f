import { describe, expect, it } from 'vitest';
import { acquireScheduler, releaseScheduler } from './workspace-scheduler';

describe('shared workspace scheduler', () => {
  it('applies a changed rate limit while another client still holds it, without a burst', () => {
    let now = 0;
    const options = (shortLimit: number, longLimit: number) => ({
      rateLimit: { shortLimit, shortTtlMs: 1000, longLimit, longTtlMs: 60_000 },
      concurrency: 2,
      safety: 1,
      now: () => now,
    });
    const key = `test|${Math.random()}`;
    const first = acquireScheduler(key, options(100, 100));
    for (let i = 0; i < 90; i += 1) for (const bucket of first.buckets) bucket.take(1);
    expect(first.meter().buckets.map((b) => b.remaining)).toEqual([10, 10]);

    // The admin raises the minute window; the first client (a running pull) still holds it.
    const second = acquireScheduler(key, options(100, 6000));
    expect(second).toBe(first);
    expect(first.meter().buckets.map((b) => b.limit)).toEqual([100, 6000]);
    // No fuller than before: the new minute bucket starts where the old one was, then refills fast.
    expect(first.meter().buckets.map((b) => b.remaining)).toEqual([10, 10]);
    now += 1000;
    expect(first.meter().buckets[1]!.remaining).toBe(110);

    releaseScheduler(key, first);
    releaseScheduler(key, second);
  });
});
