import type { ModelField, ModelObject, WorkspaceModel } from '../../../shared/contract/data-model';
import { BASE_FIELD_NAMES } from '../../../shared/domain/base-fields';
import { baseField, baseObjectName, type DraftDocuments } from '../../../shared/schema/draft-edits';
import { isCustomField, isCustomObject } from '../../../shared/schema/model-to-schema';
import {
  isStandardObject,
  type SchemaField,
  type SchemaObject,
} from '../../../shared/schema/schema-document';

/**
 * The diagram shows the model as the draft would make it: the workspace's standard and system
 * parts as read, the custom part from the draft, each object and field marked with what the draft
 * does to it. Keys of `marks`: `object` or `object.field`, by the draft's (new) names.
 */
export type ChangeMark = 'added' | 'changed' | 'removed';

export interface OverlaidModel {
  model: WorkspaceModel;
  marks: Map<string, ChangeMark>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const headOf = <T extends SchemaObject>(object: T): Omit<T, 'fields'> => {
  const { fields: _fields, ...head } = object;
  return head;
};

const toModelField = (objectName: string, field: SchemaField): ModelField => ({
  id: `draft:${objectName}.${field.name}`,
  name: field.name,
  label: field.label,
  type: field.type,
  description: field.description,
  icon: field.icon,
  isCustom: true,
  isSystem: false,
  isActive: field.isActive,
  isNullable: field.isNullable,
  isUnique: field.isUnique,
  isLabelSyncedWithName: field.isLabelSyncedWithName,
  defaultValue: field.defaultValue,
  options: field.options,
  settings: field.settings,
  relation: field.relation
    ? {
        type: field.relation.type,
        targetObject: field.relation.targetObject,
        targetField: field.relation.inverseName,
        targetFieldId: null,
      }
    : null,
});

/** The ONE_TO_MANY side Twenty creates on the target of a many-to-one field. */
const inverseOf = (objectName: string, field: SchemaField): ModelField | null => {
  const relation = field.relation;
  if (!relation) return null;
  return {
    ...toModelField(relation.targetObject, {
      ...field,
      name: relation.inverseName,
      label: relation.inverseLabel,
      icon: relation.inverseIcon,
      description: null,
    }),
    relation: {
      type: relation.type === 'MANY_TO_ONE' ? 'ONE_TO_MANY' : 'MANY_TO_ONE',
      targetObject: objectName,
      targetField: field.name,
      targetFieldId: null,
    },
  };
};

/** The fields Twenty gives a new custom object, as the diagram shows them before it exists. */
const VISIBLE_BASE_FIELDS: Record<string, [string, string]> = {
  name: ['Name', 'TEXT'],
  createdAt: ['Creation date', 'DATE_TIME'],
  updatedAt: ['Last update', 'DATE_TIME'],
  createdBy: ['Created by', 'ACTOR'],
  updatedBy: ['Updated by', 'ACTOR'],
};

const baseFieldsOf = (objectName: string): ModelField[] =>
  BASE_FIELD_NAMES.map((name) => {
    const visible = VISIBLE_BASE_FIELDS[name];
    return {
      id: `draft:${objectName}.${name}`,
      name,
      label: visible?.[0] ?? name,
      type: visible?.[1] ?? 'UUID',
      description: null,
      icon: null,
      isCustom: false,
      isSystem: !visible,
      isActive: true,
      isNullable: name !== 'id',
      isUnique: name === 'id',
      isLabelSyncedWithName: false,
      defaultValue: null,
      options: null,
      settings: null,
      relation: null,
    };
  });

export const overlayDraft = (model: WorkspaceModel, draft: DraftDocuments): OverlaidModel => {
  const marks = new Map<string, ChangeMark>();
  const target = new Map(draft.target.objects.map((object) => [object.nameSingular, object]));
  const base = new Map(draft.base.objects.map((object) => [object.nameSingular, object]));

  // Inverse fields, by the object that shows them.
  const inverses = new Map<string, ModelField[]>();
  for (const object of draft.target.objects)
    for (const field of object.fields) {
      const inverse = inverseOf(object.nameSingular, field);
      if (!inverse || !field.relation) continue;
      const list = inverses.get(field.relation.targetObject) ?? [];
      list.push(inverse);
      inverses.set(field.relation.targetObject, list);
    }

  const customFields = (objectName: string, baseName: string | null): ModelField[] => {
    const wanted = target.get(objectName);
    const fields: ModelField[] = [];
    const kept = new Set<string>();
    for (const field of wanted?.fields ?? []) {
      const before = baseField(draft, objectName, field.name);
      if (before) kept.add(before.name);
      const mark = !before ? 'added' : same(before, field) ? null : 'changed';
      if (mark) marks.set(`${objectName}.${field.name}`, mark);
      fields.push(toModelField(objectName, field));
    }
    fields.push(...(inverses.get(objectName) ?? []));
    // What the draft drops stays on the diagram, struck through, until the plan is applied.
    const before = baseName ? base.get(baseName) : undefined;
    for (const field of before?.fields ?? []) {
      if (kept.has(field.name)) continue;
      marks.set(`${objectName}.${field.name}`, 'removed');
      fields.push(toModelField(objectName, field));
    }
    return fields;
  };

  const objects: ModelObject[] = [];
  const shown = new Set<string>();
  for (const object of model.objects) {
    const baseName = base.has(object.nameSingular) ? object.nameSingular : null;
    const renamed = baseName ? (draft.renames.objects[baseName] ?? baseName) : object.nameSingular;
    const wanted = target.get(renamed);
    const own = object.fields.filter((field) => !isCustomField(object, field));
    if (isCustomObject(object) && baseName && (!wanted || isStandardObject(wanted))) {
      marks.set(object.nameSingular, 'removed');
      shown.add(object.nameSingular);
      objects.push(object);
      continue;
    }
    const head = wanted && !isStandardObject(wanted) ? headOf(wanted) : null;
    const baseHead = baseName ? base.get(baseName) : undefined;
    if (head && baseHead && !same(head, headOf(baseHead))) marks.set(renamed, 'changed');
    shown.add(renamed);
    objects.push({
      ...object,
      ...(head ?? {}),
      fields: [...own, ...customFields(renamed, baseName)],
    });
  }
  for (const wanted of draft.target.objects) {
    if (shown.has(wanted.nameSingular) || isStandardObject(wanted)) continue;
    const original = baseObjectName(draft, wanted.nameSingular);
    if (!original) marks.set(wanted.nameSingular, 'added');
    objects.push({
      id: `draft:${wanted.nameSingular}`,
      ...headOf(wanted),
      isCustom: true,
      isSystem: false,
      fields: [
        ...baseFieldsOf(wanted.nameSingular),
        ...customFields(wanted.nameSingular, original),
      ],
    });
  }
  // An inverse field shares its owner's mark (owners may come later in the model).
  for (const [objectName, list] of inverses)
    for (const inverse of list) {
      const owner = marks.get(`${inverse.relation?.targetObject}.${inverse.relation?.targetField}`);
      if (owner) marks.set(`${objectName}.${inverse.name}`, owner);
    }
  return { model: { objects }, marks };
};
