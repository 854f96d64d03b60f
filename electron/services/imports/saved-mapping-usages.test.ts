import { describe, expect, it } from 'vitest';
import { mappingDocumentSchema } from '../../../shared/imports/mapping';
import { savedMappingUsages } from './saved-mapping-usages';

const saved = (name: string, mapping: unknown) => ({
  name,
  object: (mapping as { object: string }).object,
  mapping: mappingDocumentSchema.parse(mapping),
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const people = saved('HubSpot contacts', {
  version: 1,
  object: 'person',
  fields: {
    emails: { kind: 'column', column: 'Email' },
    company: { kind: 'lookup', column: 'Domain', object: 'company', by: 'domainName' },
  },
  dedupe: { key: 'emails.primaryEmail' },
});
const deals = saved('Deals', {
  version: 1,
  object: 'opportunity',
  fields: { name: { kind: 'column', column: 'Deal' } },
});

describe('saved mappings in the impact list', () => {
  it('names the mappings that fill, key or look up what changes', () => {
    const all = [people, deals];
    expect(savedMappingUsages(all, { objectName: 'person', fieldName: 'emails' })).toEqual([
      {
        kind: 'savedMapping',
        description: 'Saved import mapping "HubSpot contacts" fills `emails`',
      },
    ]);
    expect(savedMappingUsages(all, { objectName: 'company', fieldName: 'domainName' })).toEqual([
      {
        kind: 'savedMapping',
        description:
          'Saved import mapping "HubSpot contacts" looks up `company` by `domainName` (company)',
      },
    ]);
    expect(savedMappingUsages(all, { objectName: 'company' })).toHaveLength(1);
    expect(savedMappingUsages(all, { objectName: 'opportunity' })[0]!.description).toContain(
      '"Deals" imports into `opportunity`',
    );
    expect(savedMappingUsages(all, { objectName: 'person', fieldName: 'jobTitle' })).toEqual([]);
    expect(savedMappingUsages(all, { objectName: 'company', fieldName: 'name' })).toEqual([]);
  });
});
