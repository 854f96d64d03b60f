import { describe, expect, it } from 'vitest';
import { parseRestFilter } from '../../domain/rest-grammar/parse-rest-filter';
import { graphqlFilterToRestFilter, restFilterToGraphqlFilter } from './graphql-filter';
import { graphqlOrderByToRest, restOrderByToGraphql } from './graphql-order-by';
import { gizmo, model, opportunity, person } from './test-model';

/**
 * Pairs written by hand from Twenty's filter inputs (the same pairs the local workspace's
 * filters-by-type test runs against both APIs).
 */
const PAIRS: Array<[string, typeof person, Record<string, unknown>]> = [
  ['name.firstName[eq]:A', person, { and: [{ name: { firstName: { eq: 'A' } } }] }],
  [
    'or(city[eq]:Paris,city[is]:NULL)',
    person,
    { or: [{ city: { eq: 'Paris' } }, { city: { is: 'NULL' } }] },
  ],
  [
    'jobTitle[ilike]:"%cto, vp%",not(companyId[in]:[7d3b0b8e-2a57-4f2e-9d1c-3c1f0a7e8b11])',
    person,
    {
      and: [
        { jobTitle: { ilike: '%cto, vp%' } },
        { not: { companyId: { in: ['7d3b0b8e-2a57-4f2e-9d1c-3c1f0a7e8b11'] } } },
      ],
    },
  ],
  [
    'score[in]:[1,9],done[eq]:true,tags[containsAny]:[RED,BLUE],day[lt]:2026-02-01',
    gizmo,
    {
      and: [
        { score: { in: [1, 9] } },
        { done: { eq: true } },
        { tags: { containsAny: ['RED', 'BLUE'] } },
        { day: { lt: '2026-02-01' } },
      ],
    },
  ],
  [
    'amount.amountMicros[gte]:2000000,stage[in]:[NEW,MEETING]',
    opportunity,
    {
      and: [{ amount: { amountMicros: { gte: 2000000 } } }, { stage: { in: ['NEW', 'MEETING'] } }],
    },
  ],
];

describe('REST filter ↔ GraphQL filter', () => {
  it.each(PAIRS)('%s', (rest, object, graphql) => {
    expect(restFilterToGraphqlFilter(rest, object, model)).toEqual({
      filter: graphql,
      problems: [],
    });
    const back = graphqlFilterToRestFilter(graphql);
    expect(back.problems).toEqual([]);
    // Same filter tree as the original (the root and is written bare, as REST's default).
    expect(parseRestFilter(back.text)).toEqual(parseRestFilter(rest));
  });

  it('writes the root and bare and a multi-key object as and(...)', () => {
    expect(
      graphqlFilterToRestFilter({ or: [{ city: { eq: 'Lyon' }, jobTitle: { eq: 'CTO' } }] }),
    ).toEqual({ text: 'or(and(city[eq]:Lyon,jobTitle[eq]:CTO))', problems: [] });
    expect(graphqlFilterToRestFilter({ score: { gt: 1, lt: 5 } }).text).toBe(
      'score[gt]:1,score[lt]:5',
    );
    expect(graphqlFilterToRestFilter({ title: { eq: "it's (done)" } }).text).toBe(
      `title[eq]:"it's (done)"`,
    );
  });

  it('says what has no equivalent', () => {
    expect(graphqlFilterToRestFilter({ words: { containsIlike: '%north%' } })).toEqual({
      text: null,
      problems: ["filter.words: GraphQL operator 'containsIlike' has no REST form"],
    });
    expect(graphqlFilterToRestFilter({ city: { in: ['a,b'] } }).problems).toEqual([
      'filter.city.in: value cannot be written in a REST filter',
    ]);
    expect(graphqlFilterToRestFilter({ city: { eq: 'a)' } }).problems).toEqual([
      "'filter' invalid. 1 open bracket is missing in the query",
    ]);
    const viaRest = restFilterToGraphqlFilter('words[containsAny]:[north]', gizmo, model);
    expect(viaRest.filter).toBeNull();
    expect(viaRest.problems.map((problem) => problem.message)).toEqual([
      "GraphQL has no 'containsAny' for ARRAY fields",
    ]);
    expect(restFilterToGraphqlFilter('nickname[eq]:x', person, model).filter).toBeNull();
  });
});

describe('REST order_by ↔ GraphQL orderBy', () => {
  it('converts both ways as Twenty’s REST parser builds it', () => {
    const rest = 'name.firstName[DescNullsLast],createdAt,companyId[AscNullsLast]';
    const { orderBy } = restOrderByToGraphql(rest, person, model);
    expect(orderBy).toEqual([
      { name: { firstName: 'DescNullsLast' } },
      { createdAt: 'AscNullsFirst' },
      { companyId: 'AscNullsLast' },
    ]);
    expect(graphqlOrderByToRest(orderBy)).toEqual({
      text: 'name.firstName[DescNullsLast],createdAt[AscNullsFirst],companyId[AscNullsLast]',
      problems: [],
    });
    expect(graphqlOrderByToRest({ amount: { amountMicros: 'DescNullsFirst' } }).text).toBe(
      'amount.amountMicros[DescNullsFirst]',
    );
  });

  it('refuses what Twenty refuses', () => {
    expect(restOrderByToGraphql('name', person, model).orderBy).toBeNull();
    expect(graphqlOrderByToRest([{ city: 'DESC' }])).toEqual({
      text: null,
      problems: ["city: 'DESC' is not an OrderByDirection"],
    });
  });
});
