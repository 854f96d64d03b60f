import { computeMetadataNameFromLabel } from '../domain/metadata-names';
import type { SchemaRenames } from './renames';
import {
  isStandardObject,
  normaliseSchemaDocument,
  type CustomSchemaObject,
  type SchemaDocument,
  type SchemaField,
  type SchemaObject,
} from './schema-document';

/**
 * The data-model editor's edits, as pure functions on a draft: the model the admin wants
 * (`target`), the model it started from (`base`) and the renames seen on the way, keyed by the
 * base names, so the plan renames instead of dropping and re-creating (which loses the data).
 */
export interface DraftDocuments {
  base: SchemaDocument;
  target: SchemaDocument;
  renames: SchemaRenames;
}

export type ObjectHead = Omit<CustomSchemaObject, 'fields'>;

/** Edits copy what they change; the base is never edited (it may be the same object as the target). */
const clone = (draft: DraftDocuments): DraftDocuments => ({
  base: draft.base,
  target: structuredClone(draft.target),
  renames: structuredClone(draft.renames),
});

const finish = (draft: DraftDocuments): DraftDocuments => ({
  ...draft,
  target: normaliseSchemaDocument(draft.target),
});

/** The name an object had in the base, or null for an object new in this draft. */
export const baseObjectName = (draft: DraftDocuments, name: string): string | null => {
  const renamed = Object.entries(draft.renames.objects).find(([, to]) => to === name);
  if (renamed) return renamed[0];
  if (name in draft.renames.objects) return null;
  return draft.base.objects.some((object) => object.nameSingular === name) ? name : null;
};

/** The base key (`object.field`) of a field, or null for a field new in this draft. */
export const baseFieldKey = (
  draft: DraftDocuments,
  objectName: string,
  fieldName: string,
): string | null => {
  const object = baseObjectName(draft, objectName);
  if (!object) return null;
  const prefix = `${object}.`;
  const renamed = Object.entries(draft.renames.fields).find(
    ([key, to]) => key.startsWith(prefix) && to === fieldName,
  );
  if (renamed) return renamed[0];
  const key = `${object}.${fieldName}`;
  if (key in draft.renames.fields) return null;
  const exists = draft.base.objects
    .find((candidate) => candidate.nameSingular === object)
    ?.fields.some((field) => field.name === fieldName);
  return exists ? key : null;
};

export const baseField = (
  draft: DraftDocuments,
  objectName: string,
  fieldName: string,
): SchemaField | null => {
  const key = baseFieldKey(draft, objectName, fieldName);
  if (!key) return null;
  const [object, field] = key.split('.') as [string, string];
  return (
    draft.base.objects
      .find((candidate) => candidate.nameSingular === object)
      ?.fields.find((candidate) => candidate.name === field) ?? null
  );
};

const findObject = (doc: SchemaDocument, name: string): SchemaObject | undefined =>
  doc.objects.find((object) => object.nameSingular === name);

/** The object in the target, a standard entry created on demand for custom fields on it. */
const hostObject = (doc: SchemaDocument, name: string): SchemaObject => {
  const existing = findObject(doc, name);
  if (existing) return existing;
  const created: SchemaObject = { nameSingular: name, standard: true, fields: [] };
  doc.objects.push(created);
  return created;
};

/** Twenty's names from labels, as `isLabelSyncedWithName` keeps them. */
export const syncedObjectNames = (head: Pick<ObjectHead, 'labelSingular' | 'labelPlural'>) => ({
  nameSingular: safeName(head.labelSingular),
  namePlural: safeName(head.labelPlural),
});

export const safeName = (label: string): string => {
  try {
    return computeMetadataNameFromLabel(label);
  } catch {
    return '';
  }
};

export const addObject = (draft: DraftDocuments, head: ObjectHead): DraftDocuments => {
  const next = clone(draft);
  next.target.objects.push({ ...head, fields: [] });
  return finish(next);
};

export const updateObject = (
  draft: DraftDocuments,
  name: string,
  head: ObjectHead,
): DraftDocuments => {
  const next = clone(draft);
  const object = findObject(next.target, name);
  if (!object || isStandardObject(object)) return draft;
  Object.assign(object, head);
  if (head.nameSingular !== name) {
    // Every relation pointing at the object follows it.
    for (const other of next.target.objects)
      for (const field of other.fields)
        if (field.relation?.targetObject === name) field.relation.targetObject = head.nameSingular;
    const original = baseObjectName(draft, name);
    if (original) {
      if (original === head.nameSingular) delete next.renames.objects[original];
      else next.renames.objects[original] = head.nameSingular;
    }
  }
  return finish(next);
};

export const removeObject = (draft: DraftDocuments, name: string): DraftDocuments => {
  const next = clone(draft);
  next.target.objects = next.target.objects.filter((object) => object.nameSingular !== name);
  // Twenty deletes the relations of a deleted object with it.
  for (const other of next.target.objects)
    other.fields = other.fields.filter((field) => field.relation?.targetObject !== name);
  const original = baseObjectName(draft, name);
  if (original) {
    delete next.renames.objects[original];
    for (const key of Object.keys(next.renames.fields))
      if (key.startsWith(`${original}.`)) delete next.renames.fields[key];
    for (const key of Object.keys(next.renames.options))
      if (key.startsWith(`${original}.`)) delete next.renames.options[key];
  }
  return finish(next);
};

export const addField = (
  draft: DraftDocuments,
  objectName: string,
  field: SchemaField,
): DraftDocuments => {
  const next = clone(draft);
  hostObject(next.target, objectName).fields.push(field);
  return finish(next);
};

/**
 * Replaces a field. `optionOrigins` maps each option's value now to its value in the base (the
 * options editor keeps it), so a changed value is a rename and several origins into one value a
 * merge: the plan moves the stored values instead of blanking them.
 */
/** Sibling relations listing through a renamed junction field follow it; a removed one, none. */
const repointJunctions = (fields: SchemaField[], from: string, to: string | null): void => {
  for (const [index, field] of fields.entries())
    if (field.relation?.junctionTarget === from)
      fields[index] = { ...field, relation: { ...field.relation, junctionTarget: to } };
};

export const updateField = (
  draft: DraftDocuments,
  objectName: string,
  fieldName: string,
  field: SchemaField,
  optionOrigins?: Record<string, string[]>,
): DraftDocuments => {
  const next = clone(draft);
  const object = findObject(next.target, objectName);
  const index = object?.fields.findIndex((candidate) => candidate.name === fieldName) ?? -1;
  if (!object || index < 0) return draft;
  object.fields[index] = field;
  if (field.name !== fieldName) repointJunctions(object.fields, fieldName, field.name);
  const key = baseFieldKey(draft, objectName, fieldName);
  if (key) {
    const originalName = key.slice(key.indexOf('.') + 1);
    if (field.name === originalName) delete next.renames.fields[key];
    else next.renames.fields[key] = field.name;
    if (optionOrigins) {
      const moves: Record<string, string> = {};
      for (const [value, origins] of Object.entries(optionOrigins))
        for (const origin of origins) if (origin !== value) moves[origin] = value;
      if (Object.keys(moves).length > 0) next.renames.options[key] = moves;
      else delete next.renames.options[key];
    }
  }
  return finish(next);
};

export const removeField = (
  draft: DraftDocuments,
  objectName: string,
  fieldName: string,
): DraftDocuments => {
  const next = clone(draft);
  const object = findObject(next.target, objectName);
  if (!object) return draft;
  object.fields = object.fields.filter((field) => field.name !== fieldName);
  repointJunctions(object.fields, fieldName, null);
  const key = baseFieldKey(draft, objectName, fieldName);
  if (key) {
    delete next.renames.fields[key];
    delete next.renames.options[key];
  }
  return finish(next);
};

/** A relation from the editor: a field on `objectName` and its inverse on `targetObject`. */
export interface RelationSpec {
  objectName: string;
  type: 'MANY_TO_ONE' | 'ONE_TO_MANY';
  targetObject: string;
  label: string;
  name: string;
  icon: string | null;
  inverseLabel: string;
  inverseName: string;
  inverseIcon: string | null;
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET_NULL' | 'NO_ACTION' | null;
  /** MANY_TO_ONE on a junction: the junction's other field its inverse lists through. */
  junctionTarget?: string | null;
}

export const relationField = (spec: RelationSpec): SchemaField => ({
  name: spec.name,
  label: spec.label,
  type: 'RELATION',
  description: null,
  icon: spec.icon,
  isActive: true,
  isNullable: true,
  isUnique: false,
  isLabelSyncedWithName: spec.name === safeName(spec.label),
  defaultValue: null,
  settings: null,
  options: null,
  relation: {
    type: spec.type,
    targetObject: spec.targetObject,
    inverseName: spec.inverseName,
    inverseLabel: spec.inverseLabel,
    inverseIcon: spec.inverseIcon,
    // Twenty accepts onDelete only on the many-to-one side.
    onDelete: spec.type === 'MANY_TO_ONE' ? spec.onDelete : null,
    junctionTarget: spec.junctionTarget ?? null,
  },
});

export const addRelation = (draft: DraftDocuments, spec: RelationSpec): DraftDocuments =>
  addField(draft, spec.objectName, relationField(spec));

/**
 * Many-to-many the way Twenty models it: a junction object with a many-to-one relation to each
 * side (docs/twenty-data-model-rules.md §6.3), created in one edit.
 */
export interface ManyToManySpec {
  junction: ObjectHead;
  left: {
    objectName: string;
    label: string;
    fieldName: string;
    inverseLabel: string;
    inverseName: string;
  };
  right: {
    objectName: string;
    label: string;
    fieldName: string;
    inverseLabel: string;
    inverseName: string;
  };
}

export const addManyToMany = (draft: DraftDocuments, spec: ManyToManySpec): DraftDocuments => {
  let next = addObject(draft, spec.junction);
  for (const [side, other] of [
    [spec.left, spec.right],
    [spec.right, spec.left],
  ] as const)
    next = addRelation(next, {
      objectName: spec.junction.nameSingular,
      type: 'MANY_TO_ONE',
      targetObject: side.objectName,
      label: side.label,
      name: side.fieldName,
      icon: 'IconLink',
      inverseLabel: side.inverseLabel,
      inverseName: side.inverseName,
      inverseIcon: 'IconLink',
      // A link row means nothing without both ends.
      onDelete: 'CASCADE',
      // Each side lists the other side's records, as Twenty shows a many-to-many.
      junctionTarget: other.fieldName,
    });
  return next;
};

/** A new custom object's head with Twenty's defaults: names synced with labels. */
export const newObjectHead = (labelSingular: string, labelPlural: string): ObjectHead => ({
  ...syncedObjectNames({ labelSingular, labelPlural }),
  labelSingular,
  labelPlural,
  description: null,
  icon: 'IconBox',
  isActive: true,
  isLabelSyncedWithName: true,
});

export const newField = (type: SchemaField['type'], label: string, icon: string): SchemaField => ({
  name: safeName(label),
  label,
  type,
  description: null,
  icon,
  isActive: true,
  isNullable: true,
  isUnique: false,
  isLabelSyncedWithName: true,
  defaultValue: null,
  settings: null,
  options: null,
  relation: null,
});

/** A new field with what its type needs to be valid in Twenty (options, FILES' limit). */
export const newFieldOfType = (
  type: SchemaField['type'],
  label: string,
  icon: string,
): SchemaField => {
  const field = newField(type, label, icon);
  if (type === 'SELECT' || type === 'MULTI_SELECT')
    field.options = [{ label: 'Option 1', value: 'OPTION_1', color: 'green', position: 0 }];
  if (type === 'FILES') field.settings = { maxNumberOfValues: 10 };
  if (type === 'NUMBER') field.settings = { type: 'number', decimals: 0 };
  return field;
};

/** The first free `<label> N` among names already taken (new objects and fields). */
export const freeLabel = (label: string, taken: Set<string>): string => {
  if (!taken.has(safeName(label))) return label;
  for (let n = 2; ; n++) if (!taken.has(safeName(`${label} ${n}`))) return `${label} ${n}`;
};
