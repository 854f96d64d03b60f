import { describe, expect, it } from 'vitest';
import { keyWarnings } from './key-warnings';

const now = Date.parse('2026-11-24T00:00:00Z');
const day = 86_400_000;
const at = (offset: number) => new Date(now + offset).toISOString();
const reader = { canUpdateAllSettings: false };

describe('keyWarnings', () => {
  it('flags no expiry, expired and soon-to-expire keys', () => {
    expect(keyWarnings({ expiresAt: at(100 * 365 * day), role: reader }, now)).toEqual([
      'no-expiry',
    ]);
    expect(keyWarnings({ expiresAt: at(-day), role: reader }, now)).toEqual(['expired']);
    expect(keyWarnings({ expiresAt: at(3 * day), role: reader }, now)).toEqual(['expires-soon']);
    expect(keyWarnings({ expiresAt: at(90 * day), role: reader }, now)).toEqual([]);
  });

  it('flags admin-level roles and keys without a role', () => {
    expect(
      keyWarnings({ expiresAt: at(90 * day), role: { canUpdateAllSettings: true } }, now),
    ).toEqual(['admin-role']);
    expect(keyWarnings({ expiresAt: at(90 * day), role: null }, now)).toEqual(['no-role']);
  });
});
