import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, metadataGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

describe.each(testEngines())('core GraphQL (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('nests three levels of relations in one query', async () => {
    const response = await coreGraphql(
      ws,
      `{ companies(first: 3, orderBy: [{ name: AscNullsFirst }]) { totalCount edges { node { name people(first: 5) { totalCount edges { node { name { firstName } company { name accountOwner { name { firstName } } } } } } } } } }`,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const companies = response.data!.companies;
    expect(companies.totalCount).toBe(8);
    for (const edge of companies.edges) {
      for (const person of edge.node.people.edges)
        expect(person.node.company.name).toBe(edge.node.name);
    }
    expect(companies.edges.some((edge: any) => edge.node.people.totalCount > 0)).toBe(true);
  });

  it('creates, updates, deletes, restores and destroys through Twenty’s mutation names', async () => {
    const created = await coreGraphql(
      ws,
      `mutation($data: PersonCreateInput!) { createPerson(data: $data) { id name { firstName lastName } emails { primaryEmail } createdBy { source } } }`,
      {
        data: {
          name: { firstName: 'Grace', lastName: 'Hopper' },
          emails: { primaryEmail: 'Grace@Navy.example' },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPerson.id;
    expect(created.data!.createPerson).toMatchObject({
      emails: { primaryEmail: 'grace@navy.example' },
      createdBy: { source: 'API' },
    });

    const many = await coreGraphql(
      ws,
      `mutation($data: [PersonCreateInput!]!) { createPeople(data: $data) { id jobTitle } }`,
      {
        data: [{ jobTitle: 'Bulk A' }, { jobTitle: 'Bulk B' }],
      },
    );
    expect(many.data!.createPeople).toHaveLength(2);

    const updated = await coreGraphql(
      ws,
      `mutation($id: UUID!) { updatePerson(id: $id, data: { jobTitle: "Rear Admiral" }) { jobTitle } }`,
      { id },
    );
    expect(updated.data!.updatePerson.jobTitle).toBe('Rear Admiral');

    const bulk = await coreGraphql(
      ws,
      `mutation { updatePeople(filter: { jobTitle: { like: "Bulk %" } }, data: { city: "x" }) { id } }`,
    );
    expect(bulk.errors?.[0]?.message).toMatch(/PersonUpdateInput|city/);
    const bulkOk = await coreGraphql(
      ws,
      `mutation { updatePeople(filter: { jobTitle: { like: "Bulk %" } }, data: { jobTitle: "Bulk done" }) { jobTitle } }`,
    );
    expect(bulkOk.data!.updatePeople.map((p: any) => p.jobTitle)).toEqual([
      'Bulk done',
      'Bulk done',
    ]);

    const empty = await coreGraphql(
      ws,
      `mutation { updatePeople(filter: {}, data: { jobTitle: "nope" }) { id } }`,
    );
    expect(empty.errors?.[0]).toMatchObject({
      message: 'A non-empty filter is required',
      extensions: { code: 'BAD_USER_INPUT', subCode: 'INVALID_QUERY_INPUT' },
    });

    const deleted = await coreGraphql(
      ws,
      `mutation($id: UUID!) { deletePerson(id: $id) { id deletedAt } }`,
      { id },
    );
    expect(deleted.data!.deletePerson.deletedAt).not.toBeNull();
    const missing = await coreGraphql(
      ws,
      `query($id: UUID!) { person(filter: { id: { eq: $id } }) { id } }`,
      { id },
    );
    expect(missing.errors?.[0]).toMatchObject({
      message: 'Record not found',
      extensions: {
        code: 'NOT_FOUND',
        userFriendlyMessage: 'This record does not exist or has been deleted.',
      },
    });
    expect(missing.data).toEqual({ person: null });

    const restored = await coreGraphql(
      ws,
      `mutation($id: UUID!) { restorePerson(id: $id) { id deletedAt } }`,
      { id },
    );
    expect(restored.data!.restorePerson.deletedAt).toBeNull();
    const destroyed = await coreGraphql(
      ws,
      `mutation($id: UUID!) { destroyPerson(id: $id) { id } }`,
      { id },
    );
    expect(destroyed.data!.destroyPerson.id).toBe(id);
    const destroyMany = await coreGraphql(
      ws,
      `mutation { destroyPeople(filter: { jobTitle: { eq: "Bulk done" } }) { id } }`,
    );
    expect(destroyMany.data!.destroyPeople).toHaveLength(2);
  });

  it('pages forward with first/after and backward with last/before', async () => {
    const all = await coreGraphql(
      ws,
      `{ people(orderBy: [{ name: { lastName: AscNullsLast } }]) { edges { node { id } } } }`,
    );
    const ids = all.data!.people.edges.map((edge: any) => edge.node.id);
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await coreGraphql(
        ws,
        `query($after: String) { people(first: 7, after: $after, orderBy: [{ name: { lastName: AscNullsLast } }]) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
      );
      forward.push(...page.data.people.edges.map((edge: any) => edge.node.id));
      if (!page.data.people.pageInfo.hasNextPage) break;
      after = page.data.people.pageInfo.endCursor;
    }
    expect(forward).toEqual(ids);
    const tail = await coreGraphql(
      ws,
      `{ people(last: 5, orderBy: [{ name: { lastName: AscNullsLast } }]) { pageInfo { hasPreviousPage startCursor } edges { node { id } } } }`,
    );
    expect(tail.data!.people.edges.map((edge: any) => edge.node.id)).toEqual(ids.slice(-5));
    const before = await coreGraphql(
      ws,
      `query($before: String) { people(last: 5, before: $before, orderBy: [{ name: { lastName: AscNullsLast } }]) { edges { node { id } } } }`,
      {
        before: tail.data!.people.pageInfo.startCursor,
      },
    );
    expect(before.data!.people.edges.map((edge: any) => edge.node.id)).toEqual(ids.slice(-10, -5));
    const conflict = await coreGraphql(ws, `{ people(first: 1, last: 1) { totalCount } }`);
    expect(conflict.errors?.[0]).toMatchObject({
      message: 'Cannot provide both first and last',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('serves a schema change to the very next request, on both APIs', async () => {
    const object = await metadataGraphql(
      ws,
      `mutation { createOneObject(input: { object: { nameSingular: "starship", namePlural: "starships", labelSingular: "Starship", labelPlural: "Starships" } }) { id } }`,
    );
    const objectId = object.data!.createOneObject.id;
    await metadataGraphql(
      ws,
      `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
      {
        input: {
          field: {
            objectMetadataId: objectId,
            type: 'SELECT',
            name: 'warpClass',
            label: 'Warp class',
            options: [
              { label: 'Low', value: 'LOW', color: 'green', position: 0 },
              { label: 'High', value: 'HIGH', color: 'red', position: 1 },
            ],
          },
        },
      },
    );
    const created = await coreGraphql(
      ws,
      `mutation { createStarship(data: { name: "Enterprise", warpClass: HIGH }) { id name warpClass } }`,
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    expect(created.data!.createStarship).toMatchObject({ name: 'Enterprise', warpClass: 'HIGH' });
    const listed = await rest(
      ws,
      'GET',
      `/rest/starships?filter=${encodeURIComponent('warpClass[eq]:HIGH')}`,
    );
    expect(listed.body.data.starships.map((s: any) => s.name)).toEqual(['Enterprise']);
    const badEnum = await coreGraphql(
      ws,
      `mutation { createStarship(data: { warpClass: LUDICROUS }) { id } }`,
    );
    expect(badEnum.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses one-to-many inside one-to-many and documents over 2,000 fields', async () => {
    const nested = await coreGraphql(
      ws,
      `{ companies { edges { node { people { edges { node { taskTargets { totalCount } } } } } } } }`,
    );
    expect(nested.errors?.[0]).toMatchObject({
      message:
        'Query complexity is too high. One-to-Many relation cannot be nested in another One-to-Many relation.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const aliases = Array.from({ length: 2001 }, (_, i) => `f${i}: id`).join(' ');
    const huge = await coreGraphql(ws, `{ people(first: 1) { edges { node { ${aliases} } } } }`);
    expect(huge.errors?.[0]?.message).toMatch(
      /^Query too complex - Too many fields requested: \d+ - Maximum allowed fields: 2000$/,
    );
  });

  it('computes connection aggregates over the filtered records', async () => {
    const all = await rest(ws, 'GET', '/rest/opportunities?limit=200');
    const opportunities = all.body.data.opportunities;
    const response = await coreGraphql(
      ws,
      `{ opportunities(first: 1) { totalCount sumAmountAmountMicros maxAmountAmountMicros countEmptyCloseDate percentageEmptyCloseDate countUniqueValuesStage countNotEmptyName } }`,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const aggregates = response.data!.opportunities;
    const amounts = opportunities.map((o: any) => Number(o.amount.amountMicros ?? 0));
    expect(aggregates.totalCount).toBe(opportunities.length);
    expect(aggregates.sumAmountAmountMicros).toBe(
      amounts.reduce((a: number, b: number) => a + b, 0),
    );
    expect(aggregates.maxAmountAmountMicros).toBe(Math.max(...amounts));
    const emptyClose = opportunities.filter((o: any) => o.closeDate === null).length;
    expect(aggregates.countEmptyCloseDate).toBe(emptyClose);
    expect(aggregates.percentageEmptyCloseDate).toBeCloseTo(emptyClose / opportunities.length, 6);
    expect(aggregates.countUniqueValuesStage).toBe(
      new Set(opportunities.map((o: any) => o.stage)).size,
    );
    expect(aggregates.countNotEmptyName).toBe(opportunities.filter((o: any) => o.name).length);
    const filtered = await coreGraphql(
      ws,
      `{ opportunities(filter: { stage: { eq: PROPOSAL } }) { totalCount countNotEmptyName } }`,
    );
    expect(filtered.data!.opportunities.countNotEmptyName).toBe(
      opportunities.filter((o: any) => o.stage === 'PROPOSAL').length,
    );
  });

  it('counts true and false values of a boolean field, and dates’ earliest and latest', async () => {
    const objects = await metadataGraphql(
      ws,
      '{ objects(paging: { first: 200 }) { edges { node { id nameSingular } } } }',
    );
    const task = objects.data!.objects.edges.find((e: any) => e.node.nameSingular === 'task').node;
    for (const field of [
      { type: 'BOOLEAN', name: 'billable', label: 'Billable' },
      { type: 'DATE', name: 'plannedOn', label: 'Planned on' },
    ]) {
      const created = await metadataGraphql(
        ws,
        'mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }',
        { input: { field: { objectMetadataId: task.id, ...field } } },
      );
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    }
    await rest(ws, 'POST', '/rest/batch/tasks', [
      { title: 'Agg A', billable: true, plannedOn: '2026-01-05' },
      { title: 'Agg B', billable: true, plannedOn: '2026-03-01' },
      { title: 'Agg C', billable: false },
    ]);
    const response = await coreGraphql(
      ws,
      `{ tasks(filter: { title: { like: "Agg %" } }) { countTrueBillable countFalseBillable minPlannedOn maxPlannedOn } }`,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data!.tasks).toMatchObject({ countTrueBillable: 2, countFalseBillable: 1 });
    expect(String(response.data!.tasks.minPlannedOn)).toContain('2026-01-05');
    expect(String(response.data!.tasks.maxPlannedOn)).toContain('2026-03-01');
  });

  it('accepts nullable variables where Twenty’s tests send them, and answers errors as {message, extensions}', async () => {
    const found = await coreGraphql(
      ws,
      `query($filter: PersonFilterInput) { person(filter: $filter) { id } }`,
      { filter: { jobTitle: { is: 'NOT_NULL' } } },
    );
    expect(found.errors, JSON.stringify(found.errors)).toBeUndefined();
    const guard = await coreGraphql(
      ws,
      `mutation($data: PersonUpdateInput, $filter: PersonFilterInput) { updatePeople(data: $data, filter: $filter) { id } }`,
      {
        data: { jobTitle: 'x' },
        filter: {},
      },
    );
    expect(guard.data).toEqual({ updatePeople: null });
    expect(guard.errors).toEqual([
      {
        message: 'A non-empty filter is required',
        extensions: {
          code: 'BAD_USER_INPUT',
          subCode: 'INVALID_QUERY_INPUT',
          userFriendlyMessage: 'An error occurred.',
        },
      },
    ]);
  });

  it('refuses bulk mutations whose filter compares nothing, and touches no record', async () => {
    const count = async () =>
      (await coreGraphql(ws, `{ people { totalCount } }`)).data!.people.totalCount as number;
    const before = await count();
    for (const filter of [
      { and: [] },
      { or: [] },
      { and: [{}] },
      { or: [{}, {}] },
      { name: {} },
      { not: {} },
    ]) {
      for (const verb of ['destroyPeople', 'deletePeople']) {
        const refused = await coreGraphql(
          ws,
          `mutation($filter: PersonFilterInput!) { ${verb}(filter: $filter) { id } }`,
          { filter },
        );
        expect(refused.data, `${verb} ${JSON.stringify(filter)}`).toEqual({ [verb]: null });
        expect(refused.errors?.[0]?.message).toBe('A non-empty filter is required');
      }
    }
    expect(await count()).toBe(before);
    // A real comparison beside an empty group still selects (and only selects) its records.
    const target = (await coreGraphql(ws, `{ people(first: 1) { edges { node { id } } } }`)).data!
      .people.edges[0].node.id;
    const updated = await coreGraphql(
      ws,
      `mutation($filter: PersonFilterInput!) { updatePeople(data: { jobTitle: "Scoped" }, filter: $filter) { id } }`,
      { filter: { or: [{}, { id: { eq: target } }] } },
    );
    expect(updated.data!.updatePeople).toEqual([{ id: target }]);
    const restRefused = await rest(
      ws,
      'DELETE',
      `/rest/people?filter=${encodeURIComponent('and()')}`,
    );
    expect(restRefused.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('keeps a creation date given on create, over REST and GraphQL, and not on update', async () => {
    const created = await rest(ws, 'POST', '/rest/companies', {
      name: 'Founded earlier',
      createdAt: '2020-02-05T08:00:00.000Z',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data.createCompany.createdAt).toBe('2020-02-05T08:00:00.000Z');
    const viaGraphql = await coreGraphql(
      ws,
      `mutation { createCompany(data: { name: "Also earlier", createdAt: "2020-03-01T00:00:00.000Z" }) { id createdAt } }`,
    );
    expect(viaGraphql.errors, JSON.stringify(viaGraphql.errors)).toBeUndefined();
    expect(viaGraphql.data!.createCompany.createdAt).toBe('2020-03-01T00:00:00.000Z');
    const found = await rest(
      ws,
      'GET',
      `/rest/companies?filter=${encodeURIComponent("createdAt[lte]:'2020-12-31T00:00:00.000Z'")}`,
    );
    expect(found.body.data.companies.map((c: any) => c.name).sort()).toEqual([
      'Also earlier',
      'Founded earlier',
    ]);
    const update = await coreGraphql(
      ws,
      `mutation($id: UUID!) { updateCompany(id: $id, data: { createdAt: "2021-01-01T00:00:00.000Z" }) { id } }`,
      { id: viaGraphql.data!.createCompany.id },
    );
    expect(update.errors?.[0]?.message).toContain(
      '"createdAt" is not defined by type "CompanyUpdateInput"',
    );
  });

  it('groups records by fields, sub-fields and date granularity, over REST and GraphQL', async () => {
    const all = (await rest(ws, 'GET', '/rest/opportunities?limit=200')).body.data.opportunities;
    const byStage = new Map<string, any[]>();
    for (const opportunity of all)
      byStage.set(opportunity.stage, [...(byStage.get(opportunity.stage) ?? []), opportunity]);

    const restGroups = await rest(
      ws,
      'GET',
      `/rest/opportunities/groupBy?group_by=${encodeURIComponent('[{"stage":true}]')}&aggregate=${encodeURIComponent('["totalCount","countNotEmptyName"]')}&include_records_sample=true`,
    );
    expect(restGroups.status, JSON.stringify(restGroups.body)).toBe(200);
    expect(Array.isArray(restGroups.body)).toBe(true);
    expect(restGroups.body.map((g: any) => g.groupByDimensionValues[0]).sort()).toEqual(
      [...byStage.keys()].sort(),
    );
    for (const group of restGroups.body) {
      const members = byStage.get(group.groupByDimensionValues[0])!;
      expect(group.totalCount).toBe(members.length);
      // Twenty samples RECORDS_PER_GROUP_LIMIT (10) records per group.
      expect(group.records).toHaveLength(Math.min(10, members.length));
      const memberIds = new Set(members.map((m) => m.id));
      for (const record of group.records) expect(memberIds.has(record.id)).toBe(true);
    }

    const days = await rest(
      ws,
      'GET',
      `/rest/opportunities/groupBy?group_by=${encodeURIComponent('[{"closeDate":{"granularity":"DAY_OF_THE_WEEK"}},{"amount":{"currencyCode":true}}]')}&aggregate=${encodeURIComponent('["totalCount"]')}`,
    );
    expect(days.status, JSON.stringify(days.body)).toBe(200);
    const weekdays = [
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
      null,
    ];
    for (const group of days.body) expect(weekdays).toContain(group.groupByDimensionValues[0]);
    expect(days.body.reduce((sum: number, g: any) => sum + g.totalCount, 0)).toBe(all.length);

    const graphql = await coreGraphql(
      ws,
      `{ opportunitiesGroupBy(groupBy: [{ stage: true }]) { groupByDimensionValues totalCount sumAmountAmountMicros edges { node { id } } } }`,
    );
    expect(graphql.errors, JSON.stringify(graphql.errors)).toBeUndefined();
    for (const group of graphql.data!.opportunitiesGroupBy) {
      const members = byStage.get(group.groupByDimensionValues[0])!;
      expect(group.totalCount).toBe(members.length);
      expect(group.sumAmountAmountMicros).toBe(
        members.reduce((sum, m) => sum + Number(m.amount.amountMicros ?? 0), 0),
      );
      expect(group.edges).toHaveLength(Math.min(10, members.length));
    }
    const bad = await rest(
      ws,
      'GET',
      `/rest/opportunities/groupBy?group_by=${encodeURIComponent('[{"stage":true}]')}&aggregate=${encodeURIComponent('["nope"]')}`,
    );
    expect(bad.status).toBe(400);
  });

  it('requires a token and answers bad ones as Twenty does', async () => {
    const none = await coreGraphql(ws, '{ people { totalCount } }', undefined, null);
    expect(none.errors?.[0]).toMatchObject({
      message: 'Missing authentication token',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const bad = await coreGraphql(ws, '{ people { totalCount } }', undefined, 'nope');
    expect(bad.errors?.[0]).toMatchObject({
      message: 'Token invalid.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
