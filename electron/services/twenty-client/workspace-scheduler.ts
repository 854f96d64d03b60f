import PQueue from 'p-queue';
import { TWENTY_DEFAULT_RATE_LIMIT as SHARED_DEFAULT_RATE_LIMIT } from '../../../shared/contract/connections';
import type { LearnedBucket, RateLimitAnswer } from './rate-limit-answer';
import { TokenBucket } from './token-bucket';

/**
 * One scheduler per Twenty workspace (module-level registry keyed by base URL + workspace): a
 * p-queue for concurrency plus client-side token buckets that mirror Twenty's per-workspace API
 * throttle, so the client never sends more than the server accepts. A 429 pauses the whole
 * workspace until the server's retry time and tightens the buckets to what the server named.
 */
export interface RateLimitConfig {
  shortLimit: number;
  shortTtlMs: number;
  /** null/undefined: no long bucket (e.g. a local workspace run with one `--rate-limit`). */
  longLimit?: number | null;
  longTtlMs?: number | null;
}

/** Twenty's defaults (API_RATE_LIMITING_SHORT_* / _LONG_*), shared with the connection settings. */
export const TWENTY_DEFAULT_RATE_LIMIT: RateLimitConfig = SHARED_DEFAULT_RATE_LIMIT;

export interface SchedulerOptions {
  /** null: no client-side limit (learning from 429s still applies). */
  rateLimit: RateLimitConfig | null;
  concurrency: number;
  /** Fraction of the server's limit the client allows itself (absorbs network jitter). */
  safety: number;
  now?: () => number;
}

export const DEFAULT_SAFETY = 0.95;

const bucketsFor = (
  config: RateLimitConfig | null,
  safety: number,
  now: () => number,
): TokenBucket[] => {
  if (!config) return [];
  const specs: LearnedBucket[] = [{ limit: config.shortLimit, windowMs: config.shortTtlMs }];
  if (config.longLimit && config.longTtlMs)
    specs.push({ limit: config.longLimit, windowMs: config.longTtlMs });
  return specs.map((spec) => new TokenBucket(spec.limit * safety, spec.windowMs, now));
};

interface Waiter {
  cost: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class WorkspaceScheduler {
  readonly queue: PQueue;
  readonly buckets: TokenBucket[];
  private pausedUntil = 0;
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  /** Requests this scheduler let through, and 429s it learned from (observability, tests). */
  readonly stats = { sent: 0, rateLimited: 0 };

  constructor(public options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
    this.queue = new PQueue({ concurrency: options.concurrency });
    this.buckets = bucketsFor(options.rateLimit, options.safety, this.now);
  }

  /**
   * The admin changed the workspace's limits while another client still shares this scheduler:
   * the new limits apply now, each new bucket no fuller than its window was, so no burst follows.
   */
  reconfigure(rateLimit: RateLimitConfig | null): void {
    if (JSON.stringify(rateLimit) === JSON.stringify(this.options.rateLimit)) return;
    const next = bucketsFor(rateLimit, this.options.safety, this.now);
    for (const bucket of next) {
      const before = this.buckets.find((old) => old.windowMs === bucket.windowMs);
      if (before) bucket.take(Math.max(0, bucket.limit - before.remaining()));
    }
    this.buckets.splice(0, this.buckets.length, ...next);
    this.options = { ...this.options, rateLimit };
    this.pump();
  }

  /** Runs `work` in a concurrency slot once `cost` tokens are available (cost 0: no tokens). */
  run<T>(
    cost: number,
    work: () => Promise<T>,
    options: { signal?: AbortSignal | undefined; priority?: number } = {},
  ): Promise<T> {
    return this.queue.add(
      async () => {
        await this.acquire(cost, options.signal);
        this.stats.sent += 1;
        return work();
      },
      {
        priority: options.priority ?? 0,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
  }

  /** Requests left in each of Twenty's windows as this client sees them, in the server's units. */
  meter(): {
    buckets: Array<{ limit: number; windowMs: number; remaining: number }>;
    pausedForMs: number;
  } {
    const scale = this.options.safety;
    return {
      buckets: this.buckets.map((bucket) => ({
        limit: Math.round(bucket.limit / scale),
        windowMs: bucket.windowMs,
        remaining: Math.max(0, Math.floor(bucket.remaining() / scale)),
      })),
      pausedForMs: Math.round(this.pausedForMs()),
    };
  }

  /** Milliseconds the workspace stays paused after a 429. */
  pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  acquire(cost: number, signal?: AbortSignal): Promise<void> {
    if (cost <= 0) return Promise.resolve();
    signal?.throwIfAborted();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        cost,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(signal!.reason);
          this.pump();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  private waitMs(cost: number): number {
    const paused = this.pausedForMs();
    return Math.max(paused, ...this.buckets.map((bucket) => bucket.waitMs(cost)));
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.waiters.length > 0) {
      const head = this.waiters[0]!;
      const wait = this.waitMs(head.cost);
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = null;
          this.pump();
        }, Math.ceil(wait));
        return;
      }
      this.waiters.shift();
      head.signal?.removeEventListener('abort', head.onAbort);
      for (const bucket of this.buckets) bucket.take(head.cost);
      head.resolve();
    }
  }

  /** A rate-limit answer: pause everyone, tighten to the server's bucket, resync from empty. */
  learn(answer: RateLimitAnswer): void {
    const at = this.now();
    this.stats.rateLimited += 1;
    this.pausedUntil = Math.max(this.pausedUntil, at + answer.retryAfterMs);
    if (answer.bucket) this.tighten(answer.bucket);
    // v1.x: the server floors its refill (throttler.service.ts); copy it so we never outrun it.
    if (answer.style === 'v1-message') for (const bucket of this.buckets) bucket.mode = 'floored';
    // A named window was waited out in full (refill during the pause); otherwise the server only
    // promised one token at the retry time, so refill from empty from then on.
    const from =
      answer.style === 'v1-message' || answer.style === 'unknown' ? at : this.pausedUntil;
    for (const bucket of this.buckets) bucket.drain(from);
    this.pump();
  }

  private tighten(spec: LearnedBucket): void {
    const allowed = spec.limit * this.options.safety;
    const same = this.buckets.find((bucket) => bucket.windowMs === spec.windowMs);
    if (same) same.limit = Math.min(same.limit, allowed);
    else this.buckets.push(new TokenBucket(allowed, spec.windowMs, this.now));
  }
}

interface Entry {
  scheduler: WorkspaceScheduler;
  refs: number;
}

const registry = new Map<string, Entry>();

/** The shared scheduler of a workspace; the latest client's rate limit is the one that holds. */
export const acquireScheduler = (key: string, options: SchedulerOptions): WorkspaceScheduler => {
  const existing = registry.get(key);
  if (existing) {
    existing.refs += 1;
    existing.scheduler.reconfigure(options.rateLimit);
    return existing.scheduler;
  }
  const scheduler = new WorkspaceScheduler(options);
  registry.set(key, { scheduler, refs: 1 });
  return scheduler;
};

export const releaseScheduler = (key: string, scheduler: WorkspaceScheduler): void => {
  const entry = registry.get(key);
  if (!entry || entry.scheduler !== scheduler) return;
  entry.refs -= 1;
  if (entry.refs <= 0) registry.delete(key);
};

export const schedulerKey = (baseUrl: string, workspaceKey: string): string =>
  `${baseUrl}|${workspaceKey}`;
