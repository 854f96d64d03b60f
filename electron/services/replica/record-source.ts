import type { TwentyClient, TwentyRecord } from '../twenty-client';
import { idFilter } from '../twenty-client/record-api';

/**
 * Where a replica reads records: a workspace over REST, or a snapshot file (snapshot-file.ts).
 * Pages carry the cursor to resume after them, so a journal can say where a run stopped.
 */
export interface SourcePage {
  records: TwentyRecord[];
  /** Resume after this page (null when the source cannot say). */
  endCursor: string | null;
  totalCount: number | null;
}

export interface PageOptions {
  filter?: string;
  /** Cursor of the page before (null: from the start). */
  after: string | null;
  pageSize: number;
  signal?: AbortSignal;
}

export interface RecordSource {
  pages(plural: string, options: PageOptions): AsyncIterable<SourcePage>;
}

/**
 * Twenty's page size: REST `limit` defaults to 60 and is clamped at 200 (QUERY_MAX_RECORDS);
 * 60 is also what the published OpenAPI document advertises as the maximum, so every version
 * takes it.
 */
export const DEFAULT_PAGE_SIZE = 60;

/** Soft-deleted rows are listed only by a filter that names `deletedAt` (core-api.md §2.2). */
export const TRASHED = 'deletedAt[is]:NOT_NULL';
export const ANY_DELETED_STATE = 'or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)';

export const clientSource = (client: TwentyClient): RecordSource => ({
  async *pages(plural, options) {
    let after = options.after;
    for (;;) {
      const page = await client.rest.list(plural, {
        limit: options.pageSize,
        ...(options.filter ? { filter: options.filter } : {}),
        ...(after ? { startingAfter: after } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const endCursor = page.pageInfo.endCursor ?? after;
      yield { records: page.records, endCursor, totalCount: page.totalCount };
      if (!page.pageInfo.hasNextPage || page.records.length === 0 || !page.pageInfo.endCursor)
        return;
      after = page.pageInfo.endCursor;
    }
  },
});

/** Every id a filter selects, page by page. */
export const scanIds = async (
  source: RecordSource,
  plural: string,
  options: { filter?: string; pageSize: number; signal?: AbortSignal },
): Promise<Set<string>> => {
  const ids = new Set<string>();
  for await (const page of source.pages(plural, { ...options, after: null }))
    for (const record of page.records) if (typeof record.id === 'string') ids.add(record.id);
  return ids;
};

/** Which of these ids the workspace holds, trashed ones included. */
export const existingIds = async (
  client: TwentyClient,
  plural: string,
  ids: string[],
  signal?: AbortSignal,
): Promise<Set<string>> => {
  if (ids.length === 0) return new Set();
  return scanIds(clientSource(client), plural, {
    filter: `and(${idFilter(ids)},${ANY_DELETED_STATE})`,
    pageSize: Math.min(200, ids.length),
    ...(signal ? { signal } : {}),
  });
};
