import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/**
 * Group-by arguments as Twenty's (docs/twenty-fidelity.md "Group-by arguments"): REST `order_by`,
 * `order_by_for_records`, `viewId`; GraphQL `orderBy`, `orderByForRecords`, `viewId`,
 * `offsetForRecords`; date buckets in a time zone with a week start day.
 */
const OPPORTUNITIES = [
  // Monday 3 Feb 2020 (UTC and Paris).
  { name: 'GB Alpha', stage: 'NEW', createdAt: '2020-02-03T08:00:00.000Z' },
  // Wednesday 5 Feb 2020.
  { name: 'GB Bravo', stage: 'NEW', createdAt: '2020-02-05T08:00:00.000Z' },
  // Sunday 1 March in UTC, Monday 2 March 00:30 in Paris.
  { name: 'GB Charlie', stage: 'SCREENING', createdAt: '2020-03-01T23:30:00.000Z' },
  // Friday 31 January in UTC, Saturday 1 February 00:30 in Paris.
  { name: 'GB Delta', stage: 'NEW', createdAt: '2020-01-31T23:30:00.000Z' },
];
const REST_FILTER = encodeURIComponent(`name[startsWith]:'GB '`);
const GQL_FILTER = { name: { startsWith: 'GB ' } };
const groupBy = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe.each(testEngines())('group-by arguments (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
    for (const opportunity of OPPORTUNITIES) {
      const created = await rest(ws, 'POST', '/rest/opportunities', opportunity);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  const restGroups = async (params: string) => {
    const response = await rest(
      ws,
      'GET',
      `/rest/opportunities/groupBy?filter=${REST_FILTER}&${params}`,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as any[];
  };

  it('REST: order_by_for_records orders each group’s sample; no aggregate, no totalCount', async () => {
    const byStage = `group_by=${groupBy([{ stage: true }])}&include_records_sample=true`;
    const descending = await restGroups(
      `${byStage}&order_by_for_records=${encodeURIComponent('name[DescNullsFirst]')}`,
    );
    const newGroup = descending.find((group) => group.groupByDimensionValues[0] === 'NEW');
    expect(newGroup.records.map((record: any) => record.name)).toEqual([
      'GB Delta',
      'GB Bravo',
      'GB Alpha',
    ]);
    expect(Object.keys(newGroup).sort()).toEqual(['groupByDimensionValues', 'records']);
    const ascending = await restGroups(
      `${byStage}&order_by_for_records=${encodeURIComponent('name[AscNullsFirst]')}`,
    );
    expect(
      ascending
        .find((group) => group.groupByDimensionValues[0] === 'NEW')
        .records.map((record: any) => record.name),
    ).toEqual(['GB Alpha', 'GB Bravo', 'GB Delta']);
  });

  it('REST: order_by orders the groups by aggregate or dimension, and is validated', async () => {
    const base = `group_by=${groupBy([{ stage: true }])}&aggregate=${groupBy(['totalCount'])}`;
    const byCount = await restGroups(
      `${base}&order_by=${groupBy([{ aggregate: { totalCount: 'AscNullsFirst' } }])}`,
    );
    expect(byCount.map((group) => [group.groupByDimensionValues[0], group.totalCount])).toEqual([
      ['SCREENING', 1],
      ['NEW', 3],
    ]);
    const byStageDesc = await restGroups(
      `${base}&order_by=${groupBy([{ stage: 'DescNullsLast' }])}`,
    );
    expect(byStageDesc.map((group) => group.groupByDimensionValues[0])).toEqual([
      'SCREENING',
      'NEW',
    ]);
    const notJson = await rest(
      ws,
      'GET',
      `/rest/opportunities/groupBy?${base}&order_by=${encodeURIComponent('stage[Asc')}`,
    );
    expect(notJson.status).toBe(400);
    expect(JSON.stringify(notJson.body)).toContain('Invalid order_by query parameter');
    const notGrouped = await rest(
      ws,
      'GET',
      `/rest/opportunities/groupBy?${base}&order_by=${groupBy([{ name: 'AscNullsFirst' }])}`,
    );
    expect(notGrouped.status).toBe(400);
    expect(JSON.stringify(notGrouped.body)).toContain(
      'Cannot order by a field that is not an aggregate nor in groupBy criteria: name.',
    );
  });

  it('REST and GraphQL: viewId adds the view’s filters', async () => {
    const objects = await rest(ws, 'GET', '/rest/metadata/objects?limit=200');
    const list = objects.body.data.objects ?? objects.body.data;
    const opportunity = list.find((object: any) => object.nameSingular === 'opportunity');
    const stage = opportunity.fields.find((field: any) => field.name === 'stage');
    const view = await rest(ws, 'POST', '/rest/metadata/views', {
      name: 'Screening only',
      icon: 'IconList',
      objectMetadataId: opportunity.id,
    });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
    const filter = await rest(ws, 'POST', '/rest/metadata/viewFilters', {
      viewId: view.body.id,
      fieldMetadataId: stage.id,
      operand: 'IS',
      value: ['SCREENING'],
    });
    expect(filter.status, JSON.stringify(filter.body)).toBe(201);

    const viaRest = await restGroups(
      `group_by=${groupBy([{ stage: true }])}&aggregate=${groupBy(['totalCount'])}&viewId=${view.body.id}`,
    );
    expect(viaRest).toEqual([{ totalCount: 1, groupByDimensionValues: ['SCREENING'] }]);

    const viaGraphql = await coreGraphql(
      ws,
      `query OpportunitiesGroupBy($groupBy: [OpportunityGroupByInput!]!, $filter: OpportunityFilterInput, $orderBy: [OpportunityOrderByWithGroupByInput!], $viewId: UUID, $limit: Int) {
        opportunitiesGroupBy(groupBy: $groupBy, filter: $filter, orderBy: $orderBy, viewId: $viewId, limit: $limit) { groupByDimensionValues totalCount }
      }`,
      {
        groupBy: [{ stage: true }],
        filter: GQL_FILTER,
        orderBy: [],
        viewId: view.body.id,
        limit: 10,
      },
    );
    expect(viaGraphql.errors, JSON.stringify(viaGraphql.errors)).toBeUndefined();
    expect(viaGraphql.data!.opportunitiesGroupBy).toEqual([
      { groupByDimensionValues: ['SCREENING'], totalCount: 1 },
    ]);
  });

  it('GraphQL: orderBy, orderByForRecords, offsetForRecords and aggregates per group', async () => {
    const response = await coreGraphql(
      ws,
      `query($filter: OpportunityFilterInput) {
        opportunitiesGroupBy(
          groupBy: [{ stage: true }]
          filter: $filter
          orderBy: [{ aggregate: { totalCount: DescNullsLast } }]
          orderByForRecords: [{ name: DescNullsFirst }]
        ) { groupByDimensionValues totalCount minCreatedAt edges { node { id name } } }
      }`,
      { filter: GQL_FILTER },
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const groups = response.data!.opportunitiesGroupBy;
    expect(groups.map((group: any) => group.groupByDimensionValues)).toEqual([
      ['NEW'],
      ['SCREENING'],
    ]);
    expect(groups[0].totalCount).toBe(3);
    expect(new Date(groups[0].minCreatedAt).toISOString()).toBe('2020-01-31T23:30:00.000Z');
    expect(groups[0].edges.map((edge: any) => edge.node.name)).toEqual([
      'GB Delta',
      'GB Bravo',
      'GB Alpha',
    ]);
    const offset = await coreGraphql(
      ws,
      `query($filter: OpportunityFilterInput) {
        opportunitiesGroupBy(
          groupBy: [{ stage: true }]
          filter: $filter
          orderBy: [{ stage: AscNullsFirst }]
          orderByForRecords: [{ name: AscNullsFirst }]
          offsetForRecords: 1
        ) { groupByDimensionValues edges { node { name } } }
      }`,
      { filter: GQL_FILTER },
    );
    expect(offset.errors, JSON.stringify(offset.errors)).toBeUndefined();
    expect(
      offset.data!.opportunitiesGroupBy.map((group: any) => [
        group.groupByDimensionValues[0],
        group.edges.map((edge: any) => edge.node.name),
      ]),
    ).toEqual([
      ['NEW', ['GB Bravo', 'GB Delta']],
      ['SCREENING', []],
    ]);
    const notGrouped = await coreGraphql(
      ws,
      `{ opportunitiesGroupBy(groupBy: [{ stage: true }], orderBy: [{ name: AscNullsFirst }]) { totalCount } }`,
    );
    expect(notGrouped.errors?.[0]?.message).toBe(
      'Cannot order by a field that is not an aggregate nor in groupBy criteria: name.',
    );
  });

  it('date buckets in a time zone: MONTH and WEEK keyed by their first day', async () => {
    const month = await coreGraphql(
      ws,
      `query($filter: OpportunityFilterInput) {
        opportunitiesGroupBy(
          groupBy: [{ createdAt: { granularity: MONTH, timeZone: "Europe/Paris" } }]
          filter: $filter
          orderBy: [{ createdAt: { orderBy: AscNullsFirst, granularity: MONTH } }]
        ) { groupByDimensionValues totalCount }
      }`,
      { filter: GQL_FILTER },
    );
    expect(month.errors, JSON.stringify(month.errors)).toBeUndefined();
    expect(month.data!.opportunitiesGroupBy).toEqual([
      { groupByDimensionValues: ['2020-02-01'], totalCount: 3 },
      { groupByDimensionValues: ['2020-03-01'], totalCount: 1 },
    ]);

    const weeks = await restGroups(
      `group_by=${groupBy([{ createdAt: { granularity: 'WEEK', timeZone: 'Europe/Paris' } }])}&aggregate=${groupBy(['totalCount'])}&order_by=${groupBy([{ createdAt: { orderBy: 'AscNullsFirst', granularity: 'WEEK' } }])}`,
    );
    expect(weeks.map((group) => [group.groupByDimensionValues[0], group.totalCount])).toEqual([
      ['2020-01-27', 1],
      ['2020-02-03', 2],
      ['2020-03-02', 1],
    ]);
    const sundayWeeks = await restGroups(
      `group_by=${groupBy([{ createdAt: { granularity: 'WEEK', timeZone: 'UTC', weekStartDay: 'SUNDAY' } }])}&aggregate=${groupBy(['totalCount'])}`,
    );
    expect(sundayWeeks.map((group) => [group.groupByDimensionValues[0], group.totalCount])).toEqual(
      [
        ['2020-01-26', 1],
        ['2020-02-02', 2],
        ['2020-03-01', 1],
      ],
    );

    const noZone = await rest(
      ws,
      'GET',
      `/rest/opportunities/groupBy?group_by=${groupBy([{ createdAt: { granularity: 'MONTH' } }])}`,
    );
    expect(noZone.status).toBe(400);
    expect(JSON.stringify(noZone.body)).toContain(
      'Time zone should be specified for a group by date on Day, Week, Month, Quarter or Year',
    );
    const badZone = await rest(
      ws,
      'GET',
      `/rest/opportunities/groupBy?group_by=${groupBy([{ createdAt: { granularity: 'DAY', timeZone: 'Mars/Olympus' } }])}`,
    );
    expect(badZone.status).toBe(400);
    expect(JSON.stringify(badZone.body)).toContain('Invalid timezone: Mars/Olympus');
  });
});
