import { describe, expect, it } from 'vitest';
import { inferFieldTypes } from './infer-field-types';

const rowsOf = (headers: string[], lines: string[][]) =>
  lines.map((line) => Object.fromEntries(headers.map((header, i) => [header, line[i] ?? ''])));

describe('inferFieldTypes', () => {
  it('types columns for a new object with valid names and options', () => {
    const headers = [
      'Name',
      'E-mail',
      'Created At',
      'Size',
      'Price (€)',
      'Born',
      'Tags',
      'Active',
      'Site',
      '2nd phone',
      'E mail',
    ];
    const rows = rowsOf(headers, [
      [
        'Rex',
        'a@b.co',
        'x',
        'Small',
        '1,5',
        '05/03/2020',
        'calm; shy',
        'x',
        'rex.dog',
        '+33 6 12 34 56 78',
        'dup',
      ],
      [
        'Tom',
        'c@d.co',
        'y',
        'Large',
        '2,75',
        '06/03/2020',
        'shy',
        '',
        'tom.cat',
        '+33 6 12 34 56 79',
        'dup',
      ],
      [
        'Kit',
        'e@f.co',
        'z',
        'Small',
        '3',
        '07/03/2020',
        'calm',
        'x',
        'kit.cat',
        '+33 6 12 34 56 70',
        'dup',
      ],
      [
        'Max',
        'g@h.co',
        'w',
        'Small',
        '4',
        '08/03/2020',
        'playful; calm',
        '',
        'max.dog',
        '+33 6 12 34 56 71',
        'dup',
      ],
    ]);
    const fields = inferFieldTypes(headers, rows);
    const byColumn = (column: string) => fields.find((field) => field.column === column)!;
    expect(byColumn('Name')).toMatchObject({ name: 'name', baseField: 'name', type: 'TEXT' });
    expect(byColumn('E-mail')).toMatchObject({ name: 'eMail', type: 'EMAILS' });
    expect(byColumn('Created At')).toMatchObject({ name: 'createdAtCustom', type: 'TEXT' });
    expect(byColumn('Size')).toMatchObject({
      type: 'SELECT',
      options: [
        { label: 'Small', value: 'SMALL', position: 0, color: 'red' },
        { label: 'Large', value: 'LARGE', position: 1, color: 'ruby' },
      ],
    });
    expect(byColumn('Price (€)')).toMatchObject({
      name: 'price',
      type: 'NUMBER',
      transforms: [{ type: 'number', locale: 'fr' }],
      settings: { decimals: 2 },
    });
    expect(byColumn('Born')).toMatchObject({
      type: 'DATE',
      transforms: [{ type: 'date', format: 'DD/MM/YYYY' }],
    });
    expect(byColumn('Tags')).toMatchObject({
      type: 'MULTI_SELECT',
      transforms: [{ type: 'list', separator: ';' }],
    });
    expect(byColumn('Active')).toMatchObject({
      type: 'BOOLEAN',
      transforms: [{ type: 'boolean', true: ['x'], false: [], empty: false }],
    });
    expect(byColumn('Site')).toMatchObject({ type: 'LINKS' });
    expect(byColumn('2nd phone')).toMatchObject({ name: 'n2NdPhone', type: 'PHONES' });
    expect(byColumn('E mail')).toMatchObject({ name: 'eMail2', type: 'SELECT' });
  });
});

describe('inferFieldTypes: ratings', () => {
  it('reads whole numbers 1–5 under a rating header as a rating, and only those', () => {
    const headers = ['Rating', 'Stars', 'Score', 'Quantity', 'Rating 10'];
    const rows = rowsOf(headers, [
      ['1', '5', '3', '1', '7'],
      ['4', '', '2', '4', '10'],
      ['5', '2', '5', '5', '1'],
      ['2', '3', '1', '2', '2'],
    ]);
    const types = inferFieldTypes(headers, rows).map((field) => [field.column, field.type]);
    expect(types).toEqual([
      ['Rating', 'RATING'],
      ['Stars', 'RATING'],
      ['Score', 'RATING'],
      ['Quantity', 'NUMBER'],
      ['Rating 10', 'NUMBER'],
    ]);
  });
});
