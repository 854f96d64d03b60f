import type { IncomingMessage, ServerResponse } from 'node:http';
import { controllerMethod, readJsonBody, sendJson } from '../http/http-io';
import { MetadataValidationError } from '../metadata/metadata-errors';
import type { MetadataState } from '../metadata/metadata-types';
import { sendRestException } from '../webhooks/rest-errors';
import { coerceBody, paginateOrdered } from '../webhooks/webhook-rest';
import type { RequestContext, WorkspaceRuntime } from '../workspace-runtime';
import { liveChildren, liveRow, listableViews, toViewChildDto, toViewRest } from './view-dtos';
import { viewEntityIdNotFound, type ViewMetadataName } from './view-errors';
import { createViewField, deleteViewField, updateViewField } from './view-field-operations';
import {
  createViewFilter,
  createViewFilterGroup,
  deleteViewFilter,
  deleteViewFilterGroup,
  updateViewFilter,
  updateViewFilterGroup,
} from './view-filter-operations';
import { createView, deleteView, updateView, type Input } from './view-operations';
import { changeViews, viewCaller } from './view-resolvers';
import {
  createViewGroup,
  createViewSort,
  deleteViewGroup,
  deleteViewSort,
  updateViewGroup,
  updateViewSort,
} from './view-sort-group-operations';
import type { ViewChildKind } from './view-types';

/**
 * Twenty's view REST controllers (`/rest/metadata/views`, `viewFields`, `viewFilters`,
 * `viewFilterGroups`, `viewSorts`, `viewGroups`; view*.controller.ts): GET list in the unified
 * metadata page envelope (metadata-list-contract.integration-spec.ts) filtered by
 * `objectMetadataId` / `viewId`, GET /:id (404 when missing), POST 201, PATCH /:id, and
 * DELETE /:id → `{ success: true }` (a soft delete; there is no REST destroy).
 */
interface Resource {
  name: ViewMetadataName;
  kind: 'views' | ViewChildKind;
  createInput: string;
  updateInput: string;
  create(draft: MetadataState, body: Input, now: string, context: RequestContext): object;
  update(draft: MetadataState, id: string, body: Input, now: string): object;
  remove(draft: MetadataState, id: string, now: string): object;
}

const RESOURCES: Record<string, Resource> = {
  views: {
    name: 'view',
    kind: 'views',
    createInput: 'CreateViewInput',
    updateInput: 'UpdateViewInput',
    create: (draft, body, now, context) => createView(draft, body, now, viewCaller(context)),
    update: updateView,
    remove: deleteView,
  },
  viewFields: {
    name: 'viewField',
    kind: 'fields',
    createInput: 'CreateViewFieldInput',
    updateInput: 'UpdateViewFieldInputUpdates',
    create: createViewField,
    update: updateViewField,
    remove: deleteViewField,
  },
  viewFilters: {
    name: 'viewFilter',
    kind: 'filters',
    createInput: 'CreateViewFilterInput',
    updateInput: 'UpdateViewFilterInputUpdates',
    create: createViewFilter,
    update: updateViewFilter,
    remove: deleteViewFilter,
  },
  viewFilterGroups: {
    name: 'viewFilterGroup',
    kind: 'filterGroups',
    createInput: 'CreateViewFilterGroupInput',
    updateInput: 'UpdateViewFilterGroupInput',
    create: createViewFilterGroup,
    update: updateViewFilterGroup,
    remove: deleteViewFilterGroup,
  },
  viewSorts: {
    name: 'viewSort',
    kind: 'sorts',
    createInput: 'CreateViewSortInput',
    updateInput: 'UpdateViewSortInputUpdates',
    create: createViewSort,
    update: updateViewSort,
    remove: deleteViewSort,
  },
  viewGroups: {
    name: 'viewGroup',
    kind: 'groups',
    createInput: 'CreateViewGroupInput',
    updateInput: 'UpdateViewGroupInputUpdates',
    create: createViewGroup,
    update: updateViewGroup,
    remove: deleteViewGroup,
  },
};

const PATH =
  /^\/rest\/metadata\/(views|viewFields|viewFilters|viewFilterGroups|viewSorts|viewGroups)(?:\/([^/]+))?$/;

const present = (resource: Resource, state: MetadataState, row: object) =>
  resource.kind === 'views'
    ? toViewRest(state, row as Parameters<typeof toViewRest>[1])
    : toViewChildDto(state, row);

const list = (
  resource: Resource,
  context: RequestContext,
  query: URLSearchParams,
): Array<{ id: string }> => {
  const state = context.runtime.metadata.snapshot;
  if (resource.kind === 'views')
    return listableViews(state, viewCaller(context), {
      objectMetadataId: query.get('objectMetadataId'),
    }).map((view) => toViewRest(state, view));
  return liveChildren(state.views, resource.kind, query.get('viewId')).map((row) =>
    toViewChildDto(state, row),
  );
};

/** The view filter's REST answer to a validation failure (view-*-rest-api-exception.filter.ts). */
const sendViewRestError = (res: ServerResponse, error: unknown): void => {
  if (error instanceof MetadataValidationError) {
    const { errors, summary } = error.toExtensions();
    return sendJson(res, 400, {
      statusCode: 400,
      error: 'METADATA_VALIDATION_ERROR',
      message: error.message || 'Validation failed',
      errors,
      summary,
    });
  }
  sendRestException(res, error, 'view');
};

/** Answers the view REST routes; false when `path` is not one of them. */
export const handleViewRest = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  path: string,
  query: URLSearchParams,
): Promise<boolean> => {
  const match = PATH.exec(path);
  if (!match) return false;
  const resource = RESOURCES[match[1]!]!;
  const id = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  const method = controllerMethod(req, res, path, id !== undefined);
  if (method === null) return true;
  try {
    const auth = await runtime.tokens.authenticate(req.headers.authorization);
    const context: RequestContext = { runtime, auth };
    if (method === 'GET' && id === undefined) {
      sendJson(res, 200, paginateOrdered(list(resource, context, query), query));
    } else if (method === 'GET') {
      const state = runtime.metadata.snapshot;
      const row = liveRow(
        state.views[resource.kind] as Map<string, { deletedAt: string | null }>,
        id,
      );
      if (!row) throw viewEntityIdNotFound(resource.name, id!);
      sendJson(res, 200, present(resource, state, row));
    } else if (method === 'POST') {
      const body = coerceBody(await readJsonBody(req), resource.createInput);
      const created = await changeViews(
        context,
        (draft, now) => resource.create(draft, body, now, context),
        (row, state) => present(resource, state, row),
      );
      sendJson(res, 201, created);
    } else if (method === 'PATCH') {
      const body = coerceBody((await readJsonBody(req)) ?? {}, resource.updateInput);
      const updated = await changeViews(
        context,
        (draft, now) => resource.update(draft, id!, body, now),
        (row, state) => present(resource, state, row),
      );
      sendJson(res, 200, updated);
    } else {
      await changeViews(
        context,
        (draft, now) => resource.remove(draft, id!, now),
        () => true,
      );
      sendJson(res, 200, { success: true });
    }
  } catch (error) {
    sendViewRestError(res, error);
  }
  return true;
};
