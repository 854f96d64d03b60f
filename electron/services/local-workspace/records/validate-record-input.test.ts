import { describe, expect, it } from 'vitest';
import type { FieldMetadataType } from '../../../../shared/domain/field-metadata-type';
import { RecordError } from './record-errors';
import { assertValidCreateId, validateFieldValue } from './validate-record-input';

const option = (value: string, position: number) => ({ id: value, label: value, value, position });
const field = (type: FieldMetadataType, options: string[] | null = null) => ({
  type,
  options: options?.map(option) ?? null,
});

const refuses = (
  type: FieldMetadataType,
  key: string,
  value: unknown,
  message: string,
  options?: string[],
) => {
  let caught: unknown;
  try {
    validateFieldValue(field(type, options ?? null), key, value);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RecordError);
  expect(caught).toMatchObject({ message, kind: 'BAD_REQUEST', subCode: 'INVALID_ARGS_DATA' });
};

const accepts = (type: FieldMetadataType, value: unknown, options?: string[]) =>
  validateFieldValue(field(type, options ?? null), 'f', value);

describe('validateFieldValue (Twenty data-arg validators)', () => {
  it('TEXT', () => {
    expect(accepts('TEXT', 'CTO')).toBe('CTO');
    expect(accepts('TEXT', '')).toBe('');
    expect(accepts('TEXT', null)).toBeNull();
    refuses('TEXT', 'jobTitle', 5, 'Invalid string value 5 for text field "jobTitle"');
    refuses('TEXT', 'jobTitle', true, 'Invalid string value true for text field "jobTitle"');
    refuses('TEXT', 'jobTitle', {}, 'Invalid string value {} for text field "jobTitle"');
    refuses('TEXT', 'jobTitle', ['a'], `Invalid string value [ 'a' ] for text field "jobTitle"`);
  });

  it('NUMBER', () => {
    expect(accepts('NUMBER', 12)).toBe(12);
    expect(accepts('NUMBER', -0.5)).toBe(-0.5);
    expect(accepts('NUMBER', null)).toBeNull();
    refuses('NUMBER', 'employees', '12', `Invalid number value '12' for field "employees"`);
    refuses('NUMBER', 'employees', [], 'Invalid number value [] for field "employees"');
    refuses('NUMBER', 'employees', false, 'Invalid number value false for field "employees"');
    refuses('NUMBER', 'employees', NaN, 'Invalid number value NaN for field "employees"');
  });

  it('NUMERIC (stringified numbers allowed, checked as Number(value))', () => {
    expect(accepts('NUMERIC', '12.5')).toBe('12.5');
    expect(accepts('NUMERIC', 7)).toBe(7);
    expect(accepts('NUMERIC', '')).toBeNull();
    expect(accepts('NUMERIC', null)).toBeNull();
    refuses('NUMERIC', 'score', 'twelve', 'Invalid number value NaN for field "score"');
    refuses('NUMERIC', 'score', { a: 1 }, 'Invalid number value NaN for field "score"');
  });

  it('BOOLEAN', () => {
    expect(accepts('BOOLEAN', false)).toBe(false);
    expect(accepts('BOOLEAN', null)).toBeNull();
    refuses(
      'BOOLEAN',
      'idealCustomerProfile',
      'yes',
      `Invalid boolean value 'yes' for field "idealCustomerProfile"`,
    );
    refuses(
      'BOOLEAN',
      'idealCustomerProfile',
      0,
      'Invalid boolean value 0 for field "idealCustomerProfile"',
    );
  });

  it('UUID (join columns are checked the same way)', () => {
    const id = '0b7c3f4e-2f9a-4c1d-8e5b-6a7d8c9e0f11';
    expect(accepts('UUID', id)).toBe(id);
    expect(accepts('UUID', '00000000-0000-0000-0000-000000000000')).toBe(
      '00000000-0000-0000-0000-000000000000',
    );
    expect(accepts('UUID', null)).toBeNull();
    refuses('UUID', 'companyId', 'acme', `Invalid UUID value 'acme' for field "companyId"`);
    refuses('UUID', 'companyId', '', `Invalid UUID value '' for field "companyId"`);
    refuses('UUID', 'companyId', 42, 'Invalid UUID value 42 for field "companyId"');
  });

  it('DATE', () => {
    for (const value of [
      '2025-03-09',
      '2025-3-9',
      '20250309',
      '03/09/2025',
      'Mar 9, 2025',
      '2025-03-09T08:00:00Z',
    ])
      expect(accepts('DATE', value)).toBe(value);
    expect(accepts('DATE', null)).toBeNull();
    for (const value of ['soon', '2025', '2025-03', '2025-14-01', '2023-02-29'])
      refuses(
        'DATE',
        'birthday',
        value,
        `Invalid value '${value}' for date field "birthday". Expected format: 'YYYY-MM-DD'`,
      );
    refuses(
      'DATE',
      'birthday',
      20250309,
      `Invalid value 20250309 for date field "birthday". Expected format: 'YYYY-MM-DD'`,
    );
  });

  it('DATE_TIME (normalised to an instant, no offset read as UTC)', () => {
    expect(accepts('DATE_TIME', '2025-03-09T08:15:00Z')).toBe('2025-03-09T08:15:00.000Z');
    expect(accepts('DATE_TIME', '2025-03-09T10:15:00+02:00')).toBe('2025-03-09T08:15:00.000Z');
    expect(accepts('DATE_TIME', '2025-03-09T08:15:00.5')).toBe('2025-03-09T08:15:00.500Z');
    expect(accepts('DATE_TIME', '2025-03-09')).toBe('2025-03-09T00:00:00.000Z');
    expect(accepts('DATE_TIME', '2024-02-29 23:59:59Z')).toBe('2024-02-29T23:59:59.000Z');
    expect(accepts('DATE_TIME', '12/31/2024')).toBe('2024-12-31T00:00:00.000Z');
    expect(accepts('DATE_TIME', null)).toBeNull();
    const expected = (shown: string) =>
      `Invalid value ${shown} for date-time field "closeDate". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'`;
    for (const value of [
      'notadate',
      '2025',
      '2025-03',
      '2025-13-01T10:00:00Z',
      '2025-03-09T24:30:00Z',
    ])
      refuses('DATE_TIME', 'closeDate', value, expected(`'${value}'`));
    refuses('DATE_TIME', 'closeDate', 1741500000000, expected('1741500000000'));
    refuses('DATE_TIME', 'closeDate', {}, expected('{}'));
  });

  it('SELECT and RATING (type first, then options)', () => {
    const stages = ['NEW', 'WON'];
    expect(accepts('SELECT', 'WON', stages)).toBe('WON');
    expect(accepts('SELECT', null, stages)).toBeNull();
    refuses('SELECT', 'stage', 'LOST', `Invalid value 'LOST' for field "stage"`, stages);
    refuses('SELECT', 'stage', 3, 'Invalid string value 3 for text field "stage"', stages);
    refuses('SELECT', 'stage', 'NEW', 'Invalid options for field "stage"');
    expect(accepts('RATING', 'RATING_2', ['RATING_1', 'RATING_2'])).toBe('RATING_2');
    refuses('RATING', 'rating', 'RATING_9', `Invalid value 'RATING_9' for field "rating"`, [
      'RATING_1',
    ]);
  });

  it('MULTI_SELECT (a single string is a one-item list)', () => {
    const tags = ['RED', 'BLUE'];
    expect(accepts('MULTI_SELECT', ['RED', 'BLUE'], tags)).toEqual(['RED', 'BLUE']);
    expect(accepts('MULTI_SELECT', 'RED', tags)).toEqual(['RED']);
    expect(accepts('MULTI_SELECT', [], tags)).toEqual([]);
    expect(accepts('MULTI_SELECT', null, tags)).toBeNull();
    refuses(
      'MULTI_SELECT',
      'tags',
      ['RED', 'PINK'],
      `Invalid value [ 'RED', 'PINK' ] for multi select field "tags"`,
      tags,
    );
    refuses(
      'MULTI_SELECT',
      'tags',
      'PINK',
      `Invalid value 'PINK' for multi select field "tags"`,
      tags,
    );
    refuses(
      'MULTI_SELECT',
      'tags',
      [1],
      'Invalid value [ 1 ] for field "tags - Array values need to be string"',
      tags,
    );
    refuses(
      'MULTI_SELECT',
      'tags',
      true,
      'Invalid value true for field "tags - Array values need to be string"',
      tags,
    );
  });

  it('ARRAY', () => {
    expect(accepts('ARRAY', ['a', 'b'])).toEqual(['a', 'b']);
    expect(accepts('ARRAY', 'a')).toEqual(['a']);
    expect(accepts('ARRAY', null)).toBeNull();
    refuses(
      'ARRAY',
      'aliases',
      7,
      'Invalid value 7 for field "aliases - Array values need to be string"',
    );
    refuses(
      'ARRAY',
      'aliases',
      { a: 'b' },
      `Invalid value { a: 'b' } for field "aliases - Array values need to be string"`,
    );
  });

  it('RAW_JSON', () => {
    expect(accepts('RAW_JSON', { a: 1 })).toEqual({ a: 1 });
    expect(accepts('RAW_JSON', [1, 2])).toEqual([1, 2]);
    expect(accepts('RAW_JSON', '{"a":1}')).toBe('{"a":1}');
    expect(accepts('RAW_JSON', null)).toBeNull();
    refuses('RAW_JSON', 'payload', 'nope{', `Invalid object value 'nope{' for field "payload"`);
    refuses('RAW_JSON', 'payload', 3, 'Invalid object value 3 for field "payload"');
  });

  it('FULL_NAME', () => {
    expect(accepts('FULL_NAME', { firstName: 'Grace', lastName: null })).toEqual({
      firstName: 'Grace',
      lastName: null,
    });
    expect(accepts('FULL_NAME', null)).toBeNull();
    refuses('FULL_NAME', 'name', 'Bob', `Invalid object value 'Bob' for field "name"`);
    refuses('FULL_NAME', 'name', 4, 'Invalid object value 4 for field "name"');
    refuses(
      'FULL_NAME',
      'name',
      { firstName: 5 },
      'Invalid string value 5 for text field "name.firstName"',
    );
    refuses(
      'FULL_NAME',
      'name',
      { middleName: 'J' },
      'Invalid subfield middleName for full name field "name"',
    );
  });

  it('EMAILS', () => {
    expect(
      accepts('EMAILS', { primaryEmail: 'grace@navy.mil', additionalEmails: ['g@h.org'] }),
    ).toBeTruthy();
    expect(accepts('EMAILS', { primaryEmail: '', additionalEmails: null })).toBeTruthy();
    expect(accepts('EMAILS', { additionalEmails: 'one@two.io' })).toBeTruthy();
    refuses('EMAILS', 'emails', 'a@b.com', `Invalid object value 'a@b.com' for field "emails"`);
    refuses('EMAILS', 'emails', { foo: 'x' }, 'Invalid subfield foo for emails field "emails"');
    refuses(
      'EMAILS',
      'emails',
      { primaryEmail: 'grace' },
      `Invalid string value 'grace' for email field "emails.primaryEmail"`,
    );
    refuses(
      'EMAILS',
      'emails',
      { primaryEmail: 7 },
      'Invalid string value 7 for email field "emails.primaryEmail"',
    );
    refuses(
      'EMAILS',
      'emails',
      { additionalEmails: ['ok@x.io', 'bad'] },
      `Invalid string value 'bad' for email field "emails.additionalEmails"`,
    );
    refuses(
      'EMAILS',
      'emails',
      { additionalEmails: [null] },
      'Invalid value [ null ] for field "emails.additionalEmails - Array values need to be string"',
    );
    refuses(
      'EMAILS',
      'emails',
      { additionalEmails: { a: 1 } },
      'Invalid value { a: 1 } for field "emails.additionalEmails - Array values need to be string"',
    );
  });

  it('PHONES', () => {
    expect(
      accepts('PHONES', {
        primaryPhoneNumber: '612345678',
        primaryPhoneCallingCode: '+33',
        additionalPhones: [],
      }),
    ).toBeTruthy();
    refuses('PHONES', 'phones', '0612', `Invalid object value '0612' for field "phones"`);
    refuses(
      'PHONES',
      'phones',
      { primaryPhoneNumber: 612 },
      'Invalid string value 612 for text field "phones.primaryPhoneNumber"',
    );
    refuses(
      'PHONES',
      'phones',
      { additionalPhones: 3 },
      'Invalid object value 3 for field "phones.additionalPhones"',
    );
    refuses(
      'PHONES',
      'phones',
      { number: '1' },
      'Invalid subfield number for phones field "phones"',
    );
  });

  it('LINKS', () => {
    expect(accepts('LINKS', { primaryLinkUrl: 'https://x.io', secondaryLinks: null })).toBeTruthy();
    refuses('LINKS', 'domainName', 'x.com', `Invalid object value 'x.com' for field "domainName"`);
    refuses(
      'LINKS',
      'domainName',
      { primaryLinkUrl: 1 },
      'Invalid string value 1 for text field "domainName.primaryLinkUrl"',
    );
    refuses(
      'LINKS',
      'domainName',
      { url: 'x' },
      'Invalid subfield url for links field "domainName"',
    );
  });

  it('CURRENCY', () => {
    expect(accepts('CURRENCY', { amountMicros: '5000000', currencyCode: 'EUR' })).toBeTruthy();
    expect(accepts('CURRENCY', { amountMicros: 5000000, currencyCode: null })).toBeTruthy();
    refuses('CURRENCY', 'amount', true, 'Invalid object value true for field "amount"');
    // A JSON-parsable string passes the object check, then its characters are read as subfields.
    refuses('CURRENCY', 'amount', '5', 'Invalid subfield 0 for currency field "amount"');
    refuses(
      'CURRENCY',
      'amount',
      { amountMicros: 'lots' },
      'Invalid number value NaN for field "amount.amountMicros"',
    );
    refuses(
      'CURRENCY',
      'amount',
      { currencyCode: 978 },
      'Invalid string value 978 for text field "amount.currencyCode"',
    );
  });

  it('ADDRESS', () => {
    expect(
      accepts('ADDRESS', { addressCity: 'Lyon', addressLat: 45.76, addressLng: '4.83' }),
    ).toBeTruthy();
    refuses('ADDRESS', 'address', 'Lyon', `Invalid object value 'Lyon' for field "address"`);
    refuses(
      'ADDRESS',
      'address',
      { addressCity: 69 },
      'Invalid string value 69 for text field "address.addressCity"',
    );
    refuses(
      'ADDRESS',
      'address',
      { addressLat: 'north' },
      'Invalid number value NaN for field "address.addressLat"',
    );
    refuses(
      'ADDRESS',
      'address',
      { zip: '69001' },
      'Invalid subfield zip for address field "address"',
    );
  });

  it('RICH_TEXT', () => {
    expect(accepts('RICH_TEXT', { markdown: '# hi', blocknote: '[]' })).toBeTruthy();
    expect(accepts('RICH_TEXT', { blocknote: '' })).toBeTruthy();
    refuses('RICH_TEXT', 'bodyV2', '# hi', `Invalid object value '# hi' for field "bodyV2"`);
    refuses(
      'RICH_TEXT',
      'bodyV2',
      { html: '<p>' },
      `Invalid subfield 'html' for rich text field "bodyV2"`,
    );
    refuses(
      'RICH_TEXT',
      'bodyV2',
      { blocknote: 'x' },
      'Invalid blocknote value for field "bodyV2.blocknote" - must contain valid JSON',
    );
    refuses(
      'RICH_TEXT',
      'bodyV2',
      { blocknote: '{}' },
      'Invalid blocknote value for field "bodyV2.blocknote" - must be a JSON array of blocks',
    );
  });

  it('ACTOR', () => {
    expect(accepts('ACTOR', { source: 'IMPORT', context: {} })).toBeTruthy();
    refuses('ACTOR', 'createdBy', 'API', `Invalid object value 'API' for field "createdBy"`);
    refuses(
      'ACTOR',
      'createdBy',
      { source: 'ROBOT' },
      `Invalid value 'ROBOT' for field "createdBy.source"`,
    );
    refuses(
      'ACTOR',
      'createdBy',
      { workspaceMemberId: 'me' },
      `Invalid UUID value 'me' for field "createdBy.workspaceMemberId"`,
    );
    refuses(
      'ACTOR',
      'createdBy',
      { who: 'me' },
      'Invalid subfield who for actor field "createdBy"',
    );
  });

  it('leaves types Twenty does not check here alone', () => {
    expect(accepts('POSITION', 3)).toBe(3);
    expect(accepts('TEXT', undefined)).toBeUndefined();
  });
});

describe('assertValidCreateId', () => {
  it('refuses a truthy non-UUID id with INVALID_QUERY_INPUT, as assertIsValidUuid does', () => {
    expect(() => assertValidCreateId({ id: '3f2a1c9e-7b4d-4e8f-a1b2-c3d4e5f60718' })).not.toThrow();
    expect(() => assertValidCreateId({ name: 'x' })).not.toThrow();
    expect(() => assertValidCreateId({ id: 'abc' })).toThrow(
      expect.objectContaining({
        message: 'Value "abc" is not a valid UUID',
        subCode: 'INVALID_QUERY_INPUT',
      }),
    );
    expect(() => assertValidCreateId({ id: 5 })).toThrow('Value "5" is not a valid UUID');
  });
});
