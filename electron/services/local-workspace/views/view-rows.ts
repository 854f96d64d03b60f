import { randomUUID } from 'node:crypto';
import { viewEntityNotFound, type ViewMetadataName } from './view-errors';
import type { ViewFieldRow, ViewGroupRow, ViewRow } from './view-types';

/**
 * New view rows with Twenty's defaults (build-base-universal-flat-view.util.ts,
 * from-create-view-field-input-to-flat-view-field-to-create.util.ts,
 * compute-flat-view-groups-on-view-create.util.ts; DEFAULT_VIEW_FIELD_SIZE = 180,
 * DEFAULT_VIEW_GROUP_LOAD_LIMIT = 8 in twenty-shared).
 */
export const DEFAULT_VIEW_FIELD_SIZE = 180;
export const DEFAULT_VIEW_GROUP_LOAD_LIMIT = 8;

export const newViewRow = (
  overrides: Partial<ViewRow> &
    Pick<ViewRow, 'objectMetadataId' | 'name' | 'icon' | 'applicationId'>,
  now: string,
): ViewRow => {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    universalIdentifier: id,
    isSystemSideEffect: false,
    type: 'TABLE',
    key: null,
    position: 0,
    isCompact: false,
    isCustom: true,
    openRecordIn: 'SIDE_PANEL',
    kanbanAggregateOperation: null,
    kanbanAggregateOperationFieldMetadataId: null,
    mainGroupByFieldMetadataId: null,
    shouldHideEmptyGroups: false,
    kanbanColumnWidth: null,
    groupLoadLimit: DEFAULT_VIEW_GROUP_LOAD_LIMIT,
    calendarFieldMetadataId: null,
    calendarEndFieldMetadataId: null,
    anyFieldFilterValue: null,
    calendarLayout: null,
    visibility: 'WORKSPACE',
    createdByUserWorkspaceId: null,
    isActive: true,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    ...overrides,
  };
};

export const newViewFieldRow = (
  overrides: Partial<ViewFieldRow> &
    Pick<ViewFieldRow, 'viewId' | 'fieldMetadataId' | 'applicationId'>,
  now: string,
): ViewFieldRow => {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    universalIdentifier: id,
    isSystemSideEffect: false,
    isVisible: true,
    size: DEFAULT_VIEW_FIELD_SIZE,
    position: 0,
    aggregateOperation: null,
    viewFieldGroupId: null,
    isActive: true,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    ...overrides,
  };
};

export const newViewGroupRow = (
  overrides: Partial<ViewGroupRow> & Pick<ViewGroupRow, 'viewId' | 'fieldValue' | 'position'>,
  now: string,
): ViewGroupRow => ({
  id: randomUUID(),
  isVisible: true,
  createdAt: now,
  updatedAt: now,
  deletedAt: null,
  ...overrides,
});

/** The row an update, delete or destroy names, or Twenty's "<Entity> to <action> not found". */
export const rowOrThrow = <Row>(
  rows: Map<string, Row>,
  id: string,
  name: ViewMetadataName,
  action: 'update' | 'delete' | 'destroy',
): Row => {
  const row = rows.get(id.toLowerCase());
  if (!row) throw viewEntityNotFound(name, action);
  return row;
};

/** delete*: a soft delete — `deletedAt` is set and the row drops out of every list. */
export const softDeleteRow = <
  Row extends { id: string; deletedAt: string | null; updatedAt: string },
>(
  rows: Map<string, Row>,
  id: string,
  name: ViewMetadataName,
  now: string,
): Row => {
  const deleted = { ...rowOrThrow(rows, id, name, 'delete'), deletedAt: now, updatedAt: now };
  rows.set(deleted.id, deleted);
  return deleted;
};

/** destroy*: the row goes; answered as it was. */
export const destroyRow = <Row extends { id: string }>(
  rows: Map<string, Row>,
  id: string,
  name: ViewMetadataName,
): Row => {
  const row = rowOrThrow(rows, id, name, 'destroy');
  rows.delete(row.id);
  return row;
};
