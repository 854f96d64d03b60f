/**
 * Twenty's `FieldMetadataType` enum as of Twenty 2.x (identical in twenty-client-sdk 2.4 … 2.43).
 * Source: packages/twenty-shared/src/types/FieldMetadataType.ts; SDK `FieldMetadataType`.
 */
export const FIELD_METADATA_TYPES = [
  'ACTOR',
  'ADDRESS',
  'ARRAY',
  'BOOLEAN',
  'CURRENCY',
  'DATE',
  'DATE_TIME',
  'EMAILS',
  'FILES',
  'FULL_NAME',
  'LINKS',
  'MORPH_RELATION',
  'MULTI_SELECT',
  'NUMBER',
  'NUMERIC',
  'PHONES',
  'POSITION',
  'RATING',
  'RAW_JSON',
  'RELATION',
  'RICH_TEXT',
  'SELECT',
  'TEXT',
  'TS_VECTOR',
  'UUID',
] as const;

export type FieldMetadataType = (typeof FIELD_METADATA_TYPES)[number];

export const isFieldMetadataType = (value: unknown): value is FieldMetadataType =>
  typeof value === 'string' && (FIELD_METADATA_TYPES as readonly string[]).includes(value);

/** Types Twenty refuses in `createOneField` for user fields (with its exact messages). */
export const NON_CREATABLE_FIELD_TYPES: Partial<Record<FieldMetadataType, string>> = {
  NUMERIC: 'Field type NUMERIC is not supported for field creation. Use NUMBER instead.',
  POSITION: 'Field type POSITION is a system type and cannot be created manually.',
  TS_VECTOR: 'Field type TS_VECTOR is a system type and cannot be created manually.',
};

export const RELATION_FIELD_TYPES: readonly FieldMetadataType[] = ['RELATION', 'MORPH_RELATION'];

export const ENUM_FIELD_TYPES: readonly FieldMetadataType[] = ['SELECT', 'MULTI_SELECT', 'RATING'];

export const isRelationFieldType = (type: FieldMetadataType): boolean =>
  RELATION_FIELD_TYPES.includes(type);

export const isEnumFieldType = (type: FieldMetadataType): boolean =>
  ENUM_FIELD_TYPES.includes(type);
