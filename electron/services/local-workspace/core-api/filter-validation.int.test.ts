import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/**
 * Every filter leaf is checked against its field's type before SQL, as Twenty's
 * FilterArgProcessorService does: REST answers 400 BadRequestException, GraphQL BAD_USER_INPUT
 * with subCode INVALID_ARGS_FILTER, both with Twenty's message.
 */
const IS_MESSAGE = 'Invalid filter value for "is" operator. Expected "NULL" or "NOT_NULL"';

/** `graphql` only where the GraphQL schema lets the value reach the filter validation. */
const REFUSED: Array<{ rest: string; graphql?: Record<string, unknown>; message: string }> = [
  {
    rest: 'position[containsAny]:[1]',
    message:
      'Operator "containsAny" is not valid for field "position" of type POSITION - Allowed operators: eq, neq, gt, gte, lt, lte, in, is',
  },
  {
    rest: 'jobTitle[containsAny]:[a]',
    message:
      'Operator "containsAny" is not valid for field "jobTitle" of type TEXT - Allowed operators: eq, neq, gt, gte, lt, lte, in, is, like, ilike, startsWith, endsWith',
  },
  {
    rest: 'position[like]:1',
    message:
      'Operator "like" is not valid for field "position" of type POSITION - Allowed operators: eq, neq, gt, gte, lt, lte, in, is',
  },
  {
    rest: 'position[gt]:abc',
    message: 'Invalid number value NaN for field "position"',
  },
  {
    rest: 'createdAt[eq]:notadate',
    graphql: { createdAt: { eq: 'notadate' } },
    message:
      "Invalid value 'notadate' for date-time field \"createdAt\". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'",
  },
  {
    rest: 'companyId[eq]:bad',
    message: 'Invalid UUID value \'bad\' for field "companyId"',
  },
  { rest: 'companyId[is]:foo', message: IS_MESSAGE },
  { rest: 'jobTitle[is]:null', message: IS_MESSAGE },
  { rest: 'nickname[eq]:x', message: 'Object person doesn\'t have any "nickname" field.' },
  {
    rest: 'company[eq]:x',
    graphql: { company: {} },
    message: 'Cannot filter by relation field "company": use "companyId" instead',
  },
  {
    rest: 'pointOfContactForOpportunities[eq]:x',
    message: 'Cannot filter by relation field "pointOfContactForOpportunities"',
  },
  {
    rest: 'name.nickname[eq]:x',
    message: 'Sub field "nickname" not found for composite type: FULL_NAME',
  },
  { rest: 'emails[eq]:x', message: 'Sub field "eq" not found for composite type: EMAILS' },
  {
    rest: 'company.accountOwner.name.firstName[eq]:x',
    graphql: { company: { accountOwner: { name: { firstName: { eq: 'x' } } } } },
    message: 'Relation filter nesting deeper than 1 hop is not supported',
  },
];

describe.each(testEngines())('filter validation (%s)', (engine) => {
  let ws: WorkspaceProcess;
  let companyId: string;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
    const company = await rest(ws, 'POST', '/rest/companies', { name: 'Acme' });
    expect(company.status, JSON.stringify(company.body)).toBe(201);
    companyId = company.body.data.createCompany.id;
    const people = await rest(ws, 'POST', '/rest/batch/people', [
      { name: { firstName: 'Ada', lastName: 'L' }, jobTitle: 'Engineer', companyId },
      { name: { firstName: 'Bob', lastName: 'M' }, jobTitle: 'Sales' },
    ]);
    expect(people.status, JSON.stringify(people.body)).toBe(201);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  const graphqlPeople = (filter: Record<string, unknown>) =>
    coreGraphql(
      ws,
      `query($filter: PersonFilterInput) { people(filter: $filter) { edges { node { id jobTitle } } } }`,
      { filter },
    );

  it.each(REFUSED)('REST $rest', async ({ rest: filter, message }) => {
    const response = await rest(ws, 'GET', `/rest/people?filter=${encodeURIComponent(filter)}`);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      error: 'BadRequestException',
      messages: [message],
    });
  });

  it.each(REFUSED.filter((refused) => refused.graphql))(
    'GraphQL $rest',
    async ({ graphql, message }) => {
      const response = await graphqlPeople(graphql!);
      expect(response.errors?.[0]?.message, JSON.stringify(response.errors)).toBe(message);
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        subCode: 'INVALID_ARGS_FILTER',
      });
    },
  );

  it('refuses several operators, or none, in one GraphQL comparison', async () => {
    for (const filter of [{ jobTitle: { eq: 'a', neq: 'b' } }, { jobTitle: {} }]) {
      const response = await graphqlPeople(filter);
      expect(response.errors?.[0]?.message).toBe(
        'Filter for field "jobTitle" must have exactly one operator',
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        subCode: 'INVALID_ARGS_FILTER',
        userFriendlyMessage: 'Invalid filter: exactly one operator per field is required',
      });
    }
    const sub = await graphqlPeople({ name: { firstName: {} } });
    expect(sub.errors?.[0]?.message).toBe(
      'Filter for field "name.firstName" must have exactly one operator',
    );
  });

  it('answers a date filter given {} or [] as bad input, not an internal error', async () => {
    for (const value of [{}, []]) {
      const response = await graphqlPeople({ createdAt: { eq: value } });
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe(
        'BAD_USER_INPUT',
      );
      expect(response.errors?.[0]?.message).toBe(
        `Invalid value ${Array.isArray(value) ? '[]' : '{}'} for date-time field "createdAt". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'`,
      );
    }
  });

  it('filters through a many-to-one relation, one hop, over REST and GraphQL', async () => {
    const viaRest = await rest(
      ws,
      'GET',
      `/rest/people?filter=${encodeURIComponent('company.name[eq]:Acme')}`,
    );
    expect(viaRest.status, JSON.stringify(viaRest.body)).toBe(200);
    expect(viaRest.body.data.people.map((person: any) => person.jobTitle)).toEqual(['Engineer']);
    const viaGraphql = await graphqlPeople({
      or: [{ company: { name: { ilike: '%acm%' } } }, { jobTitle: { eq: 'Nobody' } }],
    });
    expect(viaGraphql.errors, JSON.stringify(viaGraphql.errors)).toBeUndefined();
    expect(viaGraphql.data!.people.edges.map((edge: any) => edge.node.jobTitle)).toEqual([
      'Engineer',
    ]);
    // A person of another company: the join column is compared, so no company means no match.
    const none = await graphqlPeople({ not: { company: { name: { eq: 'Acme' } } } });
    expect(none.data!.people.edges.map((edge: any) => edge.node.jobTitle)).not.toContain(
      'Engineer',
    );
  });

  it('still answers valid filters of every kind', async () => {
    const titles = async (filter: string) => {
      const response = await rest(ws, 'GET', `/rest/people?filter=${encodeURIComponent(filter)}`);
      expect(response.status, `${filter}: ${JSON.stringify(response.body)}`).toBe(200);
      return response.body.data.people.map((person: any) => person.jobTitle).sort();
    };
    expect(await titles('jobTitle[eq]:Engineer')).toEqual(['Engineer']);
    expect(await titles('jobTitle[ilike]:%SAL%')).toEqual(['Sales']);
    expect(await titles('position[gte]:-1000000')).toEqual(['Engineer', 'Sales']);
    expect(await titles('createdAt[gt]:2000-01-01T00:00:00Z')).toEqual(['Engineer', 'Sales']);
    expect(await titles(`companyId[eq]:${companyId}`)).toEqual(['Engineer']);
    expect(await titles('companyId[is]:NULL')).toEqual(['Sales']);
    expect(await titles('name.firstName[in]:[Ada,Bob]')).toEqual(['Engineer', 'Sales']);
    expect(await titles('not(jobTitle[eq]:Engineer)')).toEqual(['Sales']);
    const viaGraphql = await graphqlPeople({
      and: [{ companyId: { eq: companyId } }, { position: { lt: 1000000 } }],
    });
    expect(viaGraphql.errors).toBeUndefined();
    expect(viaGraphql.data!.people.edges.map((edge: any) => edge.node.jobTitle)).toEqual([
      'Engineer',
    ]);
  });
});
