import type { ImportState } from '../../../shared/contract';

/**
 * How the wizard writes numbers, rates, durations and states: one place, so the list, the
 * progress bar and the results read alike.
 */
const COUNT = new Intl.NumberFormat('en-US');

export const formatCount = (value: number): string => COUNT.format(value);

/** "1,234 rows/s", "12.5 rows/s", "0.4 rows/s"; "—" before the first measure. */
export const formatRate = (rate: number | null | undefined): string => {
  if (rate === null || rate === undefined || !Number.isFinite(rate) || rate < 0) return '—';
  const rounded = rate >= 100 ? Math.round(rate) : Math.round(rate * 10) / 10;
  return `${COUNT.format(rounded)} rows/s`;
};

/** "8 s", "2 min 05 s", "1 h 03 min"; "—" when unknown. */
export const formatDuration = (seconds: number | null | undefined): string => {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0)
    return '—';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
};

/** "about 2 min 05 s left"; nothing when unknown or done. */
export const formatEta = (seconds: number | null | undefined): string =>
  seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0
    ? ''
    : seconds < 1
      ? 'almost done'
      : `about ${formatDuration(seconds)} left`;

/** Share done, 0–100, or null when the total is unknown. */
export const percentDone = (done: number, total: number | null | undefined): number | null => {
  if (total === null || total === undefined || total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
};

export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
};

export const STATE_LABELS: Record<ImportState, string> = {
  draft: 'Not validated',
  validating: 'Validating',
  validated: 'Validated',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  failed: 'Failed',
  'rolling-back': 'Rolling back',
  'rolled-back': 'Rolled back',
};

/** The colour family of a state badge. */
export const stateTone = (state: ImportState): 'ok' | 'warn' | 'danger' | 'busy' | 'plain' => {
  switch (state) {
    case 'validated':
    case 'done':
      return 'ok';
    case 'paused':
    case 'rolled-back':
      return 'warn';
    case 'failed':
      return 'danger';
    case 'validating':
    case 'running':
    case 'rolling-back':
      return 'busy';
    default:
      return 'plain';
  }
};

export const isBusy = (state: ImportState): boolean =>
  state === 'validating' || state === 'running' || state === 'rolling-back';

/** "just now", "5 min ago", "3 h ago", else the date. */
export const ago = (iso: string, now: number = Date.now()): string => {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(then).toISOString().slice(0, 10);
};

/** The last part of a path, for either separator. */
export const baseName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;
