import type { VerificationStatus } from '../../../shared/contract';

/** How the inspector writes times, ids and statuses: one place, so list and detail agree. */

const pad = (value: number, size = 2) => String(value).padStart(size, '0');

/** "14:03:07.120" today, "2026-11-23 14:03:07" another day (local time). */
export const formatTime = (iso: string, now: Date = new Date()): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const sameDay =
    date.getFullYear() === now.getFullYear() &&
    date.getMonth() === now.getMonth() &&
    date.getDate() === now.getDate();
  if (sameDay) return `${time}.${pad(date.getMilliseconds(), 3)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
};

/** The first block of a UUID (enough to tell records apart in a list); the full id on hover. */
export const shortId = (id: string | null): string => {
  if (!id) return '—';
  const head = id.split('-')[0]!;
  return head.length >= 6 && head.length < id.length ? `${head}…` : id;
};

export const VERIFICATION_LABELS: Record<VerificationStatus, string> = {
  valid: 'valid',
  invalid: 'invalid',
  unsigned: 'unsigned',
  'no-secret': 'no secret',
};

/** The colour family of an HTTP status (null: no answer came). */
export const httpTone = (status: number | null): 'ok' | 'warn' | 'danger' | 'plain' => {
  if (status === null) return 'danger';
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 300 && status < 500) return 'warn';
  return 'danger';
};

/** "1 delivery", "3 deliveries". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
