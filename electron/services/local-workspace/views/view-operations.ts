import { randomUUID } from 'node:crypto';
import type { FieldRow, MetadataState } from '../metadata/metadata-types';
import { invalidViewInput, ViewValidation } from './view-errors';
import {
  DEFAULT_VIEW_GROUP_LOAD_LIMIT,
  newViewGroupRow,
  newViewRow,
  rowOrThrow,
  softDeleteRow,
} from './view-rows';
import { VIEW_CHILD_KINDS, type ViewRow } from './view-types';

/**
 * View create / update / delete / destroy on a draft snapshot, with Twenty's defaults and rules
 * (from-create-view-input-to-flat-view-to-create.util.ts, from-update-view-input-…-or-throw.util.ts,
 * handle-flat-view-update-side-effect.util.ts, flat-view-validator.service.ts).
 */
export type Input = Record<string, unknown>;

/** Group-by columns Twenty allows for kanban views: SELECT, or a many-to-one relation. */
const isGroupable = (field: FieldRow): boolean =>
  field.type === 'SELECT' ||
  (field.type === 'RELATION' && field.settings?.relationType === 'MANY_TO_ONE');

/** Twenty's VIEW_GROUP_VISIBLE_OPTIONS_MAX: groups past the 40th start hidden. */
const VISIBLE_GROUPS_MAX = 40;

/** One group per option, plus the '' ("No value") group when the field is nullable. */
const addGroupsFor = (state: MetadataState, view: ViewRow, field: FieldRow, now: string): void => {
  const values = (field.options ?? []).map((option) => option.value);
  if (field.isNullable) values.push('');
  values.forEach((fieldValue, position) => {
    const group = newViewGroupRow(
      { viewId: view.id, fieldValue, position, isVisible: position < VISIBLE_GROUPS_MAX },
      now,
    );
    state.views.groups.set(group.id, group);
  });
};

const tidy = (value: unknown): string => String(value).trim().replace(/\s+/g, ' ');

const validateGroupBy = (
  state: MetadataState,
  validation: ViewValidation,
  view: ViewRow,
  checkGroupBy: boolean,
): void => {
  if (
    view.kanbanAggregateOperationFieldMetadataId &&
    !state.fields.has(view.kanbanAggregateOperationFieldMetadataId)
  )
    validation.fail('View kanban aggregate field metadata not found');
  if (view.type === 'KANBAN' && !view.mainGroupByFieldMetadataId) {
    validation.fail('Kanban view must have a main group by field');
    return;
  }
  if (!checkGroupBy || !view.mainGroupByFieldMetadataId) return;
  const field = state.fields.get(view.mainGroupByFieldMetadataId);
  if (!field) validation.fail('Kanban main group by field metadata not found');
  else if (!isGroupable(field))
    validation.fail(
      'Kanban main group by field must be a SELECT field',
      'Kanban main group by field must be a select field',
    );
};

/** Twenty's CHK_VIEW_CALENDAR_INTEGRITY, said before the database has to. */
const checkCalendar = (view: ViewRow): void => {
  if (
    (view.type === 'CALENDAR' || view.type === 'CALENDAR_WIDGET') &&
    (!view.calendarLayout || !view.calendarFieldMetadataId)
  )
    throw invalidViewInput(
      'view',
      'A calendar view needs a calendarLayout and a calendarFieldMetadataId',
    );
};

export const createView = (
  state: MetadataState,
  input: Input,
  now: string,
  createdByUserWorkspaceId: string | null,
): ViewRow => {
  const id = String(input.id ?? randomUUID()).toLowerCase();
  const pick = <T>(key: string, fallback: T): T => (input[key] ?? fallback) as T;
  const view = newViewRow(
    {
      id,
      objectMetadataId: String(input.objectMetadataId),
      name: tidy(input.name),
      icon: String(input.icon),
      applicationId: state.workspace.customApplicationId,
      type: pick('type', 'TABLE'),
      key: pick('key', null),
      position: pick('position', 0),
      isCompact: pick('isCompact', false),
      shouldHideEmptyGroups: pick('shouldHideEmptyGroups', false),
      kanbanColumnWidth: pick('kanbanColumnWidth', null),
      groupLoadLimit: pick('groupLoadLimit', DEFAULT_VIEW_GROUP_LOAD_LIMIT),
      openRecordIn: pick('openRecordIn', 'SIDE_PANEL'),
      kanbanAggregateOperation: pick('kanbanAggregateOperation', null),
      kanbanAggregateOperationFieldMetadataId: pick(
        'kanbanAggregateOperationFieldMetadataId',
        null,
      ),
      anyFieldFilterValue: pick('anyFieldFilterValue', null),
      calendarLayout: pick('calendarLayout', null),
      calendarFieldMetadataId: pick('calendarFieldMetadataId', null),
      calendarEndFieldMetadataId: pick('calendarEndFieldMetadataId', null),
      mainGroupByFieldMetadataId: pick('mainGroupByFieldMetadataId', null),
      visibility: pick('visibility', 'WORKSPACE'),
      createdByUserWorkspaceId,
    },
    now,
  );
  const validation = new ViewValidation('view', 'create', { id, universalIdentifier: id });
  if (!state.objects.has(view.objectMetadataId)) validation.fail('Object metadata not found');
  if (state.views.views.has(id))
    validation.fail('View with same universal identifier already exists', 'View already exists');
  validateGroupBy(state, validation, view, true);
  validation.throwIfAny();
  checkCalendar(view);
  state.views.views.set(id, view);
  const groupBy = view.mainGroupByFieldMetadataId
    ? state.fields.get(view.mainGroupByFieldMetadataId)
    : undefined;
  if (groupBy) addGroupsFor(state, view, groupBy, now);
  return view;
};

/** FLAT_VIEW_EDITABLE_PROPERTIES; columns that are NOT NULL keep their value when sent null. */
const EDITABLE: Array<keyof ViewRow> = [
  'name',
  'type',
  'icon',
  'position',
  'isCompact',
  'openRecordIn',
  'kanbanAggregateOperation',
  'kanbanAggregateOperationFieldMetadataId',
  'anyFieldFilterValue',
  'calendarLayout',
  'calendarFieldMetadataId',
  'calendarEndFieldMetadataId',
  'visibility',
  'mainGroupByFieldMetadataId',
  'shouldHideEmptyGroups',
  'kanbanColumnWidth',
  'groupLoadLimit',
];
const NOT_NULL = new Set<keyof ViewRow>([
  'name',
  'type',
  'icon',
  'position',
  'isCompact',
  'openRecordIn',
  'visibility',
  'shouldHideEmptyGroups',
]);

export const updateView = (
  state: MetadataState,
  id: string,
  update: Input,
  now: string,
): ViewRow => {
  const current = rowOrThrow(state.views.views, id, 'view', 'update');
  const next: ViewRow = { ...current, updatedAt: now };
  for (const key of EDITABLE) {
    if (!(key in update) || update[key] === undefined) continue;
    const value = update[key];
    if (value === null && NOT_NULL.has(key)) continue;
    if (key === 'groupLoadLimit')
      next.groupLoadLimit = (value ?? DEFAULT_VIEW_GROUP_LOAD_LIMIT) as number;
    else if (key === 'name') next.name = tidy(value);
    else (next as unknown as Record<string, unknown>)[key] = value;
  }
  const validation = new ViewValidation('view', 'update', {
    id: current.id,
    universalIdentifier: current.universalIdentifier,
  });
  const groupByChanged = next.mainGroupByFieldMetadataId !== current.mainGroupByFieldMetadataId;
  if (next.type === 'KANBAN' && current.type !== 'KANBAN')
    validateGroupBy(state, validation, next, true);
  else {
    if (
      'kanbanAggregateOperationFieldMetadataId' in update &&
      next.kanbanAggregateOperationFieldMetadataId &&
      !state.fields.has(next.kanbanAggregateOperationFieldMetadataId)
    )
      validation.fail('View kanban aggregate field metadata not found');
    if (groupByChanged)
      validateGroupBy(
        state,
        validation,
        { ...next, type: 'TABLE', kanbanAggregateOperationFieldMetadataId: null },
        true,
      );
  }
  validation.throwIfAny();
  checkCalendar(next);
  state.views.views.set(next.id, next);
  if (groupByChanged) {
    // A new group-by field replaces every group of the view.
    for (const [groupId, group] of state.views.groups)
      if (group.viewId === next.id) state.views.groups.delete(groupId);
    const field = next.mainGroupByFieldMetadataId
      ? state.fields.get(next.mainGroupByFieldMetadataId)
      : undefined;
    if (field) addGroupsFor(state, next, field, now);
  }
  return next;
};

/** deleteView: a soft delete (deletedAt set); the view drops out of every list. */
export const deleteView = (state: MetadataState, id: string, now: string): ViewRow =>
  softDeleteRow(state.views.views, id, 'view', now);

/** destroyView: the row and its children go; an object keeps at least one view. */
export const destroyView = (state: MetadataState, id: string): ViewRow => {
  const current = rowOrThrow(state.views.views, id, 'view', 'destroy');
  const siblings = [...state.views.views.values()].filter(
    (view) => view.objectMetadataId === current.objectMetadataId,
  );
  if (state.objects.has(current.objectMetadataId) && siblings.length <= 1)
    new ViewValidation('view', 'delete', {
      id: current.id,
      universalIdentifier: current.universalIdentifier,
    })
      .fail('Cannot delete the only view for this object')
      .throwIfAny();
  state.views.views.delete(current.id);
  for (const kind of VIEW_CHILD_KINDS) {
    const rows = state.views[kind] as Map<string, { viewId: string }>;
    for (const [rowId, row] of rows) if (row.viewId === current.id) rows.delete(rowId);
  }
  return current;
};
