import type { ApiKeyInfo, KeyWarning } from '../../../shared/contract';

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365.25 * DAY;

/** Twenty's "never" is a date 100 years ahead: anything past 50 years reads as never. */
export const isNeverExpiring = (expiresAt: string, now: number): boolean =>
  Date.parse(expiresAt) - now > 50 * YEAR;

/** "in 3 days", "2 months ago", "today". */
export const relativeTime = (iso: string, now: number): string => {
  const diff = Date.parse(iso) - now;
  const days = Math.round(Math.abs(diff) / DAY);
  if (days === 0) {
    const hours = Math.round(Math.abs(diff) / (60 * 60 * 1000));
    if (hours === 0) return 'now';
    return diff > 0 ? `in ${hours} h` : `${hours} h ago`;
  }
  const [count, unit] =
    days >= 730
      ? [Math.round(days / 365), 'year']
      : days >= 60
        ? [Math.round(days / 30), 'month']
        : [days, 'day'];
  const amount = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return diff > 0 ? `in ${amount}` : `${amount} ago`;
};

export const shortDate = (iso: string): string => iso.slice(0, 10);

/** The expiry column: "never", or "in 29 days · 2026-12-23". */
export const expiryText = (expiresAt: string, now: number): string =>
  isNeverExpiring(expiresAt, now)
    ? 'never'
    : `${relativeTime(expiresAt, now)} · ${shortDate(expiresAt)}`;

export const WARNING_LABELS: Record<KeyWarning, string> = {
  'no-expiry': 'No expiry',
  'admin-role': 'Admin-level role',
  expired: 'Expired',
  'expires-soon': 'Expires soon',
  'no-role': 'No role',
};

export const WARNING_TONES: Record<KeyWarning, 'warn' | 'danger'> = {
  'no-expiry': 'warn',
  'admin-role': 'warn',
  expired: 'danger',
  'expires-soon': 'warn',
  'no-role': 'danger',
};

export type ExpiryChoice = '30d' | '90d' | '1y' | 'never' | 'custom';

export const EXPIRY_CHOICES: ReadonlyArray<{ value: ExpiryChoice; label: string }> = [
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: '1y', label: '1 year' },
  { value: 'never', label: 'Never' },
  { value: 'custom', label: 'Custom date' },
];

/**
 * The `expiresAt` of a new key: an ISO string, null for never, or undefined when the custom date
 * is missing or not in the future.
 */
export const expiresAtOf = (
  choice: ExpiryChoice,
  customDate: string,
  now: number,
): string | null | undefined => {
  if (choice === 'never') return null;
  if (choice === 'custom') {
    const time = Date.parse(customDate);
    return Number.isNaN(time) || time <= now ? undefined : new Date(time).toISOString();
  }
  const days = choice === '30d' ? 30 : choice === '90d' ? 90 : 365;
  return new Date(now + days * DAY).toISOString();
};

/** The keys shown by default: not revoked. */
export const visibleKeys = (keys: ApiKeyInfo[], showRevoked: boolean): ApiKeyInfo[] =>
  showRevoked ? keys : keys.filter((key) => key.revokedAt === null);

/** "2026-11-24 14:05" in the admin's time zone. */
export const shortDateTime = (iso: string): string => {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
};
