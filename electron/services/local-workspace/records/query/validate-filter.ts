import { inspect } from 'node:util';
import {
  COMPOSITE_TYPES,
  isCompositeFieldType,
} from '../../../../../shared/domain/composite-types';
import { isLeaf, type FilterNode } from '../../../../../shared/domain/rest-grammar/filter-ast';
import { isManyToOne, joinColumnNameOf } from '../../metadata/field-columns';
import type { SelectOption } from '../../metadata/metadata-types';
import { RecordError } from '../record-errors';
import { objectShape, type ObjectShape } from '../record-shape';
import { isAcceptedDate, isAcceptedDateTime } from './date-formats';

/**
 * Every filter leaf checked against its field's type before any SQL is built, as Twenty's
 * FilterArgProcessorService does for both APIs: the operator must be one the type allows, and the
 * value must fit the operator and the type (numbers are parsed from strings, as Twenty does).
 * Refusals are 400 / BAD_USER_INPUT with subCode INVALID_ARGS_FILTER and Twenty's messages.
 * Source: packages/twenty-server/src/engine/api/common/common-args-processors/filter-arg-processor/
 * (filter-arg-processor.service.ts, utils/*, validator-utils/*, constants/filter-operators.constant.ts).
 */
type Leaf = Extract<FilterNode, { path: string[] }>;

const STRING_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'is',
  'like',
  'ilike',
  'startsWith',
  'endsWith',
];
const NUMBER_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'is'];
const ENUM_OPERATORS = ['eq', 'neq', 'in', 'containsAny', 'is', 'isEmptyArray'];

/** get-operators-for-field-type.util.ts */
export const OPERATORS_BY_FIELD_TYPE: Record<string, readonly string[]> = {
  TEXT: STRING_OPERATORS,
  NUMBER: NUMBER_OPERATORS,
  NUMERIC: NUMBER_OPERATORS,
  POSITION: NUMBER_OPERATORS,
  BOOLEAN: ['eq', 'is'],
  DATE: NUMBER_OPERATORS,
  DATE_TIME: NUMBER_OPERATORS,
  UUID: NUMBER_OPERATORS,
  RELATION: NUMBER_OPERATORS,
  MORPH_RELATION: NUMBER_OPERATORS,
  ARRAY: ['containsIlike', 'is', 'isEmptyArray'],
  MULTI_SELECT: ['containsAny', 'is', 'isEmptyArray'],
  SELECT: ENUM_OPERATORS,
  RATING: ENUM_OPERATORS,
  RAW_JSON: ['is', 'like'],
  FILES: ['is', 'like'],
  RICH_TEXT: ['ilike'],
  TS_VECTOR: ['eq', 'neq', 'is'],
  ACTOR: ['eq', 'neq', 'is'],
  ADDRESS: ['eq', 'neq', 'is'],
  CURRENCY: ['eq', 'neq', 'is'],
  EMAILS: ['eq', 'neq', 'is'],
  FULL_NAME: ['eq', 'neq', 'is'],
  LINKS: ['eq', 'neq', 'is'],
  PHONES: ['eq', 'neq', 'is'],
};

/** Twenty's isValidUuid (twenty-shared/src/utils/validation/isValidUuid.ts). */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const invalidFilter = (message: string, userFriendlyMessage: string): RecordError =>
  new RecordError(message, 'BAD_REQUEST', 'INVALID_ARGS_FILTER', userFriendlyMessage);

/**
 * Why a path names no comparable field, in Twenty's words (filter-arg-processor.service.ts): an
 * unknown field, a relation compared by name, or a composite's unknown sub-field (for a composite
 * compared directly, the operator is read as its sub-field, as Twenty reads `{emails: {eq}}`).
 */
export const unknownFilterField = (
  shape: ObjectShape,
  path: string[],
  op?: string,
): RecordError => {
  const [head = '', sub] = path;
  const field = shape.byName.get(head);
  const joinColumn = shape.fields.some(
    (candidate) => isManyToOne(candidate) && joinColumnNameOf(candidate) === head,
  );
  if (!field && !joinColumn) {
    const name = shape.object.nameSingular;
    return invalidFilter(
      `Object ${name} doesn't have any "${head}" field.`,
      `Invalid filter : ${name} object doesn't have any "${head}" field.`,
    );
  }
  if (field && (field.type === 'RELATION' || field.type === 'MORPH_RELATION')) {
    if (!isManyToOne(field))
      return invalidFilter(
        `Cannot filter by relation field "${head}"`,
        `Invalid filter: filtering by relation field "${head}" is not supported`,
      );
    const column = joinColumnNameOf(field);
    return invalidFilter(
      `Cannot filter by relation field "${head}": use "${column}" instead`,
      `Invalid filter: use "${column}" to filter by this relation field`,
    );
  }
  if (field && isCompositeFieldType(field.type))
    return invalidFilter(
      `Sub field "${sub ?? op ?? ''}" not found for composite type: ${field.type}`,
      'An error occurred.',
    );
  return invalidFilter(
    `'filter' invalid. Field '${path.join('.')}' cannot be filtered on '${shape.object.nameSingular}'`,
    'An error occurred.',
  );
};

/**
 * A path through a many-to-one relation (`company.name`): the target's shape and the rest of the
 * path, one hop at most (Twenty's MAX_RELATION_FILTER_DEPTH); null when the path does not start
 * with a relation.
 */
export const relationHop = (
  shape: ObjectShape,
  path: string[],
): { target: ObjectShape; column: string; rest: string[] } | null => {
  const [head = '', ...rest] = path;
  const field = shape.byName.get(head);
  if (!field || !isManyToOne(field) || rest.length === 0) return null;
  const object = shape.state.objects.get(field.relationTargetObjectMetadataId ?? '');
  if (!object) return null;
  return { target: objectShape(shape.state, object), column: joinColumnNameOf(field), rest };
};

const TOO_DEEP = () =>
  invalidFilter(
    'Relation filter nesting deeper than 1 hop is not supported',
    'Relation filters can only traverse one relation deep',
  );

interface LeafField {
  /** As Twenty names it in messages: `jobTitle`, `name.firstName`, `companyId`. */
  name: string;
  type: string;
  options: SelectOption[] | null;
}

/** The field a leaf compares, with the type Twenty checks it as; null when there is none. */
export const leafField = (shape: ObjectShape, path: string[]): LeafField | null => {
  const [head, sub, ...rest] = path;
  if (!head || rest.length > 0) return null;
  const field = shape.byName.get(head);
  if (field) {
    if (isCompositeFieldType(field.type)) {
      const subField = COMPOSITE_TYPES[field.type].find((candidate) => candidate.name === sub);
      // Twenty checks a sub-field as the composite field with the sub-field's type.
      return subField
        ? { name: `${head}.${sub}`, type: subField.type, options: field.options ?? null }
        : null;
    }
    if (sub || field.type === 'RELATION' || field.type === 'MORPH_RELATION') return null;
    if (field.type === 'TS_VECTOR') return null;
    return { name: head, type: field.type, options: field.options ?? null };
  }
  if (sub) return null;
  // A many-to-one join column (`companyId`) is checked as its relation field.
  const relation = shape.fields.find(
    (candidate) => isManyToOne(candidate) && joinColumnNameOf(candidate) === head,
  );
  return relation ? { name: head, type: relation.type, options: null } : null;
};

const numberOrThrow = (value: unknown, name: string): unknown => {
  const parsed = typeof value === 'string' ? parseFloat(value) : value;
  if (parsed === null || (typeof parsed === 'number' && Number.isFinite(parsed))) return parsed;
  const shown = inspect(parsed);
  throw invalidFilter(
    `Invalid number value ${shown} for field "${name}"`,
    `Invalid value for number: "${shown}"`,
  );
};

const booleanOrThrow = (value: unknown, name: string): unknown => {
  // REST values are strings: Twenty's REST parser reads them as `value.toLowerCase() === 'true'`.
  const parsed = typeof value === 'string' ? value.toLowerCase() === 'true' : value;
  if (parsed === null || typeof parsed === 'boolean') return parsed;
  const shown = inspect(parsed);
  throw invalidFilter(
    `Invalid boolean value ${shown} for field "${name}"`,
    `Invalid value: "${shown}"`,
  );
};

const uuidOrThrow = (value: unknown, name: string): unknown => {
  if (value === null || (typeof value === 'string' && value !== '' && UUID_PATTERN.test(value)))
    return value;
  const shown = inspect(value);
  throw invalidFilter(
    `Invalid UUID value ${shown} for field "${name}"`,
    `Invalid value for UUID: "${shown}"`,
  );
};

const dateOrThrow = (value: unknown, name: string): unknown => {
  if (value === null || (typeof value === 'string' && isAcceptedDate(value))) return value;
  const shown = inspect(value);
  throw invalidFilter(
    `Invalid value ${shown} for date field "${name}". Expected format: 'YYYY-MM-DD'`,
    `Invalid value for date: "${shown}". Expected format: 'YYYY-MM-DD'`,
  );
};

const dateTimeOrThrow = (value: unknown, name: string): unknown => {
  if (value === null || (typeof value === 'string' && isAcceptedDateTime(value))) return value;
  const shown = inspect(value);
  throw invalidFilter(
    `Invalid value ${shown} for date-time field "${name}". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'`,
    `Invalid value for date-time: "${shown}". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'`,
  );
};

const selectOrThrow = (value: unknown, field: LeafField): unknown => {
  if (typeof value !== 'string')
    throw invalidFilter(
      `Invalid select value for field "${field.name}": expected string, got ${typeof value}`,
      `Invalid filter value for field "${field.name}"`,
    );
  const valid = (field.options ?? []).map((option) => option.value);
  if (valid.length > 0 && !valid.includes(value))
    throw invalidFilter(
      `Invalid select value "${value}" for field "${field.name}". Valid options: ${valid.join(', ')}`,
      `Invalid filter value "${value}" for field "${field.name}"`,
    );
  return value;
};

/** validate-and-transform-value-by-field-type.util.ts */
const valueByFieldType = (value: unknown, field: LeafField): unknown => {
  switch (field.type) {
    case 'NUMBER':
    case 'NUMERIC':
    case 'POSITION':
      return numberOrThrow(value, field.name);
    case 'BOOLEAN':
      return booleanOrThrow(value, field.name);
    case 'UUID':
    case 'RELATION':
    case 'MORPH_RELATION':
      return uuidOrThrow(value, field.name);
    case 'DATE':
      return dateOrThrow(value, field.name);
    case 'DATE_TIME':
      return dateTimeOrThrow(value, field.name);
    case 'SELECT':
    case 'MULTI_SELECT':
      return selectOrThrow(value, field);
    default:
      return value;
  }
};

const arrayOrThrow = (value: unknown, op: string, name: string): unknown[] => {
  if (Array.isArray(value)) return value;
  throw invalidFilter(
    `Filter operator "${op}" requires an array value for field ${name}`,
    `Invalid filter: "${op}" operator requires an array`,
  );
};

/** validate-and-transform-value-or-throw.util.ts */
const valueForOperator = (op: string, value: unknown, field: LeafField): unknown => {
  switch (op) {
    case 'is':
      if (value !== 'NULL' && value !== 'NOT_NULL')
        throw invalidFilter(
          'Invalid filter value for "is" operator. Expected "NULL" or "NOT_NULL"',
          'Invalid value for "is" operator',
        );
      return value;
    case 'isEmptyArray':
      if (typeof value !== 'boolean')
        throw invalidFilter(
          `Filter operator "isEmptyArray" requires a boolean value for field ${field.name}`,
          'Invalid filter: "isEmptyArray" operator requires a boolean',
        );
      return value;
    case 'in':
      return arrayOrThrow(value, op, field.name).map((item) =>
        item === null ? item : valueByFieldType(item, field),
      );
    case 'containsAny':
      return arrayOrThrow(value, op, field.name);
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return valueByFieldType(value, field);
    default:
      return value;
  }
};

const validateLeaf = (shape: ObjectShape, leaf: Leaf, hops = 0): Leaf => {
  const hop = relationHop(shape, leaf.path);
  if (hop) {
    if (hops >= 1 || relationHop(hop.target, hop.rest)) throw TOO_DEEP();
    const inner = validateLeaf(hop.target, { ...leaf, path: hop.rest }, hops + 1);
    return { ...inner, path: leaf.path };
  }
  const field = leafField(shape, leaf.path);
  if (!field) throw unknownFilterField(shape, leaf.path, leaf.op);
  const allowed = OPERATORS_BY_FIELD_TYPE[field.type] ?? [];
  if (!allowed.includes(leaf.op))
    throw invalidFilter(
      `Operator "${leaf.op}" is not valid for field "${field.name}" of type ${field.type} - Allowed operators: ${allowed.join(', ')}`,
      `Invalid filter : Operator "${leaf.op}" is not valid for this "${field.name}" ${field.type} field`,
    );
  return { ...leaf, value: valueForOperator(leaf.op, leaf.value, field) };
};

/** The filter tree with every leaf checked (first refusal thrown) and values as Twenty reads them. */
export const validateFilter = (shape: ObjectShape, node: FilterNode): FilterNode => {
  if (isLeaf(node)) return validateLeaf(shape, node);
  if ('and' in node) return { and: node.and.map((child) => validateFilter(shape, child)) };
  if ('or' in node) return { or: node.or.map((child) => validateFilter(shape, child)) };
  return { not: validateFilter(shape, node.not) };
};
