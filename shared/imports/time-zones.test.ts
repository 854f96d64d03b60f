import { describe, expect, it } from 'vitest';
import { isoString, offsetReadings, utcMs, zoneToUtc, zoneToUtcUncached } from './time-zones';

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

describe('zone offsets', () => {
  it('reads the formatted text as formatToParts reads it, in every zone and era', () => {
    let seed = 3;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const zones = Intl.supportedValuesOf('timeZone');
    const from = utcMs(1, 1, 1);
    const to = utcMs(9999, 12, 31);
    for (const zone of zones)
      for (let i = 0; i < 12; i++) {
        // Mostly recent years (where transitions are), some anywhere in 1–9999.
        const instant =
          i < 8
            ? utcMs(1900 + Math.floor(next() * 150), 1, 1) + Math.floor(next() * 365 * 96) * 900_000
            : Math.floor((from + next() * (to - from)) / 900_000) * 900_000;
        const [text, parts] = offsetReadings(zone, instant);
        expect(text, `${zone} at ${instant}`).toBe(parts);
      }
  });
});

describe('zoneToUtc remembered per quarter hour', () => {
  it('converts as the uncached converter does, around transitions and in old offsets', () => {
    let seed = 17;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const zones = [
      'Europe/Paris',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'America/St_Johns',
      'Pacific/Chatham',
      'Europe/Amsterdam',
      'Africa/Monrovia',
      'America/Sao_Paulo',
      'Asia/Tehran',
    ];
    for (const zone of zones) {
      const cached = zoneToUtc(zone);
      const reference = zoneToUtcUncached(zone);
      const walls: number[] = [];
      // Whole years around transitions (minute steps), and old years with LMT seconds.
      for (let i = 0; i < 1500; i++)
        walls.push(
          utcMs(2024, 1, 1) + Math.floor(next() * 366 * 1440) * 60_000,
          utcMs(1890 + Math.floor(next() * 50), 1, 1) + Math.floor(next() * 366 * 86_400) * 1000,
        );
      // Days of transitions: DST, and from local mean time (offsets with seconds) to a zone.
      const days = [
        utcMs(2024, 3, 31),
        utcMs(2024, 10, 27),
        utcMs(2024, 3, 10),
        utcMs(1911, 3, 10),
        utcMs(1911, 3, 11),
        utcMs(1937, 6, 30),
        utcMs(1937, 7, 1),
        utcMs(1972, 1, 6),
        utcMs(1972, 1, 7),
        utcMs(1883, 11, 18),
        utcMs(1912, 1, 1),
        utcMs(1914, 1, 1),
      ];
      for (const day of days)
        for (let second = 0; second < 86_400; second += 97) walls.push(day + second * 1000);
      for (let pass = 0; pass < 2; pass++)
        for (const wall of walls) expect(cached(wall), `${zone} ${wall}`).toBe(reference(wall));
    }
  });
});
