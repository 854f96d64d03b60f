import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../testing/api-key-session';
import { coreGraphql, metadataGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';
import { dataModelIds, keyWithRole, type DataModelIds } from './testing/role-keys';

/**
 * Issue 10 item 4 over real HTTP: API keys bound to restricted roles are allowed or refused on
 * core REST and GraphQL as Twenty does (docs/twenty-permissions.md §4–§5).
 */
const DENIED = 'Entity performing the request does not have permission';
const forbidden = (message: string) => ({
  message,
  extensions: {
    code: 'FORBIDDEN',
    subCode: 'PERMISSION_DENIED',
    userFriendlyMessage: 'User does not have permission.',
  },
});
const restDenied = (message: string) => ({
  status: 400,
  body: {
    statusCode: 400,
    error: 'BadRequestException',
    messages: [message],
    code: 'PERMISSION_DENIED',
  },
});
const readField = (field: string, object: string) =>
  `${DENIED}: no permission to read field "${field}" on "${object}"`;
const writeField = (field: string, object: string) =>
  `${DENIED}: no permission to write field "${field}" on "${object}"`;

describe.each(testEngines())('record permissions on core REST and GraphQL (%s)', (engine) => {
  let ws: WorkspaceProcess;
  let ids: DataModelIds;
  let session: string;
  let companyId: string;
  let personId: string;

  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
    session = await signIn(ws);
    ids = await dataModelIds(ws);
    const company = await rest(ws, 'POST', '/rest/companies', { name: 'Acme' });
    companyId = company.body.data.createCompany.id;
    const person = await rest(ws, 'POST', '/rest/people', {
      name: { firstName: 'Ada', lastName: 'Lovelace' },
      emails: { primaryEmail: 'ada@example.com' },
      jobTitle: 'CTO',
      companyId,
    });
    personId = person.body.data.createPerson.id;
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  const gql = (token: string, query: string, variables?: Record<string, unknown>) =>
    coreGraphql(ws, query, variables, token);

  it('keeps the Admin key (no restrictions) as it was', async () => {
    const read = await rest(ws, 'GET', `/rest/people/${personId}`);
    expect(read.body.data.person).toMatchObject({
      jobTitle: 'CTO',
      emails: { primaryEmail: 'ada@example.com' },
    });
    const people = await gql(
      ws.apiKey,
      '{ people { edges { node { id emails { primaryEmail } } } } }',
    );
    expect(people.errors).toBeUndefined();
  });

  it('refuses every operation on an object the role cannot read; other objects still work', async () => {
    const { token } = await keyWithRole(ws, session, {
      label: 'No people',
      objectPermissions: [
        {
          objectMetadataId: ids.object('person'),
          canReadObjectRecords: false,
          canUpdateObjectRecords: false,
          canSoftDeleteObjectRecords: false,
          canDestroyObjectRecords: false,
        },
      ],
    });
    const people = await gql(token, '{ people { edges { node { id } } } }');
    expect(people.status).toBe(200);
    expect(people.data).toBeNull();
    expect(people.errors).toEqual([expect.objectContaining(forbidden(DENIED))]);
    const companies = await gql(token, '{ companies { edges { node { id name } } } }');
    expect(companies.errors).toBeUndefined();
    // Selecting a relation into the unreadable object fails the same way.
    const nested = await gql(
      token,
      '{ companies { edges { node { id people { edges { node { id } } } } } } }',
    );
    expect(nested.errors?.[0]).toMatchObject(forbidden(DENIED));

    expect(await rest(ws, 'GET', '/rest/people', undefined, token)).toEqual(restDenied(DENIED));
    expect(await rest(ws, 'GET', `/rest/people/${personId}`, undefined, token)).toEqual(
      restDenied(DENIED),
    );
    expect(await rest(ws, 'POST', '/rest/people', { jobTitle: 'x' }, token)).toEqual(
      restDenied(DENIED),
    );
    expect((await rest(ws, 'GET', '/rest/companies', undefined, token)).status).toBe(200);
    // depth=1 leaves the relation into the unreadable object out.
    const company = await rest(ws, 'GET', `/rest/companies/${companyId}?depth=1`, undefined, token);
    expect(company.status).toBe(200);
    expect(company.body.data.company).not.toHaveProperty('people');
    expect(company.body.data.company.name).toBe('Acme');
  });

  it('refuses filtering through a relation into an object the role cannot read', async () => {
    const { token } = await keyWithRole(ws, session, {
      label: 'No companies',
      objectPermissions: [
        {
          objectMetadataId: ids.object('company'),
          canReadObjectRecords: false,
          canUpdateObjectRecords: false,
          canSoftDeleteObjectRecords: false,
          canDestroyObjectRecords: false,
        },
      ],
    });
    const filter = encodeURIComponent('company.name[eq]:Acme');
    expect(await rest(ws, 'GET', `/rest/people?filter=${filter}`, undefined, token)).toEqual(
      restDenied(DENIED),
    );
    const viaGraphql = await gql(
      token,
      '{ people(filter: { company: { name: { eq: "Acme" } } }) { edges { node { id } } } }',
    );
    expect(viaGraphql.errors?.[0]).toMatchObject(forbidden(DENIED));
    // The join column itself stays filterable, as the people are readable.
    const byId = await rest(
      ws,
      'GET',
      `/rest/people?filter=companyId[eq]:${companyId}`,
      undefined,
      token,
    );
    expect(byId.status).toBe(200);
  });

  it('applies a role change to the very next request (restriction lifted, then set again)', async () => {
    const { roleId, token } = await keyWithRole(ws, session, {
      label: 'Changing',
      fieldPermissions: [
        {
          objectMetadataId: ids.object('person'),
          fieldMetadataId: ids.field('person', 'jobTitle'),
          canReadFieldValue: false,
          canUpdateFieldValue: false,
        },
      ],
    });
    const jobTitle = async () =>
      (await rest(ws, 'GET', `/rest/people/${personId}`, undefined, token)).body.data.person
        .jobTitle;
    const restrict = (value: false | null) =>
      metadataGraphql(
        ws,
        `mutation($input: UpsertFieldPermissionsInput!) { upsertFieldPermissions(upsertFieldPermissionsInput: $input) { id } }`,
        {
          input: {
            roleId,
            fieldPermissions: [
              {
                objectMetadataId: ids.object('person'),
                fieldMetadataId: ids.field('person', 'jobTitle'),
                canReadFieldValue: value,
                canUpdateFieldValue: value,
              },
            ],
          },
        },
      );
    expect(await jobTitle()).toBeUndefined();
    expect((await restrict(null)).errors).toBeUndefined();
    expect(await jobTitle()).toBe('CTO');
    expect((await restrict(false)).errors).toBeUndefined();
    expect(await jobTitle()).toBeUndefined();
  });

  it('lets a read-only role read but not create or update (REST and GraphQL)', async () => {
    const { token } = await keyWithRole(ws, session, {
      label: 'Read only',
      roleWide: {
        canUpdateAllObjectRecords: false,
        canSoftDeleteAllObjectRecords: false,
        canDestroyAllObjectRecords: false,
      },
    });
    expect((await rest(ws, 'GET', `/rest/people/${personId}`, undefined, token)).status).toBe(200);
    const read = await gql(token, '{ people { edges { node { id jobTitle } } } }');
    expect(read.errors).toBeUndefined();

    expect(await rest(ws, 'POST', '/rest/people', { jobTitle: 'x' }, token)).toEqual(
      restDenied(DENIED),
    );
    expect(await rest(ws, 'POST', '/rest/batch/people', [{ jobTitle: 'x' }], token)).toEqual(
      restDenied(DENIED),
    );
    expect(await rest(ws, 'PATCH', `/rest/people/${personId}`, { jobTitle: 'x' }, token)).toEqual(
      restDenied(DENIED),
    );
    const create = await gql(token, 'mutation { createPerson(data: { jobTitle: "x" }) { id } }');
    expect(create.errors).toEqual([expect.objectContaining(forbidden(DENIED))]);
    const update = await gql(
      token,
      `mutation { updatePerson(id: "${personId}", data: { jobTitle: "x" }) { id } }`,
    );
    expect(update.errors?.[0]).toMatchObject(forbidden(DENIED));
    const upsert = await gql(
      token,
      'mutation { createPeople(data: [{ jobTitle: "x" }], upsert: true) { id } }',
    );
    expect(upsert.errors?.[0]).toMatchObject(forbidden(DENIED));
    // Nothing was written.
    expect((await rest(ws, 'GET', `/rest/people/${personId}`)).body.data.person.jobTitle).toBe(
      'CTO',
    );
  });

  it('separates soft delete (and restore) from destroy', async () => {
    const noSoftDelete = await keyWithRole(ws, session, {
      label: 'No soft delete',
      roleWide: { canSoftDeleteAllObjectRecords: false },
    });
    const noDestroy = await keyWithRole(ws, session, {
      label: 'No destroy',
      roleWide: { canDestroyAllObjectRecords: false },
    });
    const victim = async () =>
      (await rest(ws, 'POST', '/rest/people', { jobTitle: 'victim' })).body.data.createPerson
        .id as string;

    const a = await victim();
    expect(
      await rest(ws, 'DELETE', `/rest/people/${a}?soft_delete=true`, undefined, noSoftDelete.token),
    ).toEqual(restDenied(DENIED));
    const softGql = await gql(noSoftDelete.token, `mutation { deletePerson(id: "${a}") { id } }`);
    expect(softGql.errors?.[0]).toMatchObject(forbidden(DENIED));
    // The same role may destroy.
    const destroyed = await gql(
      noSoftDelete.token,
      `mutation { destroyPerson(id: "${a}") { id } }`,
    );
    expect(destroyed.errors).toBeUndefined();

    const b = await victim();
    expect(await rest(ws, 'DELETE', `/rest/people/${b}`, undefined, noDestroy.token)).toEqual(
      restDenied(DENIED),
    );
    const destroyGql = await gql(noDestroy.token, `mutation { destroyPerson(id: "${b}") { id } }`);
    expect(destroyGql.errors?.[0]).toMatchObject(forbidden(DENIED));
    expect(
      (await rest(ws, 'DELETE', `/rest/people/${b}?soft_delete=true`, undefined, noDestroy.token))
        .status,
    ).toBe(200);
    // Restoring needs soft delete: allowed for this role, refused for the other.
    expect(
      await rest(ws, 'PATCH', `/rest/people/${b}/restore`, undefined, noSoftDelete.token),
    ).toEqual(restDenied(DENIED));
    const restore = await gql(noDestroy.token, `mutation { restorePerson(id: "${b}") { id } }`);
    expect(restore.errors).toBeUndefined();
    expect(restore.data).toEqual({ restorePerson: { id: b } });
  });

  describe('field restrictions', () => {
    let token: string;
    beforeAll(async () => {
      ({ token } = await keyWithRole(ws, session, {
        label: 'Fields',
        fieldPermissions: [
          {
            objectMetadataId: ids.object('person'),
            fieldMetadataId: ids.field('person', 'emails'),
            canReadFieldValue: false,
            canUpdateFieldValue: false,
          },
          {
            objectMetadataId: ids.object('person'),
            fieldMetadataId: ids.field('person', 'jobTitle'),
            canUpdateFieldValue: false,
          },
          {
            objectMetadataId: ids.object('company'),
            fieldMetadataId: ids.field('company', 'people'),
            canReadFieldValue: false,
          },
        ],
      }));
    });

    it('REST omits hidden fields (and hidden relations at depth=1) and keeps read-only ones', async () => {
      const one = await rest(ws, 'GET', `/rest/people/${personId}`, undefined, token);
      expect(one.status).toBe(200);
      expect(one.body.data.person).not.toHaveProperty('emails');
      expect(one.body.data.person).toMatchObject({ id: personId, jobTitle: 'CTO' });
      // `fields=` naming a hidden field is refused like an unknown one (Twenty's parse-fields util).
      expect(
        await rest(ws, 'GET', `/rest/people/${personId}?fields=jobTitle,emails`, undefined, token),
      ).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          error: 'BadRequestException',
          messages: [
            "'fields' parameter invalid. Unknown or unreadable fields on 'person': emails",
          ],
          code: 'INVALID_FIELDS_QUERY_PARAM',
        },
      });
      const picked = await rest(
        ws,
        'GET',
        `/rest/people/${personId}?fields=jobTitle`,
        undefined,
        token,
      );
      expect(picked.body.data.person).toEqual({ id: personId, jobTitle: 'CTO' });
      const many = await rest(ws, 'GET', '/rest/people', undefined, token);
      expect(many.body.data.people.every((person: object) => !('emails' in person))).toBe(true);
      const company = await rest(
        ws,
        'GET',
        `/rest/companies/${companyId}?depth=1`,
        undefined,
        token,
      );
      expect(company.status).toBe(200);
      expect(company.body.data.company).not.toHaveProperty('people');
      const admin = await rest(ws, 'GET', `/rest/companies/${companyId}?depth=1`);
      expect(admin.body.data.company.people).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: personId })]),
      );
    });

    it('REST refuses writes to read-only fields and answers allowed writes without hidden fields', async () => {
      expect(await rest(ws, 'PATCH', `/rest/people/${personId}`, { jobTitle: 'x' }, token)).toEqual(
        restDenied(writeField('jobTitle', 'person')),
      );
      expect(await rest(ws, 'POST', '/rest/people', { jobTitle: 'x' }, token)).toEqual(
        restDenied(writeField('jobTitle', 'person')),
      );
      expect(
        await rest(
          ws,
          'POST',
          '/rest/batch/people',
          [{ avatarUrl: 'p.png' }, { jobTitle: 'x' }],
          token,
        ),
      ).toEqual(restDenied(writeField('jobTitle', 'person')));
      const patched = await rest(
        ws,
        'PATCH',
        `/rest/people/${personId}`,
        { avatarUrl: 'london.png' },
        token,
      );
      expect(patched.status).toBe(200);
      expect(patched.body.data.updatePerson).toMatchObject({
        avatarUrl: 'london.png',
        jobTitle: 'CTO',
      });
      expect(patched.body.data.updatePerson).not.toHaveProperty('emails');
      const created = await rest(ws, 'POST', '/rest/people', { avatarUrl: 'rome.png' }, token);
      expect(created.status).toBe(201);
      expect(created.body.data.createPerson).not.toHaveProperty('emails');
      const batch = await rest(
        ws,
        'POST',
        '/rest/batch/people',
        [{ avatarUrl: 'oslo.png' }],
        token,
      );
      expect(batch.status).toBe(201);
      expect(batch.body.data.createPeople[0]).not.toHaveProperty('emails');
      expect(
        await rest(
          ws,
          'GET',
          `/rest/people?filter=${encodeURIComponent('emails.primaryEmail[eq]:a@b.c')}`,
          undefined,
          token,
        ),
      ).toEqual(restDenied(readField('emails', 'person')));
    });

    it('GraphQL refuses selecting or filtering a hidden field, at any depth and in mutation results', async () => {
      const allowed = await gql(
        token,
        '{ people { edges { node { id jobTitle name { firstName } } } } }',
      );
      expect(allowed.errors).toBeUndefined();
      const cases = [
        '{ people { edges { node { id emails { primaryEmail } } } } }',
        `{ person(filter: { id: { eq: "${personId}" } }) { ...P } } fragment P on Person { emails { primaryEmail } }`,
        '{ companies { edges { node { id people { edges { node { id } } } } } } }',
        '{ people(filter: { emails: { primaryEmail: { eq: "a@b.c" } } }) { edges { node { id } } } }',
        `mutation { updatePerson(id: "${personId}", data: { avatarUrl: "p.png" }) { id emails { primaryEmail } } }`,
        '{ people(orderBy: [{ emails: { primaryEmail: AscNullsFirst } }]) { edges { node { id } } } }',
      ];
      for (const query of cases) {
        const answer = await gql(token, query);
        expect(answer.status).toBe(200);
        expect(answer.errors?.[0], query).toMatchObject({ extensions: forbidden('').extensions });
        expect(answer.errors?.[0]?.message, query).toMatch(
          /^Entity performing the request does not have permission/,
        );
      }
      expect((await gql(token, cases[0]!)).errors?.[0]?.message).toBe(
        readField('emails', 'person'),
      );
      expect((await gql(token, cases[2]!)).errors?.[0]?.message).toBe(
        readField('people', 'company'),
      );
      // A filter inside a nested relation (with a variable) is checked against its target object.
      const emailsHidden = await keyWithRole(ws, session, {
        label: 'Hidden emails only',
        fieldPermissions: [
          {
            objectMetadataId: ids.object('person'),
            fieldMetadataId: ids.field('person', 'emails'),
            canReadFieldValue: false,
          },
        ],
      });
      const nestedQuery =
        'query($f: PersonFilterInput) { companies { edges { node { id people(filter: $f) { edges { node { id jobTitle } } } } } } }';
      const nestedOk = await gql(emailsHidden.token, nestedQuery, {
        f: { jobTitle: { eq: 'CTO' } },
      });
      expect(nestedOk.errors).toBeUndefined();
      const nestedFilter = await gql(emailsHidden.token, nestedQuery, {
        f: { emails: { primaryEmail: { eq: 'ada@example.com' } } },
      });
      expect(nestedFilter.errors?.[0]).toMatchObject(forbidden(readField('emails', 'person')));
    });

    it('refuses aggregates over a hidden field, allows them over a read-only one', async () => {
      const readOnly = await gql(token, '{ people { totalCount countEmptyJobTitle } }');
      expect(readOnly.errors).toBeUndefined();
      const hidden = await gql(token, '{ people { countNotEmptyEmails } }');
      expect(hidden.errors?.[0]).toMatchObject(forbidden(readField('emails', 'person')));
      const grouped = await gql(
        token,
        '{ peopleGroupBy(groupBy: [{ jobTitle: true }]) { totalCount edges { node { id } } } }',
      );
      expect(grouped.errors).toBeUndefined();
      const groupedHidden = await gql(
        token,
        '{ peopleGroupBy(groupBy: [{ jobTitle: true }]) { edges { node { emails { primaryEmail } } } } }',
      );
      expect(groupedHidden.errors?.[0]).toMatchObject(forbidden(readField('emails', 'person')));
      const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
      expect(
        await rest(
          ws,
          'GET',
          `/rest/people/groupBy${q({ group_by: '[{"jobTitle":true}]', aggregate: '["countEmptyEmails"]' })}`,
          undefined,
          token,
        ),
      ).toEqual(restDenied(readField('emails', 'person')));
      const sample = await rest(
        ws,
        'GET',
        `/rest/people/groupBy${q({ group_by: '[{"jobTitle":true}]', include_records_sample: 'true' })}`,
        undefined,
        token,
      );
      expect(sample.status).toBe(200);
      const records = sample.body.flatMap((group: { records: object[] }) => group.records);
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((record: object) => !('emails' in record))).toBe(true);
    });

    it('GraphQL refuses writing a read-only field; writes not touching it succeed', async () => {
      const create = await gql(token, 'mutation { createPerson(data: { jobTitle: "x" }) { id } }');
      expect(create.errors).toEqual([
        expect.objectContaining(forbidden(writeField('jobTitle', 'person'))),
      ]);
      const many = await gql(
        token,
        'mutation { createPeople(data: [{ avatarUrl: "a" }, { jobTitle: "x" }]) { id } }',
      );
      expect(many.errors?.[0]).toMatchObject(forbidden(writeField('jobTitle', 'person')));
      const update = await gql(
        token,
        `mutation { updatePeople(filter: { id: { eq: "${personId}" } }, data: { jobTitle: "x" }) { id } }`,
      );
      expect(update.errors?.[0]).toMatchObject(forbidden(writeField('jobTitle', 'person')));
      const ok = await gql(
        token,
        `mutation { updatePeople(filter: { id: { eq: "${personId}" } }, data: { avatarUrl: "berlin.png" }) { id avatarUrl jobTitle } }`,
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data).toEqual({
        updatePeople: [{ id: personId, avatarUrl: 'berlin.png', jobTitle: 'CTO' }],
      });
    });
  });
});
