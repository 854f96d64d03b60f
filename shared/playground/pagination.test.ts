import { describe, expect, it } from 'vitest';
import type { PlaygroundRequest } from '../contract/playground';
import {
  firstPage,
  graphqlPagingProblem,
  movePage,
  pageOfAnswer,
  type PagerState,
} from './pagination';

const rest = (path: string): PlaygroundRequest => ({
  kind: 'rest',
  api: 'core',
  method: 'GET',
  path,
  body: null,
  headers: {},
});

type GraphqlRequest = Extract<PlaygroundRequest, { kind: 'graphql' }>;

const graphql = (query: string, variables: Record<string, unknown> = {}): GraphqlRequest => ({
  kind: 'graphql',
  api: 'core',
  query,
  variables,
  operationName: null,
  headers: {},
});

const info = (over: Record<string, unknown> = {}) => ({
  hasNextPage: true,
  hasPreviousPage: false,
  startCursor: 'S1',
  endCursor: 'E1',
  ...over,
});

describe('pageOfAnswer', () => {
  it('reads a REST core list: records, pageInfo and totalCount beside data', () => {
    expect(
      pageOfAnswer({ data: { companies: [{}, {}] }, totalCount: 12, pageInfo: info() }),
    ).toEqual({ pageInfo: info(), totalCount: 12, count: 2 });
  });

  it('reads metadata lists in both of Twenty envelopes', () => {
    expect(pageOfAnswer({ data: [{}], pageInfo: info() })).toMatchObject({ count: 1 });
    expect(pageOfAnswer({ data: { objects: [{}, {}, {}] }, pageInfo: info() })).toMatchObject({
      count: 3,
      totalCount: null,
    });
  });

  it('reads the first GraphQL connection, pageInfo or not', () => {
    expect(
      pageOfAnswer({
        data: { companies: { totalCount: 5, pageInfo: info(), edges: [{ node: {} }] } },
      }),
    ).toEqual({ pageInfo: info(), totalCount: 5, count: 1 });
    expect(pageOfAnswer({ data: { companies: { edges: [] } } })).toEqual({
      pageInfo: null,
      totalCount: null,
      count: 0,
    });
  });

  it('is null for an answer that is no list', () => {
    expect(pageOfAnswer({ data: { createCompany: { id: 'x' } } })).toBeNull();
    expect(pageOfAnswer(null)).toBeNull();
    expect(pageOfAnswer({ errors: [] })).toBeNull();
  });
});

describe('movePage (REST)', () => {
  const start = rest('/companies?filter=name%5Blike%5D:%25a%25&limit=2');

  it('reads the next page after the end cursor, then back before the start cursor', () => {
    const forward = movePage(
      start,
      firstPage(start),
      { pageInfo: info(), totalCount: 5, count: 2 },
      'next',
    );
    expect(forward).toEqual({
      ok: true,
      request: {
        ...start,
        path: '/companies?filter=name%5Blike%5D:%25a%25&limit=2&starting_after=E1',
      },
      state: { page: 2, offsets: [0, 2], afters: [null, 'E1'] },
    });
    if (!forward.ok) return;
    const back = movePage(
      forward.request,
      forward.state,
      {
        pageInfo: info({ startCursor: 'S2', endCursor: 'E2', hasPreviousPage: true }),
        totalCount: 5,
        count: 2,
      },
      'previous',
    );
    expect(back).toEqual({
      ok: true,
      request: {
        ...start,
        path: '/companies?filter=name%5Blike%5D:%25a%25&limit=2&ending_before=S2',
      },
      state: { page: 1, offsets: [0], afters: [null] },
    });
  });

  it('refuses past either end, and a request that is no list', () => {
    const last = { pageInfo: info({ hasNextPage: false }), totalCount: 2, count: 2 };
    expect(movePage(start, firstPage(start), last, 'next')).toEqual({
      ok: false,
      problem: 'This is the last page.',
    });
    expect(movePage(start, firstPage(start), last, 'previous')).toMatchObject({ ok: false });
    const one = rest('/companies/9b2a0ad2-0000-4000-8000-000000000000');
    expect(
      movePage(one, firstPage(one), { pageInfo: info(), totalCount: 1, count: 1 }, 'next'),
    ).toEqual({
      ok: false,
      problem: 'Only a list reads pages.',
    });
  });
});

describe('movePage (GraphQL)', () => {
  const query =
    'query List($first: Int, $after: String) { companies(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }';

  it('moves forward with $after and back with the after each page was read with', () => {
    const start = graphql(query, { first: 2 });
    let state: PagerState = firstPage(start);
    const two = movePage(start, state, { pageInfo: info(), totalCount: 6, count: 2 }, 'next');
    expect(two).toMatchObject({ ok: true, request: { variables: { first: 2, after: 'E1' } } });
    if (!two.ok) return;
    state = two.state;
    const three = movePage(
      two.request,
      state,
      { pageInfo: info({ endCursor: 'E2' }), totalCount: 6, count: 2 },
      'next',
    );
    expect(three).toMatchObject({
      ok: true,
      request: { variables: { first: 2, after: 'E2' } },
      state: { page: 3, offsets: [0, 2, 4], afters: [null, 'E1', 'E2'] },
    });
    if (!three.ok) return;
    const backToTwo = movePage(
      three.request,
      three.state,
      { pageInfo: info(), totalCount: 6, count: 2 },
      'previous',
    );
    expect(backToTwo).toMatchObject({ ok: true, request: { variables: { after: 'E1' } } });
    if (!backToTwo.ok) return;
    const backToOne = movePage(
      backToTwo.request,
      backToTwo.state,
      { pageInfo: info(), totalCount: 6, count: 2 },
      'previous',
    );
    expect(backToOne).toMatchObject({ ok: true, state: { page: 1 } });
    if (backToOne.ok)
      expect(backToOne.request.kind === 'graphql' && backToOne.request.variables).toEqual({
        first: 2,
      });
  });

  it('explains that a query without $after cannot page', () => {
    const fixed = graphql(
      '{ companies(first: 2) { pageInfo { endCursor } edges { node { id } } } }',
    );
    expect(graphqlPagingProblem(fixed)).toMatch(/must take `\$after: String`/);
    expect(
      movePage(fixed, firstPage(fixed), { pageInfo: info(), totalCount: 4, count: 2 }, 'next'),
    ).toMatchObject({
      ok: false,
    });
    expect(graphqlPagingProblem(graphql('mutation M($after: String) { x }'))).toBe(
      'Only a query reads pages.',
    );
    expect(graphqlPagingProblem(graphql(query))).toBeNull();
  });

  it('pages the operation the request names', () => {
    const two = {
      ...graphql(`
        query A {
          a {
            edges {
              node {
                id
              }
            }
          }
        }
        ${query}
      `),
      operationName: 'List',
    };
    expect(graphqlPagingProblem(two)).toBeNull();
    expect(graphqlPagingProblem({ ...two, operationName: 'A' })).toMatch(/\$after/);
  });
});
