import { randomUUID } from 'node:crypto';
import type { FieldMetadataType } from '../../../../shared/domain/field-metadata-type';
import type { FieldRow } from './metadata-types';
import { BASE_FIELD_NAMES, type BaseFieldName } from '../../../../shared/domain/base-fields';

/**
 * The fields Twenty gives every new object (custom objects: all of them, `name` unless skipped).
 * Facts from build-default-flat-field-metadatas-for-custom-object.util.ts (Twenty 2.x).
 */
export type { BaseFieldName };

interface BaseFieldSpec {
  type: FieldMetadataType;
  label: string;
  icon: string;
  description: string;
  isNullable: boolean;
  isSystem: boolean;
  isUIReadOnly: boolean;
  isUnique?: boolean;
  defaultValue: unknown;
  settings?: Record<string, unknown> | null;
}

const ACTOR_DEFAULT = { name: "''", source: "'MANUAL'" };

export const BASE_FIELD_SPECS: Record<BaseFieldName, BaseFieldSpec> = {
  id: {
    type: 'UUID',
    label: 'Id',
    icon: 'Icon123',
    description: 'Id',
    isNullable: false,
    isSystem: true,
    isUIReadOnly: true,
    isUnique: true,
    defaultValue: 'uuid',
  },
  name: {
    type: 'TEXT',
    label: 'Name',
    icon: 'IconAbc',
    description: 'Name',
    isNullable: true,
    isSystem: false,
    isUIReadOnly: false,
    defaultValue: null,
  },
  createdAt: {
    type: 'DATE_TIME',
    label: 'Creation date',
    icon: 'IconCalendar',
    description: 'Creation date',
    isNullable: false,
    isSystem: false,
    isUIReadOnly: true,
    defaultValue: 'now',
  },
  updatedAt: {
    type: 'DATE_TIME',
    label: 'Last update',
    icon: 'IconCalendarClock',
    description: 'Last time the record was changed',
    isNullable: false,
    isSystem: false,
    isUIReadOnly: true,
    defaultValue: 'now',
  },
  deletedAt: {
    type: 'DATE_TIME',
    label: 'Deleted at',
    icon: 'IconCalendarClock',
    description: 'Deletion date',
    isNullable: true,
    isSystem: false,
    isUIReadOnly: true,
    defaultValue: null,
  },
  createdBy: {
    type: 'ACTOR',
    label: 'Created by',
    icon: 'IconCreativeCommonsSa',
    description: 'The creator of the record',
    isNullable: false,
    isSystem: false,
    isUIReadOnly: true,
    defaultValue: ACTOR_DEFAULT,
  },
  updatedBy: {
    type: 'ACTOR',
    label: 'Updated by',
    icon: 'IconUserCircle',
    description: 'The workspace member who last updated the record',
    isNullable: false,
    isSystem: false,
    isUIReadOnly: true,
    defaultValue: ACTOR_DEFAULT,
  },
  position: {
    type: 'POSITION',
    label: 'Position',
    icon: 'IconHierarchy2',
    description: 'Position',
    isNullable: false,
    isSystem: true,
    isUIReadOnly: true,
    defaultValue: 0,
  },
  searchVector: {
    type: 'TS_VECTOR',
    label: 'Search vector',
    icon: 'IconSearch',
    description: 'Search vector',
    isNullable: true,
    isSystem: true,
    isUIReadOnly: true,
    defaultValue: null,
  },
};

export const BASE_FIELD_ORDER: readonly BaseFieldName[] = BASE_FIELD_NAMES;

export interface FieldRowContext {
  objectMetadataId: string;
  applicationId: string;
  now: string;
}

/** A field row with Twenty's defaults; `overrides` carries what the caller decided. */
export const newFieldRow = (
  context: FieldRowContext,
  overrides: Partial<FieldRow> & Pick<FieldRow, 'name' | 'type' | 'label'>,
): FieldRow => {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    universalIdentifier: id,
    standardId: null,
    objectMetadataId: context.objectMetadataId,
    description: null,
    icon: null,
    isCustom: true,
    isActive: true,
    isSystem: false,
    isUIReadOnly: false,
    isNullable: true,
    isUnique: false,
    isLabelSyncedWithName: false,
    defaultValue: null,
    options: null,
    settings: null,
    relationTargetFieldMetadataId: null,
    relationTargetObjectMetadataId: null,
    morphId: null,
    applicationId: context.applicationId,
    createdAt: context.now,
    updatedAt: context.now,
    ...overrides,
  };
};

export const buildBaseField = (
  context: FieldRowContext,
  name: BaseFieldName,
  extra: Partial<FieldRow> = {},
): FieldRow => {
  const spec = BASE_FIELD_SPECS[name];
  return newFieldRow(context, {
    name,
    type: spec.type,
    label: spec.label,
    icon: spec.icon,
    description: spec.description,
    isNullable: spec.isNullable,
    isSystem: spec.isSystem,
    isUIReadOnly: spec.isUIReadOnly,
    isUnique: spec.isUnique ?? false,
    defaultValue: spec.defaultValue,
    settings: spec.settings ?? null,
    isCustom: false,
    ...extra,
  });
};
