import {
  fieldsOfObject,
  type FieldRow,
  type MetadataState,
  type ObjectRow,
} from '../metadata/metadata-types';
import { STANDARD_INDEX_VIEWS } from '../seed/standard-objects/standard-index-views';
import { newViewFieldRow, newViewRow } from './view-rows';
import { childrenOfView, type ViewRow } from './view-types';

/**
 * The INDEX view ("All {objectLabelPlural}") Twenty gives every object
 * (compute-flat-index-view-to-create.util.ts, compute-flat-view-fields-to-create.util.ts,
 * is-flat-field-metadata-displayable-in-default-view.util.ts, and the field create side effect
 * that appends a new field to its object's INDEX view).
 */
export const INDEX_VIEW_NAME = 'All {objectLabelPlural}';
export const INDEX_VIEW_KEY = 'INDEX';

/** Fields a default view shows: no deletedAt, search vector, position or relation; `id` only as label. */
export const isDisplayableInDefaultView = (field: FieldRow, object: ObjectRow): boolean =>
  field.name !== 'deletedAt' &&
  field.type !== 'TS_VECTOR' &&
  field.type !== 'POSITION' &&
  field.type !== 'MORPH_RELATION' &&
  field.type !== 'RELATION' &&
  (field.name !== 'id' || field.id === object.labelIdentifierFieldMetadataId);

/** Custom object: INDEX view with its displayable fields, the label identifier first. */
export const addCustomIndexView = (state: MetadataState, object: ObjectRow, now: string): void => {
  const view = newViewRow(
    {
      objectMetadataId: object.id,
      name: INDEX_VIEW_NAME,
      key: INDEX_VIEW_KEY,
      icon: 'IconList',
      applicationId: object.applicationId,
      isSystemSideEffect: true,
    },
    now,
  );
  state.views.views.set(view.id, view);
  const fields = fieldsOfObject(state, object.id).filter((field) =>
    isDisplayableInDefaultView(field, object),
  );
  const labelFirst = [
    ...fields.filter((field) => field.id === object.labelIdentifierFieldMetadataId),
    ...fields.filter((field) => field.id !== object.labelIdentifierFieldMetadataId),
  ];
  labelFirst.forEach((field, position) => {
    const row = newViewFieldRow(
      {
        viewId: view.id,
        fieldMetadataId: field.id,
        applicationId: object.applicationId,
        isSystemSideEffect: true,
        position,
      },
      now,
    );
    state.views.fields.set(row.id, row);
  });
};

/** Standard object: its INDEX view as twenty-sdk 2.43 lists it (fields we do not model are skipped). */
export const addStandardIndexView = (
  state: MetadataState,
  object: ObjectRow,
  now: string,
): void => {
  const definition = STANDARD_INDEX_VIEWS[object.nameSingular];
  if (!definition) return;
  const view = newViewRow(
    {
      objectMetadataId: object.id,
      universalIdentifier: definition.universalIdentifier,
      name: INDEX_VIEW_NAME,
      key: INDEX_VIEW_KEY,
      icon: 'IconList',
      applicationId: object.applicationId,
      isCustom: false,
    },
    now,
  );
  state.views.views.set(view.id, view);
  const byName = new Map(fieldsOfObject(state, object.id).map((field) => [field.name, field]));
  let position = 0;
  for (const [fieldName, universalIdentifier] of definition.viewFields) {
    const field = byName.get(fieldName);
    if (!field) continue;
    const row = newViewFieldRow(
      {
        viewId: view.id,
        fieldMetadataId: field.id,
        universalIdentifier,
        applicationId: object.applicationId,
        position: position++,
      },
      now,
    );
    state.views.fields.set(row.id, row);
  }
};

export const findIndexView = (state: MetadataState, objectId: string): ViewRow | undefined =>
  [...state.views.views.values()].find(
    (view) =>
      view.objectMetadataId === objectId && view.key === INDEX_VIEW_KEY && view.deletedAt === null,
  );

/** A field created on an existing object is appended to the object's INDEX view. */
export const appendToIndexView = (state: MetadataState, field: FieldRow, now: string): void => {
  const view = findIndexView(state, field.objectMetadataId);
  if (!view) return;
  const siblings = childrenOfView(state.views, 'fields', view.id);
  if (siblings.some((row) => row.fieldMetadataId === field.id)) return;
  const positions = siblings.filter((row) => row.isActive).map((row) => row.position);
  const row = newViewFieldRow(
    {
      viewId: view.id,
      fieldMetadataId: field.id,
      applicationId: field.applicationId,
      isSystemSideEffect: true,
      position: positions.length > 0 ? Math.max(...positions) + 1 : 0,
    },
    now,
  );
  state.views.fields.set(row.id, row);
};

/** Every object without a view gets its INDEX view (Twenty's seed-missing-object-default-views). */
export const addMissingIndexViews = (state: MetadataState, now: string): void => {
  const withViews = new Set([...state.views.views.values()].map((view) => view.objectMetadataId));
  for (const object of state.objects.values()) {
    if (withViews.has(object.id)) continue;
    if (object.isCustom) addCustomIndexView(state, object, now);
    else addStandardIndexView(state, object, now);
  }
};
