import {
  isStandardObject,
  normaliseSchemaDocument,
  type CustomSchemaObject,
  type SchemaDocument,
  type SchemaField,
  type SchemaObject,
} from './schema-document';

/**
 * What was renamed between two schema documents, keyed by the names in the first. A rename keeps
 * the object's table, the field's column and the option's id, so the data stays; without it a new
 * name reads as a removal plus an addition and the data is dropped.
 */
export interface SchemaRenames {
  /** old nameSingular → new nameSingular (custom objects) */
  objects: Record<string, string>;
  /** `${oldObjectName}.${oldFieldName}` → new field name */
  fields: Record<string, string>;
  /** `${oldObjectName}.${oldFieldName}` → { oldOptionValue: newOptionValue }. Several old values mapping to one new value is a MERGE. */
  options: Record<string, Record<string, string>>;
}

export const noRenames = (): SchemaRenames => ({ objects: {}, fields: {}, options: {} });

export const fieldKey = (objectName: string, fieldName: string): string =>
  `${objectName}.${fieldName}`;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const byName = (doc: SchemaDocument): Map<string, SchemaObject> =>
  new Map(doc.objects.map((object) => [object.nameSingular, object]));

const customOf = (object: SchemaObject | undefined): CustomSchemaObject | undefined =>
  object && !isStandardObject(object) ? object : undefined;

const isRelation = (field: SchemaField): boolean => field.type === 'RELATION';
const hasOptions = (field: SchemaField): boolean =>
  field.type === 'SELECT' || field.type === 'MULTI_SELECT';

/** The object a `from`-side name stands for in `to`, with the object renames applied. */
export const renamedObject = (renames: SchemaRenames, name: string): string =>
  renames.objects[name] ?? name;

/** Pairs each side's items that have exactly one candidate on the other side, and vice versa. */
const uniquePairs = <A, B>(
  removed: A[],
  added: B[],
  match: (a: A, b: B) => boolean,
): Array<[A, B]> =>
  removed.flatMap((a) => {
    const candidates = added.filter((b) => match(a, b));
    if (candidates.length !== 1) return [];
    const b = candidates[0]!;
    return removed.filter((other) => match(other, b)).length === 1 ? [[a, b] as [A, B]] : [];
  });

const fieldSignature = (object: SchemaObject): string =>
  object.fields
    .map((field) => `${field.name}:${field.type}`)
    .sort()
    .join(',');

/** Same type, same relation ends (through the object renames), same options and settings. */
const sameFieldShape = (renames: SchemaRenames, a: SchemaField, b: SchemaField): boolean =>
  a.type === b.type &&
  a.relation?.type === b.relation?.type &&
  (a.relation ? renamedObject(renames, a.relation.targetObject) : null) ===
    (b.relation?.targetObject ?? null) &&
  same(a.options, b.options) &&
  same(a.settings, b.settings);

/** The single option whose value changed in place (same count, same positions), if exactly one. */
const optionRename = (a: SchemaField, b: SchemaField): [string, string] | null => {
  const before = a.options ?? [];
  const after = b.options ?? [];
  if (before.length !== after.length || before.length === 0) return null;
  const differing = before.flatMap((option, index) =>
    option.value !== after[index]!.value ? [[option.value, after[index]!.value] as const] : [],
  );
  if (differing.length !== 1) return null;
  const [oldValue, newValue] = differing[0]!;
  // A value still present on the other side means a reorder, not a rename.
  if (after.some((o) => o.value === oldValue) || before.some((o) => o.value === newValue))
    return null;
  return [oldValue, newValue];
};

/**
 * A conservative guess for files, which carry no identity: a removed and an added custom object
 * with the same fields (names and types); on one object, a removed and an added field of the same
 * shape; an option whose value alone changed in place. Only pairs without a rival count.
 */
export const detectRenames = (fromDoc: SchemaDocument, toDoc: SchemaDocument): SchemaRenames => {
  const from = byName(normaliseSchemaDocument(fromDoc));
  const to = byName(normaliseSchemaDocument(toDoc));
  const renames = noRenames();

  const removedObjects = [...from.values()].filter((o) => customOf(o) && !to.has(o.nameSingular));
  const addedObjects = [...to.values()].filter((o) => customOf(o) && !from.has(o.nameSingular));
  for (const [a, b] of uniquePairs(
    removedObjects,
    addedObjects,
    (a, b) => fieldSignature(a) === fieldSignature(b),
  ))
    renames.objects[a.nameSingular] = b.nameSingular;

  for (const a of from.values()) {
    const b = to.get(renamedObject(renames, a.nameSingular));
    if (!b) continue;
    const before = new Map(a.fields.map((field) => [field.name, field]));
    const after = new Map(b.fields.map((field) => [field.name, field]));
    const fieldPairs: Array<[SchemaField, SchemaField]> = [
      ...uniquePairs(
        a.fields.filter((field) => !after.has(field.name)),
        b.fields.filter((field) => !before.has(field.name)),
        (x, y) => sameFieldShape(renames, x, y),
      ),
    ];
    for (const [x, y] of fieldPairs) renames.fields[fieldKey(a.nameSingular, x.name)] = y.name;
    for (const x of a.fields) {
      const y = after.get(x.name) ?? fieldPairs.find(([old]) => old === x)?.[1];
      if (!y || !hasOptions(x) || x.type !== y.type) continue;
      const rename = optionRename(x, y);
      if (rename) renames.options[fieldKey(a.nameSingular, x.name)] = { [rename[0]]: rename[1] };
    }
  }
  return renames;
};

/**
 * The renames that apply to this pair of documents; the others are dropped. An object rename
 * goes from a custom object of `from` to a custom object of `to` whose name `from` does not use
 * (the old name may come back as a new object). A field rename names a field of `from` and a
 * field of the object's `to` side that `from` does not have; a relation stays a relation with the
 * same ends. An option rename maps values of `from`'s options to values of `to`'s, on a field
 * that keeps its select type.
 */
export const applicableRenames = (
  fromDoc: SchemaDocument,
  toDoc: SchemaDocument,
  renames: SchemaRenames,
): SchemaRenames => {
  const from = byName(fromDoc);
  const to = byName(toDoc);
  const result = noRenames();
  const targets = new Set<string>();
  for (const [oldName, newName] of Object.entries(renames.objects)) {
    if (oldName === newName || targets.has(newName)) continue;
    if (!customOf(from.get(oldName)) || !customOf(to.get(newName)) || from.has(newName)) continue;
    targets.add(newName);
    result.objects[oldName] = newName;
  }
  const fieldOf = (object: SchemaObject | undefined, name: string) =>
    object?.fields.find((field) => field.name === name);
  const kept = new Map<string, [SchemaField, SchemaField]>();
  for (const a of from.values()) {
    const b = to.get(renamedObject(result, a.nameSingular));
    if (!b) continue;
    const used = new Set<string>();
    for (const x of a.fields) {
      const key = fieldKey(a.nameSingular, x.name);
      const newName = renames.fields[key];
      if (newName !== undefined && newName !== x.name && !used.has(newName)) {
        const y = fieldOf(b, newName);
        const compatible =
          y &&
          !fieldOf(a, newName) &&
          isRelation(x) === isRelation(y) &&
          (!isRelation(x) || sameFieldEnds(result, x, y));
        if (compatible) {
          used.add(newName);
          result.fields[key] = newName;
          kept.set(key, [x, y]);
          continue;
        }
      }
      const y = fieldOf(b, x.name);
      if (y) kept.set(key, [x, y]);
    }
  }
  for (const [key, moves] of Object.entries(renames.options)) {
    const pair = kept.get(key);
    if (!pair || !hasOptions(pair[0]) || pair[0].type !== pair[1].type) continue;
    const oldValues = new Set((pair[0].options ?? []).map((option) => option.value));
    const newValues = new Set((pair[1].options ?? []).map((option) => option.value));
    const valid = Object.entries(moves).filter(
      ([oldValue, newValue]) =>
        oldValue !== newValue && oldValues.has(oldValue) && newValues.has(newValue),
    );
    if (valid.length > 0) result.options[key] = Object.fromEntries(valid);
  }
  return result;
};

const sameFieldEnds = (renames: SchemaRenames, a: SchemaField, b: SchemaField): boolean =>
  a.relation?.type === b.relation?.type &&
  renamedObject(renames, a.relation?.targetObject ?? '') === b.relation?.targetObject;
