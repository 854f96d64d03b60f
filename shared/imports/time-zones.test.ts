import { describe, expect, it } from 'vitest';
import { isoString, utcMs } from './time-zones';

describe('isoString', () => {
  it('matches Date#toISOString over the years spreadsheets hold', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const from = utcMs(1, 1, 1);
    const to = utcMs(9999, 12, 31, 23, 59, 59, 999);
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(from + next() * (to - from));
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
    }
    for (const ms of [0, -1, utcMs(2000, 2, 29), utcMs(1900, 3, 1), utcMs(99, 1, 1)])
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });

  it('builds dates of years before 100 without Date.UTC’s 1900 shift', () => {
    expect(new Date(utcMs(24, 3, 5)).toISOString()).toBe('0024-03-05T00:00:00.000Z');
  });
});
