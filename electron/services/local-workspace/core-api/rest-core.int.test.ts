import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

describe.each(testEngines())('core REST records (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('creates (201), reads, updates, soft-deletes, restores and destroys a record', async () => {
    const created = await rest(ws, 'POST', '/rest/people', {
      name: { firstName: 'Ada', lastName: 'Lovelace' },
      emails: { primaryEmail: 'ADA@Example.COM', additionalEmails: ['Ada2@Example.com'] },
      jobTitle: 'CTO',
    });
    expect(created.status).toBe(201);
    const person = created.body.data.createPerson;
    expect(person).toMatchObject({
      name: { firstName: 'Ada', lastName: 'Lovelace' },
      emails: { primaryEmail: 'ada@example.com', additionalEmails: ['ada2@example.com'] },
      jobTitle: 'CTO',
      deletedAt: null,
      createdBy: { source: 'API', workspaceMemberId: null },
    });
    expect(person.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const one = await rest(ws, 'GET', `/rest/people/${person.id}`);
    expect(one.body.data.person.id).toBe(person.id);

    const updated = await rest(ws, 'PATCH', `/rest/people/${person.id}`, { jobTitle: 'Countess' });
    expect(updated.body.data.updatePerson).toMatchObject({
      id: person.id,
      jobTitle: 'Countess',
      name: { firstName: 'Ada' },
    });

    const soft = await rest(ws, 'DELETE', `/rest/people/${person.id}?soft_delete=true`);
    expect(soft.body.data.deletePerson.deletedAt).not.toBeNull();
    expect((await rest(ws, 'GET', `/rest/people/${person.id}`)).status).toBe(404);
    const trash = await rest(ws, 'GET', `/rest/people${q({ filter: 'deletedAt[is]:NOT_NULL' })}`);
    expect(trash.body.data.people.map((p: any) => p.id)).toContain(person.id);

    const restored = await rest(ws, 'PATCH', `/rest/people/${person.id}/restore`);
    expect(restored.body.data.restorePerson.deletedAt).toBeNull();

    const destroyed = await rest(ws, 'DELETE', `/rest/people/${person.id}`);
    expect(destroyed.body).toEqual({ data: { deletePerson: { id: person.id } } });
    expect(await rest(ws, 'GET', `/rest/people/${person.id}`)).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'NotFoundException', messages: ['Record not found'] },
    });
  });

  it('batch-creates through /rest/batch and refuses more than 200 records', async () => {
    const companies = Array.from({ length: 3 }, (_, i) => ({
      name: `Batch Co ${i}`,
      domainName: { primaryLinkUrl: `https://batch${i}.example/` },
    }));
    const created = await rest(ws, 'POST', '/rest/batch/companies', companies);
    expect(created.status).toBe(201);
    expect(created.body.data.createCompanies).toHaveLength(3);
    expect(created.body.data.createCompanies[0].domainName.primaryLinkUrl).toBe(
      'https://batch0.example',
    );
    const tooMany = await rest(
      ws,
      'POST',
      '/rest/batch/companies',
      Array.from({ length: 201 }, (_, i) => ({ name: `X${i}` })),
    );
    expect(tooMany).toMatchObject({
      status: 400,
      body: { messages: ['Maximum number of records to upsert is 200.'] },
    });
    const wrongPath = await rest(ws, 'POST', '/rest/companies/batch', companies);
    expect(wrongPath).toMatchObject({
      status: 400,
      body: { messages: ["'batch' is not a valid UUID"] },
    });
  });

  it('answers unknown objects, bad ids and bad parameters as Twenty does', async () => {
    expect((await rest(ws, 'GET', '/rest/person')).body.messages).toEqual([
      "object 'person' not found. Did you mean 'people'?",
    ]);
    expect((await rest(ws, 'GET', '/rest/gizmos')).body.messages).toEqual([
      "object 'gizmos' not found. eg: companies",
    ]);
    expect((await rest(ws, 'GET', '/rest/people/abc')).body.messages).toEqual([
      "'abc' is not a valid UUID",
    ]);
    expect((await rest(ws, 'GET', `/rest/people${q({ limit: 'x' })}`)).body.messages).toEqual([
      "limit 'x' is invalid. Should be an integer",
    ]);
    expect((await rest(ws, 'GET', `/rest/people${q({ depth: '2' })}`)).body.messages).toEqual([
      "'depth=2' parameter invalid. Allowed values are 0, 1",
    ]);
    expect(
      (await rest(ws, 'GET', `/rest/people${q({ filter: 'jobTitle[regex]:x' })}`)).body.messages[0],
    ).toMatch(/comparator regex not in eq, neq, in/);
    expect(
      (await rest(ws, 'GET', `/rest/people${q({ filter: 'and(jobTitle[eq]:x' })}`)).body.messages,
    ).toEqual(["'filter' invalid. 1 close bracket is missing in the query"]);
    expect(
      (await rest(ws, 'GET', `/rest/people${q({ filter: 'not(jobTitle[eq]:a,jobTitle[eq]:b)' })}`))
        .body.messages,
    ).toEqual([
      "'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)",
    ]);
    expect(
      (await rest(ws, 'GET', `/rest/people${q({ filter: 'jobTitle[in]:x' })}`)).body.messages[0],
    ).toMatch(/array value expected/);
    expect(
      (await rest(ws, 'GET', `/rest/people${q({ order_by: 'jobTitle[Up]' })}`)).body.messages[0],
    ).toMatch(/^'order_by' direction 'Up' invalid/);
    expect(
      (await rest(ws, 'GET', `/rest/people${q({ starting_after: 'garbage' })}`)).body.messages,
    ).toEqual(['Invalid cursor: garbage']);
    const unknownField = await rest(ws, 'POST', '/rest/people', { nickname: 'x' });
    expect(unknownField).toMatchObject({
      status: 400,
      body: { messages: ['Object person doesn\'t have any "nickname" field.'] },
    });
    const noToken = await rest(ws, 'GET', '/rest/people', undefined, null);
    expect(noToken).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        messages: ['Missing authentication token'],
        error: 'FORBIDDEN_EXCEPTION',
      },
    });
  });

  it('filters with every REST comparator, conjunctions and composite sub-fields', async () => {
    const seed = [
      { title: 'Alpha report', status: 'TODO', dueAt: '2026-01-10T00:00:00.000Z' },
      { title: 'Beta review', status: 'IN_PROGRESS', dueAt: '2026-02-10T00:00:00.000Z' },
      { title: 'Gamma (final), shipped', status: 'DONE', dueAt: null },
    ];
    await rest(ws, 'POST', '/rest/batch/tasks', seed);
    const titles = async (filter: string) => {
      const response = await rest(ws, 'GET', `/rest/tasks${q({ filter, order_by: 'title' })}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.data.tasks.map((task: any) => task.title);
    };
    expect(await titles('status[eq]:TODO')).toEqual(['Alpha report']);
    expect(await titles('status[neq]:TODO')).toEqual(['Beta review', 'Gamma (final), shipped']);
    expect(await titles('status[in]:[TODO,DONE]')).toEqual([
      'Alpha report',
      'Gamma (final), shipped',
    ]);
    expect(await titles('dueAt[gt]:2026-01-15T00:00:00Z')).toEqual(['Beta review']);
    expect(await titles('dueAt[lte]:2026-02-10T00:00:00.000Z')).toEqual([
      'Alpha report',
      'Beta review',
    ]);
    expect(await titles('dueAt[is]:NULL')).toEqual(['Gamma (final), shipped']);
    expect(await titles('title[startsWith]:Al')).toEqual(['Alpha report']);
    expect(await titles('title[endsWith]:review')).toEqual(['Beta review']);
    expect(await titles('title[like]:%eta%')).toEqual(['Beta review']);
    expect(await titles('title[ilike]:%ALPHA%')).toEqual(['Alpha report']);
    expect(await titles('title[eq]:"Gamma (final), shipped"')).toEqual(['Gamma (final), shipped']);
    expect(await titles('or(status[eq]:TODO,status[eq]:DONE)')).toEqual([
      'Alpha report',
      'Gamma (final), shipped',
    ]);
    expect(await titles('not(status[eq]:TODO)')).toEqual(['Beta review', 'Gamma (final), shipped']);
    expect(await titles('and(status[neq]:TODO,or(title[ilike]:%beta%,dueAt[is]:NULL))')).toEqual([
      'Beta review',
      'Gamma (final), shipped',
    ]);
    const money = await rest(ws, 'POST', '/rest/batch/opportunities', [
      { name: 'Small', amount: { amountMicros: 1000000, currencyCode: 'USD' } },
      { name: 'Large', amount: { amountMicros: 9000000000, currencyCode: 'EUR' } },
    ]);
    expect(money.status).toBe(201);
    const big = await rest(
      ws,
      'GET',
      `/rest/opportunities${q({ filter: 'amount.amountMicros[gte]:2000000,amount.currencyCode[eq]:EUR' })}`,
    );
    expect(big.body.data.opportunities.map((o: any) => o.name)).toEqual(['Large']);
  });

  it('pages through 1,000 records in both directions without gaps or repeats', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({
      name: `Page Co ${String(i).padStart(4, '0')}`,
      employees: i % 7,
    }));
    for (let i = 0; i < records.length; i += 200) {
      const response = await rest(
        ws,
        'POST',
        '/rest/batch/companies',
        records.slice(i, i + 200).map(({ name }) => ({ name })),
      );
      expect(response.status).toBe(201);
    }
    const filter = 'name[like]:Page Co %';
    const order = 'name[DescNullsLast]';
    const forward: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let lastEndCursor: string | undefined;
    for (;;) {
      const response: { body: any } = await rest(
        ws,
        'GET',
        `/rest/companies${q({ filter, order_by: order, limit: '75', ...(cursor ? { starting_after: cursor } : {}) })}`,
      );
      expect(response.body.totalCount).toBe(1000);
      forward.push(...response.body.data.companies.map((c: any) => c.name));
      pages += 1;
      lastEndCursor = response.body.pageInfo.endCursor;
      if (!response.body.pageInfo.hasNextPage) break;
      cursor = response.body.pageInfo.endCursor;
    }
    expect(pages).toBe(14);
    expect(forward).toHaveLength(1000);
    expect(new Set(forward).size).toBe(1000);
    expect(forward).toEqual([...forward].sort().reverse());

    // Walk back from the very last record: every record before it, once, in order.
    const backward: string[] = [];
    cursor = lastEndCursor ?? null;
    for (;;) {
      const response: { body: any } = await rest(
        ws,
        'GET',
        `/rest/companies${q({ filter, order_by: order, limit: '90', ending_before: cursor! })}`,
      );
      const names = response.body.data.companies.map((c: any) => c.name);
      backward.unshift(...names);
      if (!response.body.pageInfo.hasPreviousPage) break;
      cursor = response.body.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward.slice(0, -1));
  });

  it('canonicalises e-mail domains as Twenty does (punycode, full-width dots, trailing dot)', async () => {
    const created = await rest(ws, 'POST', '/rest/people', {
      emails: { primaryEmail: 'test.UPPER@💩。LA.', additionalEmails: ['user@München．DE.'] },
    });
    expect(created.body.data.createPerson.emails).toEqual({
      primaryEmail: 'test.upper@xn--ls8h.la',
      additionalEmails: ['user@xn--mnchen-3ya.de'],
    });
  });

  it('stores phones as national numbers with their country, as Twenty does', async () => {
    const created = await rest(ws, 'POST', '/rest/people', {
      phones: {
        primaryPhoneNumber: '01234567890',
        primaryPhoneCountryCode: 'FR',
        primaryPhoneCallingCode: '+33',
      },
    });
    expect(created.body.data.createPerson.phones).toMatchObject({
      primaryPhoneNumber: '1234567890',
      primaryPhoneCountryCode: 'FR',
      primaryPhoneCallingCode: '+33',
    });
    const found = await rest(
      ws,
      'GET',
      `/rest/people${q({ filter: 'phones.primaryPhoneNumber[eq]:"1234567890"' })}`,
    );
    expect(found.body.data.people.map((p: any) => p.id)).toEqual([
      created.body.data.createPerson.id,
    ]);
  });

  it('refuses select values that are not options, with Twenty’s message', async () => {
    const response = await rest(ws, 'POST', '/rest/opportunities', { stage: 'INVALID_ENUM_VALUE' });
    expect(response).toMatchObject({
      status: 400,
      body: {
        error: 'BadRequestException',
        messages: [`Invalid value 'INVALID_ENUM_VALUE' for field "stage"`],
      },
    });
  });

  it('answers values the field type refuses with a 400 and keeps serving', async () => {
    // Twenty's filter validation refuses them before any SQL (see filter-validation.int.test.ts).
    for (const [filter, message] of [
      ['id[eq]:"invalid-uuid"', `Invalid UUID value 'invalid-uuid' for field "id"`],
      [
        'createdAt[eq]:"not-a-date-time"',
        `Invalid value 'not-a-date-time' for date-time field "createdAt". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'`,
      ],
      ['companyId[eq]:invalid', `Invalid UUID value 'invalid' for field "companyId"`],
    ]) {
      const response = await rest(ws, 'GET', `/rest/people${q({ filter: filter! })}`);
      expect(response.status, filter).toBe(400);
      expect(response.body.messages[0]).toBe(message);
    }
    const bulk = await rest(ws, 'DELETE', `/rest/people${q({ filter: 'id[eq]:"invalid-uuid"' })}`);
    expect(bulk.status).toBe(400);
    const graphql = await coreGraphql(
      ws,
      `{ people(filter: { createdAt: { eq: "not-a-date-time" } }) { totalCount } }`,
    );
    expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await rest(ws, 'GET', '/rest/people?limit=1')).status).toBe(200);
  });

  it('nests relations with depth=1: to-one objects and to-many arrays', async () => {
    const company = (await rest(ws, 'POST', '/rest/companies', { name: 'Depth Co' })).body.data
      .createCompany;
    const people = await rest(ws, 'POST', '/rest/batch/people', [
      { name: { firstName: 'A', lastName: 'One' }, companyId: company.id },
      { name: { firstName: 'B', lastName: 'Two' }, companyId: company.id },
    ]);
    const personId = people.body.data.createPeople[0].id;
    const withPeople = await rest(ws, 'GET', `/rest/companies/${company.id}?depth=1`);
    expect(withPeople.body.data.company.people.map((p: any) => p.name.lastName).sort()).toEqual([
      'One',
      'Two',
    ]);
    expect(withPeople.body.data.company.people[0].company).toBeUndefined();
    const withCompany = await rest(ws, 'GET', `/rest/people/${personId}?depth=1`);
    expect(withCompany.body.data.person.company).toMatchObject({
      id: company.id,
      name: 'Depth Co',
    });
    const flat = await rest(ws, 'GET', `/rest/people/${personId}`);
    expect(flat.body.data.person.company).toBeUndefined();
    const createdDeep = await rest(ws, 'POST', '/rest/people?depth=1', {
      name: { firstName: 'C' },
      companyId: company.id,
    });
    expect(createdDeep.body.data.createPerson.company).toMatchObject({
      id: company.id,
      name: 'Depth Co',
    });
    const updatedDeep = await rest(ws, 'PATCH', `/rest/people/${personId}?depth=1`, {
      jobTitle: 'Deep',
    });
    expect(updatedDeep.body.data.updatePerson.company.name).toBe('Depth Co');
    const projected = await rest(ws, 'GET', `/rest/people/${personId}?fields=company&depth=0`);
    expect(projected.body.data.person).toEqual({ id: personId, companyId: company.id });
    const toMany = await rest(
      ws,
      'GET',
      `/rest/people/${personId}?fields=jobTitle,pointOfContactForOpportunities&depth=0`,
    );
    expect(toMany.status).toBe(400);
    expect(toMany.body.messages[0]).toContain('pointOfContactForOpportunities');
    expect(flat.body.data.person.companyId).toBe(company.id);
  });

  it('projects responses with fields= (id always kept)', async () => {
    const created = await rest(ws, 'POST', '/rest/people?fields=jobTitle', {
      jobTitle: 'Pilot',
      name: { firstName: 'P' },
    });
    expect(created.body.data.createPerson).toEqual({ id: expect.any(String), jobTitle: 'Pilot' });
    const listed = await rest(
      ws,
      'GET',
      `/rest/people${q({ fields: 'name,company', limit: '2' })}`,
    );
    // A to-one relation is asked by its field name and answered with its join column at depth 0.
    for (const person of listed.body.data.people)
      expect(Object.keys(person).sort()).toEqual(['companyId', 'id', 'name']);
    // Only field names count, as in Twenty's parse-fields-rest-request.util.ts.
    expect(
      (await rest(ws, 'GET', `/rest/people${q({ fields: 'companyId' })}`)).body.messages,
    ).toEqual(["'fields' parameter invalid. Unknown or unreadable fields on 'person': companyId"]);
    expect((await rest(ws, 'GET', `/rest/people${q({ fields: ' , ' })}`)).body.messages).toEqual([
      "'fields' parameter is empty. Expected a comma-separated list of field names, e.g. fields=id,name",
    ]);
    expect(listed.body.totalCount).toBeGreaterThan(0);
    const unknown = await rest(ws, 'GET', `/rest/people${q({ fields: 'name,nickname' })}`);
    expect(unknown).toMatchObject({
      status: 400,
      body: {
        messages: [
          "'fields' parameter invalid. Unknown or unreadable fields on 'person': nickname",
        ],
      },
    });
  });

  it('caps limit at 200 and defaults to 60', async () => {
    const defaulted = await rest(ws, 'GET', '/rest/companies');
    expect(defaulted.body.data.companies).toHaveLength(60);
    const capped = await rest(ws, 'GET', `/rest/companies${q({ limit: '500' })}`);
    expect(capped.body.data.companies).toHaveLength(200);
  });
});
