import { describe, expect, it } from 'vitest';
import type { ApiKeyInfo } from '../../../shared/contract';
import { actAsOf, runAsOptions } from './run-as';

const key = (patch: Partial<ApiKeyInfo>): ApiKeyInfo => ({
  id: 'k',
  name: 'Zapier',
  expiresAt: '2030-01-01T00:00:00.000Z',
  revokedAt: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  roleId: 'r',
  roleLabel: 'Reporting',
  rotatedAt: null,
  rotatedFromName: null,
  usedByConnections: [],
  hasStoredToken: true,
  warnings: [],
  ...patch,
});

describe('run as', () => {
  it('offers live keys, saying which run on a short-lived token', () => {
    expect(
      runAsOptions([
        key({}),
        key({ id: 'old', revokedAt: '2025-06-01T00:00:00.000Z' }),
        key({ id: 'n', name: 'CI', roleLabel: null, hasStoredToken: false }),
      ]),
    ).toEqual([
      { id: 'k', label: 'Zapier (Reporting)', disabled: false },
      { id: 'n', label: 'CI — short-lived token', disabled: false },
    ]);
  });

  it('sends null for the connection key', () => {
    expect(actAsOf(null)).toBeNull();
    expect(actAsOf(undefined)).toBeNull();
    expect(actAsOf('k')).toEqual({ apiKeyId: 'k' });
  });
});
