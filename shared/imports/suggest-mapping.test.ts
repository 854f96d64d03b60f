import { describe, expect, it } from 'vitest';
import { compileMapping } from './convert-cell';
import { suggestMapping } from './suggest-mapping';
import { company, model, opportunity, person } from './test-model';

const rowsOf = (headers: string[], lines: string[][]) =>
  lines.map((line) => Object.fromEntries(headers.map((header, i) => [header, line[i] ?? ''])));

describe('suggestMapping', () => {
  it('maps usual CRM headers onto a person, parts and lookups included', () => {
    const headers = [
      'First Name',
      'Last Name',
      'Email Address',
      'Mobile',
      'Account Name',
      'Title',
      'Notes',
    ];
    const rows = rowsOf(headers, [
      ['Ada', 'Lovelace', 'ada@example.com', '+44 7400 123456', 'Analytical', 'Countess', 'x'],
      ['Alan', 'Turing', 'alan@example.com', '+44 7400 654321', 'Bletchley', 'Mathematician', 'y'],
    ]);
    const suggestion = suggestMapping({ headers, rows, object: person, model });
    expect(suggestion.mapping.fields).toEqual({
      name: {
        kind: 'columns',
        parts: {
          firstName: { column: 'First Name', transforms: [] },
          lastName: { column: 'Last Name', transforms: [] },
        },
      },
      emails: {
        kind: 'columns',
        parts: { primaryEmail: { column: 'Email Address', transforms: [] } },
      },
      phones: {
        kind: 'columns',
        parts: { additionalPhones: [{ column: 'Mobile', transforms: [] }] },
      },
      company: {
        kind: 'lookup',
        column: 'Account Name',
        transforms: [],
        object: 'company',
        by: 'name',
        createMissing: false,
      },
      jobTitle: { kind: 'column', column: 'Title', transforms: [] },
    });
    expect(suggestion.unmapped).toEqual(['Notes']);
    const chosen = suggestion.chosen.find((one) => one.column === 'Email Address')!;
    expect(chosen.score).toBeGreaterThan(0.9);
    expect(chosen.reason).toMatch(/usual header/);
    // The suggested mapping converts the sample.
    const convert = compileMapping(suggestion.mapping, person, model);
    expect(convert(rows[0]!).problems).toEqual([]);
  });

  it('maps company exports: website to the domain, address parts, revenue', () => {
    const headers = [
      'Company',
      'Website',
      'Billing City',
      'Billing Zip/Postal Code',
      'BillingCountry',
      'Annual Revenue',
      'Employees',
    ];
    const rows = rowsOf(headers, [
      ['Acme', 'acme.com', 'Paris', '75001', 'France', '1200000', '12'],
    ]);
    const { mapping } = suggestMapping({ headers, rows, object: company, model });
    expect(mapping.fields.name).toEqual({ kind: 'column', column: 'Company', transforms: [] });
    expect(mapping.fields.domainName).toMatchObject({
      parts: { primaryLinkUrl: { column: 'Website' } },
    });
    expect(mapping.fields.address).toMatchObject({
      parts: {
        addressCity: { column: 'Billing City' },
        addressPostcode: { column: 'Billing Zip/Postal Code' },
        addressCountry: { column: 'BillingCountry' },
      },
    });
    expect(mapping.fields.annualRevenue).toMatchObject({
      parts: { amountMicros: { column: 'Annual Revenue' } },
    });
    expect(mapping.fields.employees).toEqual({
      kind: 'column',
      column: 'Employees',
      transforms: [],
    });
  });

  it('adds the transforms the values need and flags unknown options', () => {
    const headers = ['Opportunity', 'Amount', 'Currency', 'Close Date', 'Stage'];
    const rows = rowsOf(headers, [
      ['Deal 1', '1.234,50', 'EUR', '31/01/2024', 'Prospecting'],
      ['Deal 2', '99,00', 'EUR', '15/02/2024', 'Closed Won'],
      ['Deal 3', '10,00', 'USD', '01/03/2024', 'Meeting'],
    ]);
    const suggestion = suggestMapping({ headers, rows, object: opportunity, model });
    expect(suggestion.mapping.fields.amount).toEqual({
      kind: 'columns',
      parts: {
        amountMicros: { column: 'Amount', transforms: [{ type: 'number', locale: 'de' }] },
        currencyCode: { column: 'Currency', transforms: [] },
      },
    });
    expect(suggestion.mapping.fields.closeDate).toEqual({
      kind: 'column',
      column: 'Close Date',
      transforms: [{ type: 'date', format: 'DD/MM/YYYY' }],
    });
    const stage = suggestion.chosen.find((one) => one.column === 'Stage')!;
    expect(stage.reason).toMatch(/2 values are not an option \(Prospecting, Closed Won\)/);
  });

  it('suggests from values when headers say nothing, and demotes contradicted names', () => {
    const headers = ['Contact', 'Phone'];
    const rows = rowsOf(headers, [
      ['ada@example.com', 'n/a'],
      ['alan@example.com', 'unknown'],
    ]);
    const suggestion = suggestMapping({ headers, rows, object: person, model });
    const email = suggestion.candidates.Contact![0]!;
    expect(email.target).toEqual({ field: 'emails', part: 'primaryEmail' });
    expect(email.reason).toBe('values look like e-mail addresses');
    const phone = suggestion.candidates.Phone![0]!;
    expect(phone.target).toEqual({ field: 'phones', part: 'primaryPhoneNumber' });
  });

  it('follows a detected export profile', () => {
    const headers = [
      'Opportunity Name',
      'Account Name',
      'Amount',
      'Opportunity Currency',
      'Close Date',
      'Stage',
      'Opportunity Owner',
      'Opportunity ID',
      'Probability (%)',
    ];
    const rows = rowsOf(headers, [
      ['Big deal', 'Acme', '1000', 'EUR', '3/15/2024', 'Closed Won', 'Jane Doe', '0061', '100'],
    ]);
    const suggestion = suggestMapping({
      headers,
      rows,
      object: opportunity,
      model,
      profile: 'detect',
    });
    expect(suggestion.profile?.id).toBe('salesforce-opportunities');
    expect(suggestion.mapping.profile).toBe('salesforce-opportunities');
    expect(suggestion.mapping.fields.stage).toMatchObject({
      kind: 'column',
      transforms: [
        { type: 'valueMap', createMissingOptions: true, map: { 'Closed Won': 'CUSTOMER' } },
      ],
    });
    expect(suggestion.mapping.fields.closeDate).toMatchObject({
      transforms: [{ type: 'date', format: 'MM/DD/YYYY' }],
    });
    expect(suggestion.mapping.fields.owner).toMatchObject({
      kind: 'lookup',
      object: 'workspaceMember',
      by: 'name',
    });
    const convert = compileMapping(suggestion.mapping, opportunity, model);
    const row = convert(rows[0]!);
    expect(row.values.stage).toBe('CUSTOMER');
    expect(row.values.closeDate).toBe('2024-03-15T00:00:00.000Z');
  });
});
