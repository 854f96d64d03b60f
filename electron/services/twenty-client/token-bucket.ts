/**
 * A client-side token bucket mirroring Twenty's API throttle: starts full, refills `limit` tokens per
 * `windowMs`. `continuous` refill matches the main-2026 usage-limit buckets (and our local
 * workspace, limits/rate-limiter.ts); `floored` copies the v1.x ThrottlerService quirk (refill is
 * floor(elapsed × limit / window) and the timestamp is reset on every successful take, so fractions
 * are lost), which the scheduler switches to once a server answers in the v1.x style.
 */
export type RefillMode = 'continuous' | 'floored';

export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    public limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    public mode: RefillMode = 'continuous',
  ) {
    this.tokens = limit;
    this.refilledAt = now();
  }

  private available(at: number): number {
    const elapsed = Math.max(0, at - this.refilledAt);
    const earned = (elapsed * this.limit) / this.windowMs;
    return Math.min(
      this.limit,
      this.tokens + (this.mode === 'floored' ? Math.floor(earned) : earned),
    );
  }

  /** Milliseconds until `cost` tokens are available (0 = now). */
  waitMs(cost = 1): number {
    const at = this.now();
    if (at < this.refilledAt) return this.refilledAt - at + this.waitAfterRefillPoint(cost);
    const have = this.available(at);
    if (have >= cost) return 0;
    if (this.mode === 'floored') {
      // Whole tokens only: the first instant where floor(elapsed × rate) covers the gap.
      const needed = Math.ceil(cost - this.tokens);
      return Math.max(1, this.refilledAt + (needed * this.windowMs) / this.limit - at);
    }
    return Math.max(1, ((cost - have) * this.windowMs) / this.limit);
  }

  private waitAfterRefillPoint(cost: number): number {
    return this.tokens >= cost ? 0 : ((cost - this.tokens) * this.windowMs) / this.limit;
  }

  /** Takes tokens now; callers check waitMs() first. */
  take(cost = 1): void {
    const at = this.now();
    const have = this.available(at);
    if (this.mode === 'floored') {
      this.tokens = have - cost;
      this.refilledAt = at;
    } else {
      this.tokens = have - cost;
      this.refilledAt = Math.max(at, this.refilledAt);
    }
  }

  /** The server said it is empty: no tokens until `from`, then refill from zero. */
  drain(from: number): void {
    this.tokens = 0;
    this.refilledAt = Math.max(from, this.refilledAt);
  }

  /** Remaining whole tokens (for events and tests). */
  remaining(): number {
    return Math.floor(this.available(this.now()));
  }
}
