import type { ModelField, ModelObject } from '../../contract/data-model';
import {
  ACTOR_SOURCES,
  COMPOSITE_TYPES,
  isCompositeFieldType,
  type CompositeSubField,
} from '../../domain/composite-types';
import type { FieldMetadataType } from '../../domain/field-metadata-type';

/**
 * What a REST query may name on an object: scalar fields, `composite.subField`, and the join
 * column (`companyId`) of each many-to-one relation — never the relation itself.
 * Source: Twenty's check-fields.utils.ts (field names, composite sub-field names, joinColumnName).
 */
export interface ResolvedPath {
  field: ModelField;
  /** The type that decides operators and values: the sub-field's, UUID for a join column. */
  type: FieldMetadataType;
  subField: CompositeSubField | null;
  joinColumn: boolean;
  /** A composite named without a sub-field (`name[eq]:x`): not filterable or sortable as is. */
  compositeRoot: boolean;
  /** Allowed values of SELECT, MULTI_SELECT, RATING and the actor's source. */
  options: string[] | null;
}

export type PathResolution =
  ({ ok: true } & ResolvedPath) | { ok: false; segment: number; message: string; hint?: string };

const RATINGS = ['RATING_1', 'RATING_2', 'RATING_3', 'RATING_4', 'RATING_5'];

/** Twenty's table name, as its messages quote it: custom objects are prefixed with `_`. */
export const targetTableName = (object: ModelObject): string =>
  object.isCustom ? `_${object.nameSingular}` : object.nameSingular;

export const unknownFieldMessage = (name: string, object: ModelObject): string =>
  `field '${name}' does not exist in '${targetTableName(object)}' object`;

export const isManyToOne = (field: ModelField): boolean =>
  (field.type === 'RELATION' || field.type === 'MORPH_RELATION') &&
  (field.relation?.type === 'MANY_TO_ONE' || field.settings?.relationType === 'MANY_TO_ONE');

export const joinColumnOf = (field: ModelField): string =>
  typeof field.settings?.joinColumnName === 'string'
    ? field.settings.joinColumnName
    : `${field.name}Id`;

const optionValues = (field: ModelField): string[] | null => {
  if (!['SELECT', 'MULTI_SELECT', 'RATING'].includes(field.type)) return null;
  const values = Array.isArray(field.options)
    ? (field.options as Array<{ value?: unknown }>)
        .map((option) => option.value)
        .filter((value): value is string => typeof value === 'string')
    : [];
  return values.length === 0 && field.type === 'RATING' ? RATINGS : values;
};

const isRelation = (field: ModelField) =>
  field.type === 'RELATION' || field.type === 'MORPH_RELATION';

/** Fields a query can name, in the object's order (inactive ones left out). */
export const queryableFields = (object: ModelObject): ModelField[] =>
  object.fields.filter(
    (field) =>
      field.isActive && field.type !== 'TS_VECTOR' && (!isRelation(field) || isManyToOne(field)),
  );

export const resolvePath = (object: ModelObject, path: string[]): PathResolution => {
  const [head = '', sub, ...rest] = path;
  const field = object.fields.find((candidate) => candidate.name === head);
  const unknown = (segment: number, hint?: string): PathResolution => ({
    ok: false,
    segment,
    message: unknownFieldMessage(path[segment]!, object),
    ...(hint ? { hint } : {}),
  });
  if (!field) {
    const relation = object.fields.find(
      (candidate) => isManyToOne(candidate) && joinColumnOf(candidate) === head,
    );
    if (!relation) return unknown(0);
    if (sub !== undefined)
      return { ok: false, segment: 1, message: `'${head}' is a UUID and has no sub-fields` };
    return {
      ok: true,
      field: relation,
      type: 'UUID',
      subField: null,
      joinColumn: true,
      compositeRoot: false,
      options: null,
    };
  }
  if (isRelation(field))
    return unknown(
      0,
      isManyToOne(field)
        ? `filter and sort on its join column '${joinColumnOf(field)}'`
        : `a one-to-many relation: filter from '${field.relation?.targetObject ?? 'the other'}' side`,
    );
  if (field.type === 'TS_VECTOR')
    return {
      ok: false,
      segment: 0,
      message: `'${head}' is a search vector, not queryable in REST`,
    };
  if (isCompositeFieldType(field.type)) {
    if (sub === undefined)
      return {
        ok: true,
        field,
        type: field.type,
        subField: null,
        joinColumn: false,
        compositeRoot: true,
        options: null,
      };
    const subField = COMPOSITE_TYPES[field.type].find((candidate) => candidate.name === sub);
    if (!subField) return unknown(1);
    if (rest.length > 0) return unknown(2);
    const isSource = field.type === 'ACTOR' && sub === 'source';
    return {
      ok: true,
      field,
      type: subField.type,
      subField,
      joinColumn: false,
      compositeRoot: false,
      options: isSource ? [...ACTOR_SOURCES] : null,
    };
  }
  if (sub !== undefined)
    return {
      ok: false,
      segment: 1,
      message: `'${head}' is a ${field.type} field and has no sub-fields`,
    };
  return {
    ok: true,
    field,
    type: field.type as FieldMetadataType,
    subField: null,
    joinColumn: false,
    compositeRoot: false,
    options: optionValues(field),
  };
};
