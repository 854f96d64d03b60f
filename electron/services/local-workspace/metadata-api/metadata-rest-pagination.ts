import { badRequest } from '../webhooks/rest-errors';
import { UUID_TEXT as UUID } from '../../../../shared/domain/uuid';

/**
 * `/rest/metadata/*` list paging as Twenty parses it (parse-metadata-rest-pagination.util.ts): an
 * id cursor either way, never both, each a UUID; `limit` an integer, capped at 1,000 (the default).
 */
export const METADATA_PAGE_SIZE = 1000; // DEFAULT_ and MAX_METADATA_REST_PAGE_SIZE

export interface MetadataPagination {
  limit: number;
  /** Lower-cased, as ids are stored. */
  afterId?: string;
  beforeId?: string;
  backward: boolean;
}

export const parseMetadataRestPagination = (query: URLSearchParams): MetadataPagination => {
  const startingAfter = query.get('starting_after') || undefined;
  const endingBefore = query.get('ending_before') || undefined;
  if (startingAfter && endingBefore)
    throw badRequest(`'starting_after' and 'ending_before' cannot be used together.`);
  const invalid = [startingAfter, endingBefore].find((cursor) => cursor && !UUID.test(cursor));
  if (invalid) throw badRequest(`Invalid cursor: ${invalid}`);
  const rawLimit = query.get('limit');
  let limit = METADATA_PAGE_SIZE;
  if (rawLimit) {
    const parsed = Number(rawLimit);
    if (!Number.isInteger(parsed) || parsed < 0)
      throw badRequest(
        `limit '${rawLimit}' is invalid. Should be an integer`,
        'INVALID_LIMIT_QUERY_PARAM',
      );
    limit = Math.min(parsed, METADATA_PAGE_SIZE);
  }
  return {
    limit,
    ...(startingAfter ? { afterId: startingAfter.toLowerCase() } : {}),
    ...(endingBefore ? { beforeId: endingBefore.toLowerCase() } : {}),
    backward: endingBefore !== undefined,
  };
};

/** build-cursor-page: a page of `limit + 1` fetched rows, in the order the client reads them. */
export const metadataCursorPage = <T extends { id: string }>(
  fetched: T[],
  pagination: MetadataPagination,
) => {
  const page = fetched.slice(0, pagination.limit);
  if (pagination.backward) page.reverse();
  const hasMore = fetched.length > pagination.limit;
  return {
    page,
    pageInfo: {
      hasNextPage: pagination.backward ? true : hasMore,
      hasPreviousPage: pagination.backward ? hasMore : pagination.afterId !== undefined,
      startCursor: page[0]?.id ?? null,
      endCursor: page[page.length - 1]?.id ?? null,
    },
  };
};
