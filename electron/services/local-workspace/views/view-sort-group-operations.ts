import { randomUUID } from 'node:crypto';
import type { MetadataState } from '../metadata/metadata-types';
import { ViewValidation } from './view-errors';
import type { Input } from './view-operations';
import { destroyRow, newViewGroupRow, rowOrThrow, softDeleteRow } from './view-rows';
import { childrenOfView, type ViewGroupRow, type ViewSortRow } from './view-types';

/**
 * View sorts and view groups (flat-view-sort-validator.service.ts,
 * flat-view-group-validator.service.ts). A view's groups are the values of its
 * mainGroupByFieldMetadataId; they are also made and remade by view create/update.
 */
const DIRECTIONS = ['ASC', 'DESC'];

export const createViewSort = (state: MetadataState, input: Input, now: string): ViewSortRow => {
  const id = String(input.id ?? randomUUID()).toLowerCase();
  const row: ViewSortRow = {
    id,
    viewId: String(input.viewId).toLowerCase(),
    fieldMetadataId: String(input.fieldMetadataId).toLowerCase(),
    direction: (input.direction ?? 'ASC') as string,
    subFieldName: (input.subFieldName ?? null) as string | null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  const validation = new ViewValidation('viewSort', 'create', {
    id,
    universalIdentifier: id,
    viewUniversalIdentifier: row.viewId,
  });
  if (state.views.sorts.has(id))
    validation.fail(`View sort with id ${id} already exists`, 'View sort already exists');
  if (!state.fields.has(row.fieldMetadataId)) validation.fail('Field metadata not found');
  if (!state.views.views.has(row.viewId))
    validation.fail('View not found', 'View not found', 'VIEW_NOT_FOUND');
  else if (
    childrenOfView(state.views, 'sorts', row.viewId).some(
      (sort) => sort.fieldMetadataId === row.fieldMetadataId,
    )
  )
    validation.fail(
      'View sort with same fieldMetadataId and viewId already exists',
      'View sort already exists',
    );
  if (!DIRECTIONS.includes(row.direction))
    validation.fail(
      'View sort with invalid direction',
      'View sort with invalid direction, should be ASC or DESC',
    );
  validation.throwIfAny();
  state.views.sorts.set(id, row);
  return row;
};

export const updateViewSort = (
  state: MetadataState,
  id: string,
  update: Input,
  now: string,
): ViewSortRow => {
  const current = rowOrThrow(state.views.sorts, id, 'viewSort', 'update');
  const next: ViewSortRow = { ...current, updatedAt: now };
  if (update.direction !== undefined) next.direction = update.direction as string;
  if (update.subFieldName !== undefined) next.subFieldName = update.subFieldName as string | null;
  if (!DIRECTIONS.includes(next.direction))
    new ViewValidation('viewSort', 'update', { id: current.id, universalIdentifier: current.id })
      .fail('Correct direction is required')
      .throwIfAny();
  state.views.sorts.set(next.id, next);
  return next;
};

export const deleteViewSort = (state: MetadataState, id: string, now: string): ViewSortRow =>
  softDeleteRow(state.views.sorts, id, 'viewSort', now);

export const destroyViewSort = (state: MetadataState, id: string): ViewSortRow =>
  destroyRow(state.views.sorts, id, 'viewSort');

export const createViewGroup = (state: MetadataState, input: Input, now: string): ViewGroupRow => {
  const id = String(input.id ?? randomUUID()).toLowerCase();
  const row = newViewGroupRow(
    {
      id,
      viewId: String(input.viewId).toLowerCase(),
      fieldValue: input.fieldValue as string,
      position: (input.position ?? 0) as number,
      isVisible: (input.isVisible ?? true) as boolean,
    },
    now,
  );
  const validation = new ViewValidation('viewGroup', 'create', {
    id,
    universalIdentifier: id,
    viewUniversalIdentifier: row.viewId,
  });
  if (state.views.groups.has(id))
    validation.fail(
      `View group metadata with universal identifier ${id} already exists`,
      'View group metadata already exists',
    );
  if (!state.views.views.has(row.viewId)) validation.fail('View not found');
  else if (row.fieldValue == null) validation.fail('Field value is required');
  validation.throwIfAny();
  state.views.groups.set(id, row);
  return row;
};

export const updateViewGroup = (
  state: MetadataState,
  id: string,
  update: Input,
  now: string,
): ViewGroupRow => {
  const current = rowOrThrow(state.views.groups, id, 'viewGroup', 'update');
  const next: ViewGroupRow = { ...current, updatedAt: now };
  if (update.isVisible != null) next.isVisible = update.isVisible as boolean;
  if (update.position != null) next.position = update.position as number;
  if (update.fieldValue !== undefined) next.fieldValue = update.fieldValue as string;
  if (next.fieldValue == null)
    new ViewValidation('viewGroup', 'update', { id: current.id, universalIdentifier: current.id })
      .fail('Field value is required')
      .throwIfAny();
  state.views.groups.set(next.id, next);
  return next;
};

export const deleteViewGroup = (state: MetadataState, id: string, now: string): ViewGroupRow =>
  softDeleteRow(state.views.groups, id, 'viewGroup', now);

export const destroyViewGroup = (state: MetadataState, id: string): ViewGroupRow =>
  destroyRow(state.views.groups, id, 'viewGroup');
