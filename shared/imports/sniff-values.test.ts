import { describe, expect, it } from 'vitest';
import { sniffColumn } from './sniff-values';

describe('sniffColumn', () => {
  it('recognises the usual kinds of values', () => {
    expect(sniffColumn('x', ['a@b.co', 'c@d.org', '']).kind).toBe('email');
    expect(sniffColumn('x', ['+33 6 12 34 56 78', '06 12 34 56 79']).kind).toBe('phone');
    expect(sniffColumn('x', ['acme.com', 'https://b.io/x']).kind).toBe('url');
    expect(sniffColumn('x', ['yes', 'no', 'yes']).kind).toBe('boolean');
    expect(sniffColumn('x', ['12', '-3', '1 234']).kind).toBe('integer');
    expect(sniffColumn('x', ['$12.50', '€3']).kind).toBe('currency');
    expect(sniffColumn('x', ['★★★', '★']).kind).toBe('rating');
    expect(sniffColumn('x', ['{"a":1}', '[1]']).kind).toBe('json');
    expect(sniffColumn('x', ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']).kind).toBe('uuid');
    expect(sniffColumn('x', ['', ' ']).kind).toBe('empty');
    expect(sniffColumn('x', ['Lorem ipsum', 'dolor sit', 'amet']).kind).toBe('text');
  });

  it('finds the number locale and decimals', () => {
    expect(sniffColumn('x', ['1.234,5', '12,75'])).toMatchObject({
      kind: 'decimal',
      numberLocale: 'de',
      maxDecimals: 2,
    });
    expect(sniffColumn('x', ['1 234,5', '3,25'])).toMatchObject({ numberLocale: 'fr' });
  });

  it('finds date formats, ambiguous ones listed', () => {
    expect(sniffColumn('x', ['2024-03-05', '2024-12-31'])).toMatchObject({
      kind: 'date',
      dateFormats: ['YYYY-MM-DD'],
    });
    expect(sniffColumn('x', ['31/01/2024', '15/02/2024'])).toMatchObject({
      kind: 'date',
      dateFormats: ['DD/MM/YYYY'],
    });
    expect(sniffColumn('x', ['01/02/2024', '03/04/2024']).dateFormats).toEqual([
      'DD/MM/YYYY',
      'MM/DD/YYYY',
    ]);
    expect(sniffColumn('x', ['2024-03-05 10:00', '2024-03-06 11:00']).kind).toBe('datetime');
    expect(sniffColumn('Close date', ['45356', '45357'])).toMatchObject({
      kind: 'date',
      dateFormats: ['excel-serial'],
    });
  });

  it('finds selects, multi-selects and checkbox columns', () => {
    expect(sniffColumn('x', ['Hot', 'Cold', 'Hot', 'Cold', 'Warm', 'Hot'])).toMatchObject({
      kind: 'select',
      distinct: ['Hot', 'Cold', 'Warm'],
    });
    expect(sniffColumn('x', ['a; b', 'b', 'a', 'b; c', 'a'])).toMatchObject({
      kind: 'multiSelect',
      listSeparator: ';',
      distinct: ['a', 'b', 'c'],
    });
    expect(sniffColumn('x', ['x', '', 'x', ''])).toMatchObject({ kind: 'boolean', checkmark: 'x' });
  });
});
