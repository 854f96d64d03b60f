import { randomUUID } from 'node:crypto';
import type { MetadataState } from '../metadata/metadata-types';
import { invalidViewInput, ViewValidation } from './view-errors';
import type { Input } from './view-operations';
import { newViewFieldRow, rowOrThrow } from './view-rows';
import { childrenOfView, type ViewFieldRow } from './view-types';

/**
 * View fields (from-create-view-field-input-to-flat-view-field-to-create.util.ts,
 * from-update-view-field-input-…, flat-view-field-validator.service.ts,
 * validate-label-identifier-field-metadata-id-flat-view-field.util.ts): the object's label
 * identifier column stays first, visible and undeletable.
 */
const entity = (
  row: Pick<ViewFieldRow, 'id' | 'universalIdentifier' | 'viewId' | 'fieldMetadataId'>,
) => ({
  id: row.id,
  universalIdentifier: row.universalIdentifier,
  viewUniversalIdentifier: row.viewId,
  fieldMetadataUniversalIdentifier: row.fieldMetadataId,
});

const labelIdentifierOf = (state: MetadataState, viewId: string): string | null => {
  const view = state.views.views.get(viewId);
  return (view && state.objects.get(view.objectMetadataId)?.labelIdentifierFieldMetadataId) ?? null;
};

/** isViewFieldInLowestPosition: strictly lower than every other view field. */
const isLowest = (row: ViewFieldRow, others: ViewFieldRow[]) =>
  others.length === 0 || row.position < Math.min(...others.map((other) => other.position));

const checkLabelIdentifier = (
  validation: ViewValidation,
  row: ViewFieldRow,
  others: ViewFieldRow[],
) => {
  if (others.length > 0 && !isLowest(row, others))
    validation.fail('Label identifier view field has to be in the lowest position');
  if (!row.isVisible) validation.fail('Label identifier view field has to be visible');
  if (row.deletedAt !== null) validation.fail('Label identifier view field cannot be deleted');
};

export const createViewField = (state: MetadataState, input: Input, now: string): ViewFieldRow => {
  const viewId = String(input.viewId).toLowerCase();
  const fieldMetadataId = String(input.fieldMetadataId).toLowerCase();
  const view = state.views.views.get(viewId);
  if (!view)
    throw invalidViewInput(
      'viewField',
      'Provided view id does not exist',
      'View not found for this view field',
    );
  const field = state.fields.get(fieldMetadataId);
  if (!field)
    throw invalidViewInput(
      'viewField',
      'Provided field metadata id does not exist',
      'Field metadata not found for this view field',
    );
  if (field.objectMetadataId !== view.objectMetadataId)
    throw invalidViewInput(
      'viewField',
      'Field metadata does not belong to the same object as the view',
      'Field and view must belong to the same object',
    );
  const id = String(input.id ?? randomUUID()).toLowerCase();
  const row = newViewFieldRow(
    {
      id,
      viewId,
      fieldMetadataId,
      applicationId: state.workspace.customApplicationId,
      isVisible: (input.isVisible ?? true) as boolean,
      ...(input.size != null ? { size: input.size as number } : {}),
      position: (input.position ?? 0) as number,
      aggregateOperation: (input.aggregateOperation ?? null) as string | null,
      viewFieldGroupId: (input.viewFieldGroupId ?? null) as string | null,
    },
    now,
  );
  const validation = new ViewValidation('viewField', 'create', entity(row));
  if (state.views.fields.has(id))
    validation.fail(
      'View field metadata with this universal identifier already exists',
      'View field metadata already exists',
    );
  const others = childrenOfView(state.views, 'fields', viewId);
  if (others.some((other) => other.fieldMetadataId === fieldMetadataId))
    validation.fail(
      'View field with same fieldMetadataUniversalIdentifier and viewUniversalIdentifier already exists',
      'View field already exists',
    );
  const labelId = labelIdentifierOf(state, viewId);
  if (labelId === fieldMetadataId) checkLabelIdentifier(validation, row, others);
  else if (others.some((other) => other.fieldMetadataId === labelId) && isLowest(row, others))
    validation.fail(
      'View field position cannot be lower than label identifier view field position',
    );
  validation.throwIfAny();
  state.views.fields.set(id, row);
  return row;
};

const EDITABLE = [
  'isVisible',
  'size',
  'position',
  'aggregateOperation',
  'viewFieldGroupId',
] as const;
const NOT_NULL = new Set(['isVisible', 'size', 'position']);

export const updateViewField = (
  state: MetadataState,
  id: string,
  update: Input,
  now: string,
): ViewFieldRow => {
  const current = rowOrThrow(state.views.fields, id, 'viewField', 'update');
  const next: ViewFieldRow = { ...current, updatedAt: now };
  for (const key of EDITABLE) {
    const value = update[key];
    if (value === undefined || (value === null && NOT_NULL.has(key))) continue;
    (next as unknown as Record<string, unknown>)[key] = value;
  }
  validateLabelIdentifierRow(state, next, 'update');
  state.views.fields.set(next.id, next);
  return next;
};

const validateLabelIdentifierRow = (
  state: MetadataState,
  row: ViewFieldRow,
  operation: 'update' | 'delete',
): void => {
  if (labelIdentifierOf(state, row.viewId) !== row.fieldMetadataId) return;
  const validation = new ViewValidation('viewField', operation, entity(row));
  if (operation === 'delete') validation.fail('Label identifier view field cannot be deleted');
  else
    checkLabelIdentifier(
      validation,
      row,
      childrenOfView(state.views, 'fields', row.viewId).filter((other) => other.id !== row.id),
    );
  validation.throwIfAny();
};

export const deleteViewField = (state: MetadataState, id: string, now: string): ViewFieldRow => {
  const current = rowOrThrow(state.views.fields, id, 'viewField', 'delete');
  const deleted = { ...current, deletedAt: now, updatedAt: now };
  validateLabelIdentifierRow(state, deleted, 'update');
  state.views.fields.set(deleted.id, deleted);
  return deleted;
};

export const destroyViewField = (state: MetadataState, id: string): ViewFieldRow => {
  const current = rowOrThrow(state.views.fields, id, 'viewField', 'destroy');
  validateLabelIdentifierRow(state, current, 'delete');
  state.views.fields.delete(current.id);
  return current;
};
