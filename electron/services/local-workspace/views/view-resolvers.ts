import type { MetadataState } from '../metadata/metadata-types';
import type { RequestContext } from '../workspace-runtime';
import { viewPermissionDenied } from './view-errors';
import {
  createViewField,
  deleteViewField,
  destroyViewField,
  updateViewField,
} from './view-field-operations';
import {
  createViewFilter,
  createViewFilterGroup,
  deleteViewFilter,
  deleteViewFilterGroup,
  destroyViewFilter,
  destroyViewFilterGroup,
  updateViewFilter,
  updateViewFilterGroup,
} from './view-filter-operations';
import { liveChildren, liveRow, listableViews, toViewChildDto, toViewDto } from './view-dtos';
import { createView, deleteView, destroyView, updateView, type Input } from './view-operations';
import {
  createViewGroup,
  createViewSort,
  deleteViewGroup,
  deleteViewSort,
  destroyViewGroup,
  destroyViewSort,
  updateViewGroup,
  updateViewSort,
} from './view-sort-group-operations';

/**
 * /metadata root fields for views, as the 2.43 schema declares them (getViews, getView,
 * getViewFields, …, createView … destroyViewGroup). Reads need a token; changes need the
 * settings permission (Twenty: the VIEWS permission flag, here `canUpdateAllSettings`).
 * View changes leave the workspace's metadata version alone.
 */
type Args = Record<string, unknown>;
type Resolver = (args: Args, context: RequestContext) => unknown;

export const viewCaller = (context: RequestContext): string | null =>
  context.auth.kind === 'access' ? (context.auth.userId ?? null) : null;

export const requireViewPermission = async (context: RequestContext): Promise<void> => {
  const role = await context.runtime.apiKeys.role(context.auth.roleId);
  if (!role?.canUpdateAllSettings) throw viewPermissionDenied();
};

/** Runs a view change on a draft of the snapshot, then answers from the committed snapshot. */
export const changeViews = async <T>(
  context: RequestContext,
  work: (draft: MetadataState, now: string) => T,
  answer: (result: T, state: MetadataState) => unknown,
): Promise<unknown> => {
  await requireViewPermission(context);
  const result = await context.runtime.metadata.mutate(work, { bumpVersion: false });
  return answer(result, context.runtime.metadata.snapshot);
};

const snapshot = (context: RequestContext) => context.runtime.metadata.snapshot;
const input = (args: Args) => (args.input ?? {}) as Input;
const inputId = (args: Args) => String(input(args).id);
const update = (args: Args) => (input(args).update ?? {}) as Input;
const child = <Row extends object>(row: Row, state: MetadataState) => toViewChildDto(state, row);
const yes = () => true;

const queries: Record<string, Resolver> = {
  getViews: ({ objectMetadataId, viewTypes }, context) => {
    const state = snapshot(context);
    return listableViews(state, viewCaller(context), {
      objectMetadataId: objectMetadataId as string | null,
      viewTypes: viewTypes as string[] | null,
    }).map((view) => toViewDto(state, view));
  },
  getView: ({ id }, context) => {
    const view = liveRow(snapshot(context).views.views, id);
    return view ? toViewDto(snapshot(context), view) : null;
  },
  getViewFieldGroups: () => [],
  getViewFieldGroup: () => null,
};

/** get<Kind>s(viewId) and get<Kind>(id) for each child kind. */
const childQueries = (
  plural: string,
  singular: string,
  kind: 'fields' | 'filters' | 'filterGroups' | 'sorts' | 'groups',
): Record<string, Resolver> => ({
  [plural]: ({ viewId }, context) => {
    const state = snapshot(context);
    return liveChildren(state.views, kind, viewId as string | null).map((row) =>
      toViewChildDto(state, row),
    );
  },
  [singular]: ({ id }, context) => {
    const state = snapshot(context);
    const row = liveRow(state.views[kind] as Map<string, { deletedAt: string | null }>, id);
    return row ? toViewChildDto(state, row) : null;
  },
});

const mutations: Record<string, Resolver> = {
  createView: (args, context) =>
    changeViews(
      context,
      (draft, now) => createView(draft, input(args), now, viewCaller(context)),
      (view, state) => toViewDto(state, view),
    ),
  updateView: (args, context) =>
    changeViews(
      context,
      (draft, now) => updateView(draft, String(args.id), input(args), now),
      (view, state) => toViewDto(state, view),
    ),
  deleteView: (args, context) =>
    changeViews(context, (draft, now) => deleteView(draft, String(args.id), now), yes),
  destroyView: (args, context) =>
    changeViews(context, (draft) => destroyView(draft, String(args.id)), yes),

  createViewField: (args, context) =>
    changeViews(context, (draft, now) => createViewField(draft, input(args), now), child),
  createManyViewFields: (args, context) =>
    changeViews(
      context,
      (draft, now) =>
        ((args.inputs ?? []) as Input[]).map((one) => createViewField(draft, one, now)),
      (rows, state) => rows.map((row) => child(row, state)),
    ),
  updateViewField: (args, context) =>
    changeViews(
      context,
      (draft, now) => updateViewField(draft, inputId(args), update(args), now),
      child,
    ),
  deleteViewField: (args, context) =>
    changeViews(context, (draft, now) => deleteViewField(draft, inputId(args), now), child),
  destroyViewField: (args, context) =>
    changeViews(context, (draft) => destroyViewField(draft, inputId(args)), child),

  createViewFilter: (args, context) =>
    changeViews(context, (draft, now) => createViewFilter(draft, input(args), now), child),
  updateViewFilter: (args, context) =>
    changeViews(
      context,
      (draft, now) => updateViewFilter(draft, inputId(args), update(args), now),
      child,
    ),
  deleteViewFilter: (args, context) =>
    changeViews(context, (draft, now) => deleteViewFilter(draft, inputId(args), now), child),
  destroyViewFilter: (args, context) =>
    changeViews(context, (draft) => destroyViewFilter(draft, inputId(args)), child),

  createViewFilterGroup: (args, context) =>
    changeViews(context, (draft, now) => createViewFilterGroup(draft, input(args), now), child),
  updateViewFilterGroup: (args, context) =>
    changeViews(
      context,
      (draft, now) => updateViewFilterGroup(draft, String(args.id), input(args), now),
      child,
    ),
  deleteViewFilterGroup: (args, context) =>
    changeViews(context, (draft, now) => deleteViewFilterGroup(draft, String(args.id), now), yes),
  destroyViewFilterGroup: (args, context) =>
    changeViews(context, (draft) => destroyViewFilterGroup(draft, String(args.id)), yes),

  createViewSort: (args, context) =>
    changeViews(context, (draft, now) => createViewSort(draft, input(args), now), child),
  updateViewSort: (args, context) =>
    changeViews(
      context,
      (draft, now) => updateViewSort(draft, inputId(args), update(args), now),
      child,
    ),
  deleteViewSort: (args, context) =>
    changeViews(context, (draft, now) => deleteViewSort(draft, inputId(args), now), yes),
  destroyViewSort: (args, context) =>
    changeViews(context, (draft) => destroyViewSort(draft, inputId(args)), yes),

  createViewGroup: (args, context) =>
    changeViews(context, (draft, now) => createViewGroup(draft, input(args), now), child),
  createManyViewGroups: (args, context) =>
    changeViews(
      context,
      (draft, now) =>
        ((args.inputs ?? []) as Input[]).map((one) => createViewGroup(draft, one, now)),
      (rows, state) => rows.map((row) => child(row, state)),
    ),
  updateViewGroup: (args, context) =>
    changeViews(
      context,
      (draft, now) => updateViewGroup(draft, inputId(args), update(args), now),
      child,
    ),
  updateManyViewGroups: (args, context) =>
    changeViews(
      context,
      (draft, now) =>
        ((args.inputs ?? []) as Input[]).map((one) =>
          updateViewGroup(draft, String(one.id), (one.update ?? {}) as Input, now),
        ),
      (rows, state) => rows.map((row) => child(row, state)),
    ),
  deleteViewGroup: (args, context) =>
    changeViews(context, (draft, now) => deleteViewGroup(draft, inputId(args), now), child),
  destroyViewGroup: (args, context) =>
    changeViews(context, (draft) => destroyViewGroup(draft, inputId(args)), child),
};

export const viewResolvers: Record<string, Resolver> = {
  ...queries,
  ...childQueries('getViewFields', 'getViewField', 'fields'),
  ...childQueries('getViewFilters', 'getViewFilter', 'filters'),
  ...childQueries('getViewFilterGroups', 'getViewFilterGroup', 'filterGroups'),
  ...childQueries('getViewSorts', 'getViewSort', 'sorts'),
  ...childQueries('getViewGroups', 'getViewGroup', 'groups'),
  ...mutations,
};
