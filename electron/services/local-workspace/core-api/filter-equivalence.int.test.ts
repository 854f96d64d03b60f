import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, metadataGraphql, rest } from '../testing/twenty-http';
import { startWorkspaceProcess, type WorkspaceProcess } from '../testing/workspace-process';

/**
 * The same filter written in REST grammar and as a GraphQL filter input selects the same records,
 * over a random data set and random filters (and/or/not nesting, every comparable type).
 */
type Leaf = { field: string; sub?: string; op: string; value: unknown };
type Tree = { leaf: Leaf } | { and: Tree[] } | { or: Tree[] } | { not: Tree };

const TIERS = ['GOLD', 'SILVER', 'BRONZE'];
const WORDS = ['alpha', 'beta', 'gamma', 'delta'];
const DATES = ['2026-01-01T00:00:00.000Z', '2026-03-15T12:00:00.000Z', '2026-06-30T23:59:59.000Z'];

const leafArb: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({
    field: fc.constant('score'),
    op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte'),
    value: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    field: fc.constant('score'),
    op: fc.constant('in'),
    value: fc.uniqueArray(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 3 }),
  }),
  fc
    .record({
      field: fc.constant('label'),
      op: fc.constantFrom('eq', 'neq', 'startsWith', 'like', 'ilike'),
      value: fc.constantFrom(...WORDS),
    })
    .map((leaf) => ({
      ...leaf,
      value:
        leaf.op === 'like' || leaf.op === 'ilike'
          ? `%${String(leaf.value).slice(1, 3)}%`
          : leaf.value,
    })),
  fc.record({
    field: fc.constant('tier'),
    op: fc.constantFrom('eq', 'neq'),
    value: fc.constantFrom(...TIERS),
  }),
  fc.record({
    field: fc.constant('tier'),
    op: fc.constant('in'),
    value: fc.uniqueArray(fc.constantFrom(...TIERS), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({ field: fc.constant('active'), op: fc.constant('eq'), value: fc.boolean() }),
  fc.record({
    field: fc.constant('dueAt'),
    op: fc.constantFrom('gt', 'lt', 'gte', 'lte'),
    value: fc.constantFrom(...DATES),
  }),
  fc.record({
    field: fc.constantFrom('dueAt', 'label', 'score'),
    op: fc.constant('is'),
    value: fc.constantFrom('NULL', 'NOT_NULL'),
  }),
  fc.record({
    field: fc.constant('budget'),
    sub: fc.constant('amountMicros'),
    op: fc.constantFrom('gt', 'lte'),
    value: fc.integer({ min: 0, max: 5 }).map((n) => n * 1_000_000),
  }),
  fc.record({
    field: fc.constant('budget'),
    sub: fc.constant('currencyCode'),
    op: fc.constant('eq'),
    value: fc.constantFrom('USD', 'EUR'),
  }),
);

const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb.map((leaf) => ({ leaf })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((and) => ({ and })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((or) => ({ or })),
    tie('tree').map((not) => ({ not })),
  ),
})).tree;

const restValue = (value: unknown): string =>
  Array.isArray(value) ? `[${value.join(',')}]` : `"${String(value)}"`;
const toRest = (tree: Tree): string => {
  if ('leaf' in tree) {
    const { field, sub, op, value } = tree.leaf;
    return `${sub ? `${field}.${sub}` : field}[${op}]:${op === 'is' ? String(value) : restValue(value)}`;
  }
  if ('and' in tree) return `and(${tree.and.map(toRest).join(',')})`;
  if ('or' in tree) return `or(${tree.or.map(toRest).join(',')})`;
  return `not(${toRest(tree.not)})`;
};
const toGraphql = (tree: Tree): Record<string, unknown> => {
  if ('leaf' in tree) {
    const { field, sub, op, value } = tree.leaf;
    const comparison = { [op]: value };
    return { [field]: sub ? { [sub]: comparison } : comparison };
  }
  if ('and' in tree) return { and: tree.and.map(toGraphql) };
  if ('or' in tree) return { or: tree.or.map(toGraphql) };
  return { not: toGraphql(tree.not) };
};

describe('REST and GraphQL filters agree', () => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
    const object = await metadataGraphql(
      ws,
      `mutation { createOneObject(input: { object: { nameSingular: "gadget", namePlural: "gadgets", labelSingular: "Gadget", labelPlural: "Gadgets" } }) { id } }`,
    );
    const objectMetadataId = object.data!.createOneObject.id;
    const fields = [
      { type: 'NUMBER', name: 'score', label: 'Score' },
      { type: 'TEXT', name: 'label', label: 'Label' },
      {
        type: 'SELECT',
        name: 'tier',
        label: 'Tier',
        options: TIERS.map((value, position) => ({ label: value, value, position, color: 'blue' })),
      },
      { type: 'BOOLEAN', name: 'active', label: 'Active' },
      { type: 'DATE_TIME', name: 'dueAt', label: 'Due at' },
      { type: 'CURRENCY', name: 'budget', label: 'Budget' },
    ];
    for (const field of fields) {
      const created = await metadataGraphql(
        ws,
        `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
        { input: { field: { objectMetadataId, ...field } } },
      );
      expect(created.errors).toBeUndefined();
    }
    const records = fc.sample(
      fc.record({
        score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        label: fc.option(fc.constantFrom(...WORDS), { nil: null }),
        tier: fc.option(fc.constantFrom(...TIERS), { nil: null }),
        active: fc.boolean(),
        dueAt: fc.option(
          fc.constantFrom(...DATES, '2026-02-01T08:00:00.000Z', '2026-09-09T09:09:09.000Z'),
          { nil: null },
        ),
        budget: fc.record({
          amountMicros: fc.integer({ min: 0, max: 5 }).map((n) => n * 1_000_000),
          currencyCode: fc.constantFrom('USD', 'EUR'),
        }),
      }),
      { numRuns: 60, seed: 42 },
    );
    const response = await rest(ws, 'POST', '/rest/batch/gadgets', records);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('returns the same ids for random filters written both ways', async () => {
    const sizes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(treeArb, async (tree) => {
        const viaRest = await rest(
          ws,
          'GET',
          `/rest/gadgets?limit=200&filter=${encodeURIComponent(toRest(tree))}`,
        );
        expect(viaRest.status, `${toRest(tree)} → ${JSON.stringify(viaRest.body)}`).toBe(200);
        const viaGraphql = await coreGraphql(
          ws,
          `query($filter: GadgetFilterInput) { gadgets(filter: $filter) { totalCount edges { node { id } } } }`,
          { filter: toGraphql(tree) },
        );
        expect(viaGraphql.errors, JSON.stringify(viaGraphql.errors)).toBeUndefined();
        const restIds = viaRest.body.data.gadgets.map((g: any) => g.id).sort();
        const graphqlIds = viaGraphql.data!.gadgets.edges.map((e: any) => e.node.id).sort();
        expect(graphqlIds).toEqual(restIds);
        sizes.add(restIds.length);
        expect(viaGraphql.data!.gadgets.totalCount).toBe(viaRest.body.totalCount);
      }),
      { numRuns: 80, seed: 7 },
    );
    // The filters must discriminate: many different result sizes, not just "all" or "none".
    expect([...sizes].filter((size) => size > 0 && size < 60).length).toBeGreaterThan(10);
  });
});
