import { randomUUID } from 'node:crypto';
import {
  MetadataException,
  ValidationCollector,
  type EntityValidationError,
} from './metadata-errors';
import { buildBaseField, BASE_FIELD_ORDER, newFieldRow, type FieldRowContext } from './base-fields';
import { searchVectorExpression } from './search-vector';
import {
  fieldsOfObject,
  type FieldRow,
  type IndexRow,
  type MetadataState,
  type ObjectRow,
} from './metadata-types';
import {
  computeMetadataNameFromLabel,
  IDENTIFIER_MAX_LENGTH,
  isNameSyncedWithLabel,
  passesDtoNameCheck,
  sanitiseText,
  validateMetadataName,
} from './validation/metadata-names';
import { joinColumnIndex } from './relation-fields';

/** createOneObject / updateOneObject / deleteOneObject on a draft metadata state. */
export interface CreateObjectInput {
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description?: string | null;
  icon?: string | null;
  shortcut?: string | null;
  color?: string | null;
  isRemote?: boolean | null;
  isLabelSyncedWithName?: boolean | null;
  skipNameField?: boolean | null;
  isSearchable?: boolean | null;
  universalIdentifier?: string | null;
}

const INVALID = 'INVALID_OBJECT_INPUT';
/** Standard objects whose `target<Object>` relation every custom object gets (Twenty 2.x). */
const SYSTEM_RELATION_HOSTS = [
  { host: 'timelineActivity', inverse: 'timelineActivities' },
  { host: 'attachment', inverse: 'attachments' },
  { host: 'noteTarget', inverse: 'noteTargets' },
  { host: 'taskTarget', inverse: 'taskTargets' },
];

/**
 * The DTO checks that run before any metadata validation (class-validator: IsNotEmpty,
 * IsValidMetadataName on names; IsNotEmpty on labels); their messages are joined the way Nest's
 * validation pipe joins them. IsNotEmpty refuses '' only: a whitespace-only value passes here and
 * is refused later by the metadata validators once trimmed ("Name is too short", "Object label is
 * too short"), as Twenty's failing-create-one-object-metadata-v2 spec expects.
 */
export const assertDtoNames = (
  input: Record<string, unknown>,
  keys: string[],
  labelKeys: string[] = [],
): void => {
  const messages: string[] = [];
  for (const key of keys) {
    const value = input[key];
    if (typeof value !== 'string') continue;
    const empty = value === '';
    if (!empty && passesDtoNameCheck(value)) continue;
    messages.push(`${key} has failed the name validation check`);
    if (empty) messages.push(`${key} should not be empty`);
  }
  for (const key of labelKeys) {
    if (input[key] === '') messages.push(`${key} should not be empty`);
  }
  if (messages.length > 0)
    throw new MetadataException(
      messages.join(', '),
      'BAD_USER_INPUT',
      'INVALID_OBJECT_INPUT',
      'An error occurred.',
    );
};

const labelErrors = (label: string): EntityValidationError[] => {
  if (label.length < 1)
    return [{ code: INVALID, message: 'Object label is too short', value: label }];
  if (label.length > IDENTIFIER_MAX_LENGTH)
    return [{ code: INVALID, message: 'Object label is too long', value: label }];
  return [];
};

/** Name/label rules shared by create and update; returns Twenty's entity errors. */
const validateObjectIdentity = (
  state: MetadataState,
  object: ObjectRow,
): EntityValidationError[] => {
  const errors: EntityValidationError[] = [
    ...validateMetadataName(object.nameSingular, INVALID),
    ...validateMetadataName(object.namePlural, INVALID),
  ];
  if (object.nameSingular.trim().toLowerCase() === object.namePlural.trim().toLowerCase()) {
    errors.push({
      code: INVALID,
      message: 'The singular and plural names cannot be the same for an object',
      value: object.namePlural,
    });
  }
  errors.push(...labelErrors(object.labelSingular), ...labelErrors(object.labelPlural));
  if (
    object.labelSingular.trim().toLowerCase() === object.labelPlural.trim().toLowerCase() &&
    object.labelSingular.length > 0
  ) {
    errors.push({
      code: INVALID,
      message: 'The singular and plural labels cannot be the same for an object',
      value: object.labelPlural,
    });
  }
  if (
    object.isLabelSyncedWithName &&
    !(
      isNameSyncedWithLabel(object.nameSingular, object.labelSingular) &&
      isNameSyncedWithLabel(object.namePlural, object.labelPlural)
    )
  ) {
    errors.push({ code: INVALID, message: 'Names are not synced with labels' });
  }
  for (const other of state.objects.values()) {
    if (other.id === object.id) continue;
    const taken = [other.nameSingular, other.namePlural];
    if (taken.includes(object.nameSingular) || taken.includes(object.namePlural)) {
      errors.push({
        code: 'OBJECT_ALREADY_EXISTS',
        message: 'Object already exists',
        userFriendlyMessage: 'An object with this name already exists.',
      });
      break;
    }
  }
  return errors;
};

const minimalObjectInfo = (object: ObjectRow) => ({
  id: object.id,
  namePlural: object.namePlural,
  nameSingular: object.nameSingular,
});

export const createObject = (
  state: MetadataState,
  input: CreateObjectInput,
  now: string,
): ObjectRow => {
  assertDtoNames(
    input as unknown as Record<string, unknown>,
    ['nameSingular', 'namePlural'],
    ['labelSingular', 'labelPlural'],
  );
  const id = randomUUID();
  const object: ObjectRow = {
    id,
    universalIdentifier: input.universalIdentifier ?? id,
    standardId: null,
    nameSingular: sanitiseText(input.nameSingular),
    namePlural: sanitiseText(input.namePlural),
    labelSingular: sanitiseText(input.labelSingular),
    labelPlural: sanitiseText(input.labelPlural),
    description: input.description ?? null,
    icon: input.icon ?? null,
    shortcut: input.shortcut ?? null,
    color: input.color ?? null,
    isCustom: true,
    isRemote: false,
    isActive: true,
    isSystem: false,
    isUIReadOnly: false,
    isSearchable: input.isSearchable ?? true,
    isLabelSyncedWithName: input.isLabelSyncedWithName ?? false,
    labelIdentifierFieldMetadataId: null,
    imageIdentifierFieldMetadataId: null,
    duplicateCriteria: [],
    openRecordIn: 'SIDE_PANEL',
    applicationId: state.workspace.customApplicationId,
    createdAt: now,
    updatedAt: now,
  };
  const errors = new ValidationCollector();
  for (const error of validateObjectIdentity(state, object))
    errors.add('objectMetadata', 'create_object', minimalObjectInfo(object), error);
  if (input.isRemote) {
    errors.add('objectMetadata', 'create_object', minimalObjectInfo(object), {
      code: INVALID,
      message: 'Remote objects are not supported yet',
    });
  }
  errors.throwIfAny('Multiple validation errors occurred while creating object');

  const context: FieldRowContext = {
    objectMetadataId: id,
    applicationId: state.workspace.customApplicationId,
    now,
  };
  const baseNames = BASE_FIELD_ORDER.filter((name) => !(input.skipNameField && name === 'name'));
  const fields = baseNames.map((name) =>
    buildBaseField(
      context,
      name,
      name === 'searchVector'
        ? {
            settings: {
              asExpression: searchVectorExpression(
                input.skipNameField ? [] : [{ name: 'name', type: 'TEXT' }],
              ),
              generatedType: 'STORED',
            },
          }
        : {},
    ),
  );
  const nameField = fields.find((field) => field.name === 'name');
  object.labelIdentifierFieldMetadataId =
    nameField?.id ?? fields.find((field) => field.name === 'id')!.id;
  state.objects.set(id, object);
  for (const field of fields) state.fields.set(field.id, field);
  addSystemRelations(state, object, now);
  return object;
};

/** Custom objects are linked to timeline activities, attachments, note and task targets. */
const addSystemRelations = (state: MetadataState, object: ObjectRow, now: string): void => {
  const objectsByName = new Map([...state.objects.values()].map((o) => [o.nameSingular, o]));
  for (const { host, inverse } of SYSTEM_RELATION_HOSTS) {
    const hostObject = objectsByName.get(host);
    if (!hostObject) continue;
    const sibling = fieldsOfObject(state, hostObject.id).find(
      (field) =>
        field.name.startsWith('target') &&
        (field.type === 'MORPH_RELATION' || field.type === 'RELATION') &&
        field.settings?.relationType === 'MANY_TO_ONE',
    );
    const type = sibling?.type ?? 'RELATION';
    const hostFieldName = `target${object.nameSingular.charAt(0).toUpperCase()}${object.nameSingular.slice(1)}`;
    const customSide = newFieldRow(
      { objectMetadataId: object.id, applicationId: state.workspace.customApplicationId, now },
      {
        name: inverse,
        type: 'RELATION',
        label: hostObject.labelPlural,
        icon: 'IconBuildingSkyscraper',
        isSystem: true,
        isCustom: false,
        settings: { relationType: 'ONE_TO_MANY' },
        relationTargetObjectMetadataId: hostObject.id,
      },
    );
    const hostSide = newFieldRow(
      { objectMetadataId: hostObject.id, applicationId: state.workspace.customApplicationId, now },
      {
        name: hostFieldName,
        type,
        label: object.labelSingular,
        icon: object.icon ?? 'IconBuildingSkyscraper',
        isSystem: true,
        isCustom: false,
        morphId: type === 'MORPH_RELATION' ? (sibling?.morphId ?? null) : null,
        settings: {
          relationType: 'MANY_TO_ONE',
          onDelete: (sibling?.settings?.onDelete as string | undefined) ?? 'CASCADE',
          joinColumnName: `${hostFieldName}Id`,
        },
        relationTargetObjectMetadataId: object.id,
        relationTargetFieldMetadataId: customSide.id,
      },
    );
    customSide.relationTargetFieldMetadataId = hostSide.id;
    state.fields.set(customSide.id, customSide);
    state.fields.set(hostSide.id, hostSide);
    const index: IndexRow = joinColumnIndex(hostSide, now);
    state.indexes.set(index.id, index);
  }
};

export interface UpdateObjectPayload {
  labelSingular?: string;
  labelPlural?: string;
  nameSingular?: string;
  namePlural?: string;
  description?: string | null;
  icon?: string | null;
  shortcut?: string | null;
  color?: string | null;
  isActive?: boolean;
  isSearchable?: boolean;
  labelIdentifierFieldMetadataId?: string | null;
  imageIdentifierFieldMetadataId?: string | null;
  isLabelSyncedWithName?: boolean;
  openRecordIn?: string;
}

const STANDARD_OBJECT_LOCKED = [
  'nameSingular',
  'namePlural',
  'labelIdentifierFieldMetadataId',
  'isLabelSyncedWithName',
] as const;

export const getObjectOrThrow = (state: MetadataState, id: string): ObjectRow => {
  const object = state.objects.get(id);
  if (!object)
    throw new MetadataException(
      'Object metadata not found',
      'NOT_FOUND',
      'OBJECT_METADATA_NOT_FOUND',
      'Object not found.',
    );
  return object;
};

export const updateObject = (
  state: MetadataState,
  id: string,
  update: UpdateObjectPayload,
  now: string,
): ObjectRow => {
  assertDtoNames(update as Record<string, unknown>, ['nameSingular', 'namePlural']);
  const current = getObjectOrThrow(state, id);
  const provided = Object.fromEntries(
    Object.entries(update).filter(([, value]) => value !== undefined),
  );
  if (!current.isCustom) {
    // Twenty refuses any locked key that is present, changed or not, listed alphabetically.
    const locked = STANDARD_OBJECT_LOCKED.filter((key) => key in provided).sort();
    if (locked.length > 0) {
      throw new MetadataException(
        `Cannot edit standard object metadata properties: ${locked.join(', ')}`,
        'BAD_USER_INPUT',
        INVALID,
        'Invalid object input.',
      );
    }
  }
  const next: ObjectRow = { ...current, ...provided, updatedAt: now } as ObjectRow;
  for (const key of ['labelSingular', 'labelPlural', 'nameSingular', 'namePlural'] as const)
    next[key] = sanitiseText(next[key]);
  if (
    next.isLabelSyncedWithName &&
    (update.labelSingular !== undefined || update.labelPlural !== undefined) &&
    update.nameSingular === undefined
  ) {
    try {
      next.nameSingular = computeMetadataNameFromLabel(next.labelSingular);
      next.namePlural = computeMetadataNameFromLabel(next.labelPlural);
    } catch {
      /* reported by validateObjectIdentity below */
    }
  }
  const errors = new ValidationCollector();
  const info = minimalObjectInfo(next);
  for (const error of validateObjectIdentity(state, next))
    errors.add('objectMetadata', 'update_object', info, error);
  if ('labelIdentifierFieldMetadataId' in update) {
    const fieldId = update.labelIdentifierFieldMetadataId;
    const field = fieldId ? state.fields.get(fieldId) : undefined;
    if (fieldId === null)
      errors.add('objectMetadata', 'update_object', info, {
        code: INVALID,
        message: 'labelIdentifierFieldMetadataId cannot be null',
        userFriendlyMessage: 'Field label identifier is required',
      });
    else if (!field || field.objectMetadataId !== id)
      throw new MetadataException(
        'New label identifier field not found for object metadata',
        'BAD_USER_INPUT',
        INVALID,
        'Invalid object input.',
      );
    else if (!['TEXT', 'FULL_NAME'].includes(field.type))
      // The search vector is computed from the label identifier; other types cannot feed it.
      throw new MetadataException(
        `Failed to compute search vector column expression for field ${field.name}`,
        'BAD_USER_INPUT',
        INVALID,
        'Invalid object input.',
      );
  }
  if (update.imageIdentifierFieldMetadataId) {
    const field = state.fields.get(update.imageIdentifierFieldMetadataId);
    if (!field || field.objectMetadataId !== id)
      errors.add('objectMetadata', 'update_object', info, {
        code: INVALID,
        message: 'Field declared as image identifier not found',
      });
  }
  errors.throwIfAny('Multiple validation errors occurred while updating object');
  state.objects.set(id, next);
  if (next.labelIdentifierFieldMetadataId !== current.labelIdentifierFieldMetadataId)
    reindexSearchVector(state, next, now);
  // Join columns of system relations follow the object's name (target<NameSingular>Id).
  if (next.nameSingular !== current.nameSingular)
    renameSystemRelationTargets(state, current, next, now);
  return next;
};

const renameSystemRelationTargets = (
  state: MetadataState,
  before: ObjectRow,
  after: ObjectRow,
  now: string,
): void => {
  const oldName = `target${before.nameSingular.charAt(0).toUpperCase()}${before.nameSingular.slice(1)}`;
  const newName = `target${after.nameSingular.charAt(0).toUpperCase()}${after.nameSingular.slice(1)}`;
  for (const field of state.fields.values()) {
    if (field.relationTargetObjectMetadataId === after.id && field.name === oldName) {
      state.fields.set(field.id, {
        ...field,
        name: newName,
        settings: { ...field.settings, joinColumnName: `${newName}Id` },
        updatedAt: now,
      });
    }
  }
};

export const deleteObject = (state: MetadataState, id: string): ObjectRow => {
  const object = state.objects.get(id);
  if (!object)
    throw new MetadataException(
      'Object to delete not found',
      'NOT_FOUND',
      'OBJECT_METADATA_NOT_FOUND',
      'Object not found.',
    );
  const errors = new ValidationCollector();
  if (!object.isCustom)
    errors.add('objectMetadata', 'delete_object', minimalObjectInfo(object), {
      code: 'OBJECT_MUTATION_NOT_ALLOWED',
      message: 'Standard objects cannot be deleted',
    });
  else if (object.isActive)
    errors.add('objectMetadata', 'delete_object', minimalObjectInfo(object), {
      code: INVALID,
      message: 'Active objects cannot be deleted',
    });
  errors.throwIfAny('Multiple validation errors occurred while deleting object');
  removeObject(state, object);
  return object;
};

/** Removes an object, its fields, its indexes and every relation field that points at it. */
const removeObject = (state: MetadataState, object: ObjectRow): void => {
  const doomed = new Set<string>();
  for (const field of state.fields.values()) {
    if (field.objectMetadataId === object.id || field.relationTargetObjectMetadataId === object.id)
      doomed.add(field.id);
  }
  for (const fieldId of doomed) state.fields.delete(fieldId);
  for (const [indexId, index] of state.indexes) {
    if (
      index.objectMetadataId === object.id ||
      index.fields.some((entry) => doomed.has(entry.fieldMetadataId))
    )
      state.indexes.delete(indexId);
  }
  state.objects.delete(object.id);
};

export const fieldRowsOf = (state: MetadataState, object: ObjectRow): FieldRow[] =>
  fieldsOfObject(state, object.id);

/** The search vector follows the label identifier (the generated column is rebuilt by planDdl). */
const reindexSearchVector = (state: MetadataState, object: ObjectRow, now: string): void => {
  const labelField = state.fields.get(object.labelIdentifierFieldMetadataId ?? '');
  const searchVector = fieldsOfObject(state, object.id).find((field) => field.type === 'TS_VECTOR');
  if (!labelField || !searchVector || !object.isCustom) return;
  state.fields.set(searchVector.id, {
    ...searchVector,
    settings: {
      ...searchVector.settings,
      asExpression: searchVectorExpression([{ name: labelField.name, type: labelField.type }]),
    },
    updatedAt: now,
  });
};
