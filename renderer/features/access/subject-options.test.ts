import { describe, expect, it } from 'vitest';
import { subjectOf, subjectValue } from './subject-options';

describe('effective access subject', () => {
  it('round-trips roles and keys through the select value', () => {
    const key = { kind: 'apiKey', apiKeyId: '0f6a8f5e-1b2c-4d3e-8f9a-0b1c2d3e4f5a' } as const;
    expect(subjectOf(subjectValue(key))).toEqual(key);
    expect(subjectOf(subjectValue({ kind: 'role', roleId: 'r:1' }))).toEqual({
      kind: 'role',
      roleId: 'r:1',
    });
    expect(subjectOf('')).toBeNull();
  });
});
