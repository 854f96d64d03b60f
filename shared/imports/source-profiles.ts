import type { ModelObject, WorkspaceModel } from '../contract/data-model';
import { IMPORTABLE_PARTS } from './composite-readers';
import { EXTERNAL_IDS, normalizeHeader } from './header-names';
import type { TransformInput } from './mapping';
import { transformSchema, type Transform } from './mapping';
import { importableFields, lookupBy } from './model-targets';
import { sniffColumn, type ColumnSniff } from './sniff-values';
import type { ColumnSuggestion, SampleRow } from './suggest-mapping';
import { compileTransforms } from './transforms';

/**
 * Saved profiles of common CRM exports: the columns of Salesforce, HubSpot and Pipedrive exports
 * of accounts/companies/organizations, contacts/people and opportunities/deals, and where each
 * goes in Twenty's standard company, person and opportunity. Headers are the report-export
 * labels and, for Salesforce, the API names Data Loader writes; each column lists target
 * alternatives (the first the workspace has wins: Twenty 2.43 has `annualRevenue`, older
 * workspaces `annualRecurringRevenue`; ids go to an `externalId`-like custom field if one exists).
 * Stage values of the vendors' default pipelines are mapped to Twenty's stages; others become
 * new options. Column names not confirmed in vendor documentation are the commonly documented
 * ones (docs/import-mapping.md).
 */
export interface ProfileTarget {
  fields: readonly string[];
  part?: string;
  lookup?: { object: string; by: readonly string[]; createMissing?: boolean };
  transforms?: readonly TransformInput[];
}

export interface ProfileColumn {
  headers: readonly string[];
  /** Alternatives, best first. */
  targets: readonly ProfileTarget[];
}

export interface SourceProfile {
  id: string;
  vendor: 'Salesforce' | 'HubSpot' | 'Pipedrive';
  label: string;
  object: 'company' | 'person' | 'opportunity';
  /** Headers typical of this export, to recognise it. */
  signature: readonly string[];
  columns: readonly ProfileColumn[];
}

const to = (fields: string | readonly string[], part?: string, transforms?: TransformInput[]) => ({
  fields: typeof fields === 'string' ? [fields] : fields,
  ...(part ? { part } : {}),
  ...(transforms ? { transforms } : {}),
});
const lookup = (
  field: string,
  object: string,
  by: readonly string[],
  transforms?: TransformInput[],
): ProfileTarget => ({
  fields: [field],
  lookup: { object, by },
  ...(transforms ? { transforms } : {}),
});
const column = (headers: readonly string[], ...targets: ProfileTarget[]): ProfileColumn => ({
  headers,
  targets,
});
const stageMap = (map: Record<string, string>): TransformInput[] => [
  { type: 'valueMap', map, createMissingOptions: true },
];

const MEMBER = ['userEmail', 'name'];
const REVENUE = ['annualRevenue', 'annualRecurringRevenue'];
const address = (part: string, personField?: string): ProfileTarget[] => [
  ...(personField ? [to(personField)] : []),
  to('address', part),
];
/** "Ada Lovelace (ada@example.com)" → the e-mail, as HubSpot writes associated records. */
const INSIDE_PARENTHESES: TransformInput[] = [
  { type: 'split', separator: '(', index: -1 },
  { type: 'replace', find: ')', with: '' },
];

export const SOURCE_PROFILES: readonly SourceProfile[] = [
  {
    id: 'salesforce-accounts',
    vendor: 'Salesforce',
    label: 'Salesforce — Accounts',
    object: 'company',
    signature: [
      'Account Name',
      'Account ID',
      'Account Owner',
      'Billing City',
      'Billing Street',
      'Account Number',
      'BillingCity',
      'AccountNumber',
    ],
    columns: [
      column(['Account Name', 'Name'], to('name')),
      column(['Website'], to('domainName', 'primaryLinkUrl')),
      column(['Phone', 'Account Phone'], to('phones', 'primaryPhoneNumber')),
      column(['Billing Street', 'BillingStreet'], ...address('addressStreet1')),
      column(['Billing City', 'BillingCity'], ...address('addressCity')),
      column(['Billing State/Province', 'BillingState'], ...address('addressState')),
      column(['Billing Zip/Postal Code', 'BillingPostalCode'], ...address('addressPostcode')),
      column(['Billing Country', 'BillingCountry'], ...address('addressCountry')),
      column(['Billing Latitude', 'BillingLatitude'], ...address('addressLat')),
      column(['Billing Longitude', 'BillingLongitude'], ...address('addressLng')),
      column(['Annual Revenue', 'AnnualRevenue'], to(REVENUE, 'amountMicros')),
      column(['Employees', 'NumberOfEmployees'], to('employees')),
      column(
        ['Account Owner', 'Owner Name', 'Owner.Name'],
        lookup('accountOwner', 'workspaceMember', MEMBER),
      ),
      column(['Account ID', 'Id'], to(EXTERNAL_IDS)),
      column(['Industry'], to('industry')),
      column(['Description'], to('description')),
    ],
  },
  {
    id: 'salesforce-contacts',
    vendor: 'Salesforce',
    label: 'Salesforce — Contacts',
    object: 'person',
    signature: [
      'First Name',
      'Last Name',
      'Account Name',
      'Contact ID',
      'Contact Owner',
      'Mailing City',
      'Mailing Street',
      'FirstName',
      'LastName',
      'AccountId',
      'MailingCity',
    ],
    columns: [
      column(['First Name', 'FirstName'], to('name', 'firstName')),
      column(['Last Name', 'LastName'], to('name', 'lastName')),
      column(['Email'], to('emails', 'primaryEmail')),
      column(['Phone', 'Business Phone'], to('phones', 'primaryPhoneNumber')),
      column(['Mobile', 'Mobile Phone', 'MobilePhone'], to('phones', 'additionalPhones')),
      column(
        ['Home Phone', 'HomePhone', 'Other Phone', 'OtherPhone'],
        to('phones', 'additionalPhones'),
      ),
      column(['Title'], to('jobTitle')),
      column(['Account Name', 'Account.Name'], lookup('company', 'company', ['name'])),
      column(['Account ID', 'AccountId'], lookup('company', 'company', EXTERNAL_IDS)),
      column(['Mailing Street', 'MailingStreet'], ...address('addressStreet1')),
      column(['Mailing City', 'MailingCity'], ...address('addressCity', 'city')),
      column(['Mailing State/Province', 'MailingState'], ...address('addressState')),
      column(['Mailing Zip/Postal Code', 'MailingPostalCode'], ...address('addressPostcode')),
      column(['Mailing Country', 'MailingCountry'], ...address('addressCountry')),
      column(['Contact ID', 'Id'], to(EXTERNAL_IDS)),
    ],
  },
  {
    id: 'salesforce-opportunities',
    vendor: 'Salesforce',
    label: 'Salesforce — Opportunities',
    object: 'opportunity',
    signature: [
      'Opportunity Name',
      'Opportunity ID',
      'Opportunity Owner',
      'Stage',
      'Close Date',
      'Probability (%)',
      'StageName',
      'CloseDate',
    ],
    columns: [
      column(['Opportunity Name', 'Name'], to('name')),
      column(['Account Name', 'Account.Name'], lookup('company', 'company', ['name'])),
      column(['Account ID', 'AccountId'], lookup('company', 'company', EXTERNAL_IDS)),
      column(['Amount'], to('amount', 'amountMicros')),
      column(['Opportunity Currency', 'CurrencyIsoCode', 'Currency'], to('amount', 'currencyCode')),
      column(['Close Date', 'CloseDate'], to('closeDate')),
      column(
        ['Stage', 'StageName'],
        to(
          'stage',
          undefined,
          stageMap({
            Prospecting: 'NEW',
            Qualification: 'SCREENING',
            'Needs Analysis': 'MEETING',
            'Value Proposition': 'MEETING',
            'Id. Decision Makers': 'MEETING',
            'Perception Analysis': 'MEETING',
            'Proposal/Price Quote': 'PROPOSAL',
            'Negotiation/Review': 'PROPOSAL',
            'Closed Won': 'CUSTOMER',
          }),
        ),
      ),
      column(
        ['Opportunity Owner', 'Owner Name', 'Owner.Name'],
        lookup('owner', 'workspaceMember', MEMBER),
      ),
      column(['Opportunity ID', 'Id'], to(EXTERNAL_IDS)),
      column(['Probability (%)', 'Probability'], to('probability')),
      column(['Lead Source', 'LeadSource'], to('leadSource')),
    ],
  },
  {
    id: 'hubspot-companies',
    vendor: 'HubSpot',
    label: 'HubSpot — Companies',
    object: 'company',
    signature: [
      'Record ID',
      'Company name',
      'Company Domain Name',
      'Company owner',
      'Country/Region',
      'State/Region',
      'Number of Employees',
      'Create Date',
    ],
    columns: [
      column(['Company name', 'Name'], to('name')),
      column(['Company Domain Name'], to('domainName', 'primaryLinkUrl')),
      column(['Website URL'], to('domainName', 'primaryLinkUrl')),
      column(['Phone Number'], to('phones', 'primaryPhoneNumber')),
      column(['Street Address'], ...address('addressStreet1')),
      column(['Street Address 2'], ...address('addressStreet2')),
      column(['City'], ...address('addressCity')),
      column(['State/Region'], ...address('addressState')),
      column(['Postal Code'], ...address('addressPostcode')),
      column(['Country/Region'], ...address('addressCountry')),
      column(['Annual Revenue'], to(REVENUE, 'amountMicros')),
      column(['Number of Employees'], to('employees')),
      column(['LinkedIn Company Page'], to('linkedinLink', 'primaryLinkUrl')),
      column(['Twitter Handle'], to('xLink', 'primaryLinkUrl')),
      column(['Company owner'], lookup('accountOwner', 'workspaceMember', MEMBER)),
      column(['Record ID', 'Company ID'], to(EXTERNAL_IDS)),
      column(['Industry'], to('industry')),
    ],
  },
  {
    id: 'hubspot-contacts',
    vendor: 'HubSpot',
    label: 'HubSpot — Contacts',
    object: 'person',
    signature: [
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Contact owner',
      'Lifecycle Stage',
      'Associated Company',
      'Phone Number',
    ],
    columns: [
      column(['First Name'], to('name', 'firstName')),
      column(['Last Name'], to('name', 'lastName')),
      column(['Email'], to('emails', 'primaryEmail')),
      column(['Phone Number'], to('phones', 'primaryPhoneNumber')),
      column(['Mobile Phone Number'], to('phones', 'additionalPhones')),
      column(['Job Title'], to('jobTitle')),
      column(['Company Name'], lookup('company', 'company', ['name'])),
      column(
        ['Associated Company', 'Associated Company (Primary)'],
        lookup('company', 'company', ['name']),
      ),
      column(['Street Address'], ...address('addressStreet1')),
      column(['City'], ...address('addressCity', 'city')),
      column(['State/Region'], ...address('addressState')),
      column(['Postal Code'], ...address('addressPostcode')),
      column(['Country/Region'], ...address('addressCountry')),
      column(['LinkedIn URL', 'LinkedIn Bio'], to('linkedinLink', 'primaryLinkUrl')),
      column(['Record ID', 'Contact ID'], to(EXTERNAL_IDS)),
    ],
  },
  {
    id: 'hubspot-deals',
    vendor: 'HubSpot',
    label: 'HubSpot — Deals',
    object: 'opportunity',
    signature: [
      'Record ID',
      'Deal Name',
      'Deal Stage',
      'Pipeline',
      'Deal owner',
      'Close Date',
      'Amount',
      'Associated Company',
    ],
    columns: [
      column(['Deal Name'], to('name')),
      column(['Amount'], to('amount', 'amountMicros')),
      column(['Currency', 'Deal currency code'], to('amount', 'currencyCode')),
      column(['Close Date'], to('closeDate')),
      column(
        ['Deal Stage'],
        to(
          'stage',
          undefined,
          stageMap({
            'Appointment Scheduled': 'MEETING',
            appointmentscheduled: 'MEETING',
            'Qualified To Buy': 'SCREENING',
            qualifiedtobuy: 'SCREENING',
            'Presentation Scheduled': 'MEETING',
            presentationscheduled: 'MEETING',
            'Decision Maker Bought-In': 'PROPOSAL',
            decisionmakerboughtin: 'PROPOSAL',
            'Contract Sent': 'PROPOSAL',
            contractsent: 'PROPOSAL',
            'Closed Won': 'CUSTOMER',
            closedwon: 'CUSTOMER',
          }),
        ),
      ),
      column(['Deal owner'], lookup('owner', 'workspaceMember', MEMBER)),
      column(
        ['Associated Company', 'Associated Company (Primary)'],
        lookup('company', 'company', ['name']),
      ),
      column(
        ['Associated Contact'],
        lookup('pointOfContact', 'person', ['emails', 'name'], INSIDE_PARENTHESES),
      ),
      column(['Record ID', 'Deal ID'], to(EXTERNAL_IDS)),
    ],
  },
  {
    id: 'pipedrive-organizations',
    vendor: 'Pipedrive',
    label: 'Pipedrive — Organizations',
    object: 'company',
    signature: [
      'Organization - Name',
      'Organization - Owner',
      'Organization - Address',
      'Organization - ID',
      'Organization - People',
      'Organization - Open deals',
    ],
    columns: [
      column(['Organization - Name', 'Name'], to('name')),
      column(['Organization - Address - Street/road name'], ...address('addressStreet1')),
      column(['Organization - Address', 'Address'], ...address('addressStreet1')),
      column(['Organization - Address - City/town/village/locality'], ...address('addressCity')),
      column(['Organization - Address - State/county'], ...address('addressState')),
      column(['Organization - Address - ZIP/Postal code'], ...address('addressPostcode')),
      column(['Organization - Address - Country'], ...address('addressCountry')),
      column(['Organization - Website', 'Website'], to('domainName', 'primaryLinkUrl')),
      column(['Organization - LinkedIn profile'], to('linkedinLink', 'primaryLinkUrl')),
      column(['Organization - Annual revenue'], to(REVENUE, 'amountMicros')),
      column(['Organization - Number of employees'], to('employees')),
      column(['Organization - Industry'], to('industry')),
      column(['Organization - Owner', 'Owner'], lookup('accountOwner', 'workspaceMember', MEMBER)),
      column(['Organization - ID', 'ID'], to(EXTERNAL_IDS)),
    ],
  },
  {
    id: 'pipedrive-people',
    vendor: 'Pipedrive',
    label: 'Pipedrive — People',
    object: 'person',
    signature: [
      'Person - Name',
      'Person - Email - Work',
      'Person - Phone - Work',
      'Person - Organization',
      'Person - Owner',
      'Person - ID',
      'Person - First name',
    ],
    columns: [
      column(['Person - First name', 'First name'], to('name', 'firstName')),
      column(['Person - Last name', 'Last name'], to('name', 'lastName')),
      column(['Person - Name', 'Name'], to('name')),
      column(['Person - Email - Work', 'Person - Email', 'Email'], to('emails', 'primaryEmail')),
      column(['Person - Email - Home', 'Person - Email - Other'], to('emails', 'additionalEmails')),
      column(
        ['Person - Phone - Work', 'Person - Phone', 'Phone'],
        to('phones', 'primaryPhoneNumber'),
      ),
      column(
        ['Person - Phone - Mobile', 'Person - Phone - Home', 'Person - Phone - Other'],
        to('phones', 'additionalPhones'),
      ),
      column(['Person - Organization', 'Organization'], lookup('company', 'company', ['name'])),
      column(['Person - Job title', 'Job title'], to('jobTitle')),
      column(['Person - ID', 'ID'], to(EXTERNAL_IDS)),
    ],
  },
  {
    id: 'pipedrive-deals',
    vendor: 'Pipedrive',
    label: 'Pipedrive — Deals',
    object: 'opportunity',
    signature: [
      'Deal - Title',
      'Deal - Value',
      'Deal - Currency',
      'Deal - Stage',
      'Deal - Owner',
      'Deal - Expected close date',
      'Deal - Contact person',
      'Deal - Organization',
      'Deal - Status',
    ],
    columns: [
      column(['Deal - Title', 'Title'], to('name')),
      column(['Deal - Value', 'Value'], to('amount', 'amountMicros')),
      column(['Deal - Currency', 'Currency'], to('amount', 'currencyCode')),
      column(['Deal - Expected close date', 'Expected close date'], to('closeDate')),
      column(
        ['Deal - Stage', 'Stage'],
        to(
          'stage',
          undefined,
          stageMap({
            Qualified: 'SCREENING',
            'Contact Made': 'MEETING',
            'Demo Scheduled': 'MEETING',
            'Needs Defined': 'MEETING',
            'Proposal Made': 'PROPOSAL',
            'Negotiations Started': 'PROPOSAL',
          }),
        ),
      ),
      column(['Deal - Organization', 'Organization'], lookup('company', 'company', ['name'])),
      column(
        ['Deal - Contact person', 'Contact person'],
        lookup('pointOfContact', 'person', ['name']),
      ),
      column(['Deal - Owner', 'Owner'], lookup('owner', 'workspaceMember', MEMBER)),
      column(['Deal - ID', 'ID'], to(EXTERNAL_IDS)),
    ],
  },
];

const key = (header: string, object: string) => normalizeHeader(header, object);

export interface ProfileMatch {
  profile: SourceProfile;
  /** 0–1: share of the profile's typical headers present, weighed with the columns it knows. */
  score: number;
  /** Columns of the file the profile knows. */
  known: string[];
}

const columnFor = (profile: SourceProfile, header: string): ProfileColumn | undefined => {
  const wanted = key(header, profile.object);
  return profile.columns.find((column) =>
    column.headers.some((name) => key(name, profile.object) === wanted),
  );
};

/** Profiles the file's headers look like, best first (score above 0.3). */
export const detectSourceProfiles = (headers: readonly string[]): ProfileMatch[] =>
  SOURCE_PROFILES.map((profile) => {
    const present = new Set(headers.map((header) => key(header, profile.object)));
    const hits = profile.signature.filter((name) => present.has(key(name, profile.object)));
    const known = headers.filter((header) => columnFor(profile, header) !== undefined);
    const score =
      0.7 * (hits.length / profile.signature.length) +
      0.3 * (headers.length ? known.length / headers.length : 0);
    return { profile, score: Math.round(score * 100) / 100, known };
  })
    .filter((match) => match.score > 0.3)
    .sort((a, b) => b.score - a.score);

export const profileById = (id: string): SourceProfile | undefined =>
  SOURCE_PROFILES.find((profile) => profile.id === id);

/** The profile's suggestions for a file's columns, resolved against the workspace. */
export const profileSuggestions = (
  profile: SourceProfile,
  headers: readonly string[],
  object: ModelObject,
  model: WorkspaceModel,
  sniffs: Readonly<Record<string, ColumnSniff>>,
  rows: readonly SampleRow[] = [],
): ColumnSuggestion[] => {
  if (object.nameSingular !== profile.object) return [];
  const fields = importableFields(object);
  const suggestions: ColumnSuggestion[] = [];
  for (const header of headers) {
    const known = columnFor(profile, header);
    if (!known) continue;
    // Profiles outrank generic guesses (≤ 0.99); their earlier columns are preferred targets
    // (first/last name over a full name).
    const score = 1 - profile.columns.indexOf(known) / 10_000;
    for (const target of known.targets) {
      const field = target.fields
        .map((name) => fields.find((candidate) => candidate.name === name))
        .find((candidate) => candidate !== undefined);
      if (!field) continue;
      if (
        target.part &&
        !IMPORTABLE_PARTS[field.type as keyof typeof IMPORTABLE_PARTS]?.includes(target.part)
      )
        continue;
      const transforms: Transform[] = (target.transforms ?? []).map((transform) =>
        transformSchema.parse(transform),
      );
      // Lookups are chosen on the values as the transforms leave them.
      const text = compileTransforms(transforms).text;
      const sniff =
        text && rows.length
          ? sniffColumn(
              header,
              rows.map((row) => text(row[header] ?? '')),
            )
          : (sniffs[header] ?? { kind: 'text', confidence: 1, emptyRatio: 0 });
      if (target.lookup) {
        if (field.type !== 'RELATION') continue;
        const by = lookupBy(model, target.lookup.object, target.lookup.by, sniff);
        if (!by) continue;
        suggestions.push({
          column: header,
          target: { field: field.name, lookup: { object: target.lookup.object, by } },
          score,
          reason: `${profile.label} export: "${header}" is the ${target.lookup.object}, found by its ${by}`,
          transforms,
        });
      } else
        suggestions.push({
          column: header,
          target: target.part ? { field: field.name, part: target.part } : { field: field.name },
          score,
          reason: `${profile.label} export: "${header}" goes to ${field.label || field.name}`,
          transforms,
        });
      break;
    }
  }
  return suggestions;
};
