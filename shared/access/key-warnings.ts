import type { KeyWarning } from '../contract/access';

/**
 * What deserves a second look about an API key. Twenty has no "never expires": its settings page
 * stores a date 100 years ahead, so anything past 50 years counts as no expiry.
 */
export const NEVER_AFTER_MS = 50 * 365 * 86_400_000;
export const EXPIRES_SOON_MS = 14 * 86_400_000;

export const keyWarnings = (
  key: { expiresAt: string; role: { canUpdateAllSettings: boolean } | null },
  now = Date.now(),
): KeyWarning[] => {
  const warnings: KeyWarning[] = [];
  const expires = Date.parse(key.expiresAt);
  if (expires - now > NEVER_AFTER_MS) warnings.push('no-expiry');
  else if (expires <= now) warnings.push('expired');
  else if (expires - now < EXPIRES_SOON_MS) warnings.push('expires-soon');
  if (!key.role) warnings.push('no-role');
  else if (key.role.canUpdateAllSettings) warnings.push('admin-role');
  return warnings;
};
