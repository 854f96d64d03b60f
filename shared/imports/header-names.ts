/**
 * Column headers as CRM exports write them, normalised and matched to Twenty fields: case,
 * accents, separators and camelCase folded ("BillingPostalCode", "Billing Zip/Postal Code" →
 * "billing postal code" / "billing zip postal code"), the "Person - " style prefixes of
 * Pipedrive exports dropped when they name the target object, and a table of synonyms common in
 * Salesforce, HubSpot and Pipedrive exports and hand-made sheets.
 */
const OBJECT_PREFIXES: Record<string, readonly string[]> = {
  person: ['person', 'contact', 'people'],
  company: ['organization', 'organisation', 'org', 'company', 'account'],
  opportunity: ['deal', 'opportunity'],
};

export const normalizeHeader = (header: string, objectName?: string): string => {
  let text = header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\be-mail\b/g, 'email')
    .trim();
  const prefixes = objectName ? OBJECT_PREFIXES[objectName] : undefined;
  const dash = /^([a-z ]+?)\s+-\s+/.exec(text);
  if (dash && prefixes?.includes(dash[1]!)) text = text.slice(dash[0].length);
  return text
    .replace(/%/g, ' percent ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
};

/** Sørensen–Dice similarity of two normalised texts on character bigrams (spaces ignored). */
export const similarity = (a: string, b: string): number => {
  const x = a.replace(/ /g, '');
  const y = b.replace(/ /g, '');
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const pair = x.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const pair = y.slice(i, i + 2);
    const count = pairs.get(pair) ?? 0;
    if (count > 0) {
      shared++;
      pairs.set(pair, count - 1);
    }
  }
  return (2 * shared) / (x.length + y.length - 2);
};

/** Where a header may go: a field (first present in the model wins), a part, or a lookup. */
export interface SynonymTarget {
  objects?: readonly string[];
  fields: readonly string[];
  part?: string;
  lookup?: { object: string; by: readonly string[] };
}

interface Synonym {
  headers: readonly string[];
  targets: readonly SynonymTarget[];
}

const COMPANY_LOOKUP = { object: 'company', by: ['name'] } as const;
/** Custom fields admins add to keep the source system's id, in order of preference. */
export const EXTERNAL_IDS = [
  'externalId',
  'sourceId',
  'legacyId',
  'salesforceId',
  'hubspotId',
  'pipedriveId',
  'crmId',
];
const NOT_COMPANY = ['person', 'opportunity'];
const ADDRESS_TARGET = (part: string, personField?: string): SynonymTarget[] => [
  { objects: ['company'], fields: ['address'], part },
  ...(personField ? [{ objects: ['person'], fields: [personField] }] : []),
  { fields: ['address'], part },
];

const prefixed = (prefixes: readonly string[], names: readonly string[]): string[] =>
  names.flatMap((name) => [name, ...prefixes.map((prefix) => `${prefix} ${name}`)]);
const ADDRESS_PREFIXES = [
  'mailing',
  'billing',
  'shipping',
  'other',
  'business',
  'organization address',
  'address',
];

export const SYNONYMS: readonly Synonym[] = [
  {
    headers: ['first name', 'firstname', 'given name', 'prenom', 'vorname', 'person first name'],
    targets: [{ fields: ['name'], part: 'firstName' }],
  },
  {
    headers: [
      'last name',
      'lastname',
      'surname',
      'family name',
      'nom de famille',
      'nachname',
      'person last name',
    ],
    targets: [{ fields: ['name'], part: 'lastName' }],
  },
  {
    headers: ['full name', 'contact name', 'person name', 'contact full name'],
    targets: [{ objects: ['person'], fields: ['name'] }],
  },
  {
    headers: [
      'account name',
      'company',
      'company name',
      'organization',
      'organisation',
      'organization name',
      'org',
      'account',
      'associated company',
      'associated company primary',
      'entreprise',
      'societe',
      'firma',
    ],
    targets: [
      { objects: ['company'], fields: ['name'] },
      { objects: NOT_COMPANY, fields: ['company'], lookup: COMPANY_LOOKUP },
    ],
  },
  {
    headers: ['deal name', 'opportunity name', 'deal title', 'title of deal'],
    targets: [{ objects: ['opportunity'], fields: ['name'] }],
  },
  {
    headers: ['title'],
    targets: [
      { objects: ['opportunity'], fields: ['name'] },
      { objects: ['person'], fields: ['jobTitle'] },
    ],
  },
  {
    headers: ['job title', 'position', 'role', 'job', 'poste', 'fonction', 'function'],
    targets: [{ objects: ['person'], fields: ['jobTitle'] }],
  },
  {
    headers: [
      'email',
      'email address',
      'emails',
      'mail',
      'work email',
      'business email',
      'email work',
      'primary email',
      'courriel',
    ],
    targets: [{ fields: ['emails'], part: 'primaryEmail' }],
  },
  {
    headers: [
      'email 2',
      'other email',
      'secondary email',
      'email home',
      'email other',
      'personal email',
      'additional emails',
    ],
    targets: [{ fields: ['emails'], part: 'additionalEmails' }],
  },
  {
    headers: [
      'phone',
      'phone number',
      'telephone',
      'tel',
      'work phone',
      'business phone',
      'phone work',
      'office phone',
      'telefon',
      'primary phone',
    ],
    targets: [{ fields: ['phones'], part: 'primaryPhoneNumber' }],
  },
  {
    headers: [
      'mobile',
      'mobile phone',
      'mobile phone number',
      'cell',
      'cell phone',
      'phone mobile',
      'phone home',
      'home phone',
      'other phone',
      'phone other',
      'portable',
      'handy',
    ],
    targets: [{ fields: ['phones'], part: 'additionalPhones' }],
  },
  {
    headers: [
      'website',
      'website url',
      'web site',
      'url',
      'domain',
      'company domain name',
      'domain name',
      'site web',
      'web',
      'homepage',
    ],
    targets: [
      { objects: ['company'], fields: ['domainName'], part: 'primaryLinkUrl' },
      {
        objects: NOT_COMPANY,
        fields: ['company'],
        lookup: { object: 'company', by: ['domainName'] },
      },
    ],
  },
  {
    headers: [
      'linkedin',
      'linkedin url',
      'linkedin profile',
      'linkedin company page',
      'linkedin page',
      'linkedin bio',
    ],
    targets: [{ fields: ['linkedinLink'], part: 'primaryLinkUrl' }],
  },
  {
    headers: ['twitter', 'twitter handle', 'x', 'x link', 'twitter username'],
    targets: [{ fields: ['xLink'], part: 'primaryLinkUrl' }],
  },
  {
    headers: [
      'annual revenue',
      'revenue',
      'arr',
      'annual recurring revenue',
      'chiffre d affaires',
      'umsatz',
    ],
    targets: [
      {
        objects: ['company'],
        fields: ['annualRevenue', 'annualRecurringRevenue'],
        part: 'amountMicros',
      },
    ],
  },
  {
    headers: [
      'employees',
      'number of employees',
      'employee count',
      'headcount',
      'nb employees',
      'company size',
      'mitarbeiter',
      'effectif',
    ],
    targets: [{ objects: ['company'], fields: ['employees'] }],
  },
  {
    headers: [
      'amount',
      'deal value',
      'value',
      'deal amount',
      'opportunity amount',
      'montant',
      'betrag',
      'amount in company currency',
    ],
    targets: [{ objects: ['opportunity'], fields: ['amount'], part: 'amountMicros' }],
  },
  {
    headers: [
      'currency',
      'currency code',
      'opportunity currency',
      'deal currency',
      'currency iso code',
      'devise',
      'wahrung',
    ],
    targets: [{ objects: ['opportunity'], fields: ['amount'], part: 'currencyCode' }],
  },
  {
    headers: [
      'close date',
      'expected close date',
      'closing date',
      'closed date',
      'date de cloture',
    ],
    targets: [{ objects: ['opportunity'], fields: ['closeDate'] }],
  },
  {
    headers: [
      'stage',
      'deal stage',
      'opportunity stage',
      'pipeline stage',
      'stage name',
      'etape',
      'phase',
    ],
    targets: [{ objects: ['opportunity'], fields: ['stage'] }],
  },
  {
    headers: ['owner', 'account owner', 'company owner', 'organization owner'],
    targets: [
      {
        objects: ['company'],
        fields: ['accountOwner'],
        lookup: { object: 'workspaceMember', by: ['userEmail', 'name'] },
      },
      {
        objects: ['opportunity'],
        fields: ['owner'],
        lookup: { object: 'workspaceMember', by: ['userEmail', 'name'] },
      },
    ],
  },
  {
    headers: ['deal owner', 'opportunity owner'],
    targets: [
      {
        objects: ['opportunity'],
        fields: ['owner'],
        lookup: { object: 'workspaceMember', by: ['userEmail', 'name'] },
      },
    ],
  },
  {
    headers: [
      'contact',
      'contact person',
      'primary contact',
      'point of contact',
      'associated contact',
      'person',
    ],
    targets: [
      {
        objects: ['opportunity'],
        fields: ['pointOfContact'],
        lookup: { object: 'person', by: ['emails', 'name'] },
      },
    ],
  },
  {
    headers: prefixed(ADDRESS_PREFIXES, [
      'street',
      'street address',
      'address',
      'address 1',
      'address line 1',
      'street road name',
      'adresse',
      'strasse',
    ]),
    targets: ADDRESS_TARGET('addressStreet1'),
  },
  {
    headers: prefixed(ADDRESS_PREFIXES, [
      'street 2',
      'street address 2',
      'address 2',
      'address line 2',
    ]),
    targets: ADDRESS_TARGET('addressStreet2'),
  },
  {
    headers: prefixed(ADDRESS_PREFIXES, [
      'city',
      'town',
      'locality',
      'city town village locality',
      'ville',
      'stadt',
      'ort',
    ]),
    targets: ADDRESS_TARGET('addressCity', 'city'),
  },
  {
    headers: prefixed(ADDRESS_PREFIXES, [
      'state',
      'province',
      'state province',
      'state region',
      'region',
      'state county',
      'county',
      'bundesland',
    ]),
    targets: ADDRESS_TARGET('addressState'),
  },
  {
    headers: prefixed(ADDRESS_PREFIXES, [
      'zip',
      'zip code',
      'postal code',
      'postcode',
      'zip postal code',
      'code postal',
      'plz',
      'cp',
    ]),
    targets: ADDRESS_TARGET('addressPostcode'),
  },
  {
    headers: prefixed(ADDRESS_PREFIXES, ['country', 'country region', 'pays', 'land']),
    targets: ADDRESS_TARGET('addressCountry'),
  },
  {
    headers: [
      'record id',
      'id',
      'external id',
      'salesforce id',
      'hubspot id',
      'pipedrive id',
      'legacy id',
      'source id',
    ],
    targets: [{ fields: EXTERNAL_IDS }],
  },
  {
    headers: ['account id', 'company id', 'organization id', 'organisation id'],
    targets: [
      { objects: ['company'], fields: EXTERNAL_IDS },
      {
        objects: NOT_COMPANY,
        fields: ['company'],
        lookup: { object: 'company', by: EXTERNAL_IDS },
      },
    ],
  },
  {
    headers: ['contact id', 'person id'],
    targets: [
      { objects: ['person'], fields: EXTERNAL_IDS },
      {
        objects: ['opportunity'],
        fields: ['pointOfContact'],
        lookup: { object: 'person', by: EXTERNAL_IDS },
      },
    ],
  },
  {
    headers: ['opportunity id', 'deal id'],
    targets: [{ objects: ['opportunity'], fields: EXTERNAL_IDS }],
  },
];

/** Synonym targets of a normalised header for an object. */
export const synonymTargets = (normalized: string, objectName: string): SynonymTarget[] =>
  SYNONYMS.filter((synonym) => synonym.headers.includes(normalized)).flatMap((synonym) =>
    synonym.targets.filter((target) => !target.objects || target.objects.includes(objectName)),
  );
