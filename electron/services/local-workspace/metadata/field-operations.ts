import { randomUUID } from 'node:crypto';
import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
} from '../../../../shared/domain/composite-types';
import {
  isFieldMetadataType,
  NON_CREATABLE_FIELD_TYPES,
  type FieldMetadataType,
} from '../../../../shared/domain/field-metadata-type';
import { newFieldRow } from './base-fields';
import { isManyToOne, joinColumnNameOf } from './field-columns';
import {
  MetadataException,
  ValidationCollector,
  type EntityValidationError,
} from './metadata-errors';
import {
  fieldsOfObject,
  type FieldRow,
  type MetadataState,
  type ObjectRow,
  type SelectOption,
} from './metadata-types';
import { assertDtoNames } from './object-operations';
import { joinColumnIndex, uniqueFieldIndex } from './relation-fields';
import { validateDefaultValue } from './validation/default-value';
import {
  generateRatingOptions,
  normaliseOptions,
  validateEnumOptions,
} from './validation/field-options';
import {
  computeMetadataNameFromLabel,
  isNameSyncedWithLabel,
  sanitiseText,
  validateMetadataName,
} from './validation/metadata-names';
import { junctionTargetOf, validateJunctionTarget } from './validation/junction-target';
import { UUID_TEXT as UUID } from '../../../../shared/domain/uuid';

/** createOneField / updateOneField / deleteOneField on a draft metadata state. */
export interface RelationCreationPayload {
  type?: unknown;
  targetObjectMetadataId?: unknown;
  targetFieldLabel?: unknown;
  targetFieldIcon?: unknown;
}

export interface CreateFieldInput {
  type: string;
  name: string;
  label: string;
  objectMetadataId: string;
  description?: string | null;
  icon?: string | null;
  isActive?: boolean | null;
  isSystem?: boolean | null;
  isNullable?: boolean | null;
  isUnique?: boolean | null;
  isUIReadOnly?: boolean | null;
  defaultValue?: unknown;
  options?: unknown;
  settings?: Record<string, unknown> | null;
  isLabelSyncedWithName?: boolean | null;
  isRemoteCreation?: boolean | null;
  relationCreationPayload?: RelationCreationPayload | null;
  morphRelationsCreationPayload?: RelationCreationPayload[] | null;
  universalIdentifier?: string | null;
}

const CODE = 'INVALID_FIELD_INPUT';
const NOT_UNIQUE_TYPES: FieldMetadataType[] = [
  'CURRENCY',
  'FULL_NAME',
  'ADDRESS',
  'ACTOR',
  'RICH_TEXT',
];
const fieldInfo = (field: Pick<FieldRow, 'id' | 'name' | 'objectMetadataId'>) => ({
  id: field.id,
  name: field.name,
  objectMetadataId: field.objectMetadataId,
});

/** Names a field may not take on an object: other fields, join columns, composite columns. */
export const nameAvailabilityErrors = (
  state: MetadataState,
  objectId: string,
  name: string,
  selfIds: string[] = [],
): EntityValidationError[] => {
  for (const other of fieldsOfObject(state, objectId)) {
    if (selfIds.includes(other.id)) continue;
    if (other.name === name) {
      return [
        {
          code: 'NOT_AVAILABLE',
          message: `Name "${name}" is not available as it is already used by another field`,
          value: name,
        },
      ];
    }
    if (isManyToOne(other) && joinColumnNameOf(other) === name) {
      return [
        {
          code: 'NOT_AVAILABLE',
          message: `Name "${name}" is not available as it is already used by another join column name`,
          userFriendlyMessage: `Name "${name}" is not available as it is already used by join column name`,
          value: name,
        },
      ];
    }
    if (
      isCompositeFieldType(other.type) &&
      COMPOSITE_TYPES[other.type].some(
        (sub) => computeCompositeColumnName(other.name, sub.name) === name,
      )
    ) {
      return [
        {
          code: 'RESERVED_KEYWORD',
          message: `Name "${name}" is reserved composite field name`,
          userFriendlyMessage: `Name "${name}" is not available`,
          value: name,
        },
      ];
    }
  }
  return [];
};

const safeName = (label: string): string => {
  try {
    return label.trim() === '' ? '' : computeMetadataNameFromLabel(label);
  } catch {
    return '';
  }
};

/** The payload as Twenty echoes it in `value`: its four string properties trimmed and collapsed. */
const sanitisedPayload = (payload: RelationCreationPayload | null | undefined): unknown =>
  payload && typeof payload === 'object'
    ? Object.fromEntries(
        Object.entries(payload).map(([key, value]) => [
          key,
          RELATION_PAYLOAD_STRING_KEYS.includes(key) && typeof value === 'string'
            ? sanitiseText(value)
            : value,
        ]),
      )
    : payload;
const RELATION_PAYLOAD_STRING_KEYS = [
  'targetFieldIcon',
  'targetFieldLabel',
  'targetObjectMetadataId',
  'type',
];

/** An invalid payload, as validate-relation-creation-payload.util.ts reports it. */
const malformedPayload = (
  payload: RelationCreationPayload | null | undefined,
): EntityValidationError => ({
  code: 'FIELD_METADATA_RELATION_MALFORMED',
  message: 'Relation creation payload is invalid',
  userFriendlyMessage: 'Invalid relation creation payload',
  value: sanitisedPayload(payload),
});

/**
 * validate-relation-creation-payload(-or-throw).util.ts: class-validator IsUUID / IsString /
 * IsString / IsEnum, so an empty targetFieldIcon or targetFieldLabel passes here.
 */
const validateRelationPayload = (
  state: MetadataState,
  payload: RelationCreationPayload | null | undefined,
): EntityValidationError[] => {
  const clean = sanitisedPayload(payload) as RelationCreationPayload | null | undefined;
  if (
    !clean ||
    !['MANY_TO_ONE', 'ONE_TO_MANY'].includes(String(clean.type)) ||
    typeof clean.targetObjectMetadataId !== 'string' ||
    !UUID.test(clean.targetObjectMetadataId) ||
    typeof clean.targetFieldLabel !== 'string' ||
    typeof clean.targetFieldIcon !== 'string'
  ) {
    return [malformedPayload(payload)];
  }
  if (!state.objects.has(clean.targetObjectMetadataId)) {
    return [
      {
        code: 'FIELD_METADATA_RELATION_MALFORMED',
        message: 'Object metadata relation target not found for relation creation payload',
        userFriendlyMessage: 'Object targeted by field to create not found',
        value: clean,
      },
    ];
  }
  return [];
};

interface RelationPair {
  source: FieldRow;
  target: FieldRow;
}

/** One relation field and its inverse on the target object, as Twenty builds them. */
const buildRelationPair = (
  state: MetadataState,
  object: ObjectRow,
  base: FieldRow,
  payload: Required<
    Pick<
      RelationCreationPayload,
      'type' | 'targetObjectMetadataId' | 'targetFieldLabel' | 'targetFieldIcon'
    >
  >,
  errors: ValidationCollector,
  now: string,
  targetNameOverride?: string,
): RelationPair => {
  const type = payload.type as 'MANY_TO_ONE' | 'ONE_TO_MANY';
  const targetObject = state.objects.get(String(payload.targetObjectMetadataId))!;
  let inverseName = targetNameOverride ?? '';
  if (!targetNameOverride) {
    try {
      // An empty label gives an empty inverse name, reported by the name rules (as Twenty does).
      const label = String(payload.targetFieldLabel).trim();
      inverseName = label === '' ? '' : computeMetadataNameFromLabel(label);
    } catch (error) {
      errors.add('fieldMetadata', 'create_field', fieldInfo(base), {
        code: CODE,
        message: (error as Error).message,
      });
    }
  }
  const userSettings = base.settings ?? {};
  const source: FieldRow = {
    ...base,
    icon: base.icon ?? 'IconRelationOneToMany',
    defaultValue: null,
    options: null,
    isNullable: true,
    relationTargetObjectMetadataId: targetObject.id,
    settings:
      type === 'MANY_TO_ONE'
        ? {
            ...userSettings,
            relationType: 'MANY_TO_ONE',
            onDelete: userSettings.onDelete ?? 'SET_NULL',
            joinColumnName: `${base.name}Id`,
          }
        : { ...userSettings, relationType: 'ONE_TO_MANY' },
  };
  const target = newFieldRow(
    { objectMetadataId: targetObject.id, applicationId: base.applicationId, now },
    {
      name: inverseName,
      label: sanitiseText(String(payload.targetFieldLabel)),
      icon: String(payload.targetFieldIcon),
      type: 'RELATION',
      isSystem: base.isSystem,
      isCustom: base.isCustom,
      relationTargetObjectMetadataId: object.id,
      relationTargetFieldMetadataId: source.id,
      settings:
        type === 'MANY_TO_ONE'
          ? { relationType: 'ONE_TO_MANY' }
          : {
              relationType: 'MANY_TO_ONE',
              onDelete: 'SET_NULL',
              joinColumnName: `${inverseName}Id`,
            },
    },
  );
  source.relationTargetFieldMetadataId = target.id;
  return { source, target };
};

const checkName = (
  state: MetadataState,
  field: FieldRow,
  errors: ValidationCollector,
  op: 'create_field' | 'update_field',
  selfIds: string[],
) => {
  for (const error of [
    ...validateMetadataName(field.name, CODE),
    ...nameAvailabilityErrors(state, field.objectMetadataId, field.name, selfIds),
  ]) {
    errors.add('fieldMetadata', op, fieldInfo(field), error);
  }
  if (isManyToOne(field)) {
    for (const error of nameAvailabilityErrors(
      state,
      field.objectMetadataId,
      joinColumnNameOf(field),
      selfIds,
    )) {
      errors.add('fieldMetadata', op, fieldInfo(field), error);
    }
  }
};

export const createField = (
  state: MetadataState,
  input: CreateFieldInput,
  now: string,
): FieldRow => {
  assertDtoNames(input as unknown as Record<string, unknown>, ['name']);
  if (!isFieldMetadataType(input.type)) {
    throw new MetadataException(
      `Invalid field type: ${String(input.type)}`,
      'BAD_USER_INPUT',
      CODE,
    );
  }
  const type = input.type;
  const errors = new ValidationCollector();
  const object = state.objects.get(input.objectMetadataId);
  const id = randomUUID();
  const base = newFieldRow(
    {
      objectMetadataId: input.objectMetadataId,
      applicationId: state.workspace.customApplicationId,
      now,
    },
    {
      id,
      universalIdentifier: input.universalIdentifier ?? id,
      name: sanitiseText(input.name ?? ''),
      label: sanitiseText(input.label ?? ''),
      type,
      description: input.description ?? null,
      icon: input.icon ?? null,
      isActive: input.isActive ?? true,
      isSystem: input.isSystem ?? false,
      isNullable: input.isNullable ?? true,
      isUnique: input.isUnique ?? false,
      isUIReadOnly: input.isUIReadOnly ?? false,
      isLabelSyncedWithName: input.isLabelSyncedWithName ?? false,
      defaultValue: input.defaultValue ?? null,
      settings: input.settings ?? null,
    },
  );
  if (!object) {
    errors.add('fieldMetadata', 'create_field', fieldInfo(base), {
      code: 'OBJECT_METADATA_NOT_FOUND',
      message: 'Object metadata not found',
      userFriendlyMessage: 'Field to create related object not found',
    });
    errors.throwIfAny('Multiple validation errors occurred while creating fields');
    throw new Error('unreachable');
  }
  const report = (error: EntityValidationError) =>
    errors.add('fieldMetadata', 'create_field', fieldInfo(base), error);
  // Stage 1, as Twenty's input transpilation: payload shape problems end the request on their own.
  const transpile = new ValidationCollector();
  const transpileReport = (error: EntityValidationError) =>
    transpile.add('fieldMetadata', 'create_field', fieldInfo(base), error);
  if (type === 'TS_VECTOR')
    transpileReport({
      code: CODE,
      message: 'TS Vector is not supported for field creation',
      userFriendlyMessage: null,
    });
  if (type === 'RELATION') {
    validateRelationPayload(state, input.relationCreationPayload).forEach(transpileReport);
    const payload = input.relationCreationPayload;
    const selfInverseName =
      payload?.targetObjectMetadataId === object.id && typeof payload.targetFieldLabel === 'string'
        ? safeName(payload.targetFieldLabel)
        : null;
    if (
      selfInverseName !== null &&
      (selfInverseName === `${base.name}Id` || selfInverseName === base.name) &&
      !transpile.hasErrors
    ) {
      transpileReport(malformedPayload(payload));
    }
  }
  if (type === 'MORPH_RELATION')
    morphPayloadErrors(state, object, input.morphRelationsCreationPayload).forEach(transpileReport);
  transpile.throwIfAny('Multiple validation errors occurred while creating field', {
    transpilation: true,
  });

  const refusal = type === 'TS_VECTOR' ? undefined : NON_CREATABLE_FIELD_TYPES[type];
  if (refusal) {
    report({
      code: CODE,
      message: refusal,
      ...(type === 'NUMERIC'
        ? { userFriendlyMessage: 'Field type NUMERIC is not supported. Use Number instead.' }
        : {}),
      value: type,
    });
  }
  if (input.isRemoteCreation) report({ code: CODE, message: "Remote fields aren't supported" });
  if (object.isRemote) report({ code: CODE, message: 'Remote objects are read-only' });

  if (type === 'RATING') base.options = generateRatingOptions();
  else if (type === 'SELECT' || type === 'MULTI_SELECT') {
    base.options = normaliseOptions(input.options) as SelectOption[];
    validateEnumOptions(base.options, true).forEach(report);
  }
  if (base.isLabelSyncedWithName && !isNameSyncedWithLabel(base.name, base.label)) {
    report({
      code: 'NAME_NOT_SYNCED_WITH_LABEL',
      message: 'Name is not synced with label',
      userFriendlyMessage: 'Field name is not synced with field label',
      value: base.label,
    });
  }
  if (base.isUnique && NOT_UNIQUE_TYPES.includes(type))
    report({ code: CODE, message: `${type} fields cannot be unique.` });
  if (base.isUnique && type === 'FILES')
    report({ code: CODE, message: 'Files field is not supported for unique fields' });
  if (type === 'FILES') {
    const max = base.settings?.maxNumberOfValues;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 10) {
      report({
        code: CODE,
        message: 'Files field settings maxNumberOfValues must be an integer between 1 and 10',
      });
    }
  }

  const created: FieldRow[] = [];
  if (type === 'RELATION') {
    if (base.isUnique) report({ code: CODE, message: 'RELATION fields cannot be unique.' });
    {
      const pair = buildRelationPair(
        state,
        object,
        base,
        input.relationCreationPayload as Required<RelationCreationPayload>,
        errors,
        now,
      );
      checkName(state, pair.source, errors, 'create_field', []);
      for (const error of validateJunctionTarget(pair.source, state.fields))
        errors.add('fieldMetadata', 'create_field', fieldInfo(pair.source), error);
      const inverseInfo = fieldInfo(pair.target);
      for (const error of validateMetadataName(pair.target.name, CODE))
        errors.add('fieldMetadata', 'create_field', inverseInfo, error);
      const sameObject = pair.target.objectMetadataId === pair.source.objectMetadataId;
      const collide =
        sameObject &&
        (pair.target.name === pair.source.name ||
          pair.target.name === joinColumnNameOf(pair.source));
      for (const error of [
        ...nameAvailabilityErrors(state, pair.target.objectMetadataId, pair.target.name),
        ...(collide
          ? [
              {
                code: 'NOT_AVAILABLE',
                message: `Name "${pair.target.name}" is not available as it is already used by another field`,
                value: pair.target.name,
              },
            ]
          : []),
      ]) {
        errors.add('fieldMetadata', 'create_field', inverseInfo, error);
      }
      created.push(pair.source, pair.target);
    }
  } else if (type === 'MORPH_RELATION') {
    created.push(
      ...buildMorphFields(
        state,
        object,
        base,
        input.morphRelationsCreationPayload ?? [],
        errors,
        now,
      ),
    );
  } else {
    validateDefaultValue(type, base.defaultValue, base.options).forEach(report);
    checkName(state, base, errors, 'create_field', []);
    created.push(base);
  }
  errors.throwIfAny('Multiple validation errors occurred while creating fields');

  for (const field of created) {
    state.fields.set(field.id, field);
    if (isManyToOne(field)) {
      const index = joinColumnIndex(field, now);
      state.indexes.set(index.id, index);
    }
    if (field.isUnique) {
      const index = uniqueFieldIndex(field, now);
      state.indexes.set(index.id, index);
    }
  }
  return created[0]!;
};

/** Twenty's transpile-stage checks of morphRelationsCreationPayload. */
const morphPayloadErrors = (
  state: MetadataState,
  object: ObjectRow,
  payloads: RelationCreationPayload[] | null | undefined,
): EntityValidationError[] => {
  const found: EntityValidationError[] = [];
  const report = (error: EntityValidationError) => found.push(error);
  if (!Array.isArray(payloads) || payloads.length === 0) {
    report({
      code: 'FIELD_METADATA_RELATION_MALFORMED',
      message: 'Morph relation creation payloads are empty',
    });
    return found;
  }
  const malformed = payloads.flatMap((payload) => validateRelationPayload(state, payload));
  if (malformed.length > 0) {
    malformed.forEach(report);
    return found;
  }
  if (new Set(payloads.map((payload) => payload.type)).size > 1) {
    report({
      code: 'FIELD_METADATA_RELATION_MALFORMED',
      message: 'Morph relation creation payloads must have the same relation type',
    });
  }
  if (payloads.some((payload) => payload.targetObjectMetadataId === object.id)) {
    report({
      code: 'FIELD_METADATA_RELATION_MALFORMED',
      message: 'Morph relation creation payloads must not target source object metadata',
      userFriendlyMessage:
        'Morph relation creation payloads must only contain relation to other object metadata',
    });
  }
  if (new Set(payloads.map((payload) => payload.targetObjectMetadataId)).size !== payloads.length) {
    report({
      code: 'FIELD_METADATA_RELATION_MALFORMED',
      message:
        'Morph relation creation payloads must have only relation to the same object metadata',
      userFriendlyMessage:
        'Morph relation creation payloads must only contain relation to the same object metadata',
    });
  }
  return found;
};

/** MORPH_RELATION: one field per target sharing a morphId, named <name><Target>. */
const buildMorphFields = (
  state: MetadataState,
  object: ObjectRow,
  base: FieldRow,
  payloads: RelationCreationPayload[],
  errors: ValidationCollector,
  now: string,
): FieldRow[] => {
  const report = (error: EntityValidationError) =>
    errors.add('fieldMetadata', 'create_field', fieldInfo(base), error);
  validateMetadataName(base.name, CODE).forEach(report);
  const morphId = randomUUID();
  const fields: FieldRow[] = [];
  for (const payload of payloads) {
    const target = state.objects.get(String(payload.targetObjectMetadataId))!;
    const suffix = payload.type === 'MANY_TO_ONE' ? target.nameSingular : target.namePlural;
    const name = `${base.name}${suffix.charAt(0).toUpperCase()}${suffix.slice(1)}`;
    const id = randomUUID();
    const pair = buildRelationPair(
      state,
      object,
      { ...base, id, universalIdentifier: id, name, type: 'MORPH_RELATION', morphId },
      payload as Required<RelationCreationPayload>,
      errors,
      now,
    );
    checkName(state, pair.source, errors, 'create_field', []);
    for (const error of nameAvailabilityErrors(
      state,
      pair.target.objectMetadataId,
      pair.target.name,
    )) {
      errors.add('fieldMetadata', 'create_field', fieldInfo(pair.target), error);
    }
    fields.push(pair.source, pair.target);
  }
  return fields;
};

export interface UpdateFieldInput {
  name?: string;
  label?: string;
  description?: string | null;
  icon?: string | null;
  isActive?: boolean;
  isUnique?: boolean;
  isLabelSyncedWithName?: boolean;
  defaultValue?: unknown;
  options?: unknown;
  settings?: Record<string, unknown> | null;
  [other: string]: unknown;
}

const CUSTOM_EDITABLE = [
  'defaultValue',
  'description',
  'icon',
  'isActive',
  'isLabelSyncedWithName',
  'isUnique',
  'label',
  'name',
  'options',
  'settings',
];
const STANDARD_EDITABLE = [
  'defaultValue',
  'description',
  'icon',
  'isActive',
  'label',
  'options',
  'settings',
];
const RELATION_EDITABLE = [
  'label',
  'description',
  'isActive',
  'icon',
  'name',
  'settings',
  'isLabelSyncedWithName',
];

export const getFieldOrThrow = (state: MetadataState, id: string): FieldRow => {
  const field = state.fields.get(id);
  if (!field)
    throw new MetadataException(
      'Field metadata not found',
      'NOT_FOUND',
      'FIELD_METADATA_NOT_FOUND',
      'Field not found.',
    );
  return field;
};

export const updateField = (
  state: MetadataState,
  id: string,
  update: UpdateFieldInput,
  now: string,
): FieldRow => {
  assertDtoNames(update as Record<string, unknown>, ['name']);
  const current = getFieldOrThrow(state, id);
  const changed = Object.keys(update).filter(
    (key) =>
      update[key] !== undefined &&
      JSON.stringify(update[key]) !==
        JSON.stringify((current as unknown as Record<string, unknown>)[key]),
  );
  const isRelation = current.type === 'RELATION' || current.type === 'MORPH_RELATION';
  if (!current.isCustom) {
    // Any non-editable key present is refused (changed or not), listed alphabetically, as Twenty does.
    const present = Object.keys(update).filter((key) => update[key] !== undefined);
    const locked = present
      .filter((key) => !STANDARD_EDITABLE.includes(key) && !(isRelation && key === 'settings'))
      .sort();
    if (locked.length > 0) {
      throw new MetadataException(
        `Cannot edit standard field metadata properties: ${locked.join(', ')}`,
        'FORBIDDEN',
        'FIELD_MUTATION_NOT_ALLOWED',
        'This field cannot be modified.',
      );
    }
  }
  if (isRelation) {
    const forbidden = changed.filter((key) => !RELATION_EDITABLE.includes(key));
    if (forbidden.length > 0) {
      throw new MetadataException(
        `Forbidden updated properties for relation field metadata: ${forbidden.join(', ')}`,
        'FORBIDDEN',
        'FIELD_MUTATION_NOT_ALLOWED',
        'This field cannot be modified.',
      );
    }
  }
  const applied = Object.fromEntries(
    changed.filter((key) => CUSTOM_EDITABLE.includes(key)).map((key) => [key, update[key]]),
  );
  const next: FieldRow = { ...current, ...applied, updatedAt: now } as FieldRow;
  next.name = sanitiseText(next.name);
  next.label = sanitiseText(next.label);
  const errors = new ValidationCollector();
  const report = (error: EntityValidationError) =>
    errors.add('fieldMetadata', 'update_field', fieldInfo(next), error);
  if (next.isLabelSyncedWithName && 'label' in applied && !('name' in applied)) {
    try {
      next.name = computeMetadataNameFromLabel(next.label);
    } catch (error) {
      report({ code: CODE, message: (error as Error).message });
    }
  }
  if (isManyToOne(next) && next.name !== current.name)
    next.settings = { ...next.settings, joinColumnName: `${next.name}Id` };
  // Twenty validates the new name (rules, then availability) before the name/label sync.
  if (next.name !== current.name) checkName(state, next, errors, 'update_field', [current.id]);
  if (
    next.isLabelSyncedWithName &&
    'name' in applied &&
    !isNameSyncedWithLabel(next.name, next.label)
  ) {
    report({
      code: 'FIELD_MUTATION_NOT_ALLOWED',
      message: 'Name is not synced with label.',
      userFriendlyMessage: 'Updated field name is not synced with label',
    });
  }
  if (isRelation && 'settings' in applied) {
    const relationType = current.settings?.relationType;
    next.settings = {
      ...(applied.settings as Record<string, unknown>),
      relationType,
      ...(isManyToOne(current) ? { joinColumnName: joinColumnNameOf(next) } : {}),
    };
    if (relationType !== 'MANY_TO_ONE' && next.settings.onDelete !== undefined)
      report({
        code: CODE,
        message: 'On delete action is only supported for many to one relations',
      });
    if (
      relationType === 'MANY_TO_ONE' &&
      !['CASCADE', 'RESTRICT', 'SET_NULL', 'NO_ACTION', undefined].includes(
        next.settings.onDelete as string,
      )
    ) {
      report({ code: CODE, message: 'Invalid on delete action' });
    }
    if (isManyToOne(current) && next.settings.onDelete === undefined)
      next.settings.onDelete = current.settings?.onDelete ?? 'SET_NULL';
    // Twenty resolves the junction field's universal identifier before validating: an unknown id
    // fails there, as a not-found error rather than a validation error.
    const junction = junctionTargetOf(next);
    if (junction !== undefined && junction !== null && !state.fields.has(String(junction)))
      throw new MetadataException(
        `Field metadata universal identifier not found for id: ${String(junction)}`,
        'NOT_FOUND',
        'RELATION_UNIVERSAL_IDENTIFIER_NOT_FOUND',
        'An error occurred.',
      );
    validateJunctionTarget(next, state.fields).forEach(report);
  }
  if ('options' in applied && (next.type === 'SELECT' || next.type === 'MULTI_SELECT')) {
    next.options = normaliseOptions(applied.options) as SelectOption[];
    validateEnumOptions(next.options, true).forEach(report);
  } else if ('options' in applied && next.type === 'RATING') {
    next.options = current.options;
  }
  if ('defaultValue' in update && update.defaultValue === null && !current.isNullable) {
    report({ code: CODE, message: 'Default value cannot be nullified for non-nullable field' });
  }
  if ('defaultValue' in applied || 'options' in applied) {
    if (
      (next.type === 'SELECT' || next.type === 'MULTI_SELECT') &&
      'options' in applied &&
      !('defaultValue' in applied)
    ) {
      // A default that no longer matches an option is dropped rather than left dangling.
      const values = new Set((next.options ?? []).map((option) => option.value));
      const kept = Array.isArray(next.defaultValue)
        ? (next.defaultValue as string[]).filter((value) => values.has(value.replace(/^'|'$/g, '')))
        : next.defaultValue;
      next.defaultValue = Array.isArray(kept)
        ? kept.length
          ? kept
          : null
        : typeof kept === 'string' && !values.has(kept.replace(/^'|'$/g, ''))
          ? null
          : kept;
    }
    if (!isRelation)
      validateDefaultValue(next.type, next.defaultValue, next.options).forEach(report);
  }
  if (next.isUnique && !current.isUnique) {
    if (NOT_UNIQUE_TYPES.includes(next.type))
      report({ code: CODE, message: `${next.type} fields cannot be unique.` });
    if (next.type === 'FILES')
      report({ code: CODE, message: 'Files field is not supported for unique fields' });
  }
  errors.throwIfAny('Multiple validation errors occurred while updating field');

  state.fields.set(id, next);
  if (next.isUnique !== current.isUnique) {
    for (const [indexId, index] of state.indexes) {
      if (index.isUnique && index.fields.length === 1 && index.fields[0]?.fieldMetadataId === id)
        state.indexes.delete(indexId);
    }
    if (next.isUnique) {
      const index = uniqueFieldIndex(next, now);
      state.indexes.set(index.id, index);
    }
  }
  return next;
};

export const deleteField = (state: MetadataState, id: string): FieldRow => {
  const field = state.fields.get(id);
  if (!field)
    throw new MetadataException(
      'Field to delete not found',
      'NOT_FOUND',
      'FIELD_METADATA_NOT_FOUND',
      'Field not found.',
    );
  const object = state.objects.get(field.objectMetadataId);
  const errors = new ValidationCollector();
  const report = (error: EntityValidationError) =>
    errors.add('fieldMetadata', 'delete_field', fieldInfo(field), error);
  if (!field.isCustom)
    report({
      code: 'FIELD_MUTATION_NOT_ALLOWED',
      message: "Standard Fields can't be deleted",
      userFriendlyMessage: 'Standard fields cannot be deleted',
    });
  if (object?.labelIdentifierFieldMetadataId === id) {
    report({
      code: 'FIELD_MUTATION_NOT_ALLOWED',
      message: 'Cannot delete, please update the label identifier field first',
    });
  }
  errors.throwIfAny('Multiple validation errors occurred while deleting field');
  // A morph relation is one field per target sharing a morphId: they go together, with their inverses.
  const siblings =
    field.type === 'MORPH_RELATION' && field.morphId
      ? [...state.fields.values()].filter(
          (other) =>
            other.morphId === field.morphId && other.objectMetadataId === field.objectMetadataId,
        )
      : [field];
  const doomed = new Set<string>();
  for (const sibling of siblings) {
    doomed.add(sibling.id);
    if (sibling.relationTargetFieldMetadataId) doomed.add(sibling.relationTargetFieldMetadataId);
  }
  for (const fieldId of doomed) state.fields.delete(fieldId);
  for (const [indexId, index] of state.indexes) {
    const remaining = index.fields.filter((entry) => !doomed.has(entry.fieldMetadataId));
    if (remaining.length === 0) state.indexes.delete(indexId);
    else if (remaining.length !== index.fields.length)
      state.indexes.set(indexId, { ...index, fields: remaining });
  }
  if (object && object.imageIdentifierFieldMetadataId === id)
    state.objects.set(object.id, { ...object, imageIdentifierFieldMetadataId: null });
  return field;
};
