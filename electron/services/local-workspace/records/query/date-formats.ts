/**
 * The date and date-time formats Twenty's filter validation accepts, read the way date-fns
 * `parse(value, format, new Date())` + `isValid` reads them (numeric tokens take 1..n digits,
 * month names in English full or abbreviated, calendar and clock ranges checked).
 * Source: twenty-shared/src/utils/date/accepted-date-formats (ACCEPTED_DATE_FORMATS) and
 * validate-date-time-field-or-throw.util.ts (its ACCEPTED_DATE_TIME_FORMATS).
 */
const NON_ISO_DATE_FORMATS = [
  'yyyy.MM.dd',
  'yyyy/MM/dd',
  'MM-dd-yyyy',
  'MM/dd/yyyy',
  'MM.dd.yyyy',
  'MMMM d, yyyy',
  'MMM d, yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
  'dd-MMM-yyyy',
  'yyyy-MMM-dd',
];

export const ACCEPTED_DATE_FORMATS = [
  'yyyy-MM-dd',
  'yyyyMMdd',
  ...NON_ISO_DATE_FORMATS,
  "yyyy-MM-dd'T'HH:mm:ss.SSSX",
  "yyyy-MM-dd'T'HH:mm:ssX",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss",
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm:ss.SSS',
];

export const ACCEPTED_DATE_TIME_FORMATS = [
  "yyyy-MM-dd'T'HH:mm:ss.SSSX",
  "yyyy-MM-dd'T'HH:mm:ssX",
  "yyyy-MM-dd'T'HH:mm:ss.SSSxxx",
  "yyyy-MM-dd'T'HH:mm:ssxxx",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss",
  'yyyy-MM-dd HH:mm:ss.SSS',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd',
  'yyyyMMdd',
  ...NON_ISO_DATE_FORMATS,
];

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAME = `(${MONTHS.join('|')}|${MONTHS.map((month) => month.slice(0, 3)).join('|')})`;

type Part = 'year' | 'month' | 'monthName' | 'day' | 'hour' | 'minute' | 'second' | 'fraction';

const TOKENS: Array<[string, string, Part | null]> = [
  ['yyyy', '(\\d{1,4})', 'year'],
  ['MMMM', MONTH_NAME, 'monthName'],
  ['MMM', MONTH_NAME, 'monthName'],
  ['MM', '(\\d{1,2})', 'month'],
  ['dd', '(\\d{1,2})', 'day'],
  ['d', '(\\d{1,2})', 'day'],
  ['HH', '(\\d{1,2})', 'hour'],
  ['mm', '(\\d{1,2})', 'minute'],
  ['ss', '(\\d{1,2})', 'second'],
  ['SSS', '(\\d{1,3})', 'fraction'],
  ['xxx', '(?:Z|[+-]\\d{2}:\\d{2})', null],
  ['X', '(?:Z|[+-]\\d{2}(?:\\d{2})?)', null],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const compile = (format: string): { pattern: RegExp; parts: Part[] } => {
  let source = '';
  const parts: Part[] = [];
  let rest = format;
  while (rest.length > 0) {
    const quoted = /^'([^']*)'/.exec(rest);
    if (quoted) {
      source += escape(quoted[1]!);
      rest = rest.slice(quoted[0].length);
      continue;
    }
    const token = TOKENS.find(([name]) => rest.startsWith(name));
    if (token) {
      source += token[1];
      if (token[2]) parts.push(token[2]);
      rest = rest.slice(token[0].length);
      continue;
    }
    source += escape(rest[0]!);
    rest = rest.slice(1);
  }
  return { pattern: new RegExp(`^${source}\\s*$`, 'i'), parts };
};

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

export interface ReadDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date a value gives in one format; null when it does not match or is no date. */
const readFormat = (value: string, format: { pattern: RegExp; parts: Part[] }): ReadDate | null => {
  const match = format.pattern.exec(value);
  if (!match) return null;
  const read: Partial<Record<Part, string>> = {};
  format.parts.forEach((part, index) => (read[part] = match[index + 1]));
  const year = Number(read.year);
  const month = read.monthName
    ? MONTHS.findIndex((name) => name.startsWith(read.monthName!.toLowerCase().slice(0, 3))) + 1
    : Number(read.month);
  const day = Number(read.day);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (read.hour !== undefined && Number(read.hour) > 23) return null;
  if (read.minute !== undefined && Number(read.minute) > 59) return null;
  if (read.second !== undefined && Number(read.second) > 59) return null;
  return { year, month, day };
};

const NON_ISO = NON_ISO_DATE_FORMATS.map(compile);

/** A date written in one of twenty-shared's NON_ISO_DATE_FORMATS (`MM/dd/yyyy`, `d MMM yyyy`, …). */
export const parseNonIsoDate = (value: string): ReadDate | null => {
  for (const format of NON_ISO) {
    const read = readFormat(value, format);
    if (read) return read;
  }
  return null;
};

const DATE = ACCEPTED_DATE_FORMATS.map(compile);
const DATE_TIME = ACCEPTED_DATE_TIME_FORMATS.map(compile);

export const isAcceptedDate = (value: string): boolean =>
  DATE.some((format) => readFormat(value, format) !== null);

export const isAcceptedDateTime = (value: string): boolean =>
  DATE_TIME.some((format) => readFormat(value, format) !== null);
