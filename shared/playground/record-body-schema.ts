import type { ModelField, ModelObject, WorkspaceModel } from '../contract/data-model';
import {
  ACTOR_SOURCES,
  COMPOSITE_TYPES,
  isCompositeFieldType,
  type CompositeFieldType,
} from '../domain/composite-types';
import { isManyToOne, joinColumnOf } from './rest-query/filter-fields';
import type { RestOperation } from './rest-query';

/**
 * The JSON schema of a REST record body, from the workspace's model, so the body editor flags
 * what Twenty would refuse as it is typed: the fields Twenty's create/update inputs take (with
 * their types, composite sub-fields, select options as enums), fields it does not know, and on
 * create the fields it requires. Twenty requires a field on create when it is not nullable and
 * has no default (apply-type-options-for-create-input.util.ts); the server fills `createdAt`,
 * `updatedAt`, `deletedAt` and the search vector, which no input takes.
 */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  enumDescriptions?: string[];
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  patternErrorMessage?: string;
  uniqueItems?: boolean;
  minItems?: number;
  title?: string;
}

export type RecordBodyKind = 'create' | 'update';

const SERVER_FILLED = new Set(['createdAt', 'updatedAt', 'deletedAt', 'searchVector']);

const UUID: JsonSchema = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  patternErrorMessage: 'Not a UUID',
};

const RATINGS = ['RATING_1', 'RATING_2', 'RATING_3', 'RATING_4', 'RATING_5'];

/** Lets a schema also take null (a nullable field). */
const orNull = (schema: JsonSchema): JsonSchema => {
  if (schema.enum) return { ...schema, enum: [...schema.enum, null] };
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type)) return { ...schema, type: [...schema.type, 'null'] };
  if (schema.anyOf) return { ...schema, anyOf: [...schema.anyOf, { type: 'null' }] };
  return schema;
};

const closedObject = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  additionalProperties: false,
});

/** Composite sub-fields stored as JSON, with the shape Twenty's inputs give them. */
const JSON_SUB_FIELDS: Record<string, JsonSchema> = {
  'EMAILS.additionalEmails': { type: 'array', items: { type: 'string', format: 'email' } },
  'PHONES.additionalPhones': {
    type: 'array',
    items: closedObject({
      number: { type: 'string' },
      countryCode: { type: 'string' },
      callingCode: { type: 'string' },
    }),
  },
  'LINKS.secondaryLinks': {
    type: 'array',
    items: closedObject({ url: { type: 'string' }, label: { type: 'string' } }),
  },
  'ACTOR.context': { type: 'object' },
};

const optionsOf = (field: ModelField): Array<{ value: string; label: string }> =>
  Array.isArray(field.options)
    ? (field.options as Array<{ value?: unknown; label?: unknown }>)
        .filter((option) => typeof option.value === 'string')
        .map((option) => ({ value: option.value as string, label: String(option.label ?? '') }))
    : [];

const enumOf = (field: ModelField): JsonSchema => {
  const options = optionsOf(field);
  if (options.length === 0 && field.type === 'RATING') return { enum: [...RATINGS] };
  return {
    enum: options.map((option) => option.value),
    enumDescriptions: options.map((option) => option.label),
  };
};

/** A value of a scalar type (a field's or a composite sub-field's). */
const scalarSchema = (type: string, field: ModelField): JsonSchema => {
  switch (type) {
    case 'TEXT':
      return { type: 'string' };
    case 'UUID':
      return UUID;
    case 'NUMBER':
      return { type: field.settings?.dataType === 'int' ? 'integer' : 'number' };
    // BigFloat: a number, or a numeric string for amounts beyond a double's precision.
    case 'NUMERIC':
      return { type: ['number', 'string'] };
    case 'BOOLEAN':
      return { type: 'boolean' };
    case 'DATE_TIME':
      return { type: 'string', format: 'date-time' };
    case 'DATE':
      return { type: 'string', format: 'date' };
    case 'POSITION':
      return { anyOf: [{ type: 'number' }, { enum: ['first', 'last'] }] };
    case 'ARRAY':
      return { type: 'array', items: { type: 'string' } };
    case 'FILES':
      return { type: 'array', items: { type: 'object' } };
    case 'SELECT':
    case 'RATING':
      return enumOf(field);
    case 'MULTI_SELECT':
      return { type: 'array', items: enumOf(field), uniqueItems: true };
    default:
      return {}; // RAW_JSON and anything newer: any JSON
  }
};

const compositeSchema = (type: CompositeFieldType, field: ModelField): JsonSchema =>
  closedObject(
    Object.fromEntries(
      COMPOSITE_TYPES[type].map((sub) => {
        const shaped = JSON_SUB_FIELDS[`${type}.${sub.name}`];
        const schema =
          type === 'ACTOR' && sub.name === 'source'
            ? { enum: [...ACTOR_SOURCES] }
            : (shaped ?? scalarSchema(sub.type, field));
        return [sub.name, orNull(schema)];
      }),
    ),
  );

const descriptionOf = (field: ModelField, type = field.type): string =>
  [`${field.label} · ${type}`, field.description].filter(Boolean).join('\n');

/** Where a relation can be connected by: the target's id or any of its unique fields. */
const connectSchema = (field: ModelField, model: WorkspaceModel): JsonSchema => {
  const target = model.objects.find(
    (object) => object.nameSingular === field.relation?.targetObject,
  );
  const unique = (target?.fields ?? []).filter(
    (candidate) => candidate.isUnique && candidate.isActive && candidate.name !== 'id',
  );
  const where = closedObject({
    id: UUID,
    ...Object.fromEntries(
      unique.map((candidate) => [
        candidate.name,
        isCompositeFieldType(candidate.type)
          ? compositeSchema(candidate.type, candidate)
          : scalarSchema(candidate.type, candidate),
      ]),
    ),
  });
  return {
    ...closedObject({
      connect: { ...closedObject({ where }), required: ['where'] },
      disconnect: { type: 'boolean' },
    }),
    description: `${field.label} · connect a ${field.relation?.targetObject ?? 'record'} by id or a unique field, or disconnect`,
  };
};

const isRequired = (field: ModelField) =>
  !field.isNullable && (field.defaultValue === null || field.defaultValue === undefined);

/** One record as Twenty's `<Object>CreateInput` / `<Object>UpdateInput` takes it. */
export const recordBodySchema = (
  object: ModelObject,
  model: WorkspaceModel,
  kind: RecordBodyKind,
): JsonSchema => {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of object.fields) {
    if (!field.isActive || field.type === 'TS_VECTOR' || SERVER_FILLED.has(field.name)) continue;
    if (field.type === 'RELATION' || field.type === 'MORPH_RELATION') {
      if (!isManyToOne(field)) continue; // the other side of a one-to-many holds the key
      const column = joinColumnOf(field);
      const schema = { ...UUID, description: descriptionOf(field, 'UUID') };
      properties[column] = field.isNullable ? orNull(schema) : schema;
      if (kind === 'create' && isRequired(field)) required.push(column);
      if (field.type === 'RELATION') properties[field.name] = connectSchema(field, model);
      continue;
    }
    const value = isCompositeFieldType(field.type)
      ? compositeSchema(field.type, field)
      : scalarSchema(field.type, field);
    properties[field.name] = {
      ...(field.isNullable ? orNull(value) : value),
      description: descriptionOf(field),
    };
    if (kind === 'create' && isRequired(field)) required.push(field.name);
  }
  return {
    title: `${object.labelSingular} (${kind})`,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
};

/** The body an operation of the core REST API takes; null when it takes none. */
export const restBodySchema = (
  object: ModelObject,
  model: WorkspaceModel,
  operation: RestOperation,
): JsonSchema | null => {
  switch (operation) {
    case 'createOne':
      return recordBodySchema(object, model, 'create');
    case 'createMany':
      return {
        type: 'array',
        minItems: 1,
        items: recordBodySchema(object, model, 'create'),
        description: `${object.labelPlural} to create (at most 200)`,
      };
    case 'updateOne':
    case 'updateMany':
      return recordBodySchema(object, model, 'update');
    case 'findDuplicates':
      return closedObject({
        ids: { type: 'array', items: UUID, description: 'Records to find duplicates of' },
        data: {
          type: 'array',
          items: recordBodySchema(object, model, 'update'),
          description: 'Values to find duplicates of',
        },
      });
    case 'merge':
      return {
        ...closedObject({
          ids: { type: 'array', items: UUID, minItems: 2, description: 'Records to merge' },
          conflictPriorityIndex: {
            type: 'integer',
            description: 'Which of `ids` wins where values conflict',
          },
          dryRun: { type: 'boolean', description: 'Show the merged record without saving' },
        }),
        required: ['ids'],
      };
    default:
      return null;
  }
};
