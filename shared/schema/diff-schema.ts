import { BASE_FIELD_NAMES } from '../domain/base-fields';
import {
  applicableRenames,
  fieldKey,
  noRenames,
  renamedObject,
  type SchemaRenames,
} from './renames';
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
 * What differs between two schema documents, keyed by names. Objects are matched by nameSingular,
 * fields by name and options by value, after the renames (renames.ts): a renamed object is an
 * `objectUpdated` whose changes include `nameSingular`, a renamed field a `fieldUpdated` whose
 * changes include `name`, a renamed option an option change of kind `renamed`. Without a rename a
 * new name reads as a removal plus an addition.
 *
 * Names in changes: `objectUpdated` and `objectRemoved` name the object as in `from`; every other
 * change names it as in `to` (after its rename). `fieldName` is the field's name in `from`
 * (`to.name` is the new one). Pure and deterministic: changes come sorted by object, then field.
 */
export interface PropertyChange {
  property: string;
  from: unknown;
  to: unknown;
}

export type OptionChange =
  | { kind: 'added'; option: SchemaOption }
  | { kind: 'removed'; option: SchemaOption }
  | { kind: 'updated'; value: string; changes: PropertyChange[] }
  /** The option keeps its id and its records with a new value (and maybe label, colour…). */
  | { kind: 'renamed'; from: string; to: string; changes: PropertyChange[] }
  /**
   * Records holding one of `from` move to `into`; those options go. `survivor` is the old value
   * of the option that becomes `into` (its id is kept): `into` itself or a renamed one.
   */
  | { kind: 'merged'; from: string[]; into: string; survivor: string };

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
      /** With option merges, on an object inactive on both sides (see fieldTypeChanged). */
      objectInactive?: true;
    }
  /**
   * `from.name` and `to.name` differ when the field is renamed too. `tempName` is free on the
   * object on both sides: the migration creates the new field under it (plan-changes.ts).
   */
  | {
      kind: 'fieldTypeChanged';
      objectName: string;
      from: SchemaField;
      to: SchemaField;
      tempName: string;
      /**
       * The object is inactive on both sides: the records API does not serve it, so the plan
       * activates it for the copy and deactivates it after.
       */
      objectInactive?: true;
    }
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
const RELATION_PROPERTIES = [
  'inverseName',
  'inverseLabel',
  'inverseIcon',
  'onDelete',
  'junctionTarget',
] as const;

const OPTION_PROPERTIES = ['label', 'color', 'position'] as const;

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

const optionSortKey = (change: OptionChange): string =>
  change.kind === 'renamed'
    ? change.to
    : change.kind === 'merged'
      ? change.into
      : change.kind === 'updated'
        ? change.value
        : change.option.value;

/** Options by value, after `moves` (old value → new value; several into one is a merge). */
export const diffOptions = (
  from: SchemaOption[] | null,
  to: SchemaOption[] | null,
  moves: Record<string, string> = {},
): OptionChange[] => {
  const after = to ?? [];
  const afterValues = new Set(after.map((option) => option.value));
  const sources = new Map<string, SchemaOption[]>();
  const changes: OptionChange[] = [];
  for (const option of from ?? []) {
    const destination =
      moves[option.value] ?? (afterValues.has(option.value) ? option.value : null);
    if (destination === null || !afterValues.has(destination))
      changes.push({ kind: 'removed', option });
    else sources.set(destination, [...(sources.get(destination) ?? []), option]);
  }
  for (const option of after) {
    const origins = sources.get(option.value) ?? [];
    if (origins.length === 0) {
      changes.push({ kind: 'added', option });
      continue;
    }
    const survivor = origins.find((origin) => origin.value === option.value) ?? origins[0]!;
    const props = propertyChanges(survivor, option, OPTION_PROPERTIES);
    if (survivor.value !== option.value)
      changes.push({ kind: 'renamed', from: survivor.value, to: option.value, changes: props });
    else if (props.length > 0)
      changes.push({ kind: 'updated', value: option.value, changes: props });
    const merged = origins.filter((origin) => origin !== survivor).map((origin) => origin.value);
    if (merged.length > 0)
      changes.push({ kind: 'merged', from: merged, into: option.value, survivor: survivor.value });
  }
  return changes.sort((a, b) => {
    const x = optionSortKey(a);
    const y = optionSortKey(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
};

const isRelation = (field: SchemaField): boolean =>
  field.type === 'RELATION' && field.relation !== null;

interface Context {
  renames: SchemaRenames;
  /** Field names taken on the object (both sides, base fields, temporary names given). */
  taken: Set<string>;
  /** The object's name in `from`, for rename keys. */
  fromObject: string;
  /** The object's name in `to`, for the changes. */
  objectName: string;
  /** Inactive on both sides: records are reached only while it is activated for a data step. */
  inactive: boolean;
}

const inactiveMark = (ctx: Context) => (ctx.inactive ? { objectInactive: true as const } : {});

/** `<name>Next`, numbered when taken. */
const freeName = (ctx: Context, field: SchemaField): string => {
  let name = `${field.name}Next`;
  for (let n = 2; ctx.taken.has(name); n++) name = `${field.name}Next${n}`;
  ctx.taken.add(name);
  return name;
};

const diffField = (ctx: Context, a: SchemaField, b: SchemaField): SchemaChange[] => {
  const { objectName, renames } = ctx;
  if (a.type !== b.type)
    return [
      {
        kind: 'fieldTypeChanged',
        objectName,
        from: a,
        to: b,
        tempName: freeName(ctx, b),
        ...inactiveMark(ctx),
      },
    ];
  // Same identity: same type and the same object at the other end (after its rename).
  if (
    isRelation(a) &&
    isRelation(b) &&
    (a.relation!.type !== b.relation!.type ||
      renamedObject(renames, a.relation!.targetObject) !== b.relation!.targetObject)
  )
    return [
      { kind: 'relationRemoved', objectName, field: a },
      { kind: 'relationAdded', objectName, field: b },
    ];
  const changes = [
    ...(a.name !== b.name ? [{ property: 'name', from: a.name, to: b.name }] : []),
    ...propertyChanges(a, b, FIELD_PROPERTIES),
  ];
  if (a.relation && b.relation) {
    // The junction field is named as in `to` once renamed: a rename alone changes nothing here.
    const junction = a.relation.junctionTarget;
    const before = {
      ...a.relation,
      junctionTarget: junction
        ? (renames.fields[fieldKey(ctx.fromObject, junction)] ?? junction)
        : null,
    };
    changes.push(...propertyChanges(before, b.relation, RELATION_PROPERTIES, 'relation.'));
  }
  const moves = renames.options[fieldKey(ctx.fromObject, a.name)] ?? {};
  const optionChanges = diffOptions(a.options, b.options, moves);
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
      ...(optionChanges.some((c) => c.kind === 'merged') ? inactiveMark(ctx) : {}),
    },
  ];
};

const addedOrRemoved = (
  kind: 'added' | 'removed',
  objectName: string,
  field: SchemaField,
): SchemaChange =>
  kind === 'added'
    ? { kind: isRelation(field) ? 'relationAdded' : 'fieldAdded', objectName, field }
    : { kind: isRelation(field) ? 'relationRemoved' : 'fieldRemoved', objectName, field };

const diffFields = (
  ctx: Context,
  a: SchemaObject | undefined,
  b: SchemaObject | undefined,
): SchemaChange[] => {
  const after = new Map((b?.fields ?? []).map((field) => [field.name, field]));
  const pairs: Array<{ key: string; from?: SchemaField; to?: SchemaField }> = [];
  const matched = new Set<string>();
  for (const field of a?.fields ?? []) {
    const newName = ctx.renames.fields[fieldKey(ctx.fromObject, field.name)] ?? field.name;
    const counterpart = after.get(newName);
    if (counterpart) matched.add(newName);
    pairs.push({ key: field.name, from: field, ...(counterpart ? { to: counterpart } : {}) });
  }
  for (const field of b?.fields ?? [])
    if (!matched.has(field.name)) pairs.push({ key: field.name, to: field });
  pairs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.from ? -1 : 1));
  return pairs.flatMap(({ from, to }) =>
    from && to
      ? diffField(ctx, from, to)
      : from
        ? [addedOrRemoved('removed', ctx.objectName, from)]
        : [addedOrRemoved('added', ctx.objectName, to!)],
  );
};

const custom = (object: SchemaObject | undefined): CustomSchemaObject | undefined =>
  object && !isStandardObject(object) ? object : undefined;

export const diffSchemas = (
  fromDoc: SchemaDocument,
  toDoc: SchemaDocument,
  requested: SchemaRenames = noRenames(),
): SchemaChange[] => {
  const fromN = normaliseSchemaDocument(fromDoc);
  const toN = normaliseSchemaDocument(toDoc);
  const renames = applicableRenames(fromN, toN, requested);
  const from = new Map(fromN.objects.map((o) => [o.nameSingular, o]));
  const to = new Map(toN.objects.map((o) => [o.nameSingular, o]));
  const renamedTo = new Set(Object.values(renames.objects));
  // Each entry pairs an object of `from` with its counterpart in `to` (either may be missing).
  const entries: Array<{ key: string; a?: SchemaObject; b?: SchemaObject }> = [];
  for (const a of from.values()) {
    const b = to.get(renamedObject(renames, a.nameSingular));
    const kept = a.nameSingular in renames.objects || !renamedTo.has(a.nameSingular);
    entries.push({ key: a.nameSingular, a, ...(b && kept ? { b } : {}) });
  }
  for (const b of to.values())
    if (!entries.some((entry) => entry.b === b)) entries.push({ key: b.nameSingular, b });
  entries.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.a ? -1 : 1));

  const changes: SchemaChange[] = [];
  for (const { a, b } of entries) {
    const aCustom = custom(a);
    const bCustom = custom(b);
    if (aCustom && !bCustom) changes.push({ kind: 'objectRemoved', object: aCustom });
    if (!aCustom && bCustom) changes.push({ kind: 'objectAdded', object: bCustom });
    if (aCustom && bCustom) {
      const props = [
        ...(aCustom.nameSingular !== bCustom.nameSingular
          ? [{ property: 'nameSingular', from: aCustom.nameSingular, to: bCustom.nameSingular }]
          : []),
        ...propertyChanges(aCustom, bCustom, OBJECT_PROPERTIES),
      ];
      if (props.length > 0)
        changes.push({ kind: 'objectUpdated', objectName: aCustom.nameSingular, changes: props });
    }
    // Fields of a removed custom object go with it; every other field is compared one by one.
    if (aCustom && !bCustom) continue;
    const ctx = {
      renames,
      taken: new Set([
        ...BASE_FIELD_NAMES,
        ...(a?.fields ?? []).map((field) => field.name),
        ...(b?.fields ?? []).map((field) => field.name),
      ]),
      fromObject: (a ?? b)!.nameSingular,
      objectName: (b ?? a)!.nameSingular,
      inactive: aCustom?.isActive === false && bCustom?.isActive === false,
    };
    changes.push(...diffFields(ctx, aCustom || !bCustom ? a : undefined, b));
  }
  return changes;
};
