import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, isDateFormat, readCell } from './xlsx-cell-text';

describe('readCell', () => {
  it('writes numbers to 15 significant digits, as Excel shows them', () => {
    expect(formatNumber(0.1 + 0.2, undefined, false)).toBe('0.3');
    expect(formatNumber(1.1 * 3, 'General', false)).toBe('3.3');
    expect(formatNumber(-0, undefined, false)).toBe('0');
    expect(formatNumber(123456789.123, '#,##0.00', false)).toBe('123456789.123');
    expect(formatNumber(42, '00000', false)).toBe('00042');
    expect(formatNumber(4.5, '00000', false)).toBe('4.5');
  });

  it('tells date formats from others, as exceljs does (plus upper case and escapes)', () => {
    for (const format of [
      'yyyy-mm-dd',
      'DD/MM/YYYY',
      'mm-dd-yy',
      'h:mm',
      '[h]:mm:ss',
      'd-mmm',
      'yyyy-mm-dd hh:mm',
    ]) {
      expect(isDateFormat(format)).toBe(true);
    }
    for (const format of [
      undefined,
      'General',
      '0.00',
      '#,##0 "days"',
      '0%',
      '[Red]#,##0',
      '0.00E+00',
      '@',
      '#,##0\\ "Kč"',
    ]) {
      expect(isDateFormat(format)).toBe(false);
    }
  });

  it('converts serial dates in either date system, time-only under a time format', () => {
    expect(formatNumber(45293, 'yyyy-mm-dd', false)).toBe('2024-01-02');
    expect(formatNumber(45293.5, 'yyyy-mm-dd hh:mm', false)).toBe('2024-01-02T12:00:00');
    expect(formatNumber(45293 - 1462, 'yyyy-mm-dd', true)).toBe('2024-01-02');
    expect(formatNumber(0.3125, 'h:mm', false)).toBe('07:30:00');
    expect(formatNumber(45293.000011574, 'yyyy-mm-dd hh:mm:ss', false)).toBe('2024-01-02T00:00:01');
    expect(
      formatDate(new Date(Date.UTC(2024, 0, 2, 0, 0, 0, 250)), 'yyyy-mm-dd hh:mm:ss.000'),
    ).toBe('2024-01-02T00:00:00.250');
  });

  it('reads rich text, hyperlinks, booleans, errors and formula results', () => {
    expect(readCell({ richText: [{ text: 'a' }, { text: 'b' }] }, undefined, false)).toEqual({
      text: 'ab',
    });
    expect(readCell({ text: 'Site', hyperlink: 'https://x.example' }, undefined, false)).toEqual({
      text: 'Site',
    });
    expect(readCell({ text: '', hyperlink: 'https://x.example' }, undefined, false)).toEqual({
      text: 'https://x.example',
    });
    expect(readCell(true, undefined, false)).toEqual({ text: 'TRUE' });
    expect(readCell({ error: '#REF!' }, undefined, false)).toEqual({
      text: '',
      problem: { code: 'cell-error', error: '#REF!' },
    });
    expect(readCell({ formula: 'A1', result: 45293 }, 'yyyy-mm-dd', false)).toEqual({
      text: '2024-01-02',
    });
    expect(readCell({ formula: 'A1', result: '' }, undefined, false)).toEqual({ text: '' });
    expect(readCell({ formula: 'A1', result: Number.NaN }, undefined, false)).toEqual({
      text: '',
      problem: { code: 'cell-error' },
    });
    expect(readCell({ formula: 'A1' }, undefined, false)).toEqual({
      text: '',
      problem: { code: 'formula-without-result' },
    });
  });
});
