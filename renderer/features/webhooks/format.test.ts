import { describe, expect, it } from 'vitest';
import { formatTime, httpTone, plural, shortId } from './format';

describe('format', () => {
  it('writes today with milliseconds, another day with its date', () => {
    const now = new Date(2026, 10, 24, 15, 0, 0);
    expect(formatTime(new Date(2026, 10, 24, 14, 3, 7, 120).toISOString(), now)).toBe(
      '14:03:07.120',
    );
    expect(formatTime(new Date(2026, 10, 23, 9, 5, 0).toISOString(), now)).toBe(
      '2026-11-23 09:05:00',
    );
  });

  it('shortens UUIDs only', () => {
    expect(shortId('a1b2c3d4-0000-4000-8000-000000000001')).toBe('a1b2c3d4…');
    expect(shortId('abc')).toBe('abc');
    expect(shortId(null)).toBe('—');
  });

  it('colours statuses', () => {
    expect(httpTone(204)).toBe('ok');
    expect(httpTone(401)).toBe('warn');
    expect(httpTone(502)).toBe('danger');
    expect(httpTone(null)).toBe('danger');
  });

  it('counts', () => {
    expect(plural(1, 'delivery', 'deliveries')).toBe('1 delivery');
    expect(plural(1200, 'delivery', 'deliveries')).toBe('1,200 deliveries');
  });
});
