import type { NumberLocale } from './mapping';

/**
 * Numbers as spreadsheets write them, read into a canonical decimal string ("-1234.56") so that
 * NUMERIC and currency amounts keep every digit. Locales: en 1,234.56 · fr 1 234,56 · de
 * 1.234,56; without a locale ("auto") a plain number, en grouping, or a lone decimal comma
 * ("3,5"). Accepted everywhere: a leading + or −, accounting parentheses "(12)" = −12, spaces
 * (also non-breaking) as thousands separators, and exponents in plain numbers ("1.5E+06", as
 * Excel writes big values).
 */
export type NumberReading = NumberLocale | 'auto';

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Already canonical: no sign but '-', no leading or trailing zeros. */
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const SPACES = /[\s\u00a0\u202f']/g;
const EN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const DE_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;
const FR_DECIMAL = /^\d+(?:,\d*)?$/;
const DE_DECIMAL = /^\d+(?:,\d*)?$/;
const LONE_COMMA = /^\d+,\d+$/;

/** A plain decimal without exponent, "+", or useless zeros: "007.50" → "7.5". */
const canonical = (sign: string, digits: string): string => {
  const point = digits.indexOf('.');
  let whole = point < 0 ? digits : digits.slice(0, point);
  let fraction = point < 0 ? '' : digits.slice(point + 1);
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  fraction = fraction.replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return sign === '-' && text !== '0' ? `-${text}` : text;
};

const fromExponent = (text: string): string | null => {
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  // Beyond 1e21 toString uses an exponent again: such amounts are not spreadsheet values.
  const plain = Math.abs(value) >= 1e21 ? null : value.toString();
  if (plain === null || plain.includes('e')) return null;
  return plain;
};

const body = (text: string, reading: NumberReading): string | null => {
  switch (reading) {
    case 'en':
      if (EN_GROUPED.test(text)) return text.replace(/,/g, '');
      return /^\d*\.?\d*$/.test(text) ? text : null;
    case 'de':
      if (DE_GROUPED.test(text)) return text.replace(/\./g, '').replace(',', '.');
      return DE_DECIMAL.test(text) ? text.replace(',', '.') : null;
    case 'fr':
      return FR_DECIMAL.test(text) ? text.replace(',', '.') : null;
    case 'auto':
      if (EN_GROUPED.test(text)) return text.replace(/,/g, '');
      if (LONE_COMMA.test(text)) return text.replace(',', '.');
      return /^\d*\.?\d*$/.test(text) ? text : null;
  }
};

/** The canonical decimal string of `text`, or null when it is not a number in that reading. */
export const parseDecimal = (text: string, reading: NumberReading = 'auto'): string | null => {
  // In fr and de a '.' is no decimal point: "1.234" is 1234 in de, not a number in fr.
  const pointIsDecimal = reading === 'auto' || reading === 'en' || !text.includes('.');
  if (pointIsDecimal && CANONICAL.test(text)) return text === '-0' ? '0' : text;
  let value = text.trim();
  if (value === '') return null;
  // Fast path: most cells are plain numbers.
  if (pointIsDecimal && PLAIN.test(value)) {
    if (/[eE]/.test(value)) return fromExponent(value);
    const sign = value[0] === '-' ? '-' : '';
    return canonical(sign, value[0] === '-' || value[0] === '+' ? value.slice(1) : value);
  }
  let sign = '';
  if (value.startsWith('(') && value.endsWith(')')) {
    sign = '-';
    value = value.slice(1, -1).trim();
  }
  const first = value[0];
  if (first === '-' || first === '+' || first === '\u2212') {
    if (first !== '+') sign = sign ? '' : '-';
    value = value.slice(1).trim();
  }
  value = value.replace(SPACES, '');
  if (value === '' || value === '.' || value === ',') return null;
  const digits = body(value, reading);
  if (digits === null || digits === '' || digits === '.') return null;
  return canonical(sign, digits);
};

/** Decimal places of a canonical decimal string. */
export const decimalPlaces = (decimal: string): number => {
  const point = decimal.indexOf('.');
  return point < 0 ? 0 : decimal.length - point - 1;
};

const SCALE = [1_000_000, 100_000, 10_000, 1000, 100, 10, 1];

/**
 * Amount × 1,000,000 as Twenty's `amountMicros`, rounded half away from zero to a whole number;
 * a string when beyond the safe integers (REST reads both). `rounded` says digits were lost.
 */
export const toMicros = (decimal: string): { micros: number | string; rounded: boolean } => {
  const negative = decimal.startsWith('-');
  const unsigned = negative ? decimal.slice(1) : decimal;
  const point = unsigned.indexOf('.');
  const whole = point < 0 ? unsigned : unsigned.slice(0, point);
  const fraction = point < 0 ? '' : unsigned.slice(point + 1);
  const rest = fraction.length > 6 ? fraction.slice(6) : '';
  const rounded = rest !== '' && /[1-9]/.test(rest);
  if (whole.length <= 9 && fraction.length <= 6) {
    // whole × 10⁶ + fraction, both exact in a double: no string padding, no BigInt.
    const micros =
      Number(whole) * 1_000_000 + (fraction ? Number(fraction) * SCALE[fraction.length]! : 0);
    return { micros: negative && micros !== 0 ? -micros : micros, rounded };
  }
  const scaled = whole + fraction.slice(0, 6).padEnd(6, '0');
  if (scaled.length <= 15) {
    // Exact in a double: skip BigInt, which costs on a million rows.
    const micros = Number(scaled) + (rest !== '' && rest.charCodeAt(0) >= 53 ? 1 : 0);
    return { micros: negative && micros !== 0 ? -micros : micros, rounded };
  }
  let micros = BigInt(scaled);
  if (rest !== '' && rest.charCodeAt(0) >= 53) micros += 1n;
  if (negative && micros !== 0n) micros = -micros;
  const asNumber = Number(micros);
  return { micros: Number.isSafeInteger(asNumber) ? asNumber : micros.toString(), rounded };
};
