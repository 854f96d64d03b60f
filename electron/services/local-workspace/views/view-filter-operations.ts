import { randomUUID } from 'node:crypto';
import type { MetadataState } from '../metadata/metadata-types';
import { ViewValidation } from './view-errors';
import { destroyRow, rowOrThrow, softDeleteRow } from './view-rows';
import type { Input } from './view-operations';
import type { ViewFilterGroupRow, ViewFilterRow } from './view-types';

/**
 * View filters and filter groups (flat-view-filter-validator.service.ts,
 * flat-view-filter-group-validator.service.ts, get-invalid-select-filter-option-values.util.ts).
 * Operand/field-type compatibility (twenty-shared FILTER_OPERANDS_MAP) is not checked here.
 */
const EMPTINESS_OPERANDS = new Set(['IS_EMPTY', 'IS_NOT_EMPTY']);

/** Select filters hold option values: an array, or (older rows) its JSON text. */
export const filterOptionValues = (value: unknown): string[] | null => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed.map(String) : null;
    } catch {
      return null;
    }
  }
  return null;
};

const validateFilter = (
  state: MetadataState,
  validation: ViewValidation,
  row: ViewFilterRow,
  checkOptions: boolean,
): void => {
  const field = state.fields.get(row.fieldMetadataId);
  if (!field) validation.fail('Field metadata not found');
  else if (
    checkOptions &&
    (field.type === 'SELECT' || field.type === 'MULTI_SELECT') &&
    !EMPTINESS_OPERANDS.has(row.operand)
  ) {
    const allowed = (field.options ?? []).map((option) => option.value);
    const invalid = (filterOptionValues(row.value) ?? []).filter(
      (value) => !allowed.includes(value),
    );
    if (invalid.length > 0)
      validation.fail(
        `Filter on "${field.label}" uses option(s) ${invalid.join(', ')} that do not exist. Allowed values: ${allowed.join(', ')}.`,
        'Filter uses a select option that does not exist',
      );
  }
  if (row.viewFilterGroupId && !state.views.filterGroups.has(row.viewFilterGroupId))
    validation.fail('View filter group not found');
};

export const createViewFilter = (
  state: MetadataState,
  input: Input,
  now: string,
): ViewFilterRow => {
  const id = String(input.id ?? randomUUID()).toLowerCase();
  const row: ViewFilterRow = {
    id,
    viewId: String(input.viewId).toLowerCase(),
    fieldMetadataId: String(input.fieldMetadataId).toLowerCase(),
    operand: (input.operand ?? 'CONTAINS') as string,
    value: input.value ?? '',
    viewFilterGroupId: (input.viewFilterGroupId ?? null) as string | null,
    positionInViewFilterGroup: (input.positionInViewFilterGroup ?? null) as number | null,
    subFieldName: (input.subFieldName ?? null) as string | null,
    relationTargetFieldMetadataId: (input.relationTargetFieldMetadataId ?? null) as string | null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  const validation = new ViewValidation('viewFilter', 'create', { id, universalIdentifier: id });
  if (state.views.filters.has(id))
    validation.fail(
      'View filter with this universal identifier already exists',
      'View filter already exists',
    );
  if (!state.views.views.has(row.viewId)) validation.fail('View not found');
  validateFilter(state, validation, row, true);
  validation.throwIfAny();
  state.views.filters.set(id, row);
  return row;
};

const FILTER_EDITABLE = [
  'fieldMetadataId',
  'operand',
  'value',
  'viewFilterGroupId',
  'positionInViewFilterGroup',
  'subFieldName',
  'relationTargetFieldMetadataId',
] as const;

export const updateViewFilter = (
  state: MetadataState,
  id: string,
  update: Input,
  now: string,
): ViewFilterRow => {
  const current = rowOrThrow(state.views.filters, id, 'viewFilter', 'update');
  const next: ViewFilterRow = { ...current, updatedAt: now };
  for (const key of FILTER_EDITABLE) {
    const value = update[key];
    if (value === undefined) continue;
    if (value === null && (key === 'fieldMetadataId' || key === 'operand' || key === 'value'))
      continue;
    (next as unknown as Record<string, unknown>)[key] = value;
  }
  const validation = new ViewValidation('viewFilter', 'update', {
    id: current.id,
    universalIdentifier: current.id,
  });
  const touchesOptions = ['value', 'fieldMetadataId', 'operand'].some((key) => key in update);
  validateFilter(state, validation, next, touchesOptions);
  validation.throwIfAny();
  state.views.filters.set(next.id, next);
  return next;
};

export const deleteViewFilter = (state: MetadataState, id: string, now: string): ViewFilterRow =>
  softDeleteRow(state.views.filters, id, 'viewFilter', now);

export const destroyViewFilter = (state: MetadataState, id: string): ViewFilterRow =>
  destroyRow(state.views.filters, id, 'viewFilter');

/** Root and one child level only (VIEW_FILTER_GROUP_MAX_DEPTH = 2). */
const MAX_DEPTH = 2;

const hierarchyErrors = (state: MetadataState, id: string, parentId: string): string | null => {
  if (parentId === id) return 'View filter group cannot be its own parent';
  let depth = 1;
  let cursor: string | null = parentId;
  const seen = new Set<string>([id]);
  while (cursor) {
    if (seen.has(cursor)) return 'Circular dependency detected in view filter group hierarchy';
    seen.add(cursor);
    depth += 1;
    cursor = state.views.filterGroups.get(cursor)?.parentViewFilterGroupId ?? null;
  }
  return depth > MAX_DEPTH
    ? `View filter group hierarchy exceeds maximum depth of ${MAX_DEPTH}`
    : null;
};

const validateParent = (
  state: MetadataState,
  validation: ViewValidation,
  id: string,
  parentId: string | null,
): void => {
  if (!parentId) return;
  const problem = hierarchyErrors(state, id, parentId);
  if (problem) validation.fail(problem, problem, 'CIRCULAR_DEPENDENCY');
  if (!state.views.filterGroups.has(parentId) && parentId !== id)
    validation.fail(
      'Parent view filter group not found',
      'Parent view filter group not found',
      'VIEW_FILTER_GROUP_NOT_FOUND',
    );
};

export const createViewFilterGroup = (
  state: MetadataState,
  input: Input,
  now: string,
): ViewFilterGroupRow => {
  const id = String(input.id ?? randomUUID()).toLowerCase();
  const row: ViewFilterGroupRow = {
    id,
    viewId: String(input.viewId).toLowerCase(),
    parentViewFilterGroupId: (input.parentViewFilterGroupId ?? null) as string | null,
    logicalOperator: (input.logicalOperator ?? 'AND') as string,
    positionInViewFilterGroup: (input.positionInViewFilterGroup ?? null) as number | null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  const validation = new ViewValidation('viewFilterGroup', 'create', {
    id,
    universalIdentifier: id,
  });
  if (state.views.filterGroups.has(id))
    validation.fail(
      'View filter group with this universal identifier already exists',
      'View filter group already exists',
    );
  if (!state.views.views.has(row.viewId))
    validation.fail('View not found', 'View not found', 'VIEW_NOT_FOUND');
  validateParent(state, validation, id, row.parentViewFilterGroupId);
  validation.throwIfAny();
  state.views.filterGroups.set(id, row);
  return row;
};

export const updateViewFilterGroup = (
  state: MetadataState,
  id: string,
  update: Input,
  now: string,
): ViewFilterGroupRow => {
  const current = rowOrThrow(state.views.filterGroups, id, 'viewFilterGroup', 'update');
  const next: ViewFilterGroupRow = { ...current, updatedAt: now };
  if (update.parentViewFilterGroupId !== undefined)
    next.parentViewFilterGroupId = update.parentViewFilterGroupId as string | null;
  if (update.logicalOperator != null) next.logicalOperator = update.logicalOperator as string;
  if (update.positionInViewFilterGroup !== undefined)
    next.positionInViewFilterGroup = update.positionInViewFilterGroup as number | null;
  const validation = new ViewValidation('viewFilterGroup', 'update', {
    id: current.id,
    universalIdentifier: current.id,
  });
  validateParent(
    state,
    validation,
    current.id,
    update.parentViewFilterGroupId ? next.parentViewFilterGroupId : null,
  );
  validation.throwIfAny();
  state.views.filterGroups.set(next.id, next);
  return next;
};

export const deleteViewFilterGroup = (
  state: MetadataState,
  id: string,
  now: string,
): ViewFilterGroupRow => softDeleteRow(state.views.filterGroups, id, 'viewFilterGroup', now);

/** Destroying a group takes its sub-groups and their filters with it (foreign-key cascade). */
export const destroyViewFilterGroup = (state: MetadataState, id: string): ViewFilterGroupRow => {
  const current = destroyRow(state.views.filterGroups, id, 'viewFilterGroup');
  const doomed = new Set([current.id]);
  for (const group of state.views.filterGroups.values())
    if (group.parentViewFilterGroupId && doomed.has(group.parentViewFilterGroupId))
      doomed.add(group.id);
  for (const groupId of doomed) state.views.filterGroups.delete(groupId);
  for (const [filterId, filter] of state.views.filters)
    if (filter.viewFilterGroupId && doomed.has(filter.viewFilterGroupId))
      state.views.filters.delete(filterId);
  return current;
};
