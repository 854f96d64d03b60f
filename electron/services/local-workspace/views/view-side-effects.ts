import type { FieldRow, MetadataState, SelectOption } from '../metadata/metadata-types';
import { addCustomIndexView, appendToIndexView } from './index-view';
import { filterOptionValues } from './view-filter-operations';
import { newViewFieldRow, newViewGroupRow } from './view-rows';
import { childrenOfView, VIEW_CHILD_KINDS, type ViewState } from './view-types';

/**
 * What a change of objects and fields does to views, derived from the difference between the
 * snapshot before and the draft after it (so every operation gets it, in the same transaction).
 * Twenty sources: handle-field-metadata-deactivation-side-effects.util.ts,
 * recompute-view-groups/filters-on-flat-field-metadata-options-update.util.ts, the view entities'
 * foreign keys (view.objectMetadataId, viewField/viewFilter/viewSort.fieldMetadataId,
 * view.kanbanAggregateOperation/mainGroupBy/startField: CASCADE; view.endField: SET NULL),
 * compute-flat-index-view-to-create.util.ts and the field view-field create side effect.
 */
export const applyViewSideEffects = (
  before: MetadataState,
  draft: MetadataState,
  now: string,
): void => {
  for (const id of before.objects.keys())
    if (!draft.objects.has(id))
      removeViewsWhere(draft.views, (view) => view.objectMetadataId === id);
  for (const [id, previous] of before.fields) {
    const field = draft.fields.get(id);
    if (!field) onFieldRemoved(draft.views, id, now);
    else if (field !== previous) {
      if (previous.isActive && !field.isActive) onFieldDeactivated(draft.views, id, now);
      if (previous.options !== field.options && isSelect(field))
        onOptionsChanged(draft.views, previous, field, now);
    }
  }
  for (const [id, object] of draft.objects) {
    const previous = before.objects.get(id);
    if (!previous) {
      if (object.isCustom) addCustomIndexView(draft, object, now);
    } else if (
      previous.labelIdentifierFieldMetadataId !== object.labelIdentifierFieldMetadataId &&
      object.labelIdentifierFieldMetadataId
    ) {
      showLabelIdentifierFirst(draft, id, object.labelIdentifierFieldMetadataId, now);
    }
  }
  for (const [id, field] of draft.fields) {
    if (before.fields.has(id) || !before.objects.has(field.objectMetadataId)) continue;
    if (!field.isSystem) appendToIndexView(draft, field, now);
  }
};

const isSelect = (field: FieldRow) => field.type === 'SELECT' || field.type === 'MULTI_SELECT';

const removeViewsWhere = (
  state: ViewState,
  predicate: (view: ViewState['views'] extends Map<string, infer V> ? V : never) => boolean,
): void => {
  const doomed = [...state.views.values()].filter(predicate).map((view) => view.id);
  if (doomed.length === 0) return;
  const ids = new Set(doomed);
  for (const id of ids) state.views.delete(id);
  for (const kind of VIEW_CHILD_KINDS) {
    const rows = state[kind] as Map<string, { viewId: string }>;
    for (const [rowId, row] of rows) if (ids.has(row.viewId)) rows.delete(rowId);
  }
};

const removeRowsOfField = (
  state: ViewState,
  fieldId: string,
  kinds: Array<'fields' | 'filters' | 'sorts'>,
) => {
  for (const kind of kinds) {
    const rows = state[kind] as Map<string, { fieldMetadataId: string }>;
    for (const [rowId, row] of rows) if (row.fieldMetadataId === fieldId) rows.delete(rowId);
  }
};

const clearCalendarEnd = (state: ViewState, fieldId: string, now: string) => {
  for (const [id, view] of state.views)
    if (view.calendarEndFieldMetadataId === fieldId)
      state.views.set(id, { ...view, calendarEndFieldMetadataId: null, updatedAt: now });
};

/** Deleted field: its view fields, filters and sorts go, and the views built on it. */
const onFieldRemoved = (state: ViewState, fieldId: string, now: string): void => {
  removeRowsOfField(state, fieldId, ['fields', 'filters', 'sorts']);
  removeViewsWhere(
    state,
    (view) =>
      view.kanbanAggregateOperationFieldMetadataId === fieldId ||
      view.calendarFieldMetadataId === fieldId ||
      view.mainGroupByFieldMetadataId === fieldId,
  );
  clearCalendarEnd(state, fieldId, now);
};

/** Deactivated field (handleFieldMetadataDeactivationSideEffects): sorts are left alone. */
const onFieldDeactivated = (state: ViewState, fieldId: string, now: string): void => {
  removeRowsOfField(state, fieldId, ['fields', 'filters']);
  removeViewsWhere(
    state,
    (view) =>
      view.mainGroupByFieldMetadataId === fieldId || view.calendarFieldMetadataId === fieldId,
  );
  clearCalendarEnd(state, fieldId, now);
  for (const [id, view] of state.views)
    if (view.kanbanAggregateOperationFieldMetadataId === fieldId)
      state.views.set(id, {
        ...view,
        kanbanAggregateOperation: null,
        kanbanAggregateOperationFieldMetadataId: null,
        updatedAt: now,
      });
};

/** Options compared by id (compareTwoFlatFieldMetadataEnumOptions): gone, renamed, added. */
const diffOptions = (before: SelectOption[] | null, after: SelectOption[] | null) => {
  const next = new Map((after ?? []).map((option) => [option.id, option]));
  const previous = new Map((before ?? []).map((option) => [option.id, option]));
  return {
    deleted: (before ?? []).filter((option) => !next.has(option.id)).map((o) => o.value),
    renamed: new Map(
      (before ?? [])
        .filter((option) => next.has(option.id) && next.get(option.id)!.value !== option.value)
        .map((option) => [option.value, next.get(option.id)!.value]),
    ),
    created: (after ?? []).filter((option) => !previous.has(option.id)).map((o) => o.value),
  };
};

const onOptionsChanged = (
  state: ViewState,
  previous: FieldRow,
  field: FieldRow,
  now: string,
): void => {
  const { deleted, renamed, created } = diffOptions(previous.options, field.options);
  if (deleted.length === 0 && renamed.size === 0 && created.length === 0) return;
  const known = new Set((previous.options ?? []).map((option) => option.value));
  for (const [id, filter] of state.filters) {
    if (filter.fieldMetadataId !== field.id || (deleted.length === 0 && renamed.size === 0))
      continue;
    const values = filterOptionValues(filter.value);
    if (!values) continue;
    const kept = values
      .filter((value) => known.has(value) && !deleted.includes(value))
      .map((value) => renamed.get(value) ?? value);
    if (kept.length === 0) state.filters.delete(id);
    else state.filters.set(id, { ...filter, value: kept, updatedAt: now });
  }
  for (const view of state.views.values()) {
    if (view.mainGroupByFieldMetadataId !== field.id) continue;
    const groups = childrenOfView(state, 'groups', view.id);
    if (groups.length === 0) continue;
    for (const group of groups) {
      if (deleted.includes(group.fieldValue)) state.groups.delete(group.id);
      else if (renamed.has(group.fieldValue))
        state.groups.set(group.id, {
          ...group,
          fieldValue: renamed.get(group.fieldValue)!,
          updatedAt: now,
        });
    }
    const highest = Math.max(...groups.map((group) => group.position));
    created.forEach((fieldValue, index) => {
      const row = newViewGroupRow(
        { viewId: view.id, fieldValue, position: highest + index + 1 },
        now,
      );
      state.groups.set(row.id, row);
    });
  }
};

/** A new label identifier is shown first in every view of the object that lists fields. */
const showLabelIdentifierFirst = (
  draft: MetadataState,
  objectId: string,
  fieldId: string,
  now: string,
): void => {
  const field = draft.fields.get(fieldId);
  if (!field) return;
  for (const view of draft.views.views.values()) {
    if (view.objectMetadataId !== objectId || view.deletedAt !== null) continue;
    const rows = childrenOfView(draft.views, 'fields', view.id);
    if (rows.length === 0) continue;
    const others = rows.filter((row) => row.fieldMetadataId !== fieldId);
    const position = others.length > 0 ? Math.min(...others.map((row) => row.position)) - 1 : 0;
    const existing = rows.find((row) => row.fieldMetadataId === fieldId);
    const row = existing
      ? { ...existing, position, isVisible: true, updatedAt: now }
      : newViewFieldRow(
          {
            viewId: view.id,
            fieldMetadataId: fieldId,
            applicationId: field.applicationId,
            position,
          },
          now,
        );
    draft.views.fields.set(row.id, row);
  }
};
