import type { CellValue } from 'exceljs';

export interface CellReading {
  text: string;
  /** `error` is the error's text when the file keeps it (#N/A…). */
  problem?: { code: 'cell-error' | 'formula-without-result'; error?: string };
}

/**
 * A cell as the admin sees it, as a string: dates in ISO 8601 (date only at midnight, time only
 * under a time-of-day format), numbers to Excel's 15 significant digits (so 0.1+0.2 reads 0.3),
 * zero-padded formats keep their zeros ("00123"), booleans TRUE/FALSE, rich text joined, a
 * formula's saved result, a hyperlink's text. Errors (#N/A…) read as '' with a problem.
 */
export function readCell(
  value: CellValue,
  numFmt: string | undefined,
  date1904: boolean,
): CellReading {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: formatNumber(value, numFmt, date1904) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: formatDate(value, numFmt) };
  if ('error' in value) return { text: '', problem: { code: 'cell-error', error: value.error } };
  if ('richText' in value) return { text: value.richText.map((run) => run.text ?? '').join('') };
  if ('hyperlink' in value) return { text: value.text || value.hyperlink };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) {
      return { text: '', problem: { code: 'formula-without-result' } };
    }
    // The streaming reader parses every non-string result as a float: an error result (#N/A) is NaN.
    if (typeof result === 'number' && Number.isNaN(result)) {
      return { text: '', problem: { code: 'cell-error' } };
    }
    return readCell(result as CellValue, numFmt, date1904);
  }
  return { text: '' };
}

export function formatNumber(value: number, numFmt: string | undefined, date1904: boolean): string {
  if (isDateFormat(numFmt)) return formatDate(excelSerialToDate(value, date1904), numFmt);
  const plain = String(Number(value.toPrecision(15)) + 0); // + 0 turns -0 into 0
  const zeros = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0;
  if (zeros > 0 && Number.isInteger(value) && value >= 0) return plain.padStart(zeros, '0');
  return plain;
}

/** As exceljs decides it: date/time letters outside quoted text, escapes and [bracketed] parts. */
export function isDateFormat(numFmt: string | undefined): boolean {
  const bare = formatLetters(numFmt);
  return /[ymdhsb]/.test(bare) && bare.trim() !== 'general';
}

/** A time of day: hours or seconds, no year or day (h:mm, [h]:mm:ss, mm:ss). */
function isTimeFormat(numFmt: string | undefined): boolean {
  const bare = formatLetters(numFmt);
  return /[hs]/.test(bare) && !/[yd]/.test(bare);
}

function formatLetters(numFmt: string | undefined): string {
  if (!numFmt) return '';
  return numFmt
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .toLowerCase();
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: day 0 of Excel's 1900 system, counting its phantom 29 February 1900. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * MS_PER_DAY));
}

/**
 * Excel dates have no zone: exceljs builds them as UTC, so UTC fields are the wall clock. A
 * time-of-day format gives the time only; a date at midnight gives the date only.
 */
export function formatDate(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const day = iso.slice(0, 10);
  const time = iso.endsWith('.000Z') ? iso.slice(11, 19) : iso.slice(11, 23);
  if (isTimeFormat(numFmt)) return time;
  return time === '00:00:00' ? day : `${day}T${time}`;
}
