import { describe, expect, it } from 'vitest';
import type { PlaygroundRequest } from '../contract/playground';
import { graphqlPagingProblem } from './pagination';
import { model } from './rest-query/test-model';
import { restAsGraphql } from './snippets';

const list: Extract<PlaygroundRequest, { kind: 'rest' }> = {
  kind: 'rest',
  api: 'core',
  method: 'GET',
  path: '/people?filter=city%5Beq%5D:Paris&limit=2',
  body: null,
  headers: {},
};

describe('restAsGraphql', () => {
  it('pages like the REST list when asked: it takes $after and selects pageInfo', () => {
    const twin = restAsGraphql(list, model, { paged: true })!;
    expect(twin.query).toContain('query PersonList($first: Int, $after: String, $filter:');
    expect(twin.query).toContain('people(first: $first, after: $after, filter: $filter)');
    expect(twin.query).toMatch(/pageInfo \{\s+hasNextPage\s+endCursor\s+\}/);
    expect(twin.variables).toEqual({ first: 2, filter: { and: [{ city: { eq: 'Paris' } }] } });
    const request = {
      ...twin,
      kind: 'graphql' as const,
      api: 'core' as const,
      operationName: null,
      headers: {},
    };
    expect(graphqlPagingProblem(request)).toBeNull();
  });

  it('is the plain list otherwise', () => {
    const twin = restAsGraphql(list, model)!;
    expect(twin.query).not.toContain('$after');
    expect(twin.query).not.toContain('pageInfo');
  });
});
