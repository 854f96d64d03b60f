import { quote } from './cell-problems';
import { EXCEL_SERIAL } from './mapping';
import { utcMs } from './time-zones';

/**
 * Dates as files write them. A format is compiled once into one regular expression; a cell then
 * costs one match and a few range checks. Without a format only ISO 8601 is read (YYYY-MM-DD,
 * with an optional time and zone, or YYYY/MM/DD): "01/02/2024" is ambiguous and the admin picks
 * the format (suggest-mapping.ts proposes one from the values). `[text]` in a format is literal.
 */
export interface WallDate {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  hasTime: boolean;
  /** Minutes east of UTC when the text gives a zone ("Z", "+02:00"); null for naive times. */
  offset: number | null;
}

/** A date, or why the text is not one. */
export type DateRead = WallDate | { error: string };
export type DateReader = (text: string) => DateRead;

const MONTHS: Record<string, number> = {};
(
  [
    ['january', 'jan', 'janvier', 'janv', 'januar', 'jän', 'enero', 'ene', 'gennaio', 'gen'],
    ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'februar', 'febrero', 'febbraio'],
    ['march', 'mar', 'mars', 'märz', 'marz', 'mär', 'marzo'],
    ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
    ['may', 'mai', 'mayo', 'maggio', 'mag'],
    ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'giu'],
    ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug'],
    ['august', 'aug', 'août', 'aout', 'agosto', 'ago'],
    ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set'],
    ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott'],
    ['november', 'nov', 'novembre', 'noviembre'],
    [
      'december',
      'dec',
      'décembre',
      'decembre',
      'déc',
      'dezember',
      'dez',
      'diciembre',
      'dic',
      'dicembre',
    ],
  ] as const
).forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number): number =>
  month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 29 : DAYS[month - 1]!;

const TIME = String.raw`(?:(?:\s*[T ]\s*|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?`;
const ZONE = String.raw`\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?`;

const parseZone = (zone: string | undefined): number | null => {
  if (!zone) return null;
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
};

type Slot =
  | 'year4'
  | 'year2'
  | 'month'
  | 'monthName'
  | 'day'
  | 'hour'
  | 'hour12'
  | 'minute'
  | 'second'
  | 'fraction'
  | 'meridiem';

const TOKENS: Array<[string, Slot, string]> = [
  ['YYYY', 'year4', String.raw`(\d{4})`],
  ['MMMM', 'monthName', String.raw`([^\d\s.,/-]+)\.?`],
  ['MMM', 'monthName', String.raw`([^\d\s.,/-]+)\.?`],
  ['SSS', 'fraction', String.raw`(\d{1,9})`],
  ['YY', 'year2', String.raw`(\d{2})`],
  ['MM', 'month', String.raw`(\d{1,2})`],
  ['DD', 'day', String.raw`(\d{1,2})`],
  ['HH', 'hour', String.raw`(\d{1,2})`],
  ['hh', 'hour12', String.raw`(\d{1,2})`],
  ['mm', 'minute', String.raw`(\d{2})`],
  ['ss', 'second', String.raw`(\d{2})`],
  ['M', 'month', String.raw`(\d{1,2})`],
  ['D', 'day', String.raw`(\d{1,2})`],
  ['H', 'hour', String.raw`(\d{1,2})`],
  ['h', 'hour12', String.raw`(\d{1,2})`],
  ['A', 'meridiem', String.raw`([AaPp]\.?[Mm]\.?)`],
  ['a', 'meridiem', String.raw`([AaPp]\.?[Mm]\.?)`],
];

const escape = (text: string): string =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, String.raw`\s+`);

const checked = (date: WallDate, format: string, text: string): DateRead => {
  const { year, month, day, hour, minute, second } = date;
  const bad =
    month < 1 ||
    month > 12 ||
    day < 1 ||
    year < 1 ||
    year > 9999 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59;
  return bad ? { error: `${quote(text)} is not a date (format ${format})` } : date;
};

const fractionMs = (digits: string | undefined): number =>
  digits ? Math.round(Number(`0.${digits}`) * 1000) : 0;

const applyMeridiem = (hour: number, meridiem: string | undefined): number | null => {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem[0] === 'p' || meridiem[0] === 'P';
  return (hour % 12) + (pm ? 12 : 0);
};

/** Compiles a pattern such as 'DD/MM/YYYY' or 'MM/DD/YYYY hh:mm A' into a reader. */
export const compileDateFormat = (format: string): DateReader => {
  if (format === EXCEL_SERIAL) return readExcelSerial;
  const slots: Slot[] = [];
  let source = '';
  for (let i = 0; i < format.length;) {
    if (format[i] === '[') {
      // [text] is literal, for words made of token letters ('[at]').
      const end = format.indexOf(']', i);
      const stop = end < 0 ? format.length : end;
      source += escape(format.slice(i + 1, stop));
      i = stop + 1;
      continue;
    }
    const token = TOKENS.find(([name]) => format.startsWith(name, i));
    if (token) {
      slots.push(token[1]);
      source += token[2];
      i += token[0].length;
    } else {
      let literal = '';
      while (
        i < format.length &&
        format[i] !== '[' &&
        !TOKENS.some(([name]) => format.startsWith(name, i))
      )
        literal += format[i++];
      source += escape(literal);
    }
  }
  const hasTime = slots.includes('hour') || slots.includes('hour12');
  const pattern = new RegExp(`^${source}${hasTime ? '' : TIME}${ZONE}$`);
  const label = hasTime ? format : `${format}, optionally with a time`;
  return (text) => {
    const match = pattern.exec(text.trim());
    if (!match) return { error: `${quote(text)} is not a date (format ${label})` };
    const date: WallDate = {
      year: 0,
      month: 0,
      day: 0,
      hour: 0,
      minute: 0,
      second: 0,
      ms: 0,
      hasTime,
      offset: null,
    };
    let meridiem: string | undefined;
    let hour12 = false;
    for (let index = 0; index < slots.length; index++) {
      const value = match[index + 1]!;
      const slot = slots[index]!;
      switch (slot) {
        case 'year4':
          date.year = Number(value);
          break;
        case 'year2': {
          // Two-digit years: 00–49 → 2000s, 50–99 → 1900s.
          const short = Number(value);
          date.year = short < 50 ? 2000 + short : 1900 + short;
          break;
        }
        case 'month':
          date.month = Number(value);
          break;
        case 'monthName':
          date.month = MONTHS[value.toLowerCase().replace(/\.$/, '')] ?? 0;
          break;
        case 'day':
          date.day = Number(value);
          break;
        case 'hour':
          date.hour = Number(value);
          break;
        case 'hour12':
          date.hour = Number(value);
          hour12 = true;
          break;
        case 'minute':
          date.minute = Number(value);
          break;
        case 'second':
          date.second = Number(value);
          break;
        case 'fraction':
          date.ms = fractionMs(value);
          break;
        case 'meridiem':
          meridiem = value;
          break;
      }
    }
    let next = slots.length + 1;
    if (!hasTime && match[next] !== undefined) {
      date.hasTime = true;
      date.hour = Number(match[next]);
      date.minute = Number(match[next + 1]);
      date.second = Number(match[next + 2] ?? 0);
      date.ms = fractionMs(match[next + 3]);
      meridiem = match[next + 4];
      hour12 = meridiem !== undefined;
    }
    if (!hasTime) next += 5;
    date.offset = parseZone(match[next]);
    if (hour12 || meridiem) {
      const hour = applyMeridiem(date.hour, meridiem);
      if (hour === null) return { error: `${quote(text)} is not a date (format ${label})` };
      date.hour = hour;
    }
    return checked(date, label, text);
  };
};

const ISO = new RegExp(
  String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})` +
    String.raw`(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?` +
    ZONE +
    '$',
);

const digitAt = (text: string, index: number): number => {
  const digit = text.charCodeAt(index) - 48;
  return digit >= 0 && digit <= 9 ? digit : -1;
};
const twoDigits = (text: string, index: number): number => {
  const tens = digitAt(text, index);
  const units = digitAt(text, index + 1);
  return tens < 0 || units < 0 ? -1 : tens * 10 + units;
};

/**
 * 'YYYY-MM-DD HH:mm', 'YYYY-MM-DDTHH:mm:ss', each optionally with 'Z': what exports write most,
 * read with char codes (the ISO regular expression reads them the same, slower). Null for
 * anything else.
 */
const readIsoDateTimeFast = (value: string): WallDate | null => {
  let length = value.length;
  const utc = value.charCodeAt(length - 1) === 90; // Z
  if (utc) length--;
  if (length !== 16 && length !== 19) return null;
  const separator = value.charCodeAt(10);
  if (
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45 ||
    (separator !== 32 && separator !== 84) ||
    value.charCodeAt(13) !== 58 ||
    (length === 19 && value.charCodeAt(16) !== 58)
  )
    return null;
  const century = twoDigits(value, 0);
  const years = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = length === 19 ? twoDigits(value, 17) : 0;
  if (century < 0 || years < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
    return null;
  return {
    year: century * 100 + years,
    month,
    day,
    hour,
    minute,
    second,
    ms: 0,
    hasTime: true,
    offset: utc ? 0 : null,
  };
};

/** ISO 8601 dates and date-times (the default reading). */
export const readIsoDate: DateReader = (text) => {
  const value = text.trim();
  const dateTime = readIsoDateTimeFast(value);
  if (dateTime) return checked(dateTime, 'YYYY-MM-DD', text);
  // Fast path for the commonest cell, YYYY-MM-DD.
  if (
    value.length === 10 &&
    value.charCodeAt(4) === 45 &&
    value.charCodeAt(7) === 45 &&
    /^\d{4}-\d{2}-\d{2}$/.test(value)
  ) {
    const date: WallDate = {
      year: Number(value.slice(0, 4)),
      month: Number(value.slice(5, 7)),
      day: Number(value.slice(8, 10)),
      hour: 0,
      minute: 0,
      second: 0,
      ms: 0,
      hasTime: false,
      offset: null,
    };
    return checked(date, 'YYYY-MM-DD', text);
  }
  const match = ISO.exec(value);
  if (!match)
    return {
      error: `${quote(text)} is not a date in YYYY-MM-DD form; choose the file's date format`,
    };
  const date: WallDate = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
    ms: fractionMs(match[7]),
    hasTime: match[4] !== undefined,
    offset: parseZone(match[8]),
  };
  return checked(date, 'YYYY-MM-DD', text);
};

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = utcMs(1899, 12, 30);
const SERIAL = /^\d+(?:\.\d+)?$/;

/**
 * Spreadsheet serial numbers (1900 date system): 1 = 1900-01-01, with Excel's fictitious
 * 1900-02-29 (serial 60) kept so later serials land on the right day; the fraction is the time.
 */
export const readExcelSerial: DateReader = (text) => {
  const value = text.trim();
  if (!SERIAL.test(value)) return { error: `${quote(text)} is not a spreadsheet date number` };
  const serial = Number(value);
  if (serial < 1 || serial >= 2_958_466)
    return { error: `${quote(text)} is out of the range of spreadsheet dates` };
  const days = Math.floor(serial);
  const ms = Math.round((serial - days) * DAY_MS);
  const stamp = EXCEL_EPOCH + (days < 61 ? days + 1 : days) * DAY_MS + ms;
  const date = new Date(stamp);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    ms: date.getUTCMilliseconds(),
    hasTime: ms > 0,
    offset: null,
  };
};

export const isDateError = (read: DateRead): read is { error: string } => 'error' in read;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** 'YYYY-MM-DD', as Twenty's DATE fields take. */
export const formatDay = (date: WallDate): string =>
  `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;

/** The wall clock of a date as milliseconds "as if UTC" (for a zone converter). */
export const wallMs = (date: WallDate): number =>
  utcMs(date.year, date.month, date.day, date.hour, date.minute, date.second, date.ms);
