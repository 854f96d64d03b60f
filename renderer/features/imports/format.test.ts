import { describe, expect, it } from 'vitest';
import {
  ago,
  baseName,
  formatBytes,
  formatDuration,
  formatEta,
  formatRate,
  percentDone,
  stateTone,
} from './format';

describe('format', () => {
  it('writes rates with a sensible precision', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
    expect(formatRate(0.42)).toBe('0.4 rows/s');
    expect(formatRate(12.345)).toBe('12.3 rows/s');
    expect(formatRate(1234.4)).toBe('1,234 rows/s');
  });

  it('writes durations in seconds, minutes or hours', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(8.4)).toBe('8 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(3780)).toBe('1 h 03 min');
    expect(formatEta(125)).toBe('about 2 min 05 s left');
    expect(formatEta(0.2)).toBe('almost done');
    expect(formatEta(null)).toBe('');
  });

  it('computes the share done, unknown without a total', () => {
    expect(percentDone(5, null)).toBeNull();
    expect(percentDone(5, 0)).toBeNull();
    expect(percentDone(250, 1000)).toBe(25);
    expect(percentDone(1200, 1000)).toBe(100);
  });

  it('writes sizes, states, times and names', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(stateTone('failed')).toBe('danger');
    expect(stateTone('running')).toBe('busy');
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(ago('2025-01-01T11:59:50Z', now)).toBe('just now');
    expect(ago('2025-01-01T11:50:00Z', now)).toBe('10 min ago');
    expect(ago('2024-12-20T11:50:00Z', now)).toBe('2024-12-20');
    expect(baseName('/tmp/data/people.csv')).toBe('people.csv');
    expect(baseName('C:\\data\\people.csv')).toBe('people.csv');
  });
});
