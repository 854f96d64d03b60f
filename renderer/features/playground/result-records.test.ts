import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { columnsOf, flattenRecord, recordsOf, toCsv } from './result-records';

describe('records of an answer', () => {
  it('reads GraphQL connections, REST lists and single records', () => {
    const person = { id: '1', name: { firstName: 'Ada', lastName: 'L' } };
    expect(recordsOf({ data: { people: { edges: [{ node: person }], totalCount: 1 } } })).toEqual([
      person,
    ]);
    expect(recordsOf({ data: { people: [person] }, pageInfo: {} })).toEqual([person]);
    expect(recordsOf({ data: { person } })).toEqual([person]);
    expect(recordsOf({ data: [{ id: 'v1' }, { id: 'v2' }], pageInfo: {} })).toEqual([
      { id: 'v1' },
      { id: 'v2' },
    ]);
    expect(recordsOf({ errors: [{ message: 'x' }] })).toBeNull();
    expect(recordsOf({ data: { deleteOnePerson: null } })).toBeNull();
  });

  it('expands composite fields into dotted columns and keeps lists as JSON', () => {
    const row = flattenRecord({
      id: '1',
      name: { firstName: 'Ada', lastName: 'L' },
      emails: { primaryEmail: 'a@x.io', additionalEmails: ['b@x.io'] },
      company: { id: 'c', name: 'Acme' },
    });
    expect(row).toEqual({
      id: '1',
      'name.firstName': 'Ada',
      'name.lastName': 'L',
      'emails.primaryEmail': 'a@x.io',
      'emails.additionalEmails': '["b@x.io"]',
      'company.id': 'c',
      'company.name': 'Acme',
    });
    expect(columnsOf([{ a: 1 }, { b: 2, a: 3 }])).toEqual(['a', 'b']);
  });

  it('exports CSV that reads back to the same cells', () => {
    const csv = toCsv([
      { id: '1', name: { firstName: 'Ada, "the first"' } },
      { id: '2', city: 'Line\nbreak' },
    ]);
    const parsed = Papa.parse<string[]>(csv.trim());
    expect(parsed.data).toEqual([
      ['id', 'name.firstName', 'city'],
      ['1', 'Ada, "the first"', ''],
      ['2', '', 'Line\nbreak'],
    ]);
  });
});
