import type { ModelObject, WorkspaceModel } from '../../shared/contract/data-model';
import { mappingDocumentSchema, type MappingDocument } from '../../shared/imports/mapping';
import { company, model, person } from '../../shared/imports/test-model';
import { modelField } from '../../shared/testing/model-builders';

/**
 * The target of the bench's import: Twenty 2.43's person (the import tests' model: name,
 * emails unique, phones, linkedinLink, jobTitle, city, company) with the custom fields an admin
 * adds before a migration: two dates, an amount, a lead source and a description.
 */
const custom = (name: string, type: string, extra: Parameters<typeof modelField>[2] = {}) =>
  modelField(name, type, { isCustom: true, ...extra });

const LEAD_SOURCES = ['Website', 'Referral', 'Event', 'Partner', 'Cold Call', 'Advertisement'];

export const benchPerson: ModelObject = {
  ...person,
  fields: [
    ...person.fields,
    custom('customerSince', 'DATE'),
    custom('lastContactedAt', 'DATE_TIME'),
    custom('lifetimeValue', 'CURRENCY'),
    custom('leadSource', 'SELECT', {
      options: LEAD_SOURCES.map((label, position) => ({
        id: `lead-${position}`,
        label,
        value: label.toUpperCase().replace(/\s+/g, '_'),
        position,
        color: 'blue',
      })),
    }),
    custom('description', 'TEXT'),
  ],
};

export const benchModel: WorkspaceModel = {
  objects: [company, benchPerson, ...model.objects.filter((o) => o !== person && o !== company)],
};

/** What the wizard would save for the file of people-csv.ts (its suggestions, dates checked). */
export const benchMapping: MappingDocument = mappingDocumentSchema.parse({
  version: 1,
  object: 'person',
  name: 'People export (bench)',
  options: { timeZone: 'Europe/Paris', phoneCountry: 'FR' },
  fields: {
    name: {
      kind: 'columns',
      parts: { firstName: { column: 'First Name' }, lastName: { column: 'Last Name' } },
    },
    emails: { kind: 'column', column: 'Email' },
    phones: { kind: 'column', column: 'Phone' },
    company: {
      kind: 'lookup',
      column: 'Company Website',
      object: 'company',
      by: 'domainName',
      createMissing: true,
    },
    jobTitle: { kind: 'column', column: 'Job Title' },
    city: { kind: 'column', column: 'City' },
    customerSince: {
      kind: 'column',
      column: 'Customer Since',
      transforms: [{ type: 'date', format: 'DD/MM/YYYY' }],
    },
    lastContactedAt: { kind: 'column', column: 'Last Contacted' },
    lifetimeValue: {
      kind: 'columns',
      parts: { amountMicros: { column: 'Lifetime Value' }, currencyCode: { column: 'Currency' } },
    },
    leadSource: { kind: 'column', column: 'Lead Source' },
    description: { kind: 'column', column: 'Description', transforms: [{ type: 'trim' }] },
  },
  dedupe: { key: 'emails', duplicates: 'first' },
});
