import { describe, expect, it } from 'vitest';
import { graphqlErrorCode, mapRestError, restErrorCode } from './error-mapping';

const info = { method: 'GET', path: '/rest/people', endpoint: 'rest' as const };

describe('error mapping', () => {
  it('maps REST statuses, refining v1.x 400s by message', () => {
    expect(restErrorCode(401, 'Token invalid.')).toBe('AUTH');
    expect(restErrorCode(403, 'Missing authentication token')).toBe('AUTH');
    expect(restErrorCode(403, 'This API Key is revoked')).toBe('AUTH');
    expect(restErrorCode(403, 'Entity performing the request does not have permission')).toBe(
      'PERMISSION',
    );
    expect(restErrorCode(404, 'Record not found')).toBe('NOT_FOUND');
    expect(restErrorCode(400, "object 'foo' not found. eg: companies")).toBe('NOT_FOUND');
    expect(restErrorCode(400, 'A duplicate entry was detected')).toBe('CONFLICT');
    expect(restErrorCode(400, 'Entity performing the request does not have permission')).toBe(
      'PERMISSION',
    );
    expect(restErrorCode(400, "'abc' is not a valid UUID")).toBe('VALIDATION');
    expect(restErrorCode(409, 'x')).toBe('CONFLICT');
    expect(restErrorCode(422, 'x')).toBe('VALIDATION');
    expect(restErrorCode(429, 'x')).toBe('RATE_LIMIT');
    expect(restErrorCode(503, 'x')).toBe('SERVER');
  });

  it("keeps Twenty's message and puts status and codes in details, never headers", () => {
    const error = mapRestError(
      401,
      { statusCode: 401, messages: ['Token invalid.'], error: 'UNAUTHENTICATED' },
      info,
    );
    expect(error.toJSON()).toEqual({
      code: 'AUTH',
      message: 'Token invalid.',
      details: {
        status: 401,
        twentyCode: 'UNAUTHENTICATED',
        method: 'GET',
        path: '/rest/people',
        endpoint: 'rest',
      },
    });
    expect(mapRestError(502, null, info).message).toBe('HTTP 502 from /rest/people');
  });

  it('maps GraphQL extensions.code', () => {
    const code = (c: string, message = 'x') =>
      graphqlErrorCode({ message, extensions: { code: c } });
    expect(code('UNAUTHENTICATED')).toBe('AUTH');
    expect(code('FORBIDDEN')).toBe('PERMISSION');
    expect(code('FORBIDDEN', 'This API Key is revoked')).toBe('AUTH');
    expect(code('NOT_FOUND')).toBe('NOT_FOUND');
    expect(code('BAD_USER_INPUT')).toBe('VALIDATION');
    expect(code('BAD_USER_INPUT', 'A duplicate entry was detected')).toBe('CONFLICT');
    expect(code('BAD_USER_INPUT', 'Limit reached (100 tokens per 60000 ms)')).toBe('RATE_LIMIT');
    expect(code('RATE_LIMITED')).toBe('RATE_LIMIT');
    expect(code('CONFLICT')).toBe('CONFLICT');
    expect(code('GRAPHQL_VALIDATION_FAILED')).toBe('VALIDATION');
    expect(code('INTERNAL_SERVER_ERROR')).toBe('SERVER');
  });
});
