import camelCase from 'lodash.camelcase';

/**
 * Twenty's metadata name rules (objects and fields) with its exact messages: the local workspace
 * enforces them and the data-model editor checks them as the admin types.
 * Source: metadata-name-flat-metadata-validators.constants.ts, twenty-shared
 * reserved-metadata-name-keywords.constant.ts, compute-metadata-name-from-label.util.ts.
 */
const RESERVED_PAIRS = [
  'approvedAccessDomain',
  'appToken',
  'billingCustomer',
  'billingEntitlement',
  'billingMeter',
  'billingProduct',
  'billingSubscription',
  'billingSubscriptionItem',
  'featureFlag',
  'job',
  'keyValuePair',
  'pageLayout',
  'pageLayoutTab',
  'pageLayoutWidget',
  'postgresCredential',
  'twoFactorMethod',
  'user',
  'userWorkspace',
  'workspace',
  'role',
  'userWorkspaceRole',
];

export const RESERVED_METADATA_NAME_KEYWORDS: readonly string[] = [
  ...RESERVED_PAIRS.flatMap((name) => [name, `${name}s`]),
  'plan',
  'plans',
  'event',
  'events',
  'field',
  'fields',
  'link',
  'links',
  'currency',
  'currencies',
  'fullNames',
  'address',
  'addresses',
  'type',
  'types',
  'object',
  'objects',
  'index',
  'relation',
  'relations',
  'aggregate',
];

const NAME_FORMAT = /^[a-z][a-zA-Z0-9]*$/;
export const IDENTIFIER_MAX_LENGTH = 63;

/** One failed rule, as Twenty reports it (the local workspace wraps these in its error shape). */
export interface NameRuleFailure {
  code: string;
  message: string;
  value: string;
}

/** Runs every name rule; Twenty reports each failing rule separately. */
export const validateMetadataName = (name: string, code: string): NameRuleFailure[] => {
  const rules: Array<[boolean, string]> = [
    [name.length > IDENTIFIER_MAX_LENGTH, 'Name is too long'],
    [name.length < 1, 'Name is too short'],
    [name !== camelCase(name), 'Name should be in camelCase'],
    [
      !NAME_FORMAT.test(name),
      'Name is not valid: it must start with lowercase letter and contain only alphanumeric letters',
    ],
    [
      RESERVED_METADATA_NAME_KEYWORDS.includes(name),
      'This name is reserved. Use a different name or the system will add "Custom" suffix.',
    ],
  ];
  return rules.filter(([failed]) => failed).map(([, message]) => ({ code, message, value: name }));
};

/**
 * The GraphQL DTO check that runs before anything else (class-validator IsValidMetadataName):
 * forbids GraphQL keywords and characters that could break out of identifiers.
 */
const GRAPHQL_RESERVED = ['not', 'or', 'and', 'Int', 'Float', 'Boolean', 'String', 'ID'];
const FORBIDDEN_CHARACTERS = /['"\\;.=*/]/;
export const passesDtoNameCheck = (name: string): boolean =>
  !GRAPHQL_RESERVED.includes(name) && !FORBIDDEN_CHARACTERS.test(name);

/** Twenty's name-from-label: transliterate to ASCII, camelCase, `n` prefix for digits, Custom suffix. */
export const computeMetadataNameFromLabel = (label: string): string => {
  const ascii = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const cleaned = ascii.replace(/[^a-zA-Z0-9 ]/g, ' ').trim();
  if (cleaned.length === 0) throw new Error(`Invalid label: "${label}"`);
  const prefixed = /^[0-9]/.test(cleaned) ? `n${cleaned}` : cleaned;
  const name = camelCase(prefixed);
  return RESERVED_METADATA_NAME_KEYWORDS.includes(name) ? `${name}Custom` : name;
};

/** Twenty trims names/labels and collapses inner whitespace before validating. */
export const sanitiseText = (value: string): string => value.trim().replace(/\s+/g, ' ');

/** True when `name` is what Twenty would compute from `label` (false for unusable labels). */
export const isNameSyncedWithLabel = (name: string, label: string): boolean => {
  try {
    return computeMetadataNameFromLabel(label) === name;
  } catch {
    return false;
  }
};
