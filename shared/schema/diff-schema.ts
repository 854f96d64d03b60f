import {
  isStandardObject,
  normaliseSchemaDocument,
  type CustomSchemaObject,
  type SchemaDocument,
  type SchemaField,
  type SchemaObject,
  type SchemaOption,
} from './schema-document';

/**
 * What differs between two schema documents, keyed by names. Objects are matched by
 * nameSingular and fields by name, so a rename reads as a removal plus an addition (rename
 * detection comes with the editor). Pure and deterministic: changes come sorted by object, then
 * field, then kind.
 */
export interface PropertyChange {
  property: string;
  from: unknown;
  to: unknown;
}

export type OptionChange =
  | { kind: 'added'; option: SchemaOption }
  | { kind: 'removed'; option: SchemaOption }
  | { kind: 'updated'; value: string; changes: PropertyChange[] };

export type SchemaChange =
  | { kind: 'objectAdded'; object: CustomSchemaObject }
  | { kind: 'objectRemoved'; object: CustomSchemaObject }
  | { kind: 'objectUpdated'; objectName: string; changes: PropertyChange[] }
  | { kind: 'fieldAdded'; objectName: string; field: SchemaField }
  | { kind: 'fieldRemoved'; objectName: string; field: SchemaField }
  | {
      kind: 'fieldUpdated';
      objectName: string;
      fieldName: string;
      from: SchemaField;
      to: SchemaField;
      changes: PropertyChange[];
      optionChanges: OptionChange[];
    }
  | { kind: 'fieldTypeChanged'; objectName: string; from: SchemaField; to: SchemaField }
  | { kind: 'relationAdded'; objectName: string; field: SchemaField }
  | { kind: 'relationRemoved'; objectName: string; field: SchemaField };

const OBJECT_PROPERTIES = [
  'namePlural',
  'labelSingular',
  'labelPlural',
  'description',
  'icon',
  'isActive',
  'isLabelSyncedWithName',
] as const;

const FIELD_PROPERTIES = [
  'label',
  'description',
  'icon',
  'isActive',
  'isNullable',
  'isUnique',
  'isLabelSyncedWithName',
  'defaultValue',
  'settings',
] as const;

/** Relation properties that an update can change; a new type or target is a new relation. */
const RELATION_PROPERTIES = ['inverseName', 'inverseLabel', 'inverseIcon', 'onDelete'] as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const propertyChanges = <T extends object>(
  from: T,
  to: T,
  keys: readonly (keyof T & string)[],
  prefix = '',
): PropertyChange[] =>
  keys
    .filter((key) => !same(from[key] ?? null, to[key] ?? null))
    .map((key) => ({ property: `${prefix}${key}`, from: from[key] ?? null, to: to[key] ?? null }));

export const diffOptions = (
  from: SchemaOption[] | null,
  to: SchemaOption[] | null,
): OptionChange[] => {
  const before = new Map((from ?? []).map((option) => [option.value, option]));
  const after = new Map((to ?? []).map((option) => [option.value, option]));
  const values = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: OptionChange[] = [];
  for (const value of values) {
    const a = before.get(value);
    const b = after.get(value);
    if (a && !b) changes.push({ kind: 'removed', option: a });
    else if (!a && b) changes.push({ kind: 'added', option: b });
    else if (a && b) {
      const props = propertyChanges(a, b, ['label', 'color', 'position']);
      if (props.length > 0) changes.push({ kind: 'updated', value, changes: props });
    }
  }
  return changes;
};

const isRelation = (field: SchemaField): boolean =>
  field.type === 'RELATION' && field.relation !== null;

/** Same relation identity: same type and the same object at the other end. */
const sameRelationEnds = (a: SchemaField, b: SchemaField): boolean =>
  a.relation?.type === b.relation?.type && a.relation?.targetObject === b.relation?.targetObject;

const diffField = (objectName: string, a: SchemaField, b: SchemaField): SchemaChange[] => {
  if (a.type !== b.type) return [{ kind: 'fieldTypeChanged', objectName, from: a, to: b }];
  if (isRelation(a) && isRelation(b) && !sameRelationEnds(a, b))
    return [
      { kind: 'relationRemoved', objectName, field: a },
      { kind: 'relationAdded', objectName, field: b },
    ];
  const changes = propertyChanges(a, b, FIELD_PROPERTIES);
  if (a.relation && b.relation)
    changes.push(...propertyChanges(a.relation, b.relation, RELATION_PROPERTIES, 'relation.'));
  const optionChanges = diffOptions(a.options, b.options);
  if (changes.length === 0 && optionChanges.length === 0) return [];
  return [
    {
      kind: 'fieldUpdated',
      objectName,
      fieldName: a.name,
      from: a,
      to: b,
      changes,
      optionChanges,
    },
  ];
};

const fieldsOf = (object: SchemaObject | undefined): Map<string, SchemaField> =>
  new Map((object?.fields ?? []).map((field) => [field.name, field]));

export const diffSchemas = (fromDoc: SchemaDocument, toDoc: SchemaDocument): SchemaChange[] => {
  const from = new Map(normaliseSchemaDocument(fromDoc).objects.map((o) => [o.nameSingular, o]));
  const to = new Map(normaliseSchemaDocument(toDoc).objects.map((o) => [o.nameSingular, o]));
  const names = [...new Set([...from.keys(), ...to.keys()])].sort();
  const changes: SchemaChange[] = [];
  for (const objectName of names) {
    const a = from.get(objectName);
    const b = to.get(objectName);
    const aCustom = a && !isStandardObject(a) ? a : undefined;
    const bCustom = b && !isStandardObject(b) ? b : undefined;
    if (aCustom && !bCustom) changes.push({ kind: 'objectRemoved', object: aCustom });
    if (!aCustom && bCustom) changes.push({ kind: 'objectAdded', object: bCustom });
    if (aCustom && bCustom) {
      const props = propertyChanges(aCustom, bCustom, OBJECT_PROPERTIES);
      if (props.length > 0) changes.push({ kind: 'objectUpdated', objectName, changes: props });
    }
    // Fields of a removed custom object go with it; every other field is compared one by one.
    if (aCustom && !bCustom) continue;
    const before = fieldsOf(a);
    const after = fieldsOf(b);
    const fieldNames = [...new Set([...before.keys(), ...after.keys()])].sort();
    for (const fieldName of fieldNames) {
      const fa = before.get(fieldName);
      const fb = after.get(fieldName);
      if (fa && !fb)
        changes.push({
          kind: isRelation(fa) ? 'relationRemoved' : 'fieldRemoved',
          objectName,
          field: fa,
        });
      else if (!fa && fb)
        changes.push({
          kind: isRelation(fb) ? 'relationAdded' : 'fieldAdded',
          objectName,
          field: fb,
        });
      else if (fa && fb) changes.push(...diffField(objectName, fa, fb));
    }
  }
  return changes;
};
