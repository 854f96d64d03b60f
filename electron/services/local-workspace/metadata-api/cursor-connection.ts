/**
 * nestjs-query style cursor connections over an in-memory list, as Twenty's metadata
 * `objects` / `fields` queries answer: default page 10, max 1000, opaque offset cursors.
 */
export interface CursorPaging {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;
const encodeCursor = (offset: number): string =>
  Buffer.from(`arrayconnection:${offset}`).toString('base64');
const decodeCursor = (cursor: string): number => {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const offset = Number(text.replace(/^arrayconnection:/, ''));
  if (!text.startsWith('arrayconnection:') || !Number.isInteger(offset) || offset < 0)
    throw new Error('Invalid cursor');
  return offset;
};

export const paginate = <T>(items: T[], paging: CursorPaging | null | undefined): Connection<T> => {
  const after = paging?.after ? decodeCursor(paging.after) : -1;
  const before = paging?.before ? decodeCursor(paging.before) : items.length;
  let start = after + 1;
  let end = Math.min(before, items.length);
  if (paging?.last != null && paging.first == null) {
    const size = Math.min(Math.max(paging.last, 0), MAX_PAGE);
    start = Math.max(start, end - size);
  } else {
    const size = Math.min(Math.max(paging?.first ?? DEFAULT_PAGE, 0), MAX_PAGE);
    end = Math.min(end, start + size);
  }
  const edges = items
    .slice(start, end)
    .map((node, i) => ({ node, cursor: encodeCursor(start + i) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < Math.min(before, items.length),
      hasPreviousPage: start > after + 1,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
};
