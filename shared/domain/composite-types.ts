import type { FieldMetadataType } from './field-metadata-type';

/**
 * Sub-fields of Twenty's composite field types. Column of sub-field `y` of field `x` is
 * `x` + PascalCase(`y`) (e.g. `amount` → `amountAmountMicros`).
 * Source: packages/twenty-shared/src/types/composite-types/*.composite-type.ts
 */
export interface CompositeSubField {
  name: string;
  type: FieldMetadataType;
  /** Part of a unique index when the composite field is unique (e.g. emails.primaryEmail). */
  isIncludedInUniqueConstraint?: boolean;
}

export type CompositeFieldType =
  'CURRENCY' | 'EMAILS' | 'PHONES' | 'LINKS' | 'FULL_NAME' | 'ADDRESS' | 'ACTOR' | 'RICH_TEXT';

export const COMPOSITE_TYPES: Record<CompositeFieldType, readonly CompositeSubField[]> = {
  CURRENCY: [
    { name: 'amountMicros', type: 'NUMERIC' },
    { name: 'currencyCode', type: 'TEXT' },
  ],
  EMAILS: [
    { name: 'primaryEmail', type: 'TEXT', isIncludedInUniqueConstraint: true },
    { name: 'additionalEmails', type: 'RAW_JSON' },
  ],
  PHONES: [
    { name: 'primaryPhoneNumber', type: 'TEXT', isIncludedInUniqueConstraint: true },
    { name: 'primaryPhoneCountryCode', type: 'TEXT', isIncludedInUniqueConstraint: true },
    { name: 'primaryPhoneCallingCode', type: 'TEXT', isIncludedInUniqueConstraint: true },
    { name: 'additionalPhones', type: 'RAW_JSON' },
  ],
  LINKS: [
    { name: 'primaryLinkLabel', type: 'TEXT' },
    { name: 'primaryLinkUrl', type: 'TEXT', isIncludedInUniqueConstraint: true },
    { name: 'secondaryLinks', type: 'RAW_JSON' },
  ],
  FULL_NAME: [
    { name: 'firstName', type: 'TEXT' },
    { name: 'lastName', type: 'TEXT' },
  ],
  ADDRESS: [
    { name: 'addressStreet1', type: 'TEXT' },
    { name: 'addressStreet2', type: 'TEXT' },
    { name: 'addressCity', type: 'TEXT' },
    { name: 'addressPostcode', type: 'TEXT' },
    { name: 'addressState', type: 'TEXT' },
    { name: 'addressCountry', type: 'TEXT' },
    { name: 'addressLat', type: 'NUMERIC' },
    { name: 'addressLng', type: 'NUMERIC' },
  ],
  ACTOR: [
    { name: 'source', type: 'SELECT' },
    { name: 'workspaceMemberId', type: 'UUID' },
    { name: 'name', type: 'TEXT' },
    { name: 'context', type: 'RAW_JSON' },
  ],
  RICH_TEXT: [
    { name: 'blocknote', type: 'TEXT' },
    { name: 'markdown', type: 'TEXT' },
  ],
};

export const isCompositeFieldType = (type: string): type is CompositeFieldType =>
  Object.prototype.hasOwnProperty.call(COMPOSITE_TYPES, type);

export const computeCompositeColumnName = (fieldName: string, subFieldName: string): string =>
  `${fieldName}${subFieldName.charAt(0).toUpperCase()}${subFieldName.slice(1)}`;

/** Actor sources (latest composite definition). */
export const ACTOR_SOURCES = [
  'EMAIL',
  'CALENDAR',
  'WORKFLOW',
  'AGENT',
  'API',
  'IMPORT',
  'MANUAL',
  'SYSTEM',
  'WEBHOOK',
  'APPLICATION',
] as const;
