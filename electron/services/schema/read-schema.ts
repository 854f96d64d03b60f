import {
  emptySchemaDocument,
  normaliseSchemaDocument,
  type SchemaDocument,
  type SchemaField,
  type SchemaObject,
  type SchemaOption,
} from '../../../shared/schema/schema-document';
import { isFieldMetadataType } from '../../../shared/domain/field-metadata-type';
import type { TwentyClient } from '../twenty-client';

/**
 * Reads a workspace's data model through `/metadata` and turns it into a schema document.
 * One query per page of 1000 objects (Twenty's connection maximum; default page is 10), with
 * `fieldsList` (unpaginated). "Custom" is decided as Twenty's own front does on 2.x:
 * `applicationId == currentWorkspace.workspaceCustomApplication.id` (isCustom is gone since 2.23),
 * minus system fields and the default fields every custom object is born with.
 */
export interface LiveField {
  id: string;
  name: string;
  label: string;
  type: string;
  description: string | null;
  icon: string | null;
  isActive: boolean | null;
  isSystem: boolean | null;
  isNullable: boolean | null;
  isUnique: boolean | null;
  isLabelSyncedWithName: boolean | null;
  defaultValue: unknown;
  options: unknown;
  settings: Record<string, unknown> | null;
  applicationId: string;
  relation: {
    type: 'MANY_TO_ONE' | 'ONE_TO_MANY';
    targetObjectMetadata: { id: string; nameSingular: string };
    targetFieldMetadata: { id: string; name: string };
  } | null;
}

export interface LiveObject {
  id: string;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description: string | null;
  icon: string | null;
  isActive: boolean;
  isSystem: boolean;
  isLabelSyncedWithName: boolean;
  applicationId: string;
  fieldsList: LiveField[];
}

export interface LiveModel {
  customApplicationId: string;
  objects: LiveObject[];
}

const FIELD_SELECTION = `id name label type description icon isActive isSystem isNullable isUnique
  isLabelSyncedWithName defaultValue options settings applicationId
  relation { type targetObjectMetadata { id nameSingular } targetFieldMetadata { id name } }`;

const OBJECTS_QUERY = `query AtelierSchemaObjects($after: ConnectionCursor) {
  objects(paging: { first: 1000, after: $after }) {
    edges { node { id nameSingular namePlural labelSingular labelPlural description icon isActive
      isSystem isLabelSyncedWithName applicationId fieldsList { ${FIELD_SELECTION} } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const WORKSPACE_QUERY = `query AtelierSchemaWorkspace { currentWorkspace { workspaceCustomApplication { id } } }`;

/** The fields Twenty adds to every custom object (metadata-api.md §7.3): not the admin's. */
export const DEFAULT_CUSTOM_OBJECT_FIELDS = new Set([
  'id',
  'name',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'createdBy',
  'updatedBy',
  'position',
  'searchVector',
]);

export const readLiveModel = async (
  client: TwentyClient,
  signal?: AbortSignal,
): Promise<LiveModel> => {
  const workspace = await client.metadataGraphql<{
    currentWorkspace: { workspaceCustomApplication: { id: string } | null };
  }>({ query: WORKSPACE_QUERY, operationName: 'AtelierSchemaWorkspace', signal });
  const customApplicationId = workspace.currentWorkspace.workspaceCustomApplication?.id ?? '';
  const objects: LiveObject[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      objects: {
        edges: Array<{ node: LiveObject }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await client.metadataGraphql({
      query: OBJECTS_QUERY,
      operationName: 'AtelierSchemaObjects',
      variables: { after },
      signal,
    });
    objects.push(...page.objects.edges.map((edge) => edge.node));
    if (!page.objects.pageInfo.hasNextPage || !page.objects.pageInfo.endCursor) break;
    after = page.objects.pageInfo.endCursor;
  }
  return { customApplicationId, objects };
};

const isCustomObject = (model: LiveModel, object: LiveObject): boolean =>
  object.applicationId === model.customApplicationId && !object.isSystem;

const isCustomField = (model: LiveModel, object: LiveObject, field: LiveField): boolean =>
  field.applicationId === model.customApplicationId &&
  field.isSystem !== true &&
  !(isCustomObject(model, object) && DEFAULT_CUSTOM_OBJECT_FIELDS.has(field.name));

const toOptions = (options: unknown): SchemaOption[] | null =>
  Array.isArray(options)
    ? options.map((option: Record<string, unknown>) => ({
        label: String(option.label),
        value: String(option.value),
        color: typeof option.color === 'string' ? option.color : null,
        position: Number(option.position),
      }))
    : null;

const RELATION_SETTINGS = new Set(['relationType', 'onDelete', 'joinColumnName']);

const toField = (field: LiveField, fieldsById: Map<string, LiveField>): SchemaField | null => {
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
  const inverse = fieldsById.get(field.relation.targetFieldMetadata.id);
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
      type: field.relation.type,
      targetObject: field.relation.targetObjectMetadata.nameSingular,
      inverseName: field.relation.targetFieldMetadata.name,
      inverseLabel: inverse?.label ?? field.relation.targetFieldMetadata.name,
      inverseIcon: inverse?.icon ?? null,
      onDelete:
        field.relation.type === 'MANY_TO_ONE' && typeof onDelete === 'string'
          ? (onDelete as NonNullable<SchemaField['relation']>['onDelete'])
          : null,
    },
  };
};

/** Pure: the custom part of a live model as a canonical schema document. */
export const toSchemaDocument = (model: LiveModel): SchemaDocument => {
  const fieldsById = new Map(
    model.objects.flatMap((object) => object.fieldsList.map((field) => [field.id, field] as const)),
  );
  const included = new Set<string>();
  for (const object of model.objects)
    for (const field of object.fieldsList)
      if (isCustomField(model, object, field)) included.add(field.id);
  const objects: SchemaObject[] = [];
  for (const object of model.objects) {
    const fields: SchemaField[] = [];
    for (const field of object.fieldsList) {
      if (!included.has(field.id)) continue;
      // A relation is written once, on its MANY_TO_ONE side (normalisation does the same for files).
      if (
        field.relation?.type === 'ONE_TO_MANY' &&
        included.has(field.relation.targetFieldMetadata.id)
      )
        continue;
      const converted = toField(field, fieldsById);
      if (converted) fields.push(converted);
    }
    if (isCustomObject(model, object))
      objects.push({
        nameSingular: object.nameSingular,
        namePlural: object.namePlural,
        labelSingular: object.labelSingular,
        labelPlural: object.labelPlural,
        description: object.description ?? null,
        icon: object.icon ?? null,
        isActive: object.isActive,
        isLabelSyncedWithName: object.isLabelSyncedWithName,
        fields,
      });
    else if (fields.length > 0)
      objects.push({ nameSingular: object.nameSingular, standard: true, fields });
  }
  return normaliseSchemaDocument({ ...emptySchemaDocument(), objects });
};

export const readSchema = async (
  client: TwentyClient,
  signal?: AbortSignal,
): Promise<SchemaDocument> => toSchemaDocument(await readLiveModel(client, signal));
