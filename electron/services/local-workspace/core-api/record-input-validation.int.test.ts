import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/** Malformed record input answers 400 with Twenty's data-arg validator message (REST and GraphQL). */
describe.each(testEngines())('record input validation (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  const refused: Array<[string, Record<string, unknown>, string]> = [
    ['/rest/people', { emails: 'a@b.com' }, `Invalid object value 'a@b.com' for field "emails"`],
    ['/rest/people', { name: 'Bob' }, `Invalid object value 'Bob' for field "name"`],
    [
      '/rest/companies',
      { domainName: 'x.com' },
      `Invalid object value 'x.com' for field "domainName"`,
    ],
    ['/rest/opportunities', { amount: '5' }, 'Invalid subfield 0 for currency field "amount"'],
    ['/rest/people', { jobTitle: 5 }, 'Invalid string value 5 for text field "jobTitle"'],
    [
      '/rest/people',
      { name: { firstName: 5 } },
      'Invalid string value 5 for text field "name.firstName"',
    ],
    ['/rest/people', { emails: { foo: 'x' } }, 'Invalid subfield foo for emails field "emails"'],
    [
      '/rest/people',
      { emails: { primaryEmail: 'not-an-email' } },
      `Invalid string value 'not-an-email' for email field "emails.primaryEmail"`,
    ],
    [
      '/rest/opportunities',
      { closeDate: 'notadate' },
      `Invalid value 'notadate' for date-time field "closeDate". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'`,
    ],
    ['/rest/opportunities', { stage: 3 }, 'Invalid string value 3 for text field "stage"'],
    ['/rest/people', { id: 'abc' }, 'Value "abc" is not a valid UUID'],
    ['/rest/people', { companyId: 'acme' }, `Invalid UUID value 'acme' for field "companyId"`],
    [
      '/rest/people',
      { createdBy: { source: 'ROBOT' } },
      `Invalid value 'ROBOT' for field "createdBy.source"`,
    ],
  ];

  it.each(refused)('POST %s %j answers 400', async (path, body, message) => {
    const response = await rest(ws, 'POST', path, body);
    expect(response).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'BadRequestException', messages: [message] },
    });
  });

  it('refuses the same way on update', async () => {
    const created = await rest(ws, 'POST', '/rest/people', { jobTitle: 'Valid' });
    const id = created.body.data.createPerson.id;
    const response = await rest(ws, 'PATCH', `/rest/people/${id}`, { phones: 612 });
    expect(response.status).toBe(400);
    expect(response.body.messages).toEqual(['Invalid object value 612 for field "phones"']);
  });

  it('answers BAD_USER_INPUT over GraphQL', async () => {
    const response = await coreGraphql(
      ws,
      `mutation($data: PersonCreateInput!) { createPerson(data: $data) { id } }`,
      { data: { emails: { primaryEmail: 'nope' } } },
    );
    expect(response.errors?.[0]).toMatchObject({
      message: `Invalid string value 'nope' for email field "emails.primaryEmail"`,
      extensions: { code: 'BAD_USER_INPUT', subCode: 'INVALID_ARGS_DATA' },
    });
  });

  it('still accepts valid input of each type', async () => {
    const company = await rest(ws, 'POST', '/rest/companies', {
      name: 'Valid Co',
      domainName: { primaryLinkUrl: 'https://valid.example', secondaryLinks: [] },
      address: { addressCity: 'Lyon', addressLat: 45.76, addressLng: '4.83' },
      annualRevenue: { amountMicros: '5000000', currencyCode: 'EUR' },
    });
    expect(company.status).toBe(201);
    const companyId = company.body.data.createCompany.id;

    const person = await rest(ws, 'POST', '/rest/people', {
      id: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      name: { firstName: 'Grace', lastName: null },
      emails: { primaryEmail: 'Grace@Navy.mil', additionalEmails: ['g@h.org'] },
      phones: { primaryPhoneNumber: '612345678', primaryPhoneCallingCode: '+33' },
      jobTitle: null,
      companyId,
      createdBy: { source: 'IMPORT' },
    });
    expect(person.body).toMatchObject({ data: {} });
    expect(person.status).toBe(201);
    expect(person.body.data.createPerson).toMatchObject({
      id: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      emails: { primaryEmail: 'grace@navy.mil', additionalEmails: ['g@h.org'] },
      companyId,
      createdBy: { source: 'IMPORT' },
    });

    const opportunity = await rest(ws, 'POST', '/rest/opportunities', {
      name: 'Deal',
      amount: { amountMicros: 1000000, currencyCode: 'USD' },
      closeDate: '2025-03-09T10:15:00+02:00',
      stage: 'NEW',
    });
    expect(opportunity.body).toMatchObject({ data: {} });
    expect(opportunity.status).toBe(201);
    expect(opportunity.body.data.createOpportunity.closeDate).toBe('2025-03-09T08:15:00.000Z');

    const note = await rest(ws, 'POST', '/rest/notes', {
      title: 'Hello',
      bodyV2: { markdown: 'hi', blocknote: null },
    });
    expect(note.body).toMatchObject({ data: {} });
    expect(note.status).toBe(201);
  });
});
