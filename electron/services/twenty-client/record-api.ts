import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import type { ClientConfigSummary } from './client-config';
import { DEFAULT_MUTATION_MAXIMUM_AFFECTED_RECORDS } from './client-config';
import {
  unwrapList,
  unwrapMany,
  unwrapOne,
  type RecordPage,
  type TwentyRecord,
} from './rest-envelope';
import type { QueryValue, RestRequest } from './twenty-client';

/**
 * Record helpers over core REST. Batch create is `POST /rest/batch/{plural}` (≤ 200 records,
 * QUERY_MAX_RECORDS; above: "Maximum number of records to upsert is 200."); every record gets a
 * client id so a retry can be re-sent with `?upsert=true` without duplicating. Bulk update/delete go
 * by id lists chunked at `api.mutationMaximumAffectedRecords` from /client-config (default 100).
 */
export const MAX_BATCH_CREATE = 200;
const PAGE_LIMIT = 200;
const MAX_BATCH_MESSAGE = /Maximum number of records to upsert is (\d+)/i;

export interface ListOptions {
  filter?: string;
  orderBy?: string;
  limit?: number;
  startingAfter?: string;
  endingBefore?: string;
  depth?: 0 | 1;
  signal?: AbortSignal;
}

export type BulkTarget = { ids: string[] } | { filter: string };

export interface RecordApi {
  list<T = TwentyRecord>(plural: string, options?: ListOptions): Promise<RecordPage<T>>;
  /** Every page of a list, following `pageInfo.endCursor`. */
  listAll<T = TwentyRecord>(plural: string, options?: ListOptions): AsyncGenerator<T[]>;
  get<T = TwentyRecord>(
    plural: string,
    id: string,
    options?: { depth?: 0 | 1; signal?: AbortSignal },
  ): Promise<T>;
  create<T = TwentyRecord>(
    plural: string,
    record: TwentyRecord,
    options?: { upsert?: boolean; signal?: AbortSignal },
  ): Promise<T>;
  createMany<T = TwentyRecord>(
    plural: string,
    records: TwentyRecord[],
    options?: { batchSize?: number; upsert?: boolean; signal?: AbortSignal },
  ): Promise<T[]>;
  update<T = TwentyRecord>(
    plural: string,
    id: string,
    data: TwentyRecord,
    options?: { signal?: AbortSignal },
  ): Promise<T>;
  delete<T = TwentyRecord>(
    plural: string,
    id: string,
    options?: { soft?: boolean; signal?: AbortSignal },
  ): Promise<T>;
  updateMany<T = TwentyRecord>(
    plural: string,
    target: BulkTarget,
    data: TwentyRecord,
    options?: { chunkSize?: number; signal?: AbortSignal },
  ): Promise<T[]>;
  deleteMany<T = TwentyRecord>(
    plural: string,
    target: BulkTarget,
    options?: { soft?: boolean; chunkSize?: number; signal?: AbortSignal },
  ): Promise<T[]>;
  /** Restores a soft-deleted record, on either restore path Twenty has used. */
  restore<T = TwentyRecord>(
    plural: string,
    id: string,
    options?: { signal?: AbortSignal },
  ): Promise<T>;
}

/**
 * Twenty moved the restore route: `PATCH /rest/{plural}/{id}/restore` (2026, E3) after
 * `PATCH /rest/restore/{plural}/{id}` (E2). The newer path is tried first; a 400/404 that says the
 * path is unknown switches this client to the older one, remembered for later calls.
 */
const RESTORE_PATHS = [
  (plural: string, id: string) => `/${plural}/${id}/restore`,
  (plural: string, id: string) => `/restore/${plural}/${id}`,
] as const;

interface Deps {
  request<T>(request: RestRequest): Promise<T>;
  clientConfig(signal?: AbortSignal): Promise<ClientConfigSummary>;
}

export const chunk = <T>(items: T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/** REST filter for an id list: `id[in]:["…","…"]` (core-api filter grammar). */
export const idFilter = (ids: string[]): string =>
  `id[in]:[${ids.map((id) => `"${id}"`).join(',')}]`;

const listQuery = (options: ListOptions): Record<string, QueryValue> => ({
  filter: options.filter,
  order_by: options.orderBy,
  limit: options.limit,
  starting_after: options.startingAfter,
  ending_before: options.endingBefore,
  depth: options.depth,
});

export const createRecordApi = (deps: Deps): RecordApi => {
  let learnedMaxBatch: number | null = null;
  let restorePath = 0;

  const mutationChunk = async (explicit: number | undefined, signal?: AbortSignal) => {
    if (explicit) return explicit;
    try {
      return (await deps.clientConfig(signal)).mutationMaximumAffectedRecords;
    } catch (error) {
      if (isAppError(error) && error.code === 'CANCELLED') throw error;
      return DEFAULT_MUTATION_MAXIMUM_AFFECTED_RECORDS;
    }
  };

  const list: RecordApi['list'] = async (plural, options = {}) =>
    unwrapList(
      await deps.request({
        method: 'GET',
        path: `/${plural}`,
        query: listQuery(options),
        ...(options.signal ? { signal: options.signal } : {}),
      }),
      plural,
    );

  async function* listAll<T>(plural: string, options: ListOptions = {}): AsyncGenerator<T[]> {
    let cursor = options.startingAfter;
    for (;;) {
      const page = await list<T>(plural, {
        ...options,
        limit: options.limit ?? PAGE_LIMIT,
        ...(cursor ? { startingAfter: cursor } : {}),
      });
      yield page.records;
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || page.records.length === 0)
        return;
      cursor = page.pageInfo.endCursor;
    }
  }

  const resolveIds = async (plural: string, target: BulkTarget, signal?: AbortSignal) => {
    if ('ids' in target) return target.ids;
    const ids: string[] = [];
    for await (const page of listAll<TwentyRecord>(plural, {
      filter: target.filter,
      ...(signal ? { signal } : {}),
    }))
      for (const record of page) if (typeof record.id === 'string') ids.push(record.id);
    return ids;
  };

  const createBatch = async (
    plural: string,
    records: TwentyRecord[],
    upsert: boolean,
    signal?: AbortSignal,
  ): Promise<TwentyRecord[]> => {
    try {
      return unwrapMany(
        await deps.request({
          method: 'POST',
          path: `/batch/${plural}`,
          ...(upsert ? { query: { upsert: true } } : {}),
          body: records,
          clientIds: true,
          ...(signal ? { signal } : {}),
        }),
      );
    } catch (error) {
      // A server with a smaller batch cap says so; split and go on (never larger than it said).
      const max = isAppError(error) ? MAX_BATCH_MESSAGE.exec(error.message) : null;
      const cap = max ? Number(max[1]) : 0;
      if (cap > 0 && cap < records.length) {
        learnedMaxBatch = Math.min(learnedMaxBatch ?? cap, cap);
        const parts = await Promise.all(
          chunk(records, cap).map((part) => createBatch(plural, part, upsert, signal)),
        );
        return parts.flat();
      }
      throw error;
    }
  };

  const createMany: RecordApi['createMany'] = async (plural, records, options = {}) => {
    const withIds = records.map((record) =>
      typeof record.id === 'string' && record.id ? record : { ...record, id: randomUUID() },
    );
    const size = Math.min(
      options.batchSize ?? MAX_BATCH_CREATE,
      learnedMaxBatch ?? MAX_BATCH_CREATE,
    );
    const chunks = chunk(withIds, size);
    const settled = await Promise.allSettled(
      chunks.map((part) => createBatch(plural, part, options.upsert === true, options.signal)),
    );
    const failed = settled.findIndex((result) => result.status === 'rejected');
    if (failed >= 0) {
      const reason = (settled[failed] as PromiseRejectedResult).reason as unknown;
      const createdIds = settled.flatMap((result, i) =>
        result.status === 'fulfilled' ? chunks[i]!.map((record) => record.id as string) : [],
      );
      const base = isAppError(reason) ? reason : new AppError('INTERNAL', String(reason));
      throw new AppError(base.code, base.message, {
        ...base.details,
        createdCount: createdIds.length,
        failedBatches: settled.filter((result) => result.status === 'rejected').length,
        batches: chunks.length,
      });
    }
    return settled.flatMap((result) =>
      result.status === 'fulfilled' ? result.value : [],
    ) as never;
  };

  const bulk = async (
    plural: string,
    target: BulkTarget,
    method: 'PATCH' | 'DELETE',
    body: TwentyRecord | undefined,
    options: { soft?: boolean; chunkSize?: number; signal?: AbortSignal },
  ) => {
    const ids = await resolveIds(plural, target, options.signal);
    if (ids.length === 0) return [];
    const size = await mutationChunk(options.chunkSize, options.signal);
    const results: TwentyRecord[] = [];
    for (const part of chunk(ids, size)) {
      const answer = await deps.request({
        method,
        path: `/${plural}`,
        query: { filter: idFilter(part), ...(options.soft ? { soft_delete: true } : {}) },
        ...(body ? { body } : {}),
        idempotent: true,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      results.push(...unwrapMany(answer));
    }
    return results;
  };

  return {
    list,
    listAll,
    get: async (plural, id, options = {}) =>
      unwrapOne(
        await deps.request({
          method: 'GET',
          path: `/${plural}/${encodeURIComponent(id)}`,
          query: { depth: options.depth },
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      ),
    create: async (plural, record, options = {}) =>
      unwrapOne(
        await deps.request({
          method: 'POST',
          path: `/${plural}`,
          ...(options.upsert ? { query: { upsert: true } } : {}),
          body: record,
          clientIds: typeof record.id === 'string' && record.id.length > 0,
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      ),
    createMany,
    update: async (plural, id, data, options = {}) =>
      unwrapOne(
        await deps.request({
          method: 'PATCH',
          path: `/${plural}/${encodeURIComponent(id)}`,
          body: data,
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      ),
    delete: async (plural, id, options = {}) =>
      unwrapOne(
        await deps.request({
          method: 'DELETE',
          path: `/${plural}/${encodeURIComponent(id)}`,
          query: { soft_delete: options.soft ? true : undefined },
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      ),
    updateMany: (plural, target, data, options = {}) =>
      bulk(plural, target, 'PATCH', data, options) as never,
    deleteMany: (plural, target, options = {}) =>
      bulk(plural, target, 'DELETE', undefined, options) as never,
    restore: async (plural, id, options = {}) => {
      for (;;) {
        try {
          return unwrapOne(
            await deps.request({
              method: 'PATCH',
              path: RESTORE_PATHS[restorePath]!(plural, encodeURIComponent(id)),
              idempotent: true,
              ...(options.signal ? { signal: options.signal } : {}),
            }),
          );
        } catch (error) {
          const unknownPath =
            isAppError(error) &&
            (error.details?.status === 404 || error.details?.status === 400) &&
            /invalid|not found|cannot (patch|find)/i.test(error.message) &&
            !/record|soft[- ]deleted/i.test(error.message);
          if (!unknownPath || restorePath === RESTORE_PATHS.length - 1) throw error;
          restorePath += 1;
        }
      }
    },
  };
};
