import type { MetadataState } from '../metadata/metadata-types';
import { childrenOfView, type ViewChildKind, type ViewRow, type ViewState } from './view-types';

/**
 * View rows → the `View`, `ViewField`, `ViewFilter`, … types of the 2.43 metadata schema and the
 * REST bodies. A name holding `{objectLabelPlural}` is filled with the object's plural label when
 * read, as Twenty's view resolver and REST controller do (the stored name keeps the placeholder).
 */
const PLACEHOLDER = '{objectLabelPlural}';

export const resolveViewName = (state: MetadataState, view: ViewRow): string => {
  if (!view.name.includes(PLACEHOLDER)) return view.name;
  const object = state.objects.get(view.objectMetadataId);
  return object ? view.name.replace(PLACEHOLDER, object.labelPlural) : view.name;
};

/** A child row as the API shows it (Twenty's DTOs carry the workspace id). */
export const toViewChildDto = <Row extends object>(state: MetadataState, row: Row) => ({
  ...row,
  workspaceId: state.workspace.id,
});

/** REST body of a view: no nested children (ViewService.findById returns the flat view). */
export const toViewRest = (state: MetadataState, view: ViewRow) => ({
  ...view,
  name: resolveViewName(state, view),
  workspaceId: state.workspace.id,
});

const childrenDto = (state: MetadataState, kind: ViewChildKind, viewId: string) => () =>
  childrenOfView(state.views, kind, viewId).map((row) => toViewChildDto(state, row));

/** GraphQL `View`: nested lists resolve only when selected. */
export const toViewDto = (state: MetadataState, view: ViewRow) => ({
  ...toViewRest(state, view),
  viewFields: childrenDto(state, 'fields', view.id),
  viewFilters: childrenDto(state, 'filters', view.id),
  viewFilterGroups: childrenDto(state, 'filterGroups', view.id),
  viewSorts: childrenDto(state, 'sorts', view.id),
  viewGroups: childrenDto(state, 'groups', view.id),
  viewFieldGroups: () => [],
});

/** Live rows of one kind, of one view when given (the `get*s(viewId?)` queries). */
export const liveChildren = <K extends ViewChildKind>(
  views: ViewState,
  kind: K,
  viewId?: string | null,
) =>
  viewId
    ? childrenOfView(views, kind, viewId.toLowerCase())
    : ([...(views[kind] as Map<string, { deletedAt: string | null }>).values()].filter(
        (row) => row.deletedAt === null,
      ) as ReturnType<typeof childrenOfView<K>>);

/** One live row by id, or null (soft-deleted rows are not found). */
export const liveRow = <Row extends { deletedAt: string | null }>(
  map: Map<string, Row>,
  id: unknown,
): Row | null => {
  const row = map.get(String(id).toLowerCase());
  return row && row.deletedAt === null ? row : null;
};

/**
 * Views a caller may list: workspace views, and unlisted ones only to the user who made them
 * (ViewService.isViewVisibleToUser; an API key is no user, so it never sees unlisted views).
 */
export const listableViews = (
  state: MetadataState,
  userId: string | null,
  filter: { objectMetadataId?: string | null; viewTypes?: string[] | null } = {},
): ViewRow[] =>
  [...state.views.views.values()]
    .filter((view) => view.deletedAt === null)
    .filter((view) => !filter.objectMetadataId || view.objectMetadataId === filter.objectMetadataId)
    .filter(
      (view) =>
        !filter.viewTypes || filter.viewTypes.length === 0 || filter.viewTypes.includes(view.type),
    )
    .filter(
      (view) =>
        view.visibility === 'WORKSPACE' ||
        (view.visibility === 'UNLISTED' &&
          userId !== null &&
          view.createdByUserWorkspaceId === userId),
    )
    .sort((a, b) => a.position - b.position);
