import { describe, expect, it } from 'vitest';
import { diffAnswers } from './answer-diff';

const graphql = (nodes: object[], totalCount = nodes.length) => ({
  status: 200,
  body: {
    data: {
      companies: {
        totalCount,
        pageInfo: { endCursor: `c${Math.random()}`, hasNextPage: false },
        edges: nodes.map((node) => ({ node, cursor: `x${Math.random()}` })),
      },
    },
  },
});

describe('diffAnswers', () => {
  it('matches records by id and names the fields that differ, not the stamped ones', () => {
    const diff = diffAnswers(
      graphql([
        { id: 'a', name: 'Acme', address: { addressCity: 'Paris' }, updatedAt: '2026-01-01' },
        { id: 'b', name: 'Beta' },
      ]),
      graphql([
        { id: 'a', name: 'Acme', address: { addressCity: 'Lyon' }, updatedAt: '2026-11-23' },
        { id: 'c', name: 'Gamma' },
      ]),
    );
    expect(diff.records).toEqual({
      matched: 1,
      onlyLive: ['b'],
      onlyReplica: ['c'],
      changed: [
        { id: 'a', changes: [{ path: 'address.addressCity', live: 'Paris', replica: 'Lyon' }] },
      ],
    });
    // Cursors and the record list itself are not reported as other differences.
    expect(diff.other).toEqual([]);
    expect(diff.same).toBe(false);
  });

  it('says two equal answers are the same even with their own cursors and stamps', () => {
    const rows = [{ id: 'a', name: 'Acme', createdAt: '1' }];
    const diff = diffAnswers(graphql(rows), graphql([{ ...rows[0], createdAt: '2' }]));
    expect(diff.same).toBe(true);
    expect(diff.records?.matched).toBe(1);
  });

  it('reports totals, status and errors outside the records by path', () => {
    const live = graphql([{ id: 'a' }], 10);
    const replica = { status: 400, body: { errors: [{ message: 'Cannot query field "x"' }] } };
    const diff = diffAnswers(live, replica);
    expect(diff.status).toEqual({ live: 200, replica: 400 });
    expect(diff.records).toBeNull();
    expect(diff.other.map((change) => change.path)).toEqual(
      expect.arrayContaining(['data', 'errors']),
    );

    const totals = diffAnswers(graphql([{ id: 'a' }], 10), graphql([{ id: 'a' }], 7));
    expect(totals.other).toEqual([{ path: 'data.companies.totalCount', live: 10, replica: 7 }]);
  });

  it('compares REST lists and single records too', () => {
    const rest = (people: object[]) => ({
      status: 200,
      body: { data: { people }, totalCount: people.length },
    });
    const diff = diffAnswers(
      rest([{ id: 'p', name: { firstName: 'Ada' } }]),
      rest([{ id: 'p', name: { firstName: 'Ada' } }]),
    );
    expect(diff.same).toBe(true);
    const one = diffAnswers(
      { status: 200, body: { data: { person: { id: 'p', jobTitle: 'CTO' } } } },
      { status: 200, body: { data: { person: { id: 'p', jobTitle: 'CEO' } } } },
    );
    expect(one.records?.changed).toEqual([
      { id: 'p', changes: [{ path: 'jobTitle', live: 'CTO', replica: 'CEO' }] },
    ]);
  });
});
