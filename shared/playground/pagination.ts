import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { PlaygroundRequest } from '../contract/playground';
import { editRestLine, partsOfRestLine } from './rest-path';

/**
 * Paging through a list answer: where Twenty puts the page's cursors (REST: `pageInfo` beside
 * `data`; GraphQL: the connection's `pageInfo`), and the request that reads the next or the
 * previous page. REST moves with `starting_after` / `ending_before`, as Twenty's cursors are
 * meant to; GraphQL moves forward with `$after` and back by re-reading a page with the `after`
 * it was first read with (a query needs only `$after` to page both ways).
 */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface AnswerPage {
  /** Null when the list's `pageInfo` was not selected (GraphQL). */
  pageInfo: PageInfo | null;
  totalCount: number | null;
  /** Records in this page. */
  count: number;
}

export type PageDirection = 'next' | 'previous';

export interface PagerState {
  /** 1-based number of the page shown. */
  page: number;
  /** Records before each page visited, page 1 first. */
  offsets: number[];
  /** GraphQL: the `after` each page visited was read with, page 1 first. */
  afters: Array<string | null>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const pageInfoOf = (value: unknown): PageInfo | null => {
  if (!isObject(value)) return null;
  const cursor = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : null);
  return {
    hasNextPage: value.hasNextPage === true,
    hasPreviousPage: value.hasPreviousPage === true,
    startCursor: cursor('startCursor'),
    endCursor: cursor('endCursor'),
  };
};

const countOf = (value: unknown) => (typeof value === 'number' ? value : null);

/** The page in an answer: a REST list or the first GraphQL connection; null for anything else. */
export const pageOfAnswer = (body: unknown): AnswerPage | null => {
  if (!isObject(body)) return null;
  if (isObject(body.pageInfo)) {
    const data = body.data;
    const list = Array.isArray(data)
      ? data
      : isObject(data)
        ? Object.values(data).find((value) => Array.isArray(value))
        : undefined;
    return {
      pageInfo: pageInfoOf(body.pageInfo),
      totalCount: countOf(body.totalCount),
      count: Array.isArray(list) ? list.length : 0,
    };
  }
  if (!isObject(body.data)) return null;
  for (const value of Object.values(body.data))
    if (isObject(value) && Array.isArray(value.edges))
      return {
        pageInfo: pageInfoOf(value.pageInfo),
        totalCount: countOf(value.totalCount),
        count: value.edges.length,
      };
  return null;
};

export const firstPage = (request: PlaygroundRequest): PagerState => ({
  page: 1,
  offsets: [0],
  afters: [
    request.kind === 'graphql' && typeof request.variables?.after === 'string'
      ? request.variables.after
      : null,
  ],
});

const operationOf = (query: string, name: string | null): OperationDefinitionNode | null => {
  try {
    const operations = parse(query).definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
    return (name ? operations.find((op) => op.name?.value === name) : operations[0]) ?? null;
  } catch {
    return null;
  }
};

/** Why a GraphQL query cannot be paged here, or null when it can. */
export const graphqlPagingProblem = (request: PlaygroundRequest): string | null => {
  if (request.kind !== 'graphql') return null;
  const operation = operationOf(request.query, request.operationName);
  if (!operation) return 'The query does not parse.';
  if (operation.operation !== 'query') return 'Only a query reads pages.';
  const declares = operation.variableDefinitions?.some(
    (definition) => definition.variable.name.value === 'after',
  );
  return declares
    ? null
    : 'To page, the query must take `$after: String` and pass it to the list (`companies(first: 10, after: $after)`), with `pageInfo { hasNextPage endCursor }` selected.';
};

export type PageMove =
  { ok: true; request: PlaygroundRequest; state: PagerState } | { ok: false; problem: string };

/**
 * The request for the page after or before the one `request` read (whose answer is `answer`),
 * and the pager as it will be once that page is shown.
 */
export const movePage = (
  request: PlaygroundRequest,
  state: PagerState,
  answer: AnswerPage,
  direction: PageDirection,
): PageMove => {
  const fail = (problem: string): PageMove => ({ ok: false, problem });
  const info = answer.pageInfo;
  if (direction === 'previous' && state.page <= 1) return fail('This is the first page.');
  if (direction === 'next' && !info?.hasNextPage) return fail('This is the last page.');
  const offset = state.offsets[state.page - 1] ?? 0;
  const next: PagerState =
    direction === 'next'
      ? {
          page: state.page + 1,
          offsets: [...state.offsets.slice(0, state.page), offset + answer.count],
          afters: [...state.afters.slice(0, state.page), info?.endCursor ?? null],
        }
      : {
          page: state.page - 1,
          offsets: state.offsets.slice(0, state.page - 1),
          afters: state.afters.slice(0, state.page - 1),
        };

  if (request.kind === 'rest') {
    const parts = partsOfRestLine(request.api, request);
    if (!parts || parts.spec.operation !== 'findMany') return fail('Only a list reads pages.');
    const cursor = direction === 'next' ? info?.endCursor : info?.startCursor;
    if (!cursor) return fail('Twenty gave no cursor for this page.');
    const line = editRestLine(request.api, request, {
      startingAfter: direction === 'next' ? cursor : undefined,
      endingBefore: direction === 'previous' ? cursor : undefined,
    });
    if (!line) return fail('Only a list reads pages.');
    return { ok: true, request: { ...request, method: line.method, path: line.path }, state: next };
  }

  const problem = graphqlPagingProblem(request);
  if (problem) return fail(problem);
  const after = next.afters[next.page - 1] ?? null;
  if (direction === 'next' && !after) return fail('Twenty gave no cursor for this page.');
  const variables = { ...(request.variables ?? {}) };
  if (after) variables.after = after;
  else delete variables.after;
  return { ok: true, request: { ...request, variables }, state: next };
};
