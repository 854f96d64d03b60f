import { describe, expect, it } from 'vitest';
import {
  compileDateFormat,
  formatDay,
  isDateError,
  readExcelSerial,
  readIsoDate,
  wallMs,
} from './dates';
import { zoneToUtc } from './time-zones';

const day = (read: ReturnType<typeof readIsoDate>) =>
  isDateError(read) ? read.error : formatDay(read);

describe('compileDateFormat', () => {
  it('reads day-first and month-first dates', () => {
    expect(day(compileDateFormat('DD/MM/YYYY')('05/03/2024'))).toBe('2024-03-05');
    expect(day(compileDateFormat('MM/DD/YYYY')('05/03/2024'))).toBe('2024-05-03');
    expect(day(compileDateFormat('D.M.YY')('5.3.24'))).toBe('2024-03-05');
    expect(day(compileDateFormat('DD MMM YYYY')('05 févr. 2024'))).toBe('2024-02-05');
    expect(day(compileDateFormat('MMMM D, YYYY')('March 5, 2024'))).toBe('2024-03-05');
  });

  it('refuses impossible dates with the format in the message', () => {
    expect(day(compileDateFormat('DD/MM/YYYY')('31/02/2024'))).toBe(
      "'31/02/2024' is not a date (format DD/MM/YYYY, optionally with a time)",
    );
    expect(day(compileDateFormat('DD/MM/YYYY')('2024-02-01'))).toMatch(/is not a date/);
    expect(day(compileDateFormat('DD/MM/YYYY')('29/02/2023'))).toMatch(/is not a date/);
    expect(day(compileDateFormat('DD/MM/YYYY')('29/02/2024'))).toBe('2024-02-29');
  });

  it('takes an optional time after a date-only format, with AM/PM and zones', () => {
    const read = compileDateFormat('MM/DD/YYYY')('03/05/2024 2:07 PM');
    expect(read).toMatchObject({ hour: 14, minute: 7, hasTime: true, offset: null });
    expect(compileDateFormat('DD/MM/YYYY')('05/03/2024 12:00:30.5 am')).toMatchObject({
      hour: 0,
      second: 30,
      ms: 500,
    });
    expect(compileDateFormat('DD/MM/YYYY')('05/03/2024 10:00 +02:00')).toMatchObject({
      hour: 10,
      offset: 120,
    });
    expect(isDateError(compileDateFormat('DD/MM/YYYY')('05/03/2024 13:00 PM'))).toBe(true);
  });

  it('reads formats with a time and literal words', () => {
    const read = compileDateFormat('YYYY-MM-DD [at] HH:mm')('2024-03-05 at 09:30');
    expect(read).toMatchObject({ year: 2024, hour: 9, minute: 30, hasTime: true });
  });

  it('reads spreadsheet serial numbers', () => {
    expect(day(compileDateFormat('excel-serial')('45356'))).toBe('2024-03-05');
    expect(day(readExcelSerial('1'))).toBe('1900-01-01');
    expect(day(readExcelSerial('61'))).toBe('1900-03-01');
    expect(readExcelSerial('45356.75')).toMatchObject({ hour: 18, minute: 0, hasTime: true });
    expect(isDateError(readExcelSerial('abc'))).toBe(true);
  });
});

describe('readIsoDate', () => {
  it('reads ISO dates and date-times', () => {
    expect(day(readIsoDate('2024-03-05'))).toBe('2024-03-05');
    expect(readIsoDate('2024-03-05T10:11:12.345Z')).toMatchObject({ ms: 345, offset: 0 });
    expect(readIsoDate('2024/3/5 10:11')).toMatchObject({ day: 5, hour: 10, offset: null });
  });

  it('reads the common date-time spellings as the general pattern does', () => {
    // Two spaces before the time take the general (regular expression) path: both must agree.
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    for (let i = 0; i < 3000; i++) {
      const date = `${String(next(3000)).padStart(4, '0')}-${two(next(14))}-${two(next(33))}`;
      const time = `${two(next(26))}:${two(next(62))}${next(2) ? `:${two(next(62))}` : ''}`;
      const zone = ['', 'Z', ' Z'][next(3)];
      const fast = `${date}${next(2) ? 'T' : ' '}${time}${zone}`;
      const general = readIsoDate(`${date}  ${time}${zone}`);
      expect(readIsoDate(fast), fast).toEqual(
        isDateError(general) ? { error: `'${fast}' is not a date (format YYYY-MM-DD)` } : general,
      );
    }
    expect(readIsoDate('2024-03-10 17:46')).toMatchObject({ hour: 17, minute: 46, offset: null });
    expect(readIsoDate('2024-03-10T17:46:05Z')).toMatchObject({ second: 5, offset: 0 });
    expect(readIsoDate('2024-02-30 10:00')).toEqual({
      error: "'2024-02-30 10:00' is not a date (format YYYY-MM-DD)",
    });
    expect(readIsoDate('2024-03-1x 10:00')).toMatchObject({ error: expect.any(String) });
  });

  it('asks for a format on other spellings', () => {
    expect(day(readIsoDate('05/03/2024'))).toBe(
      "'05/03/2024' is not a date in YYYY-MM-DD form; choose the file's date format",
    );
    expect(day(readIsoDate('2024-13-01'))).toMatch(/is not a date/);
  });
});

describe('zoneToUtc', () => {
  const iso = (zone: string, text: string) => {
    const read = readIsoDate(text);
    if (isDateError(read)) throw new Error(read.error);
    return new Date(zoneToUtc(zone)(wallMs(read))).toISOString();
  };

  it('converts naive times of a zone', () => {
    expect(iso('UTC', '2024-07-01 12:00')).toBe('2024-07-01T12:00:00.000Z');
    expect(iso('Europe/Paris', '2024-07-01 12:00')).toBe('2024-07-01T10:00:00.000Z');
    expect(iso('Europe/Paris', '2024-01-15 12:00')).toBe('2024-01-15T11:00:00.000Z');
    expect(iso('America/New_York', '2024-01-15 12:00')).toBe('2024-01-15T17:00:00.000Z');
    expect(iso('Asia/Kolkata', '2024-01-15 12:00')).toBe('2024-01-15T06:30:00.000Z');
  });

  it('moves times of a spring-forward gap forward and takes the earlier of doubled times', () => {
    expect(iso('Europe/Paris', '2024-03-31 02:30')).toBe('2024-03-31T01:30:00.000Z');
    expect(iso('Europe/Paris', '2024-10-27 02:30')).toBe('2024-10-27T00:30:00.000Z');
    expect(iso('Europe/Paris', '2024-10-27 05:00')).toBe('2024-10-27T04:00:00.000Z');
    expect(iso('America/St_Johns', '2024-03-10 01:59')).toBe('2024-03-10T05:29:00.000Z');
  });
});
