import { describe, expect, it } from 'vitest';
import { expiresAtOf, expiryText, isNeverExpiring, relativeTime } from './key-format';
import { AppError } from '../../../shared/errors/app-error';
import { needsSession } from './session-gate';

const now = Date.parse('2026-01-01T00:00:00.000Z');

describe('key formatting', () => {
  it('reads a date 100 years ahead as never', () => {
    expect(isNeverExpiring('2126-01-01T00:00:00.000Z', now)).toBe(true);
    expect(expiryText('2126-01-01T00:00:00.000Z', now)).toBe('never');
    expect(expiryText('2026-01-31T00:00:00.000Z', now)).toBe('in 30 days · 2026-01-31');
  });

  it('says how far a date is', () => {
    expect(relativeTime('2025-12-31T00:00:00.000Z', now)).toBe('1 day ago');
    expect(relativeTime('2026-07-01T00:00:00.000Z', now)).toBe('in 6 months');
    expect(relativeTime('2029-01-01T00:00:00.000Z', now)).toBe('in 3 years');
    expect(relativeTime('2026-01-01T03:00:00.000Z', now)).toBe('in 3 h');
  });

  it('turns an expiry choice into the contract value', () => {
    expect(expiresAtOf('never', '', now)).toBeNull();
    expect(expiresAtOf('30d', '', now)).toBe('2026-01-31T00:00:00.000Z');
    expect(expiresAtOf('custom', '2026-03-01', now)).toBe('2026-03-01T00:00:00.000Z');
    expect(expiresAtOf('custom', '2025-03-01', now)).toBeUndefined();
    expect(expiresAtOf('custom', '', now)).toBeUndefined();
  });

  it('recognises the error that asks for a signed-in user', () => {
    expect(needsSession(new AppError('AUTH', 'x', { needsSession: true }))).toBe(true);
    expect(needsSession(new AppError('AUTH', 'x'))).toBe(false);
    expect(needsSession(new Error('x'))).toBe(false);
  });
});
