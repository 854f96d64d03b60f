import { describe, expect, it } from 'vitest';
import {
  bucketFromMessage,
  parseGraphqlRateLimit,
  parseRestRateLimit,
  parseRetryAfter,
} from './rate-limit-answer';

const headers = (values: Record<string, string> = {}) => new Headers(values);

describe('rate-limit answers', () => {
  it('reads the v1.x REST 429 without Retry-After from its message', () => {
    const answer = parseRestRateLimit(429, headers(), {
      statusCode: 429,
      error: 'HttpException',
      messages: ['Limit reached (100 tokens per 60000 ms)'],
    });
    expect(answer).toEqual({
      retryAfterMs: 60_000,
      style: 'v1-message',
      bucket: { limit: 100, windowMs: 60_000 },
      message: 'Limit reached (100 tokens per 60000 ms)',
    });
  });

  it('prefers Retry-After (seconds or HTTP date) and reads the main-2026 body fields', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const body = {
      statusCode: 429,
      error: 'RATE_LIMITED',
      messages: ['Rate limit exceeded for apiKey: 100 requests per 60s.'],
      limit: 100,
      periodCount: 60,
      periodUnit: 'second',
      retryAfterSeconds: 12,
    };
    expect(parseRestRateLimit(429, headers({ 'Retry-After': '3' }), body, now)).toMatchObject({
      retryAfterMs: 3000,
      style: 'retry-after',
      bucket: { limit: 100, windowMs: 60_000 },
    });
    expect(
      parseRestRateLimit(429, headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' }), {}, now),
    ).toMatchObject({ retryAfterMs: 5000, style: 'retry-after' });
    expect(parseRestRateLimit(429, headers(), body, now)).toMatchObject({
      retryAfterMs: 12_000,
      style: 'body-field',
    });
    expect(parseRestRateLimit(429, headers(), { messages: ['slow down'] })).toMatchObject({
      retryAfterMs: 60_000,
      style: 'unknown',
      bucket: null,
    });
    expect(parseRestRateLimit(400, headers(), body)).toBeNull();
  });

  it('recognises GraphQL rate limits by code and by v1.x message', () => {
    expect(
      parseGraphqlRateLimit([
        {
          message: 'Limit reached (5 tokens per 500 ms)',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]),
    ).toMatchObject({ retryAfterMs: 500, bucket: { limit: 5, windowMs: 500 } });
    expect(
      parseGraphqlRateLimit([
        { message: 'x', extensions: { code: 'RATE_LIMITED', retryAfterMs: 250 } },
      ]),
    ).toMatchObject({ retryAfterMs: 250, style: 'body-field' });
    expect(
      parseGraphqlRateLimit([{ message: 'x', extensions: { code: 'TOO_MANY_REQUESTS' } }]),
    ).toMatchObject({ retryAfterMs: 60_000, style: 'unknown' });
    expect(
      parseGraphqlRateLimit([
        { message: 'Invalid cursor: abc', extensions: { code: 'BAD_USER_INPUT' } },
      ]),
    ).toBeNull();
  });

  it('parses windows and Retry-After edge cases', () => {
    expect(bucketFromMessage('Rate limit exceeded for apiKey: 4 requests per 60s.')).toEqual({
      limit: 4,
      windowMs: 60_000,
    });
    expect(bucketFromMessage('nothing here')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
