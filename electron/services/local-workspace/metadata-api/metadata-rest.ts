import { hasSettingsPermission } from '../permissions/settings-permission';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { coerceInputValue, GraphQLInputObjectType } from 'graphql';
import { AuthError } from '../auth/auth-errors';
import { HttpError, readJsonBody, sendJson } from '../http/http-io';
import { MetadataException, MetadataValidationError } from '../metadata/metadata-errors';
import type { RequestContext, WorkspaceRuntime } from '../workspace-runtime';
import { toFieldDto, toObjectDto } from './metadata-dtos';
import { isFeatureFlagEnabled } from '../workspace/feature-flags';
import { metadataSchema } from './metadata-graphql-endpoint';
import { mutationResolvers } from './metadata-resolvers';
import { metadataCursorPage, parseMetadataRestPagination } from './metadata-rest-pagination';
import { UUID_TEXT as UUID } from '../../../../shared/domain/uuid';

/**
 * /rest/metadata/objects and /rest/metadata/fields as Twenty 2.x's dedicated controllers answer
 * them, in the legacy envelope (the default while IS_REST_METADATA_API_NEW_FORMAT_DIRECT is off):
 * list `{data:{objects:[…]}, pageInfo, totalCount}`, one `{data:{object}}`, create 201
 * `{data:{createOneObject}}`, update `{data:{updateOneObject}}`, delete `{data:{deleteOneObject}}`.
 */

type Kind = 'objects' | 'fields';
const NAMES = {
  objects: {
    one: 'object',
    Entity: 'Object',
    createInput: 'CreateObjectInput',
    updateInput: 'UpdateObjectPayload',
    exception: 'ObjectMetadataException',
  },
  fields: {
    one: 'field',
    Entity: 'Field',
    createInput: 'CreateFieldInput',
    updateInput: 'UpdateFieldInput',
    exception: 'FieldMetadataException',
  },
} as const;

const plainField = (dto: ReturnType<typeof toFieldDto>) => {
  const {
    object: _o,
    relation: _r,
    morphRelations: _m,
    isCustom: _c,
    standardId: _s,
    relationTargetFieldMetadataId: _tf,
    relationTargetObjectMetadataId: _to,
    ...rest
  } = dto;
  return rest;
};

const plainObject = (runtime: WorkspaceRuntime, id: string, withFields: boolean) => {
  const state = runtime.metadata.snapshot;
  const row = state.objects.get(id);
  if (!row) return null;
  const dto = toObjectDto(state, row);
  const {
    fieldsList,
    fields: _f,
    indexMetadataList: _i,
    indexMetadatas: _im,
    searchFieldMetadataList: _s,
    isCustom: _c,
    standardId: _sid,
    ...rest
  } = dto;
  return withFields ? { ...rest, fields: fieldsList().map(plainField) } : rest;
};

const restError = (status: number, error: string, message: string, code?: string) => ({
  statusCode: status,
  error,
  messages: [message],
  ...(code ? { code } : {}),
});

const fieldStatus = (subCode: string, code: string): number => {
  if (
    subCode === 'FIELD_METADATA_NOT_FOUND' ||
    subCode === 'OBJECT_METADATA_NOT_FOUND' ||
    code === 'NOT_FOUND'
  )
    return 404;
  if (subCode === 'FIELD_ALREADY_EXISTS' || code === 'CONFLICT') return 409;
  if (subCode === 'FIELD_MUTATION_NOT_ALLOWED' || code === 'FORBIDDEN') return 403;
  return 400;
};

const sendDomainError = (res: ServerResponse, kind: Kind, error: unknown): void => {
  if (error instanceof MetadataValidationError) {
    const extensions = error.toExtensions();
    return sendJson(res, 400, {
      statusCode: 400,
      error: 'METADATA_VALIDATION_ERROR',
      message: error.message,
      errors: extensions.errors,
      summary: extensions.summary,
      userFriendlyMessage: extensions.userFriendlyMessage,
    });
  }
  if (error instanceof MetadataException) {
    const status =
      error.code === 'INTERNAL_SERVER_ERROR' ? 500 : fieldStatus(error.subCode, error.code);
    return sendJson(
      res,
      status,
      restError(status, NAMES[kind].exception, error.message, error.subCode),
    );
  }
  if (error instanceof AuthError)
    return sendJson(res, error.status, {
      statusCode: error.status,
      messages: [error.message],
      error: error.restError,
    });
  if (error instanceof HttpError) return sendJson(res, error.status, error.body);
  console.error('[local-workspace] REST metadata failed:', error);
  sendJson(res, 500, restError(500, 'InternalServerErrorException', 'Internal server error'));
};

/** Validates a body against the same GraphQL input type the metadata API uses. */
const coerceBody = (body: unknown, typeName: string): Record<string, unknown> => {
  const type = metadataSchema().getType(typeName);
  if (!(type instanceof GraphQLInputObjectType)) throw new Error(`Missing input type ${typeName}`);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(
      400,
      restError(400, 'BadRequestException', 'Request body must be a JSON object'),
    );
  }
  const problems: string[] = [];
  const value = coerceInputValue(body, type, (path, _invalid, error) => {
    problems.push(path.length ? `${error.message} (at ${path.join('.')})` : error.message);
  });
  if (problems.length > 0)
    throw new HttpError(400, restError(400, 'BadRequestException', problems[0]!));
  return value as Record<string, unknown>;
};

/** paginate-metadata-query-builder: ids descending, the cursor excluded (ascending backwards). */
const listWithIdCursor = <T extends { id: string }>(items: T[], query: URLSearchParams) => {
  const pagination = parseMetadataRestPagination(query);
  const { afterId, beforeId, backward } = pagination;
  const fetched = [...items]
    .filter(
      (item) =>
        (afterId === undefined || item.id < afterId) &&
        (beforeId === undefined || item.id > beforeId),
    )
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) * (backward ? -1 : 1))
    .slice(0, pagination.limit + 1);
  return { ...metadataCursorPage(fetched, pagination), totalCount: items.length };
};

export const handleMetadataRest = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  segments: string[],
  query: URLSearchParams,
): Promise<boolean> => {
  const [kindSegment, rawId, ...extra] = segments;
  // Ids are stored lower-case; Twenty's ParseUUIDPipe accepts either case.
  const id = rawId?.toLowerCase();
  if (kindSegment !== 'objects' && kindSegment !== 'fields') return false;
  const kind: Kind = kindSegment;
  const method = req.method ?? 'GET';
  if (
    extra.length > 0 ||
    (id === undefined && !['GET', 'POST'].includes(method)) ||
    (id !== undefined && method === 'POST')
  )
    return false;
  try {
    const auth = await runtime.tokens.authenticate(req.headers.authorization);
    const context: RequestContext = { runtime, auth };
    if (!(await hasSettingsPermission(context, 'DATA_MODEL')))
      throw new MetadataException(
        'Entity performing the request does not have permission',
        'FORBIDDEN',
        'PERMISSION_DENIED',
      );
    if (id !== undefined && !UUID.test(id)) {
      throw new HttpError(400, {
        message: 'Validation failed (uuid is expected)',
        error: 'Bad Request',
        statusCode: 400,
      });
    }
    const names = NAMES[kind];
    const state = runtime.metadata.snapshot;
    // Twenty's two envelopes (metadata-api.md): the bare "new format" unless the flag is off.
    const newFormat = await isFeatureFlagEnabled(
      runtime.engine,
      'IS_REST_METADATA_API_NEW_FORMAT_DIRECT',
    );
    if (method === 'GET' && id === undefined) {
      const items: Array<{ id: string }> =
        kind === 'objects'
          ? [...state.objects.keys()].map((objectId) => plainObject(runtime, objectId, true)!)
          : [...state.fields.values()].map((row) => plainField(toFieldDto(state, row)));
      const { page, pageInfo, totalCount } = listWithIdCursor(items, query);
      return (
        sendJson(res, 200, { data: newFormat ? page : { [kind]: page }, pageInfo, totalCount }),
        true
      );
    }
    if (method === 'GET') {
      const found =
        kind === 'objects'
          ? plainObject(runtime, id!, true)
          : state.fields.get(id!)
            ? plainField(toFieldDto(state, state.fields.get(id!)!))
            : null;
      if (!found) {
        throw new MetadataException(
          `${names.Entity} metadata not found`,
          'NOT_FOUND',
          kind === 'objects' ? 'OBJECT_METADATA_NOT_FOUND' : 'FIELD_METADATA_NOT_FOUND',
        );
      }
      return (sendJson(res, 200, newFormat ? found : { data: { [names.one]: found } }), true);
    }
    if (method === 'DELETE') {
      // Answer with the entity as it was just before deletion (objects without their fields).
      const before = kind === 'objects' ? plainObject(runtime, id!, false) : null;
      const resolver =
        mutationResolvers[kind === 'objects' ? 'deleteOneObject' : 'deleteOneField']!;
      const deleted = (await resolver({ input: { id } }, context)) as ReturnType<typeof toFieldDto>;
      const body = kind === 'objects' ? before : plainField(deleted);
      return (
        sendJson(res, 200, newFormat ? body : { data: { [`deleteOne${names.Entity}`]: body } }),
        true
      );
    }
    const body = await readJsonBody(req);
    if (method === 'POST') {
      const value = coerceBody(body, names.createInput);
      const resolver =
        mutationResolvers[kind === 'objects' ? 'createOneObject' : 'createOneField']!;
      const created = (await resolver({ input: { [names.one]: value } }, context)) as {
        id: string;
      };
      const payload =
        kind === 'objects'
          ? plainObject(runtime, created.id, true)
          : plainField(
              toFieldDto(
                runtime.metadata.snapshot,
                runtime.metadata.snapshot.fields.get(created.id)!,
              ),
            );
      return (
        sendJson(
          res,
          201,
          newFormat ? payload : { data: { [`createOne${names.Entity}`]: payload } },
        ),
        true
      );
    }
    if (method === 'PATCH' || method === 'PUT') {
      if (kind === 'fields' && !state.fields.has(id!)) {
        // Twenty's integration tests: an unknown field id answers 400 on PATCH (404 on GET/DELETE).
        return (
          sendJson(
            res,
            400,
            restError(400, names.exception, 'Field metadata not found', 'FIELD_METADATA_NOT_FOUND'),
          ),
          true
        );
      }
      const value = coerceBody(body, names.updateInput);
      const resolver =
        mutationResolvers[kind === 'objects' ? 'updateOneObject' : 'updateOneField']!;
      await resolver({ input: { id, update: value } }, context);
      const snapshot = runtime.metadata.snapshot;
      const payload =
        kind === 'objects'
          ? plainObject(runtime, id!, true)
          : plainField(toFieldDto(snapshot, snapshot.fields.get(id!)!));
      return (
        sendJson(
          res,
          200,
          newFormat ? payload : { data: { [`updateOne${names.Entity}`]: payload } },
        ),
        true
      );
    }
    return false;
  } catch (error) {
    sendDomainError(res, kind, error);
    return true;
  }
};
