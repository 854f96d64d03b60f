/**
 * Twenty's API rate limit (main-2026 usage-limit "speed" buckets): token buckets per workspace,
 * shared by all API keys, defaults 100 per 1 s and 100 per 60 s, one token per record operation
 * (a REST call, or each root field of a GraphQL document). A request passes only if every bucket
 * has a token. Source: usage-limit-definitions.constant.ts, usage-limit-speed.service.ts.
 */
export interface BucketSpec {
  limit: number;
  windowMs: number;
}

export const DEFAULT_BUCKETS: BucketSpec[] = [
  { limit: 100, windowMs: 1_000 },
  { limit: 100, windowMs: 60_000 },
];

export class RateLimitExceeded extends Error {
  constructor(
    readonly bucket: BucketSpec,
    readonly remaining: number,
    readonly retryAfterMs: number,
    readonly apiKeyId: string | null,
  ) {
    super(
      `Rate limit exceeded for apiKey: ${bucket.limit} requests per ${Math.round(bucket.windowMs / 1000)}s.`,
    );
  }

  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.retryAfterMs / 1000));
  }

  /** Fields Twenty puts in the REST body and in GraphQL extensions. */
  get details() {
    return {
      limitKind: 'speed',
      scope: { spenderType: 'apiKey', spenderId: this.apiKeyId },
      limit: this.bucket.limit,
      remaining: this.remaining,
      periodCount: Math.round(this.bucket.windowMs / 1000),
      periodUnit: 'second',
    };
  }
}

interface BucketState {
  tokens: number;
  refilledAt: number;
}

export class RateLimiter {
  private readonly state = new Map<string, BucketState[]>();

  constructor(
    /** null: no limit (`--rate-limit off`). */
    readonly buckets: BucketSpec[] | null = DEFAULT_BUCKETS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` tokens from every bucket of `workspaceKey`, or throws without taking any. */
  consume(workspaceKey: string, apiKeyId: string | null, cost = 1): void {
    if (!this.buckets) return;
    const at = this.now();
    const states =
      this.state.get(workspaceKey) ??
      this.buckets.map((bucket) => ({ tokens: bucket.limit, refilledAt: at }));
    const refilled = states.map((state, i) => {
      const bucket = this.buckets![i]!;
      const tokens = Math.min(
        bucket.limit,
        state.tokens + ((at - state.refilledAt) * bucket.limit) / bucket.windowMs,
      );
      return { tokens, refilledAt: at };
    });
    const failing = refilled.findIndex((state) => state.tokens < cost);
    if (failing >= 0) {
      const bucket = this.buckets[failing]!;
      const missing = cost - refilled[failing]!.tokens;
      this.state.set(workspaceKey, refilled);
      throw new RateLimitExceeded(
        bucket,
        Math.floor(refilled[failing]!.tokens),
        (missing * bucket.windowMs) / bucket.limit,
        apiKeyId,
      );
    }
    this.state.set(
      workspaceKey,
      refilled.map((state) => ({ ...state, tokens: state.tokens - cost })),
    );
  }
}

/** `--rate-limit off` | `--rate-limit <count>/<window-ms>` (repeatable, one per bucket). */
export const parseRateLimitFlags = (values: string[]): BucketSpec[] | null => {
  if (values.length === 0) return DEFAULT_BUCKETS;
  if (values.length === 1 && values[0] === 'off') return null;
  return values.map((value) => {
    const match = /^(\d+)\/(\d+)$/.exec(value.trim());
    const limit = Number(match?.[1]);
    const windowMs = Number(match?.[2]);
    if (!match || limit < 1 || windowMs < 1) {
      throw new Error(
        `--rate-limit takes "off" or <count>/<window-ms> such as 100/60000, got "${value}"`,
      );
    }
    return { limit, windowMs };
  });
};
