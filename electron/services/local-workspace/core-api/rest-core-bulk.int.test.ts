import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, metadataGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

const filterQuery = (filter: string, extra = '') => `?filter=${encodeURIComponent(filter)}${extra}`;

describe.each(testEngines())('upsert and bulk operations (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
    const objects = await metadataGraphql(
      ws,
      `{ objects(paging: { first: 1000 }) { edges { node { id nameSingular } } } }`,
    );
    const personId = objects.data!.objects.edges.find(
      (edge: any) => edge.node.nameSingular === 'person',
    ).node.id;
    const field = await metadataGraphql(
      ws,
      `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
      {
        input: {
          field: {
            objectMetadataId: personId,
            type: 'TEXT',
            name: 'externalId',
            label: 'External id',
            isUnique: true,
          },
        },
      },
    );
    expect(field.errors).toBeUndefined();
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('upserts on a unique composite field (emails.primaryEmail), keeping id and createdBy', async () => {
    const original = await rest(ws, 'POST', '/rest/people', {
      emails: { primaryEmail: 'ada@example.com' },
      jobTitle: 'Analyst',
    });
    const id = original.body.data.createPerson.id;
    const upserted = await rest(ws, 'POST', '/rest/batch/people?upsert=true', [
      { emails: { primaryEmail: 'ADA@example.com' }, jobTitle: 'CTO' },
      { emails: { primaryEmail: 'grace@example.com' }, jobTitle: 'Admiral' },
    ]);
    expect(upserted.status).toBe(201);
    const [ada, grace] = upserted.body.data.createPeople;
    expect(ada).toMatchObject({
      id,
      jobTitle: 'CTO',
      createdBy: original.body.data.createPerson.createdBy,
    });
    expect(grace.id).not.toBe(id);
    const count = await rest(
      ws,
      'GET',
      `/rest/people${filterQuery('emails.primaryEmail[in]:[ada@example.com,grace@example.com]')}`,
    );
    expect(count.body.totalCount).toBe(2);
  });

  it('upserts on a custom unique externalId and restores a soft-deleted match', async () => {
    const created = await rest(ws, 'POST', '/rest/people', {
      externalId: 'SF-001',
      jobTitle: 'Old',
    });
    const id = created.body.data.createPerson.id;
    await rest(ws, 'DELETE', `/rest/people/${id}?soft_delete=true`);
    const upserted = await rest(ws, 'POST', '/rest/people?upsert=true', {
      externalId: 'SF-001',
      jobTitle: 'New',
    });
    expect(upserted.body.data.createPerson).toMatchObject({ id, jobTitle: 'New', deletedAt: null });
    const viaGraphql = await coreGraphql(
      ws,
      `mutation { createPerson(data: { externalId: "SF-001", jobTitle: "Newer" }, upsert: true) { id jobTitle } }`,
    );
    expect(viaGraphql.data!.createPerson).toEqual({ id, jobTitle: 'Newer' });
  });

  it('refuses an upsert that matches two different records', async () => {
    await rest(ws, 'POST', '/rest/batch/people', [
      { externalId: 'SF-100', emails: { primaryEmail: 'one@example.com' } },
      { externalId: 'SF-200', emails: { primaryEmail: 'two@example.com' } },
    ]);
    const conflict = await rest(ws, 'POST', '/rest/people?upsert=true', {
      externalId: 'SF-100',
      emails: { primaryEmail: 'two@example.com' },
    });
    expect(conflict.status).toBe(400);
    expect(conflict.body.messages[0]).toMatch(
      /^Multiple records found with the same unique field values for .*Cannot determine which record to update\.$/,
    );
  });

  it('refuses a duplicate unique value without upsert', async () => {
    const duplicate = await rest(ws, 'POST', '/rest/people', {
      emails: { primaryEmail: 'one@example.com' },
    });
    expect(duplicate).toMatchObject({
      status: 400,
      body: { messages: ['A duplicate entry was detected'] },
    });
  });

  it('finds duplicates by the object’s criteria, over REST and GraphQL', async () => {
    const created = await rest(ws, 'POST', '/rest/batch/people', [
      { name: { firstName: 'Dup', lastName: 'Licate' }, jobTitle: 'One' },
      { name: { firstName: 'Dup', lastName: 'Licate' }, jobTitle: 'Two' },
      { name: { firstName: 'Dup', lastName: 'Other' }, jobTitle: 'Three' },
    ]);
    const [first] = created.body.data.createPeople;
    const byData = await rest(ws, 'POST', '/rest/people/duplicates', {
      data: [{ name: { firstName: 'Dup', lastName: 'Licate' } }],
    });
    expect(byData.status).toBe(200);
    expect(byData.body.data[0].totalCount).toBe(2);
    expect(byData.body.data[0].personDuplicates.map((p: any) => p.jobTitle).sort()).toEqual([
      'One',
      'Two',
    ]);
    // Cursors of the first and last duplicate, as Twenty's getPageInfo mints them (by id).
    const found = byData.body.data[0].personDuplicates;
    const cursorOf = (record: any) =>
      Buffer.from(JSON.stringify({ id: record.id })).toString('base64');
    expect(byData.body.data[0].pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: cursorOf(found[0]),
      endCursor: cursorOf(found[found.length - 1]),
    });
    const byId = await rest(ws, 'POST', '/rest/people/duplicates', { ids: [first.id] });
    expect(byId.body.data[0].personDuplicates.map((p: any) => p.jobTitle)).toEqual(['Two']);
    expect((await rest(ws, 'POST', '/rest/people/duplicates', { ids: [] })).body).toEqual({
      data: [],
    });
    expect(
      (await rest(ws, 'POST', '/rest/people/duplicates', { ids: [first.id], data: [{}] })).body
        .messages,
    ).toEqual(['You cannot provide both "data" and "ids" arguments']);
    const viaGraphql = await coreGraphql(
      ws,
      `query($ids: [UUID]) { personDuplicates(ids: $ids) { totalCount edges { node { jobTitle } } } }`,
      { ids: [first.id] },
    );
    expect(viaGraphql.data!.personDuplicates[0]).toEqual({
      totalCount: 1,
      edges: [{ node: { jobTitle: 'Two' } }],
    });
  });

  it('merges records: priority wins, gaps are filled, emails pooled, relations moved, others deleted', async () => {
    const companies = await rest(ws, 'POST', '/rest/batch/companies', [
      { name: 'Keep Co' },
      { name: 'Gone Co' },
    ]);
    const [keepCo, goneCo] = companies.body.data.createCompanies;
    const people = await rest(ws, 'POST', '/rest/batch/people', [
      {
        name: { firstName: 'Ann', lastName: 'Merge' },
        emails: { primaryEmail: 'ann@keep.example' },
        companyId: keepCo.id,
      },
      {
        name: { firstName: 'Annie', lastName: 'Merge' },
        jobTitle: 'Chief',
        emails: { primaryEmail: 'ann@gone.example' },
        companyId: goneCo.id,
      },
    ]);
    const [keep, gone] = people.body.data.createPeople;
    const preview = await rest(ws, 'PATCH', '/rest/people/merge', {
      ids: [keep.id, gone.id],
      conflictPriorityIndex: 0,
      dryRun: true,
    });
    // Twenty's preview is a phantom: a fresh id and a deletion date.
    expect(preview.body.data.mergePerson).toMatchObject({
      jobTitle: 'Chief',
      name: { firstName: 'Ann' },
    });
    expect(preview.body.data.mergePerson.id).not.toBe(keep.id);
    expect(preview.body.data.mergePerson.deletedAt).not.toBeNull();
    expect((await rest(ws, 'GET', `/rest/people/${gone.id}`)).status).toBe(200);

    const opportunity = await rest(ws, 'POST', '/rest/opportunities', {
      name: 'Deal',
      pointOfContactId: gone.id,
    });
    const merged = await rest(ws, 'PATCH', '/rest/people/merge', {
      ids: [keep.id, gone.id],
      conflictPriorityIndex: 0,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.data.mergePerson).toMatchObject({
      id: keep.id,
      jobTitle: 'Chief',
      emails: { primaryEmail: 'ann@keep.example', additionalEmails: ['ann@gone.example'] },
    });
    expect((await rest(ws, 'GET', `/rest/people/${gone.id}`)).status).toBe(404);
    // Deleted for good, as Twenty does: not among the soft-deleted either.
    const trashed = await rest(
      ws,
      'GET',
      `/rest/people?filter=${encodeURIComponent(`id[eq]:${gone.id},deletedAt[is]:NOT_NULL`)}`,
    );
    expect(trashed.body.data.people).toEqual([]);
    const moved = await rest(
      ws,
      'GET',
      `/rest/opportunities/${opportunity.body.data.createOpportunity.id}`,
    );
    expect(moved.body.data.opportunity.pointOfContactId).toBe(keep.id);
    const viaGraphql = await coreGraphql(
      ws,
      `mutation($ids: [UUID!]!) { mergeCompanies(ids: $ids, conflictPriorityIndex: 1, dryRun: true) { id name } }`,
      { ids: [keepCo.id, goneCo.id] },
    );
    expect(viaGraphql.data!.mergeCompanies.name).toBe('Gone Co');
    expect(viaGraphql.data!.mergeCompanies.id).not.toBe(goneCo.id);
    const refusals: [Record<string, unknown>, number, string][] = [
      [
        { ids: [keep.id], conflictPriorityIndex: 0 },
        400,
        'At least 2 record IDs are required for merge',
      ],
      [
        { ids: Array(10).fill(keep.id), conflictPriorityIndex: 0 },
        400,
        'Maximum 9 records can be merged at once',
      ],
      [
        { ids: [keep.id, gone.id], conflictPriorityIndex: 2 },
        400,
        "Invalid conflict priority '2'. Valid options for 2 records: 0-1",
      ],
      [{ ids: [keep.id, gone.id], conflictPriorityIndex: 0 }, 404, 'One or more records not found'],
      [{ ids: [keep.id, keep.id], conflictPriorityIndex: 0 }, 404, 'One or more records not found'],
      [{ ids: [keepCo.id, goneCo.id] }, 404, 'Priority record not found'],
    ];
    for (const [body, status, message] of refusals) {
      const path = body.ids && (body.ids as string[])[0] === keepCo.id ? 'companies' : 'people';
      const refused = await rest(ws, 'PATCH', `/rest/${path}/merge`, body);
      expect(refused.status, message).toBe(status);
      expect(refused.body.messages).toEqual([message]);
    }
  });

  it('links records through nested connect (by a unique key) and unlinks with disconnect', async () => {
    const company = (
      await rest(ws, 'POST', '/rest/companies', {
        name: 'Linked Co',
        domainName: { primaryLinkUrl: 'https://linked.example' },
      })
    ).body.data.createCompany;
    const viaRest = await rest(ws, 'POST', '/rest/people', {
      jobTitle: 'Linked',
      company: {
        connect: { where: { domainName: { primaryLinkUrl: 'https://linked.example/' } } },
      },
    });
    expect(viaRest.status, JSON.stringify(viaRest.body)).toBe(201);
    expect(viaRest.body.data.createPerson.companyId).toBe(company.id);
    const personId = viaRest.body.data.createPerson.id;
    const unlinked = await rest(ws, 'PATCH', `/rest/people/${personId}`, {
      company: { disconnect: true },
    });
    expect(unlinked.body.data.updatePerson.companyId).toBeNull();
    const viaGraphql = await coreGraphql(
      ws,
      `mutation($id: UUID!) { updatePerson(id: $id, data: { company: { connect: { where: { id: "${company.id}" } } } }) { companyId } }`,
      { id: personId },
    );
    expect(viaGraphql.errors, JSON.stringify(viaGraphql.errors)).toBeUndefined();
    expect(viaGraphql.data!.updatePerson.companyId).toBe(company.id);
    const missing = await rest(ws, 'POST', '/rest/people', {
      company: {
        connect: { where: { domainName: { primaryLinkUrl: 'https://nowhere.example' } } },
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.messages[0]).toBe(
      'Expected 1 record to connect to company, but found 0 for domainNamePrimaryLinkUrl = https://nowhere.example',
    );
    const both = await rest(ws, 'POST', '/rest/people', {
      companyId: company.id,
      company: { disconnect: true },
    });
    expect(both.body.messages).toEqual(['company and companyId cannot be both provided.']);
    // `disconnect: false` keeps the link; connect and disconnect together are refused.
    const kept = await coreGraphql(
      ws,
      `mutation($id: UUID!) { updatePerson(id: $id, data: { company: { disconnect: false } }) { companyId } }`,
      { id: personId },
    );
    expect(kept.errors, JSON.stringify(kept.errors)).toBeUndefined();
    expect(kept.data!.updatePerson.companyId).toBe(company.id);
    const conflicting = await coreGraphql(
      ws,
      `mutation { createPerson(data: { company: { connect: { where: { id: "${company.id}" } }, disconnect: true } }) { id } }`,
    );
    expect(conflicting.errors?.[0]?.message).toBe(
      'Cannot have both connect and disconnect for the same relation field company.',
    );
    // One batch connects through the same unique fields throughout.
    const other = (await rest(ws, 'POST', '/rest/companies', { name: 'Other Linked Co' })).body.data
      .createCompany;
    const mixed = await coreGraphql(
      ws,
      `mutation($data: [PersonCreateInput!]!) { createPeople(data: $data) { id } }`,
      {
        data: [
          {
            company: {
              connect: { where: { domainName: { primaryLinkUrl: 'https://linked.example' } } },
            },
          },
          { company: { connect: { where: { id: other.id } } } },
        ],
      },
    );
    expect(mixed.errors?.[0]?.message).toBe(
      'Expected the same constraint fields to be used consistently across all operations for company.',
    );
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.body.messages).toHaveLength(1);
  });

  it('updates, soft-deletes, restores and destroys many records by filter', async () => {
    await rest(ws, 'POST', '/rest/batch/companies', [
      { name: 'Bulk 1' },
      { name: 'Bulk 2' },
      { name: 'Other' },
    ]);
    const updated = await rest(ws, 'PATCH', `/rest/companies${filterQuery('name[like]:Bulk %')}`, {
      address: { addressCity: 'Lyon' },
    });
    expect(updated.body.data.updateCompanies.map((c: any) => c.address.addressCity)).toEqual([
      'Lyon',
      'Lyon',
    ]);
    expect(
      (await rest(ws, 'PATCH', '/rest/companies', { address: { addressCity: 'Nice' } })).body
        .messages,
    ).toEqual(['A non-empty filter is required']);

    const soft = await rest(
      ws,
      'DELETE',
      `/rest/companies${filterQuery('name[like]:Bulk %', '&soft_delete=true')}`,
    );
    // Only ids come back, soft or not (Twenty selects `{id: true}` for bulk deletes).
    expect(soft.body.data.deleteCompanies).toEqual([
      { id: expect.any(String) },
      { id: expect.any(String) },
    ]);
    const remaining = (await rest(ws, 'GET', '/rest/companies?limit=200')).body.data.companies.map(
      (c: any) => c.name,
    );
    expect(remaining).toContain('Other');
    expect(remaining.filter((name: string) => name.startsWith('Bulk'))).toEqual([]);

    const restored = await rest(
      ws,
      'PATCH',
      `/rest/companies/restore${filterQuery('name[like]:Bulk %')}`,
    );
    expect(restored.body.data.restoreCompanies).toHaveLength(2);

    const destroyed = await rest(
      ws,
      'DELETE',
      `/rest/companies${filterQuery('name[like]:Bulk %')}`,
    );
    expect(destroyed.body.data.deleteCompanies).toEqual([
      { id: expect.any(String) },
      { id: expect.any(String) },
    ]);
    expect((await rest(ws, 'DELETE', '/rest/companies')).body.messages).toEqual([
      'Filters are mandatory for bulk destroy operations. Please provide at least one filter to prevent accidental deletion of all records.',
    ]);
  });
});
