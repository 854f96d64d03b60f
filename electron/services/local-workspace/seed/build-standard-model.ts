import { randomUUID } from 'node:crypto';
import {
  buildBaseField,
  BASE_FIELD_ORDER,
  newFieldRow,
  type BaseFieldName,
} from '../metadata/base-fields';
import { searchFieldsOf, searchVectorExpression } from '../metadata/search-vector';
import { isManyToOne } from '../metadata/field-columns';
import type { FieldRow, MetadataState, ObjectRow, SelectOption } from '../metadata/metadata-types';
import { joinColumnIndex, uniqueFieldIndex } from '../metadata/relation-fields';
import type {
  StandardFieldDefinition,
  StandardObjectDefinition,
} from './standard-object-definition';
import { STANDARD_UNIVERSAL_IDENTIFIERS } from './standard-objects/universal-identifiers';

/** Twenty's fixed identifiers from twenty-sdk 2.43 (base fields and morph groups are not in the definitions). */
const sdkIdentifiers = (objectName: string) =>
  (
    STANDARD_UNIVERSAL_IDENTIFIERS as Record<
      string,
      { fields: Record<string, string>; morphIds?: Record<string, string> }
    >
  )[objectName];

/**
 * Builds Twenty's standard data model into a draft metadata state: objects, their base fields,
 * their declared fields, relation pairs wired by name, label identifiers and indexes.
 */
/** Object properties Twenty sets on its standard objects that the definitions do not carry. */
const STANDARD_SHORTCUTS: Record<string, string> = {
  company: 'C',
  person: 'P',
  opportunity: 'O',
  note: 'N',
  task: 'T',
  dashboard: 'D',
  workflow: 'W',
};
const OPENS_IN_RECORD_PAGE = new Set([
  'dashboard',
  'workflow',
  'workflowVersion',
  'messageCampaign',
]);

export const buildStandardModel = (
  state: MetadataState,
  definitions: StandardObjectDefinition[],
  now: string,
): void => {
  const applicationId = state.workspace.standardApplicationId;
  const objectsByName = new Map<string, ObjectRow>();
  const fieldsByKey = new Map<string, FieldRow>();
  const definitionsByKey = new Map<string, StandardFieldDefinition>();

  for (const definition of definitions) {
    const id = randomUUID();
    const object: ObjectRow = {
      id,
      universalIdentifier: definition.universalIdentifier ?? id,
      standardId: definition.universalIdentifier ?? id,
      nameSingular: definition.nameSingular,
      namePlural: definition.namePlural,
      labelSingular: definition.labelSingular,
      labelPlural: definition.labelPlural,
      description: definition.description ?? null,
      icon: definition.icon ?? null,
      shortcut: STANDARD_SHORTCUTS[definition.nameSingular] ?? null,
      color: null,
      isCustom: false,
      isRemote: false,
      isActive: true,
      isSystem: definition.isSystem ?? false,
      isUIReadOnly: false,
      isSearchable: definition.isSearchable ?? false,
      isLabelSyncedWithName: false,
      labelIdentifierFieldMetadataId: null,
      imageIdentifierFieldMetadataId: null,
      duplicateCriteria: definition.duplicateCriteria ?? [],
      openRecordIn: OPENS_IN_RECORD_PAGE.has(definition.nameSingular)
        ? 'RECORD_PAGE'
        : 'SIDE_PANEL',
      applicationId,
      createdAt: now,
      updatedAt: now,
    };
    objectsByName.set(definition.nameSingular, object);
    state.objects.set(id, object);
    const context = { objectMetadataId: id, applicationId, now };
    const baseNames = (definition.baseFields ??
      BASE_FIELD_ORDER.filter((n) => n !== 'name')) as BaseFieldName[];
    for (const name of baseNames) {
      const universalIdentifier = sdkIdentifiers(definition.nameSingular)?.fields[name];
      const field = buildBaseField(context, name, {
        isCustom: false,
        ...(universalIdentifier ? { universalIdentifier, standardId: universalIdentifier } : {}),
      });
      fieldsByKey.set(`${definition.nameSingular}.${name}`, field);
    }
    for (const fieldDefinition of definition.fields) {
      const field = newFieldRow(context, {
        name: fieldDefinition.name,
        label: fieldDefinition.label,
        type: fieldDefinition.type,
        description: fieldDefinition.description ?? null,
        icon: fieldDefinition.icon ?? null,
        isCustom: false,
        isNullable: fieldDefinition.isNullable ?? true,
        isSystem: fieldDefinition.isSystem ?? false,
        isUnique: fieldDefinition.isUnique ?? false,
        isActive: fieldDefinition.isActive ?? true,
        isUIReadOnly: fieldDefinition.isUIReadOnly ?? false,
        defaultValue: fieldDefinition.defaultValue ?? null,
        options:
          fieldDefinition.options?.map((option): SelectOption => ({
            id: randomUUID(),
            ...option,
          })) ?? null,
        settings: fieldDefinition.settings ?? null,
      });
      if (fieldDefinition.universalIdentifier) {
        field.universalIdentifier = fieldDefinition.universalIdentifier;
        field.standardId = fieldDefinition.universalIdentifier;
      }
      fieldsByKey.set(`${definition.nameSingular}.${fieldDefinition.name}`, field);
      definitionsByKey.set(`${definition.nameSingular}.${fieldDefinition.name}`, fieldDefinition);
    }
  }

  // Wire relations by name, now that every field has an id.
  const morphIds = new Map<string, string>();
  for (const [key, field] of fieldsByKey) {
    const definition = definitionsByKey.get(key);
    const relation = definition?.relation;
    if (!relation) continue;
    const target = objectsByName.get(relation.target);
    const inverse = fieldsByKey.get(`${relation.target}.${relation.inverse}`);
    if (!target || !inverse)
      throw new Error(
        `Standard relation ${key} → ${relation.target}.${relation.inverse} is incomplete`,
      );
    field.relationTargetObjectMetadataId = target.id;
    field.relationTargetFieldMetadataId = inverse.id;
    field.settings =
      relation.type === 'MANY_TO_ONE'
        ? {
            ...field.settings,
            relationType: 'MANY_TO_ONE',
            onDelete: relation.onDelete ?? 'SET_NULL',
            joinColumnName: `${field.name}Id`,
          }
        : { ...field.settings, relationType: 'ONE_TO_MANY' };
    if (field.type === 'MORPH_RELATION' && definition?.morphGroup) {
      const groupKey = `${key.split('.')[0]}.${definition.morphGroup}`;
      const objectName = key.split('.')[0]!;
      const fixed = sdkIdentifiers(objectName)?.morphIds?.[`${definition.morphGroup}MorphId`];
      if (!morphIds.has(groupKey)) morphIds.set(groupKey, fixed ?? randomUUID());
      field.morphId = morphIds.get(groupKey)!;
    }
  }

  for (const definition of definitions) {
    const object = objectsByName.get(definition.nameSingular)!;
    const own = [...fieldsByKey.entries()]
      .filter(([key]) => key.startsWith(`${definition.nameSingular}.`))
      .map(([, f]) => f);
    const labelField = own.find((field) => field.name === definition.labelIdentifierFieldName);
    const imageField = definition.imageIdentifierFieldName
      ? own.find((f) => f.name === definition.imageIdentifierFieldName)
      : undefined;
    const searchVector = own.find((field) => field.name === 'searchVector');
    if (searchVector) {
      const fields = searchFieldsOf(
        own,
        labelField && labelField.type !== 'UUID' ? labelField : undefined,
        definition.searchFields,
      );
      searchVector.settings = {
        asExpression: searchVectorExpression(fields),
        generatedType: 'STORED',
      };
    }
    state.objects.set(object.id, {
      ...object,
      labelIdentifierFieldMetadataId:
        labelField?.id ?? own.find((field) => field.name === 'id')?.id ?? null,
      imageIdentifierFieldMetadataId: imageField?.id ?? null,
    });
    for (const field of own) {
      state.fields.set(field.id, field);
      if (isManyToOne(field)) {
        const index = joinColumnIndex(field, now);
        state.indexes.set(index.id, index);
      }
      if (field.isUnique && field.name !== 'id') {
        const index = uniqueFieldIndex(field, now);
        state.indexes.set(index.id, index);
      }
    }
  }
};
