import { booleanReader, DEFAULT_BOOLEAN_WORDS } from './booleans';
import { currencyCodeOf } from './currencies';
import { compileDateFormat, isDateError, readIsoDate, type DateReader } from './dates';
import { readEmail } from './emails';
import { readLink } from './links';
import { EXCEL_SERIAL, type NumberLocale } from './mapping';
import { parseDecimal } from './numbers';
import { UUID_TEXT as UUID } from '../domain/uuid';

/**
 * What a column's values look like, from a sample: e-mails, phones, web addresses, dates (and
 * in which format), numbers (and in which locale), yes/no values, amounts with a currency, a
 * small set of repeated values (a select), lists of such values (a multi-select)… Used to check
 * and complete name-based suggestions and to type the fields of a new object.
 */
export type ValueKind =
  | 'empty'
  | 'email'
  | 'phone'
  | 'url'
  | 'uuid'
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'currency'
  | 'date'
  | 'datetime'
  | 'rating'
  | 'json'
  | 'select'
  | 'multiSelect'
  | 'text';

export interface ColumnSniff {
  kind: ValueKind;
  /** Share of the non-empty sampled values that fit `kind` (0–1). */
  confidence: number;
  /** Share of empty cells in the sample. */
  emptyRatio: number;
  /** For dates: the formats every value fits, best first (several when ambiguous). */
  dateFormats?: string[];
  numberLocale?: NumberLocale;
  /** Distinct values (selects), in first-seen order. */
  distinct?: string[];
  listSeparator?: string;
  maxDecimals?: number;
  /** A yes/no column written with one mark and blanks ("x" / ""). */
  checkmark?: string;
}

const PHONE = /^\+?[\d\s().\-/]{7,20}$/;
const STARS = /^[★⭐*]{1,5}$/u;
const CURRENCY_MARK =
  /^(?:[A-Za-z]{3}|[$€£¥₹₩₽₺₪₫₱฿₴₦])\s?-?[\d.,\s]+$|^-?[\d.,\s]+\s?(?:[A-Za-z]{3}|[$€£¥₹₩₽₺₪₫₱฿₴₦])$/u;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

const DATE_FORMATS = [
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
  'YYYY/MM/DD',
  'DD/MM/YY',
  'MM/DD/YY',
  'D MMM YYYY',
  'MMM D, YYYY',
  'MMMM D, YYYY',
];
let readers: Array<[string, DateReader]> | null = null;
const dateReaders = () =>
  (readers ??= DATE_FORMATS.map((format) => [format, compileDateFormat(format)]));

/**
 * A phone rather than a number: digits with an international prefix, a trunk 0, brackets or
 * dashes, or groups that are not thousands ("06 12 34 56 78", not "1 234 567").
 */
const THOUSANDS = /^\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+$/;
const isPhoneLike = (value: string): boolean => {
  if (!PHONE.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  if (digits < 7) return false;
  return (
    /^(?:\+|00)/.test(value) ||
    (/^0\d/.test(value) && digits >= 9) ||
    /[()-]/.test(value) ||
    (/\s/.test(value) && !THOUSANDS.test(value))
  );
};

const share = (values: string[], test: (value: string) => boolean): number => {
  let hits = 0;
  for (const value of values) if (test(value)) hits++;
  return values.length ? hits / values.length : 0;
};

const isBoolean = booleanReader(DEFAULT_BOOLEAN_WORDS);
const FIT = 0.9;

const sniffDates = (values: string[], header: string): ColumnSniff | null => {
  const iso = share(values, (value) => !isDateError(readIsoDate(value)));
  const hasTime = (read: DateReader) =>
    values.some((value) => {
      const date = read(value);
      return !isDateError(date) && date.hasTime;
    });
  if (iso >= FIT)
    return {
      kind: hasTime(readIsoDate) ? 'datetime' : 'date',
      confidence: iso,
      emptyRatio: 0,
      dateFormats: ['YYYY-MM-DD'],
    };
  const fits = dateReaders()
    .map(([format, read]) => ({
      format,
      read,
      ratio: share(values, (value) => !isDateError(read(value))),
    }))
    .filter((fit) => fit.ratio >= FIT)
    .sort((a, b) => b.ratio - a.ratio);
  if (fits.length)
    return {
      kind: hasTime(fits[0]!.read) ? 'datetime' : 'date',
      confidence: fits[0]!.ratio,
      emptyRatio: 0,
      dateFormats: fits.map((fit) => fit.format),
    };
  if (/date|day|time|dob|birth/i.test(header) && share(values, (v) => SERIAL.test(v)) >= FIT)
    return { kind: 'date', confidence: 0.8, emptyRatio: 0, dateFormats: [EXCEL_SERIAL] };
  return null;
};

const sniffNumbers = (values: string[]): ColumnSniff | null => {
  let best: { locale: NumberLocale; ratio: number } | null = null;
  for (const locale of ['en', 'fr', 'de'] as const) {
    const ratio = share(values, (value) => parseDecimal(value, locale) !== null);
    if (!best || ratio > best.ratio) best = { locale, ratio };
  }
  if (!best || best.ratio < FIT) return null;
  let maxDecimals = 0;
  for (const value of values) {
    const decimal = parseDecimal(value, best.locale);
    const point = decimal?.indexOf('.') ?? -1;
    if (decimal && point >= 0) maxDecimals = Math.max(maxDecimals, decimal.length - point - 1);
  }
  return {
    kind: maxDecimals > 0 ? 'decimal' : 'integer',
    confidence: best.ratio,
    emptyRatio: 0,
    numberLocale: best.locale,
    maxDecimals,
  };
};

const LIST_SEPARATORS = [';', ',', '|'];

const sniffChoices = (values: string[]): ColumnSniff | null => {
  for (const separator of LIST_SEPARATORS) {
    if (share(values, (value) => value.includes(separator)) < 0.2) continue;
    const items = values.flatMap((value) =>
      value
        .split(separator)
        .map((item) => item.trim())
        .filter(Boolean),
    );
    const distinct = [...new Set(items)];
    if (distinct.length <= 30 && distinct.length * 2 <= items.length)
      return {
        kind: 'multiSelect',
        confidence: 1,
        emptyRatio: 0,
        distinct,
        listSeparator: separator,
      };
  }
  const distinct = [...new Set(values.map((value) => value.trim()))];
  if (values.length >= 4 && distinct.length <= 20 && distinct.length * 2 <= values.length)
    return { kind: 'select', confidence: 1, emptyRatio: 0, distinct };
  return null;
};

/** Sniffs a column from its header and a sample of its cells. */
export const sniffColumn = (header: string, cells: readonly string[]): ColumnSniff => {
  const values = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const emptyRatio = cells.length ? 1 - values.length / cells.length : 1;
  if (values.length === 0) return { kind: 'empty', confidence: 1, emptyRatio };
  const withEmpty = (sniff: ColumnSniff): ColumnSniff => ({ ...sniff, emptyRatio });
  const distinct = new Set(values.map((value) => value.toLowerCase()));
  // One short mark and blanks: a checkbox column ("x" / "").
  if (distinct.size === 1 && emptyRatio > 0 && values[0]!.length <= 3)
    return withEmpty({ kind: 'boolean', confidence: 1, emptyRatio, checkmark: values[0]! });
  const simple: Array<[ValueKind, (value: string) => boolean]> = [
    ['email', (value) => readEmail(value).ok],
    ['uuid', (value) => UUID.test(value)],
    ['boolean', (value) => isBoolean(value) !== null && distinct.size <= 3],
    ['rating', (value) => STARS.test(value)],
    [
      'json',
      (value) => {
        if (!/^[[{]/.test(value)) return false;
        try {
          JSON.parse(value);
          return true;
        } catch {
          return false;
        }
      },
    ],
  ];
  for (const [kind, test] of simple) {
    const confidence = share(values, test);
    if (confidence >= FIT) return withEmpty({ kind, confidence, emptyRatio });
  }
  const dates = sniffDates(values, header);
  if (dates) return withEmpty(dates);
  const phone = share(values, isPhoneLike);
  if (phone >= FIT) return withEmpty({ kind: 'phone', confidence: phone, emptyRatio });
  const numbers = sniffNumbers(values);
  if (numbers) return withEmpty(numbers);
  const currency = share(
    values,
    (value) =>
      CURRENCY_MARK.test(value) && currencyCodeOf(value.replace(/[\d.,\s-]/g, '')) !== undefined,
  );
  if (currency >= FIT) return withEmpty({ kind: 'currency', confidence: currency, emptyRatio });
  const url = share(
    values,
    (value) => value.includes('.') && !value.includes('@') && readLink(value).ok,
  );
  if (url >= FIT) return withEmpty({ kind: 'url', confidence: url, emptyRatio });
  const choices = sniffChoices(values);
  if (choices) return withEmpty(choices);
  return { kind: 'text', confidence: 1, emptyRatio };
};

/** Field types a sniffed kind fits (first = the type to create for a new field). */
export const TYPES_FOR_KIND: Record<ValueKind, readonly string[]> = {
  empty: [],
  email: ['EMAILS', 'TEXT'],
  phone: ['PHONES', 'TEXT'],
  url: ['LINKS', 'TEXT'],
  uuid: ['UUID', 'TEXT'],
  boolean: ['BOOLEAN'],
  integer: ['NUMBER', 'NUMERIC', 'CURRENCY', 'RATING', 'TEXT'],
  decimal: ['NUMBER', 'NUMERIC', 'CURRENCY'],
  currency: ['CURRENCY'],
  date: ['DATE', 'DATE_TIME'],
  datetime: ['DATE_TIME'],
  rating: ['RATING'],
  json: ['RAW_JSON'],
  select: ['SELECT', 'TEXT', 'MULTI_SELECT', 'RATING'],
  multiSelect: ['MULTI_SELECT', 'ARRAY'],
  text: ['TEXT', 'FULL_NAME', 'ADDRESS', 'RICH_TEXT'],
};
