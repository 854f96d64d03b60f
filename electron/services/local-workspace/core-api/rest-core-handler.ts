import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthError } from '../auth/auth-errors';
import { HttpError, readJsonBody, sendJson } from '../http/http-io';
import type { ObjectRow } from '../metadata/metadata-types';
import { expandRelations } from '../records/expand-relations';
import { groupRecords, parseGroupBy, RECORDS_PER_GROUP_LIMIT } from '../records/group-records';
import { combineFilters, viewFiltersToAst } from '../records/view-filters-to-ast';
import { aggregateDefinitions } from './graphql/aggregate-fields';
import { mergeRecords } from '../records/merge-records';
import {
  duplicatesPageInfo,
  findDuplicates,
  validateDuplicatesArgs,
} from '../records/find-duplicates';
import { findRecordById, findRecords } from '../records/find-records';
import { RecordError } from '../records/record-errors';
import { findObjectByPlural, objectShape, type ObjectShape } from '../records/record-shape';
import { isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
import { decodeCursor } from '../records/query/cursor';
import { parseRestOrderBy } from '../records/query/order-by';
import { parseRestFilter } from '../../../../shared/domain/rest-grammar/parse-rest-filter';
import { RestQueryError } from '../../../../shared/domain/rest-grammar/rest-query-error';
import {
  createMany,
  destroyOne,
  idsMatching,
  restoreOne,
  softDeleteOne,
  updateOne,
  upsertMany,
} from '../records/record-service';
import {
  comparesNothing,
  type FilterNode,
} from '../../../../shared/domain/rest-grammar/filter-ast';
import type { WorkspaceRuntime } from '../workspace-runtime';
import { RateLimitExceeded } from '../limits/rate-limiter';
import { actorForCaller } from './actor-for-caller';
import { PermissionDenied } from '../permissions/permission-denied';
import { guardRestRequest } from '../permissions/rest-record-guard';
import { UUID_TEXT as UUID } from '../../../../shared/domain/uuid';

/**
 * Twenty's core REST API (`/rest/{plural}`, `/rest/batch/{plural}`, restore, soft/hard delete)
 * with its envelopes and status codes. Source: rest-api-core.controller.ts and its handlers.
 */
export const QUERY_DEFAULT_LIMIT_RECORDS = 60;
export const QUERY_MAX_RECORDS = 200;
const capitalise = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const badRequest = (message: string, code?: string) =>
  new HttpError(400, {
    statusCode: 400,
    error: 'BadRequestException',
    messages: [message],
    ...(code ? { code } : {}),
  });

const resolveObject = (runtime: WorkspaceRuntime, segment: string): ObjectRow => {
  const state = runtime.metadata.snapshot;
  const object = findObjectByPlural(state, segment);
  if (object) return object;
  const singular = [...state.objects.values()].find(
    (candidate) => candidate.nameSingular === segment && candidate.isActive,
  );
  if (singular)
    throw badRequest(`object '${segment}' not found. Did you mean '${singular.namePlural}'?`);
  const example =
    [...state.objects.values()].find((candidate) => candidate.nameSingular === 'company')
      ?.namePlural ?? 'companies';
  throw badRequest(`object '${segment}' not found. eg: ${example}`);
};

/** E3 `fields=a,b`: only these fields (and id) in every returned record. */
const parseFieldsParam = (
  shape: ObjectShape,
  raw: string | null,
  depth: number,
  // Issue 10: a field the role cannot read counts as unknown, as in Twenty.
  isReadable: (name: string) => boolean = () => true,
): Set<string> | null => {
  if (raw === null) return null;
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) {
    throw badRequest(
      "'fields' parameter is empty. Expected a comma-separated list of field names, e.g. fields=id,name",
      'INVALID_FIELDS_QUERY_PARAM',
    );
  }
  const keep = new Set(['id']);
  const unknown: string[] = [];
  for (const name of names) {
    const field = isReadable(name) ? shape.byName.get(name) : undefined;
    const isRelation = field?.type === 'RELATION' || field?.type === 'MORPH_RELATION';
    // Only field names count (parse-fields-rest-request.util.ts): `companyId` is asked as `company`.
    if (field && !isRelation) keep.add(name);
    else if (field && isRelation && isManyToOne(field)) {
      // A to-one relation means its foreign key, plus the nested record when depth=1.
      keep.add(joinColumnNameOf(field));
      if (depth === 1) keep.add(name);
    } else if (field && isRelation && depth === 1) keep.add(name);
    else unknown.push(name);
  }
  if (unknown.length > 0) {
    throw badRequest(
      `'fields' parameter invalid. Unknown or unreadable fields on '${shape.object.nameSingular}': ${unknown.join(', ')}`,
      'INVALID_FIELDS_QUERY_PARAM',
    );
  }
  return keep;
};

const projectRecord = (record: unknown, keep: Set<string>): unknown =>
  record && typeof record === 'object' && !Array.isArray(record)
    ? Object.fromEntries(Object.entries(record).filter(([key]) => keep.has(key)))
    : record;

const projectRecords = (
  body: { data: Record<string, unknown>; [key: string]: unknown },
  keep: Set<string>,
) => ({
  ...body,
  data: Object.fromEntries(
    Object.entries(body.data).map(([key, value]) => [
      key,
      Array.isArray(value)
        ? value.map((item) => projectRecord(item, keep))
        : projectRecord(value, keep),
    ]),
  ),
});

const requireFilter = (query: URLSearchParams, message: string): FilterNode => {
  const filter = parseRestFilter(query.get('filter'));
  if (!filter || comparesNothing(filter)) throw badRequest(message);
  return filter;
};

const parseLimit = (raw: string | null): number => {
  if (raw === null || raw === '') return QUERY_DEFAULT_LIMIT_RECORDS;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(limit))
    throw badRequest(
      `limit '${raw}' is invalid. Should be an integer`,
      'INVALID_LIMIT_QUERY_PARAM',
    );
  return Math.min(limit, QUERY_MAX_RECORDS);
};

const parseDepth = (raw: string | null): number => {
  // Twenty reads `+depth` and treats an empty parameter as absent (`depth=1.0` is 1).
  if (raw === null || raw.trim() === '' || Number(raw) === 0) return 0;
  if (Number(raw) === 1) return 1;
  throw badRequest(
    `'depth=${raw}' parameter invalid. Allowed values are 0, 1`,
    'INVALID_DEPTH_QUERY_PARAM',
  );
};

const sendError = (res: ServerResponse, error: unknown): void => {
  if (error instanceof RateLimitExceeded) {
    return sendJson(
      res,
      429,
      {
        statusCode: 429,
        error: 'RATE_LIMITED',
        messages: [error.message],
        ...error.details,
        retryAfterSeconds: error.retryAfterSeconds,
      },
      {
        'Retry-After': String(error.retryAfterSeconds),
        'X-RateLimit-Limit': String(error.bucket.limit),
        'X-RateLimit-Remaining': String(error.remaining),
      },
    );
  }
  if (error instanceof HttpError) return sendJson(res, error.status, error.body);
  if (error instanceof PermissionDenied) return sendJson(res, 400, error.restBody());
  if (error instanceof AuthError)
    return sendJson(res, error.status, {
      statusCode: error.status,
      messages: [error.message],
      error: error.restError,
    });
  if (error instanceof RestQueryError)
    return sendJson(res, 400, {
      statusCode: 400,
      error: 'BadRequestException',
      messages: [error.message],
      code: error.code,
    });
  if (error instanceof RecordError) {
    const status = error.kind === 'NOT_FOUND' ? 404 : 400;
    return sendJson(res, status, {
      statusCode: status,
      error: status === 404 ? 'NotFoundException' : 'BadRequestException',
      messages: [error.message],
    });
  }
  console.error('[local-workspace] REST core failed:', error);
  sendJson(res, 500, {
    statusCode: 500,
    error: 'InternalServerErrorException',
    messages: ['Internal server error'],
  });
};

export const handleRestCore = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  segments: string[],
  query: URLSearchParams,
): Promise<void> => {
  try {
    const auth = await runtime.tokens.authenticate(req.headers.authorization);
    // Only API-key traffic is throttled, per workspace, before any validation (as Twenty).
    if (auth.kind === 'apiKey')
      runtime.limits.rateLimiter.consume(runtime.workspace.id, auth.apiKeyId ?? null);
    const method = req.method ?? 'GET';
    const isBatch = segments[0] === 'batch';
    // Newer Twenty also routes restores as /rest/restore/{plural}[/{id}] (parse-core-path.utils.ts).
    const routed =
      segments[0] === 'restore' && segments.length >= 2 && segments.length <= 3
        ? segments.length === 3
          ? [segments[1]!, segments[2]!, 'restore']
          : [segments[1]!, 'restore']
        : isBatch
          ? segments.slice(1)
          : segments;
    const [plural, id, action, ...extra] = routed;
    if (!plural || extra.length > 0 || (isBatch && id !== undefined)) {
      throw badRequest(
        `Query path '/rest/${segments.join('/')}' invalid. Valid examples: /rest/companies/id or /rest/companies or /rest/batch/companies or /rest/restore/companies/id`,
      );
    }
    const object = resolveObject(runtime, plural);
    const shape = objectShape(runtime.metadata.snapshot, object);
    const depth = parseDepth(query.get('depth'));
    // depth=1 applies to every route that answers records (reads, writes, duplicates), as in Twenty.
    const withRelations = (records: Record<string, unknown>[]) =>
      depth === 1
        ? expandRelations(db, runtime.metadata.snapshot, shape, records)
        : Promise.resolve(records);
    const withRelationsOne = async (record: Record<string, unknown>) =>
      (await withRelations([record]))[0]!;
    // Issue 10: the role's object/filter checks run here; null for roles without restrictions.
    const guard = await guardRestRequest(runtime, auth, shape, {
      method,
      isBatch,
      id,
      action,
      query,
    });
    // `fields=a&fields=b` reads as `fields=a,b`, as Express hands Twenty every value.
    const fields = query.has('fields') ? query.getAll('fields').join(',') : null;
    const projection = parseFieldsParam(shape, fields, depth, guard?.canRead);
    const reply = (
      status: number,
      body: { data: Record<string, unknown>; [key: string]: unknown },
    ) => {
      const visible = guard ? guard.redactBody(body) : body;
      sendJson(res, status, projection ? projectRecords(visible, projection) : visible);
    };
    const db = runtime.engine;
    const upsert = query.get('upsert') === 'true';
    // `/rest/{plural}/restore?filter=…` restores many (E3); any other non-UUID id is refused.
    if (id === 'restore' && action === undefined && method === 'PATCH') {
      const filter = requireFilter(query, 'A non-empty filter is required');
      const ids = await idsMatching(runtime, shape, filter, 'restore');
      const restored = [];
      for (const recordId of ids) restored.push(await restoreOne(runtime, shape, recordId));
      return reply(200, {
        data: { [`restore${capitalise(object.namePlural)}`]: restored },
      });
    }
    if (id === 'groupBy' && action === undefined && method === 'GET') {
      // Source: Twenty's rest-api-group-by.handler.ts and its input-request-parsers.
      const parseJsonParam = (name: string, fallback: unknown) => {
        const raw = query.get(name);
        if (raw === null) return fallback;
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          if (name === 'order_by')
            throw badRequest(
              `Invalid order_by query parameter - should be a valid array of objects - ex: [{"firstField": "AscNullsFirst"}, {"secondField": {"subField": "DescNullsLast"}}, {"aggregate": {"aggregateField": "DescNullsLast"}}, {dateField: {"orderBy": "AscNullsFirst", "granularity": "DAY"}}]`,
              'INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM',
            );
          throw badRequest(
            `'${name}' parameter invalid. It must be a JSON array`,
            name === 'group_by'
              ? 'INVALID_GROUP_BY_QUERY_PARAM'
              : 'INVALID_AGGREGATE_FIELDS_QUERY_PARAM',
          );
        }
      };
      const definitions = aggregateDefinitions(shape.fields);
      // No `aggregate` selects no aggregate: groups carry only their dimension values.
      const requested = parseJsonParam('aggregate', []);
      if (!Array.isArray(requested) || requested.some((name) => !definitions.has(String(name)))) {
        throw badRequest(
          `'aggregate' parameter invalid. Unknown aggregate: ${(Array.isArray(requested) ? requested : [requested]).filter((name) => !definitions.has(String(name))).join(', ')}`,
          'INVALID_AGGREGATE_FIELDS_QUERY_PARAM',
        );
      }
      const orderBy = parseJsonParam('order_by', []);
      // Twenty reads the view as `viewId` (parse-view-id-rest-request.util.ts), not `view_id`.
      const viewId = query.get('viewId');
      const groups = await groupRecords(db, shape, {
        filter: combineFilters(
          parseRestFilter(query.get('filter')),
          viewId ? viewFiltersToAst(runtime.metadata.snapshot, shape, viewId) : null,
        ),
        dimensions: parseGroupBy(parseJsonParam('group_by', undefined)),
        aggregates: new Map(
          requested.map((name) => [String(name), definitions.get(String(name))!.expression]),
        ),
        orderBy: Array.isArray(orderBy) ? orderBy : [orderBy],
        aggregateExpression: (name) => definitions.get(name)?.expression,
        recordOrder: parseRestOrderBy(shape, query.get('order_by_for_records')),
        ...(query.get('limit') ? { limit: parseLimit(query.get('limit')) } : {}),
      });
      const withSample = query.get('include_records_sample') === 'true';
      // Twenty answers group-by with a bare array (no `data` envelope).
      return sendJson(
        res,
        200,
        await Promise.all(
          groups.map(async (group) => ({
            ...group.aggregates,
            groupByDimensionValues: group.groupByDimensionValues,
            ...(withSample
              ? {
                  records: await group
                    .records(RECORDS_PER_GROUP_LIMIT)
                    // Issue 10: samples lose the fields the role cannot read.
                    .then((records) => (guard ? guard.redactRecords(records) : records)),
                }
              : {}),
          })),
        ),
      );
    }
    if (id === 'merge' && action === undefined && method === 'PATCH') {
      const body = ((await readJsonBody(req)) ?? {}) as {
        ids?: string[];
        conflictPriorityIndex?: number;
        dryRun?: boolean;
      };
      const merged = await mergeRecords(
        runtime,
        shape,
        {
          ids: body.ids ?? [],
          conflictPriorityIndex: body.conflictPriorityIndex,
          ...(body.dryRun ? { dryRun: true } : {}),
        },
        await actorForCaller(runtime, auth),
      );
      return reply(200, { data: { [`merge${capitalise(object.nameSingular)}`]: merged } });
    }
    if (id === 'duplicates' && action === undefined && method === 'POST') {
      const body = ((await readJsonBody(req)) ?? {}) as {
        ids?: string[];
        data?: Record<string, unknown>[];
      };
      validateDuplicatesArgs(body.ids, body.data);
      const results = await findDuplicates(db, shape, body);
      return sendJson(res, 200, {
        data: await Promise.all(
          results.map(async (result) => ({
            totalCount: result.totalCount,
            [`${object.nameSingular}Duplicates`]: guard
              ? guard.redactRecords(await withRelations(result.records))
              : await withRelations(result.records),
            pageInfo: duplicatesPageInfo(result.records),
          })),
        ),
      });
    }
    if (id !== undefined && !UUID.test(id)) throw badRequest(`'${id}' is not a valid UUID`);
    const singularKey = capitalise(object.nameSingular);
    const pluralKey = capitalise(object.namePlural);

    if (isBatch) {
      if (method !== 'POST')
        throw new HttpError(404, {
          message: `Cannot ${method} /rest/batch/${plural}`,
          error: 'Not Found',
          statusCode: 404,
        });
      const body = await readJsonBody(req);
      if (!Array.isArray(body)) throw badRequest('Body must be an array');
      if (body.length === 0) throw badRequest('Input must not be empty');
      const maxBatch = runtime.limits.maxBatch;
      if (body.length > maxBatch)
        throw badRequest(`Maximum number of records to upsert is ${maxBatch}.`);
      guard?.assertWritable(body);
      const records = await (upsert ? upsertMany : createMany)(
        runtime,
        shape,
        body as Record<string, unknown>[],
        await actorForCaller(runtime, auth),
      );
      return reply(201, { data: { [`create${pluralKey}`]: await withRelations(records) } });
    }

    if (id === undefined) {
      if (method === 'GET') {
        const startingAfter = query.get('starting_after');
        const endingBefore = query.get('ending_before');
        if (startingAfter && endingBefore)
          throw badRequest('Cannot provide both before and after', 'ARGS_CONFLICT');
        const page = await findRecords(db, shape, {
          filter: parseRestFilter(query.get('filter')),
          orderBy: parseRestOrderBy(shape, query.get('order_by')),
          limit: parseLimit(query.get('limit')),
          ...(startingAfter ? { after: decodeCursor(startingAfter) } : {}),
          ...(endingBefore ? { before: decodeCursor(endingBefore) } : {}),
        });
        return reply(200, {
          data: { [object.namePlural]: await withRelations(page.records) },
          totalCount: page.totalCount,
          pageInfo: page.pageInfo,
        });
      }
      if (method === 'POST') {
        const body = (await readJsonBody(req)) as Record<string, unknown>;
        guard?.assertWritable(body);
        const [record] = await (upsert ? upsertMany : createMany)(
          runtime,
          shape,
          [body],
          await actorForCaller(runtime, auth),
        );
        return reply(201, { data: { [`create${singularKey}`]: await withRelationsOne(record!) } });
      }
      if (method === 'PATCH' || method === 'PUT') {
        const filter = requireFilter(query, 'A non-empty filter is required');
        const body = (await readJsonBody(req)) as Record<string, unknown>;
        guard?.assertWritable(body);
        const actor = await actorForCaller(runtime, auth);
        const updated = [];
        for (const recordId of await idsMatching(runtime, shape, filter, 'update')) {
          updated.push(await updateOne(runtime, shape, recordId, body ?? {}, actor));
        }
        return reply(200, { data: { [`update${pluralKey}`]: updated } });
      }
      if (method === 'DELETE') {
        const soft = query.get('soft_delete') === 'true';
        const filter = requireFilter(
          query,
          `Filters are mandatory for bulk ${soft ? 'delete' : 'destroy'} operations. Please provide at least one filter to prevent accidental deletion of all records.`,
        );
        const removed = [];
        for (const recordId of await idsMatching(
          runtime,
          shape,
          filter,
          soft ? 'delete' : 'destroy',
        )) {
          // Twenty selects only the id for bulk deletes, soft or not (rest-api-delete-many.handler.ts).
          removed.push({
            id: (soft
              ? await softDeleteOne(runtime, shape, recordId)
              : await destroyOne(runtime, shape, recordId)
            ).id,
          });
        }
        return reply(200, { data: { [`delete${pluralKey}`]: removed } });
      }
      throw new HttpError(404, {
        message: `Cannot ${method} /rest/${plural}`,
        error: 'Not Found',
        statusCode: 404,
      });
    }

    if (action === 'restore' && method === 'PATCH') {
      return reply(200, {
        data: {
          [`restore${singularKey}`]: await withRelationsOne(await restoreOne(runtime, shape, id)),
        },
      });
    }
    if (action !== undefined)
      throw badRequest(
        `Query path '/rest/${segments.join('/')}' invalid. Valid examples: /rest/companies/id or /rest/companies or /rest/batch/companies or /rest/restore/companies/id`,
      );
    if (method === 'GET') {
      const record = await findRecordById(db, shape, id);
      if (!record) throw new RecordError('Record not found', 'NOT_FOUND', 'RECORD_NOT_FOUND');
      const [withNested] = await withRelations([record]);
      return reply(200, { data: { [object.nameSingular]: withNested } });
    }
    if (method === 'PATCH' || method === 'PUT') {
      const body = (await readJsonBody(req)) as Record<string, unknown>;
      guard?.assertWritable(body);
      return reply(200, {
        data: {
          [`update${singularKey}`]: await withRelationsOne(
            await updateOne(runtime, shape, id, body ?? {}, await actorForCaller(runtime, auth)),
          ),
        },
      });
    }
    if (method === 'DELETE') {
      if (query.get('soft_delete') === 'true')
        return reply(200, {
          data: { [`delete${singularKey}`]: await softDeleteOne(runtime, shape, id) },
        });
      const destroyed = await destroyOne(runtime, shape, id);
      return reply(200, { data: { [`delete${singularKey}`]: { id: destroyed.id } } });
    }
    throw new HttpError(404, {
      message: `Cannot ${method} /rest/${segments.join('/')}`,
      error: 'Not Found',
      statusCode: 404,
    });
  } catch (error) {
    sendError(res, error);
  }
};
