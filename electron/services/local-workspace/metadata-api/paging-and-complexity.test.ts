import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { paginate } from './cursor-connection';
import { checkQueryComplexity } from '../graphql-common/query-complexity';

describe('cursor connections', () => {
  const items = Array.from({ length: 25 }, (_, i) => i);

  it('defaults to 10 and walks forward without gaps or repeats', () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ReturnType<typeof paginate<number>> = paginate(items, after ? { after } : null);
      seen.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(items);
  });

  it('walks backward with last/before', () => {
    const tail = paginate(items, { last: 5 });
    expect(tail.edges.map((edge) => edge.node)).toEqual([20, 21, 22, 23, 24]);
    const before = paginate(items, { last: 5, before: tail.pageInfo.startCursor });
    expect(before.edges.map((edge) => edge.node)).toEqual([15, 16, 17, 18, 19]);
    expect(before.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses a cursor it did not issue', () => {
    expect(() => paginate(items, { after: 'bogus' })).toThrow('Invalid cursor');
  });
});

describe('query complexity guard', () => {
  it('accepts ordinary documents', () => {
    expect(
      checkQueryComplexity(parse('{ objects { edges { node { id fieldsList { id } } } } }')),
    ).toBeNull();
  });
  it('rejects duplicate root resolvers even when aliased', () => {
    expect(
      checkQueryComplexity(
        parse(
          'mutation { a: createOneField(input: {}) { id } b: createOneField(input: {}) { id } }',
        ),
      ),
    ).toBe('Duplicate root resolver: "createOneField"');
  });
  it('rejects more than 10 root resolvers and more than 10 levels', () => {
    const roots = Array.from({ length: 11 }, (_, i) => `f${i}: field${i}`).join(' ');
    expect(checkQueryComplexity(parse(`{ ${roots} }`))).toMatch(
      /^Query too complex - Too many root resolvers requested: 11/,
    );
    const deep = '{ a { b { c { d { e { f { g { h { i { j { k } } } } } } } } } } }';
    expect(checkQueryComplexity(parse(deep))).toMatch(
      /^Query too complex - Too many nested fields requested: 11/,
    );
  });
});
