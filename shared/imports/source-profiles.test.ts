import { describe, expect, it } from 'vitest';
import { compileMapping } from './convert-cell';
import { detectSourceProfiles, SOURCE_PROFILES } from './source-profiles';
import { suggestMapping } from './suggest-mapping';
import { company, model, opportunity, person } from './test-model';

const EXPORTS: Record<string, string[]> = {
  'salesforce-accounts': [
    'Account Name',
    'Website',
    'Billing Street',
    'Billing City',
    'Billing State/Province',
    'Billing Zip/Postal Code',
    'Billing Country',
    'Annual Revenue',
    'Employees',
    'Account Owner',
    'Account ID',
  ],
  'salesforce-contacts': [
    'Contact ID',
    'First Name',
    'Last Name',
    'Title',
    'Email',
    'Phone',
    'Mobile',
    'Account Name',
    'Mailing City',
    'Mailing Country',
    'Contact Owner',
  ],
  'salesforce-opportunities': [
    'Opportunity ID',
    'Opportunity Name',
    'Account Name',
    'Amount',
    'Close Date',
    'Stage',
    'Probability (%)',
    'Opportunity Owner',
  ],
  'hubspot-companies': [
    'Record ID',
    'Company name',
    'Company Domain Name',
    'Phone Number',
    'City',
    'State/Region',
    'Country/Region',
    'Number of Employees',
    'Annual Revenue',
    'Company owner',
    'Create Date',
  ],
  'hubspot-contacts': [
    'Record ID',
    'First Name',
    'Last Name',
    'Email',
    'Phone Number',
    'Job Title',
    'Associated Company',
    'Contact owner',
    'Lifecycle Stage',
  ],
  'hubspot-deals': [
    'Record ID',
    'Deal Name',
    'Deal Stage',
    'Pipeline',
    'Amount',
    'Close Date',
    'Deal owner',
    'Associated Company',
    'Associated Contact',
  ],
  'pipedrive-organizations': [
    'Organization - ID',
    'Organization - Name',
    'Organization - Owner',
    'Organization - Address',
    'Organization - Address - City/town/village/locality',
    'Organization - Address - Country',
    'Organization - People',
    'Organization - Open deals',
  ],
  'pipedrive-people': [
    'Person - ID',
    'Person - Name',
    'Person - First name',
    'Person - Last name',
    'Person - Email - Work',
    'Person - Phone - Work',
    'Person - Phone - Mobile',
    'Person - Organization',
    'Person - Owner',
  ],
  'pipedrive-deals': [
    'Deal - ID',
    'Deal - Title',
    'Deal - Value',
    'Deal - Currency',
    'Deal - Stage',
    'Deal - Status',
    'Deal - Organization',
    'Deal - Contact person',
    'Deal - Owner',
    'Deal - Expected close date',
  ],
};

const objects = { company, person, opportunity };

describe('source profiles', () => {
  it('has one profile per vendor and object', () => {
    expect(SOURCE_PROFILES.map((profile) => profile.id).sort()).toEqual(
      Object.keys(EXPORTS).sort(),
    );
  });

  it.each(Object.entries(EXPORTS))('recognises a %s export', (id, headers) => {
    expect(detectSourceProfiles(headers)[0]!.profile.id).toBe(id);
  });

  it.each(Object.entries(EXPORTS))('pre-fills a mapping Twenty accepts for %s', (id, headers) => {
    const profile = SOURCE_PROFILES.find((candidate) => candidate.id === id)!;
    const object = objects[profile.object];
    const suggestion = suggestMapping({ headers, rows: [], object, model, profile });
    expect(suggestion.mapping.profile).toBe(id);
    const convert = compileMapping(suggestion.mapping, object, model, { mode: 'upsert' });
    expect(convert.mappingProblems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(Object.keys(suggestion.mapping.fields).length).toBeGreaterThanOrEqual(4);
  });

  it('routes Pipedrive columns by their entity prefix', () => {
    const headers = EXPORTS['pipedrive-people']!;
    const { mapping } = suggestMapping({
      headers,
      rows: [],
      object: person,
      model,
      profile: 'detect',
    });
    expect(mapping.fields.name).toEqual({
      kind: 'columns',
      parts: {
        firstName: { column: 'Person - First name', transforms: [] },
        lastName: { column: 'Person - Last name', transforms: [] },
      },
    });
    expect(mapping.fields.phones).toEqual({
      kind: 'columns',
      parts: {
        primaryPhoneNumber: { column: 'Person - Phone - Work', transforms: [] },
        additionalPhones: [{ column: 'Person - Phone - Mobile', transforms: [] }],
      },
    });
    expect(mapping.fields.company).toMatchObject({
      kind: 'lookup',
      column: 'Person - Organization',
      by: 'name',
    });
  });

  it('maps HubSpot deal stages and reads associated contacts by e-mail', () => {
    const headers = EXPORTS['hubspot-deals']!;
    const rows = [
      {
        'Deal Name': 'Big',
        'Deal Stage': 'Contract Sent',
        Amount: '10',
        'Associated Contact': 'Ada Lovelace (ada@example.com)',
      },
      {
        'Deal Name': 'Small',
        'Deal Stage': 'Closed Lost',
        Amount: '5',
        'Associated Contact': 'Alan (alan@example.com)',
      },
    ];
    const suggestion = suggestMapping({
      headers,
      rows,
      object: opportunity,
      model,
      profile: 'detect',
    });
    const convert = compileMapping(suggestion.mapping, opportunity, model);
    const first = convert(rows[0]!);
    expect(first.values.stage).toBe('PROPOSAL');
    expect(first.lookups).toEqual([
      expect.objectContaining({
        field: 'pointOfContact',
        by: 'emails.primaryEmail',
        value: 'ada@example.com',
      }),
    ]);
    const lost = convert(rows[1]!);
    expect(lost.values.stage).toBe('CLOSED_LOST');
    expect([...convert.newOptions.get('stage')!]).toEqual([['CLOSED_LOST', 'Closed Lost']]);
  });
});
