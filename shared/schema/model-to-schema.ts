import { isBaseFieldName } from '../domain/base-fields';
import { isFieldMetadataType } from '../domain/field-metadata-type';
import type { ModelField, ModelObject, WorkspaceModel } from '../contract/data-model';
import {
  customObjectHead,
  emptySchemaDocument,
  normaliseSchemaDocument,
  type SchemaDocument,
  type SchemaField,
  type SchemaObject,
  type SchemaOption,
} from './schema-document';

/**
 * The custom part of a workspace model as a schema document — custom objects and fields, minus
 * system fields and the default fields every custom object is born with. Pure, so the editor
 * derives a draft's base from the model the diagram already holds.
 */
export const isCustomObject = (object: ModelObject): boolean => object.isCustom && !object.isSystem;

export const isCustomField = (object: ModelObject, field: ModelField): boolean =>
  field.isCustom && !field.isSystem && !(isCustomObject(object) && isBaseFieldName(field.name));

const toOptions = (options: unknown): SchemaOption[] | null =>
  Array.isArray(options)
    ? options.map((option: Record<string, unknown>) => ({
        label: String(option.label),
        value: String(option.value),
        color: typeof option.color === 'string' ? option.color : null,
        position: Number(option.position),
      }))
    : null;

const RELATION_SETTINGS = new Set([
  'relationType',
  'onDelete',
  'joinColumnName',
  'junctionTargetFieldId',
]);

/** The junction field a ONE_TO_MANY field lists through, by name (it is on the junction). */
const junctionTargetOf = (
  oneToMany: ModelField | undefined,
  fieldsById: Map<string, ModelField>,
): string | null => {
  const id = oneToMany?.settings?.junctionTargetFieldId;
  return typeof id === 'string' ? (fieldsById.get(id)?.name ?? null) : null;
};

const toField = (field: ModelField, fieldsById: Map<string, ModelField>): SchemaField | null => {
  if (!isFieldMetadataType(field.type) || field.type === 'MORPH_RELATION') return null;
  const base = {
    name: field.name,
    label: field.label,
    type: field.type,
    description: field.description ?? null,
    icon: field.icon ?? null,
    isActive: field.isActive ?? true,
    isNullable: field.isNullable ?? true,
    isUnique: field.isUnique ?? false,
    isLabelSyncedWithName: field.isLabelSyncedWithName ?? false,
    defaultValue: field.defaultValue ?? null,
    settings: field.settings ?? null,
    options:
      field.type === 'SELECT' || field.type === 'MULTI_SELECT' ? toOptions(field.options) : null,
    relation: null,
  };
  if (field.type !== 'RELATION' || !field.relation) return base;
  const inverse = field.relation.targetFieldId
    ? fieldsById.get(field.relation.targetFieldId)
    : undefined;
  const extraSettings = Object.entries(field.settings ?? {}).filter(
    ([key]) => !RELATION_SETTINGS.has(key),
  );
  const onDelete = field.settings?.onDelete;
  return {
    ...base,
    // Forced by Twenty for relations; not the admin's choice.
    isNullable: true,
    isUnique: false,
    defaultValue: null,
    settings: extraSettings.length > 0 ? Object.fromEntries(extraSettings) : null,
    relation: {
      type: field.relation.type as 'MANY_TO_ONE' | 'ONE_TO_MANY',
      targetObject: field.relation.targetObject,
      inverseName: field.relation.targetField ?? '',
      inverseLabel: inverse?.label ?? field.relation.targetField ?? '',
      inverseIcon: inverse?.icon ?? null,
      onDelete:
        field.relation.type === 'MANY_TO_ONE' && typeof onDelete === 'string'
          ? (onDelete as NonNullable<SchemaField['relation']>['onDelete'])
          : null,
      junctionTarget: junctionTargetOf(
        field.relation.type === 'ONE_TO_MANY' ? field : inverse,
        fieldsById,
      ),
    },
  };
};

/** Pure: the custom part of a live model as a canonical schema document. */
export const toSchemaDocument = (model: WorkspaceModel): SchemaDocument => {
  const fieldsById = new Map(
    model.objects.flatMap((object) => object.fields.map((field) => [field.id, field] as const)),
  );
  const included = new Set<string>();
  for (const object of model.objects)
    for (const field of object.fields) if (isCustomField(object, field)) included.add(field.id);
  const objects: SchemaObject[] = [];
  for (const object of model.objects) {
    const fields: SchemaField[] = [];
    for (const field of object.fields) {
      if (!included.has(field.id)) continue;
      // A relation is written once, on its MANY_TO_ONE side (normalisation does the same for files).
      if (
        field.relation?.type === 'ONE_TO_MANY' &&
        field.relation.targetFieldId !== null &&
        included.has(field.relation.targetFieldId)
      )
        continue;
      const converted = toField(field, fieldsById);
      if (converted) fields.push(converted);
    }
    if (isCustomObject(object)) objects.push(customObjectHead(object, fields));
    else if (fields.length > 0)
      objects.push({ nameSingular: object.nameSingular, standard: true, fields });
  }
  return normaliseSchemaDocument({ ...emptySchemaDocument(), objects });
};
