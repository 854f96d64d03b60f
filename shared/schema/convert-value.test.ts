import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldMetadataType } from '../domain/field-metadata-type';
import { conversionTargets, convertValue } from './convert-value';
import type { SchemaField } from './schema-document';

const f = (type: FieldMetadataType, extra: Partial<SchemaField> = {}): SchemaField => ({
  name: 'f',
  label: 'F',
  type,
  description: null,
  icon: null,
  isActive: true,
  isNullable: true,
  isUnique: false,
  isLabelSyncedWithName: false,
  defaultValue: null,
  settings: null,
  options: null,
  relation: null,
  ...extra,
});
const stage = (type: 'SELECT' | 'MULTI_SELECT', values = ['NEW', 'IN_PROGRESS', 'DONE']) =>
  f(type, {
    options: values.map((value, position) => ({
      value,
      label: value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' '),
      color: null,
      position,
    })),
  });

const convert = (value: unknown, from: SchemaField, to: SchemaField) =>
  convertValue(value, from, to);

/** One case a pair at least: [from, to, value, expected value or `Error: <reason part>`]. */
const CASES: Array<[SchemaField, SchemaField, unknown, unknown]> = [
  [f('TEXT'), f('NUMBER'), ' 12.5 ', 12.5],
  [f('TEXT'), f('NUMBER'), '12 apples', 'Error: is not a number'],
  [f('TEXT'), f('BOOLEAN'), 'Yes', true],
  [f('TEXT'), f('BOOLEAN'), 'maybe', 'Error: is not true/false'],
  [f('TEXT'), f('DATE'), '2026-03-04', '2026-03-04'],
  [f('TEXT'), f('DATE'), 'soon', 'Error: is not a date'],
  [f('TEXT'), f('DATE_TIME'), '2026-03-04T05:06:07Z', '2026-03-04T05:06:07.000Z'],
  [f('TEXT'), stage('SELECT'), 'in progress', 'IN_PROGRESS'],
  [f('TEXT'), stage('SELECT'), 'Lost', 'Error: no option `Lost`'],
  [f('TEXT'), stage('MULTI_SELECT'), 'NEW, done, NEW', ['NEW', 'DONE']],
  [f('TEXT'), f('RATING'), '4', 'RATING_4'],
  [f('TEXT'), f('RATING'), '7', 'Error: is not a rating'],
  [
    f('TEXT'),
    f('EMAILS'),
    'a@b.co, c@d.co',
    { primaryEmail: 'a@b.co', additionalEmails: ['c@d.co'] },
  ],
  [f('TEXT'), f('EMAILS'), 'not mail', 'Error: is not an email address'],
  [
    f('TEXT'),
    f('LINKS'),
    'https://a.io, https://b.io',
    {
      primaryLinkUrl: 'https://a.io',
      primaryLinkLabel: '',
      secondaryLinks: [{ url: 'https://b.io', label: '' }],
    },
  ],
  [
    f('TEXT'),
    f('PHONES'),
    '+33 612345678',
    {
      primaryPhoneNumber: '612345678',
      primaryPhoneCountryCode: '',
      primaryPhoneCallingCode: '+33',
      additionalPhones: [],
    },
  ],
  [f('TEXT'), f('FULL_NAME'), 'Ada King Lovelace', { firstName: 'Ada', lastName: 'King Lovelace' }],
  [f('TEXT'), f('RICH_TEXT'), '# Hi', { blocknote: null, markdown: '# Hi' }],
  [f('TEXT'), f('RAW_JSON'), '{"a":1}', { a: 1 }],
  [f('TEXT'), f('RAW_JSON'), '{a', 'Error: is not JSON'],
  [
    f('TEXT'),
    f('UUID'),
    '0F0E0D0C-0B0A-4908-8706-050403020100',
    '0f0e0d0c-0b0a-4908-8706-050403020100',
  ],
  [f('TEXT'), f('UUID'), 'x', 'Error: is not a UUID'],
  [f('TEXT'), f('ARRAY'), 'a, b', ['a', 'b']],
  [f('NUMBER'), f('TEXT'), 1.5, '1.5'],
  [f('NUMBER'), f('BOOLEAN'), 0, false],
  [f('NUMBER'), f('BOOLEAN'), 2, 'Error: only 0 and 1'],
  [f('NUMBER'), f('CURRENCY'), 12.34, { amountMicros: 12340000, currencyCode: 'USD' }],
  [
    f('NUMBER'),
    f('CURRENCY', { defaultValue: { amountMicros: null, currencyCode: "'EUR'" } }),
    3,
    { amountMicros: 3000000, currencyCode: 'EUR' },
  ],
  [f('NUMBER'), f('RATING'), 5, 'RATING_5'],
  [f('NUMBER'), f('RATING'), 2.5, 'Error: is not a rating'],
  [f('BOOLEAN'), f('TEXT'), false, 'false'],
  [f('BOOLEAN'), f('NUMBER'), true, 1],
  [f('DATE'), f('TEXT'), '2026-01-02', '2026-01-02'],
  [f('DATE'), f('DATE_TIME'), '2026-01-02', '2026-01-02T00:00:00.000Z'],
  [f('DATE_TIME'), f('TEXT'), '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z'],
  [f('DATE_TIME'), f('DATE'), '2026-01-02T23:59:00.000Z', '2026-01-02'],
  [stage('SELECT'), f('TEXT'), 'IN_PROGRESS', 'IN_PROGRESS'],
  [stage('SELECT'), stage('MULTI_SELECT'), 'DONE', ['DONE']],
  [stage('SELECT'), stage('MULTI_SELECT', ['OPEN']), 'DONE', 'Error: no option `DONE`'],
  [stage('MULTI_SELECT'), f('TEXT'), ['NEW', 'DONE'], 'NEW, DONE'],
  [stage('MULTI_SELECT'), stage('SELECT'), ['DONE'], 'DONE'],
  [stage('MULTI_SELECT'), stage('SELECT'), ['NEW', 'DONE'], 'Error: holds 2 values'],
  [stage('MULTI_SELECT'), f('ARRAY'), ['NEW'], ['NEW']],
  [f('ARRAY'), f('TEXT'), ['a', 'b'], 'a, b'],
  [f('ARRAY'), stage('MULTI_SELECT'), ['new', 'x'], 'Error: no option `x`'],
  [f('RATING'), f('TEXT'), 'RATING_3', 'RATING_3'],
  [f('RATING'), f('NUMBER'), 'RATING_3', 3],
  [f('CURRENCY'), f('TEXT'), { amountMicros: '1500000', currencyCode: 'EUR' }, '1.5 EUR'],
  [f('CURRENCY'), f('NUMBER'), { amountMicros: 1500000, currencyCode: 'EUR' }, 1.5],
  [
    f('EMAILS'),
    f('TEXT'),
    { primaryEmail: 'a@b.co', additionalEmails: ['c@d.co'] },
    'a@b.co, c@d.co',
  ],
  [
    f('LINKS'),
    f('TEXT'),
    { primaryLinkUrl: 'a.io', primaryLinkLabel: 'A', secondaryLinks: [{ url: 'b.io', label: '' }] },
    'a.io, b.io',
  ],
  [
    f('PHONES'),
    f('TEXT'),
    { primaryPhoneNumber: '612', primaryPhoneCallingCode: '+33', additionalPhones: null },
    '+33 612',
  ],
  [f('FULL_NAME'), f('TEXT'), { firstName: 'Ada', lastName: '' }, 'Ada'],
  [
    f('ADDRESS'),
    f('TEXT'),
    { addressStreet1: '1 Main St', addressCity: 'Paris', addressCountry: 'France', addressLat: 1 },
    '1 Main St, Paris, France',
  ],
  [f('RICH_TEXT'), f('TEXT'), { blocknote: '[]', markdown: '**b**' }, '**b**'],
  [f('RAW_JSON'), f('TEXT'), { a: [1] }, '{"a":[1]}'],
  [f('UUID'), f('TEXT'), 'x-y', 'x-y'],
];

describe('convertValue', () => {
  it.each(
    CASES.map(([from, to, value, expected]) => [from.type, to.type, value, expected, from, to]),
  )('%s → %s: %j', (_a, _b, value, expected, from, to) => {
    const result = convert(value, from as SchemaField, to as SchemaField);
    if (typeof expected === 'string' && expected.startsWith('Error: '))
      expect(result).toEqual({ ok: false, reason: expect.stringContaining(expected.slice(7)) });
    else expect(result).toEqual({ ok: true, value: expected });
  });

  it('covers every pair conversionTargets lists, and lists no relation', () => {
    const covered = new Set(CASES.map(([from, to]) => `${from.type}>${to.type}`));
    for (const from of ['TEXT', 'NUMBER', 'SELECT', 'CURRENCY', 'RAW_JSON', 'ADDRESS'] as const)
      for (const to of conversionTargets(from)) expect(covered).toContain(`${from}>${to}`);
    expect(conversionTargets('RELATION')).toEqual([]);
    expect(conversionTargets('TEXT')).not.toContain('RELATION');
  });

  it('converts empty values to empty for every pair', () => {
    const empties: Partial<Record<FieldMetadataType, unknown>> = {
      MULTI_SELECT: [],
      ARRAY: [],
      CURRENCY: { amountMicros: null, currencyCode: 'USD' },
      EMAILS: { primaryEmail: '', additionalEmails: null },
      LINKS: { primaryLinkUrl: '', primaryLinkLabel: 'x', secondaryLinks: [] },
      PHONES: { primaryPhoneNumber: '', primaryPhoneCallingCode: '+33', additionalPhones: [] },
      FULL_NAME: { firstName: '', lastName: '' },
      RICH_TEXT: { blocknote: null, markdown: '' },
    };
    for (const [from, to] of CASES)
      for (const empty of [null, '', ...(from.type in empties ? [empties[from.type]] : [])])
        expect(convert(empty, from, to)).toEqual({ ok: true, value: null });
  });

  it('says there is no conversion for a pair it does not know', () => {
    expect(convert('x', f('TEXT'), f('RELATION'))).toEqual({
      ok: false,
      reason: 'no conversion from TEXT to RELATION',
    });
  });
});

const back = (value: unknown, a: SchemaField, b: SchemaField) => {
  const there = convert(value, a, b);
  if (!there.ok) throw new Error(there.reason);
  return convert(there.value, b, a);
};

describe('convertValue round trips (property)', () => {
  it('NUMBER → TEXT → NUMBER keeps finite numbers', () =>
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(back(n, f('NUMBER'), f('TEXT'))).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
    ));

  it('TEXT → NUMBER converts exactly the numeric texts', () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.stringMatching(/^ ?[+-]?\d{0,3}\.?\d{0,3}(e\d)? ?$/),
        ),
        (text) => {
          const result = convert(text, f('TEXT'), f('NUMBER'));
          const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text.trim());
          expect(result.ok).toBe(numeric || text.trim() === '');
        },
      ),
    ));

  it('NUMBER → CURRENCY → NUMBER keeps amounts to the micro', () =>
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (micros) => {
        expect(back(micros / 1e6, f('NUMBER'), f('CURRENCY'))).toEqual({
          ok: true,
          value: micros / 1e6,
        });
      }),
    ));

  it('DATE → DATE_TIME → DATE keeps the day', () =>
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (date) => {
          const day = date.toISOString().slice(0, 10);
          expect(back(day, f('DATE'), f('DATE_TIME'))).toEqual({ ok: true, value: day });
        },
      ),
    ));

  const values = fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,6}$/), {
    minLength: 1,
    maxLength: 5,
  });

  it('SELECT → TEXT / MULTI_SELECT → SELECT keeps the option', () =>
    fc.assert(
      fc.property(values, fc.nat(), (options, pick) => {
        const value = options[pick % options.length]!;
        const select = stage('SELECT', options);
        expect(back(value, select, f('TEXT'))).toEqual({ ok: true, value });
        expect(back(value, select, stage('MULTI_SELECT', options))).toEqual({ ok: true, value });
      }),
    ));

  it('MULTI_SELECT → TEXT → MULTI_SELECT keeps the values', () =>
    fc.assert(
      fc.property(values, (options) => {
        const multi = stage('MULTI_SELECT', options);
        expect(back(options, multi, f('TEXT'))).toEqual({ ok: true, value: options });
      }),
    ));

  it('EMAILS → TEXT → EMAILS keeps the addresses', () =>
    fc.assert(
      fc.property(
        fc.array(
          fc.emailAddress().filter((e) => !e.includes(',')),
          { minLength: 1, maxLength: 3 },
        ),
        ([primary, ...additional]) => {
          const value = { primaryEmail: primary, additionalEmails: additional };
          expect(back(value, f('EMAILS'), f('TEXT'))).toEqual({ ok: true, value });
        },
      ),
    ));
});
