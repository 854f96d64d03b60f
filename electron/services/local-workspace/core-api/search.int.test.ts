import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, metadataGraphql } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/** Twenty's global `search` (docs/twenty-fidelity.md "Search"), over real HTTP on both engines. */
const SEARCH = `query($searchInput: String!, $limit: Int!, $after: String, $included: [String!], $excluded: [String!], $filter: ObjectRecordFilterInput) {
  search(searchInput: $searchInput, limit: $limit, after: $after, includedObjectNameSingulars: $included, excludedObjectNameSingulars: $excluded, filter: $filter) {
    edges { cursor node { recordId objectNameSingular objectLabelSingular label imageUrl tsRankCD tsRank } }
    pageInfo { endCursor hasNextPage }
  }
}`;

const decode = (cursor: string | null) =>
  cursor ? JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) : null;

// Ids in ascending order: equal ranks are returned by object priority, then by id.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe.each(testEngines())('search (%s)', (engine) => {
  let ws: WorkspaceProcess;
  const search = async (variables: Record<string, unknown>) => {
    const response = await coreGraphql(ws, SEARCH, { limit: 50, ...variables });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.search as {
      edges: { cursor: string; node: Record<string, any> }[];
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
    };
  };
  const ids = (result: { edges: { node: Record<string, any> }[] }) =>
    result.edges.map((edge) => edge.node.recordId);

  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
    const object = await metadataGraphql(
      ws,
      `mutation { createOneObject(input: { object: { nameSingular: "pet", namePlural: "pets", labelSingular: "Pet", labelPlural: "Pets" } }) { id } }`,
    );
    expect(object.errors).toBeUndefined();
    const people = await coreGraphql(
      ws,
      `mutation($data: [PersonCreateInput!]!) { createPeople(data: $data) { id } }`,
      {
        data: [
          {
            id: id(1),
            name: { firstName: 'searchInput1' },
            phones: {
              primaryPhoneNumber: '2071234567',
              primaryPhoneCallingCode: '+44',
              primaryPhoneCountryCode: 'GB',
            },
          },
          { id: id(2), name: { firstName: 'searchInput2' } },
          {
            id: id(3),
            name: { firstName: 'José', lastName: 'García' },
            jobTitle: 'Café Manager',
            emails: { primaryEmail: 'jose@cafe.example' },
          },
          { id: id(4), name: { firstName: 'Jose', lastName: 'Garcia' } },
          {
            id: id(5),
            name: { firstName: 'Multi', lastName: 'Contact' },
            emails: {
              primaryEmail: 'primary@example.com',
              additionalEmails: ['secondary@example.com', 'work@company.org'],
            },
            phones: {
              primaryPhoneNumber: '9998887777',
              primaryPhoneCallingCode: '+1',
              primaryPhoneCountryCode: 'US',
              additionalPhones: [{ number: '1112223333', countryCode: 'US', callingCode: '+1' }],
            },
          },
        ],
      },
    );
    expect(people.errors, JSON.stringify(people.errors)).toBeUndefined();
    const companies = await coreGraphql(
      ws,
      `mutation($data: [CompanyCreateInput!]!) { createCompanies(data: $data) { id } }`,
      {
        data: [
          {
            id: id(11),
            name: 'Naïve Solutions',
            domainName: {
              primaryLinkUrl: 'https://www.naive.example/',
              secondaryLinks: [{ label: 'DocsPortal', url: 'docs.naive.example' }],
            },
          },
        ],
      },
    );
    expect(companies.errors, JSON.stringify(companies.errors)).toBeUndefined();
    const pets = await coreGraphql(
      ws,
      `mutation($data: [PetCreateInput!]!) { createPets(data: $data) { id } }`,
      {
        data: [
          { id: id(21), name: 'searchInput1' },
          { id: id(22), name: '示例商业线索' },
        ],
      },
    );
    expect(pets.errors, JSON.stringify(pets.errors)).toBeUndefined();
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('lists every searchable record without input: people, then companies, then the rest', async () => {
    const result = await search({ searchInput: '', excluded: ['workspaceMember'] });
    expect(ids(result)).toEqual([id(1), id(2), id(3), id(4), id(5), id(11), id(21), id(22)]);
    expect(result.pageInfo.hasNextPage).toBe(false);
    expect(decode(result.pageInfo.endCursor)).toEqual({
      lastRanks: { tsRankCD: 0, tsRank: 0 },
      lastRecordIdsPerObject: { person: id(5), company: id(11), pet: id(22) },
    });
    const company = result.edges.find((edge) => edge.node.recordId === id(11))!.node;
    expect(company).toMatchObject({
      objectNameSingular: 'company',
      objectLabelSingular: 'Company',
      label: 'Naïve Solutions',
      imageUrl: 'https://twenty-icons.com/naive.example',
    });
    expect(result.edges[0]!.node.label).toBe('searchInput1 ');
  });

  it('ranks matches with ts_rank_cd and ts_rank, as Twenty does', async () => {
    const result = await search({ searchInput: 'searchInput1', excluded: ['workspaceMember'] });
    expect(ids(result)).toEqual([id(1), id(21)]);
    expect(decode(result.pageInfo.endCursor).lastRanks).toEqual({
      tsRankCD: 0.1,
      tsRank: 0.06079271,
    });
  });

  it('ignores accents both ways', async () => {
    for (const input of ['jose', 'garcia', 'GARCÍA']) {
      const result = await search({ searchInput: input, included: ['person'] });
      expect(ids(result), input).toEqual([id(3), id(4)]);
    }
    // First name and e-mail both start with "jose": twice the rank of a name alone.
    const jose = await search({ searchInput: 'jose', included: ['person'] });
    expect(jose.edges[0]!.node).toMatchObject({ tsRankCD: 0.2, tsRank: 0.12158542 });
    expect(ids(await search({ searchInput: 'naive' }))).toEqual([id(11)]);
  });

  it('finds phones in the forms people type them', async () => {
    for (const input of ['2071234567', '+442071234567', '442071234567', '02071234567', '207123']) {
      expect(ids(await search({ searchInput: input })), input).toEqual([id(1)]);
    }
    expect(ids(await search({ searchInput: '(207) 123-4567' }))).toEqual([id(1)]);
    expect(ids(await search({ searchInput: '1112223333' }))).toEqual([id(5)]);
  });

  it('finds additional e-mails, e-mail domains and secondary links', async () => {
    for (const input of [
      'secondary@example.com',
      'work@company.org',
      'company.org',
      'cafe.example',
    ])
      expect(ids(await search({ searchInput: input })), input).toContain(
        input === 'cafe.example' ? id(3) : id(5),
      );
    expect(ids(await search({ searchInput: 'DocsPortal' }))).toEqual([id(11)]);
    expect(ids(await search({ searchInput: 'docs.naive.example' }))).toEqual([id(11)]);
  });

  it('pages with a cursor of the last ranks and the last id per object', async () => {
    const first = await search({ searchInput: 'searchInput', limit: 2 });
    expect(ids(first)).toEqual([id(1), id(2)]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(decode(first.edges[0]!.cursor)).toEqual({
      lastRanks: { tsRankCD: 0.1, tsRank: 0.06079271 },
      lastRecordIdsPerObject: { person: id(1) },
    });
    const second = await search({
      searchInput: 'searchInput',
      limit: 2,
      after: first.pageInfo.endCursor,
    });
    expect(ids(second)).toEqual([id(21)]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(decode(second.pageInfo.endCursor).lastRecordIdsPerObject).toEqual({
      person: id(2),
      pet: id(21),
    });
    const none = await search({ searchInput: '', limit: 0 });
    expect(none).toEqual({ edges: [], pageInfo: { endCursor: null, hasNextPage: true } });
  });

  it('filters by id and by included or excluded objects', async () => {
    expect(ids(await search({ searchInput: '', filter: { id: { eq: id(21) } } }))).toEqual([
      id(21),
    ]);
    expect(ids(await search({ searchInput: '', included: ['pet'] }))).toEqual([id(21), id(22)]);
    expect(
      ids(await search({ searchInput: '', excluded: ['person', 'workspaceMember', 'pet'] })),
    ).toEqual([id(11)]);
  });

  it('finds CJK text inside a label, which the tsvector parser keeps as one token', async () => {
    expect(ids(await search({ searchInput: '商业', included: ['pet'] }))).toEqual([id(22)]);
  });

  it('follows soft deletion and refuses limits over 100', async () => {
    await coreGraphql(ws, `mutation { deletePet(id: "${id(21)}") { id } }`);
    expect(ids(await search({ searchInput: 'searchInput1' }))).toEqual([id(1)]);
    await coreGraphql(ws, `mutation { restorePet(id: "${id(21)}") { id } }`);
    const refused = await coreGraphql(ws, SEARCH, { searchInput: 'x', limit: 101 });
    expect(refused.errors?.[0]?.message).toBe('Limit cannot exceed 100 items');
  });
});
