/**
 * Rows of Twenty's view metadata (core."view", "viewField", "viewFilter", "viewFilterGroup",
 * "viewSort", "viewGroup"), with the columns the 2.43 metadata API exposes. They live in the
 * metadata snapshot so that object and field changes cascade to views in the same transaction.
 */
export interface ViewRow {
  id: string;
  universalIdentifier: string;
  applicationId: string;
  isSystemSideEffect: boolean;
  /** May hold Twenty's `{objectLabelPlural}` placeholder, resolved when read. */
  name: string;
  objectMetadataId: string;
  type: string;
  key: string | null;
  icon: string;
  position: number;
  isCompact: boolean;
  isCustom: boolean;
  openRecordIn: string;
  kanbanAggregateOperation: string | null;
  kanbanAggregateOperationFieldMetadataId: string | null;
  mainGroupByFieldMetadataId: string | null;
  shouldHideEmptyGroups: boolean;
  kanbanColumnWidth: number | null;
  groupLoadLimit: number;
  calendarFieldMetadataId: string | null;
  calendarEndFieldMetadataId: string | null;
  anyFieldFilterValue: string | null;
  calendarLayout: string | null;
  visibility: string;
  createdByUserWorkspaceId: string | null;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

interface ViewChildRow {
  id: string;
  viewId: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ViewFieldRow extends ViewChildRow {
  universalIdentifier: string;
  applicationId: string;
  isSystemSideEffect: boolean;
  fieldMetadataId: string;
  isVisible: boolean;
  size: number;
  position: number;
  aggregateOperation: string | null;
  viewFieldGroupId: string | null;
  isActive: boolean;
}

export interface ViewFilterRow extends ViewChildRow {
  fieldMetadataId: string;
  operand: string;
  /** JSON: a string, or an array of option values for select filters. */
  value: unknown;
  viewFilterGroupId: string | null;
  positionInViewFilterGroup: number | null;
  subFieldName: string | null;
  relationTargetFieldMetadataId: string | null;
}

export interface ViewFilterGroupRow extends ViewChildRow {
  parentViewFilterGroupId: string | null;
  logicalOperator: string;
  positionInViewFilterGroup: number | null;
}

export interface ViewSortRow extends ViewChildRow {
  fieldMetadataId: string;
  direction: string;
  subFieldName: string | null;
}

export interface ViewGroupRow extends ViewChildRow {
  isVisible: boolean;
  /** An option value of the view's group-by field ('' is the "No value" group). */
  fieldValue: string;
  position: number;
}

export interface ViewState {
  views: Map<string, ViewRow>;
  fields: Map<string, ViewFieldRow>;
  filters: Map<string, ViewFilterRow>;
  filterGroups: Map<string, ViewFilterGroupRow>;
  sorts: Map<string, ViewSortRow>;
  groups: Map<string, ViewGroupRow>;
}

export type ViewChildKind = Exclude<keyof ViewState, 'views'>;
export const VIEW_CHILD_KINDS: readonly ViewChildKind[] = [
  'fields',
  'filters',
  'filterGroups',
  'sorts',
  'groups',
];

/** Table of each part of the view state, as Twenty names them in its core schema. */
export const VIEW_TABLES: Record<keyof ViewState, string> = {
  views: 'view',
  fields: 'viewField',
  filters: 'viewFilter',
  filterGroups: 'viewFilterGroup',
  sorts: 'viewSort',
  groups: 'viewGroup',
};

export const emptyViewState = (): ViewState => ({
  views: new Map(),
  fields: new Map(),
  filters: new Map(),
  filterGroups: new Map(),
  sorts: new Map(),
  groups: new Map(),
});

export const cloneViewState = (state: ViewState): ViewState => ({
  views: new Map(state.views),
  fields: new Map(state.fields),
  filters: new Map(state.filters),
  filterGroups: new Map(state.filterGroups),
  sorts: new Map(state.sorts),
  groups: new Map(state.groups),
});

/** Live (not soft-deleted) children of a view, in position order where they have one. */
export const childrenOfView = <K extends ViewChildKind>(
  state: ViewState,
  kind: K,
  viewId: string,
): Array<ViewState[K] extends Map<string, infer Row> ? Row : never> => {
  const rows = [...(state[kind] as Map<string, ViewChildRow>).values()].filter(
    (row) => row.viewId === viewId && row.deletedAt === null,
  ) as Array<ViewChildRow & { position?: number }>;
  return rows.sort((a, b) => (a.position ?? 0) - (b.position ?? 0)) as never;
};
