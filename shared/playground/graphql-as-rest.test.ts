import { describe, expect, it } from 'vitest';
import { graphqlAsRest } from './graphql-as-rest';
import { model } from './rest-query/test-model';

const graphql = (query: string, variables: Record<string, unknown> | null = null) => ({
  kind: 'graphql' as const,
  api: 'core' as const,
  query,
  variables,
  operationName: null,
  headers: { 'x-trace': '1' },
});

describe('graphqlAsRest', () => {
  it('turns a list with filter, order, first and after (from variables too) into a REST list', () => {
    const twin = graphqlAsRest(
      graphql(
        `
          query Few($after: String) {
            companies(
              filter: { or: [{ name: { eq: "Acme" } }, { name: { like: "%eta%" } }] }
              orderBy: [{ name: DescNullsLast }]
              first: 5
              after: $after
            ) {
              edges {
                node {
                  id
                }
              }
            }
          }
        `,
        { after: 'abc' },
      ),
      model,
    );
    expect(twin).toEqual({
      request: {
        kind: 'rest',
        api: 'core',
        method: 'GET',
        path: expect.stringMatching(/^\/companies\?/),
        body: null,
        headers: { 'x-trace': '1' },
      },
    });
    const url = new URL(`http://x${'request' in twin ? twin.request.path : ''}`);
    expect(url.searchParams.get('filter')).toBe('or(name[eq]:Acme,name[like]:%eta%)');
    expect(url.searchParams.get('order_by')).toBe('name[DescNullsLast]');
    expect(url.searchParams.get('limit')).toBe('5');
    expect(url.searchParams.get('starting_after')).toBe('abc');
  });

  it('explains what has no REST twin', () => {
    const problem = (query: string) => {
      const twin = graphqlAsRest(graphql(query), model);
      return 'problem' in twin ? twin.problem : null;
    };
    expect(problem('mutation { createCompany(data: {}) { id } }')).toMatch(/Only a query/);
    expect(problem('{ companies { totalCount } people { totalCount } }')).toMatch(/one root field/);
    expect(problem('{ company(filter: {}) { id } }')).toMatch(/not a list of records/);
    expect(problem('{ companies(last: 2) { totalCount } }')).toMatch(/`last`/);
    expect(problem('{ companies(')).toMatch(/does not parse/);
  });
});
