import type { RateLimitMeter } from '../contract/playground';

/**
 * Whether a run of `cost` requests fits in what is left of Twenty's rate-limit windows, as the
 * client counts them, and if not, how long the client will hold it back. Twenty's windows refill
 * as token buckets (`limit` per `windowMs`), so a shortfall of n requests waits n × windowMs /
 * limit; after a 429 nothing is sent until the pause ends.
 */
export interface RateLimitWait {
  /** The window that runs short (the one that makes the run wait longest). */
  limit: number;
  windowMs: number;
  remaining: number;
  waitMs: number;
}

export const rateLimitWait = (meter: RateLimitMeter, cost: number): RateLimitWait | null => {
  let worst: RateLimitWait | null = null;
  for (const bucket of meter.buckets) {
    if (bucket.remaining >= cost) continue;
    const waitMs = Math.ceil(((cost - bucket.remaining) * bucket.windowMs) / bucket.limit);
    if (!worst || waitMs > worst.waitMs) worst = { ...bucket, waitMs };
  }
  if (meter.pausedForMs > 0 && (!worst || meter.pausedForMs > worst.waitMs)) {
    const first = meter.buckets[0];
    return {
      limit: first?.limit ?? 0,
      windowMs: first?.windowMs ?? 0,
      remaining: 0,
      waitMs: meter.pausedForMs,
    };
  }
  return worst;
};
