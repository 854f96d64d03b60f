import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { generateCoreClientFromSchema } from 'twenty-client-sdk/generate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/**
 * Twenty's CoreApiClient is generated per workspace from its `/graphql` schema (twenty-client-sdk
 * `generateCoreClientFromSchema`, the same genql generation `twenty-sdk` runs): the client
 * generated from the local workspace's schema must compile and work against it.
 */
type CoreClient = {
  query: (request: Record<string, unknown>) => Promise<any>;
  mutation: (request: Record<string, unknown>) => Promise<any>;
};

describe.each(testEngines())('CoreApiClient generated from the local workspace (%s)', (engine) => {
  let ws: WorkspaceProcess;
  let dir: string;
  let client: CoreClient;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
    const introspection = await coreGraphql(ws, getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    const sdl = printSchema(buildClientSchema(introspection.data as never));
    dir = await mkdtemp(join(tmpdir(), 'atelier-core-client-'));
    await generateCoreClientFromSchema({ schema: sdl, outputPath: dir });
    const { CoreApiClient } = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as {
      CoreApiClient: new (options: { url: string; headers: Record<string, string> }) => CoreClient;
    };
    client = new CoreApiClient({
      url: `${ws.url}/graphql`,
      headers: { Authorization: `Bearer ${ws.apiKey}` },
    });
  }, 120_000);
  afterAll(async () => {
    await ws?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads, writes, aggregates, groups and searches through the generated client', async () => {
    const page = await client.query({
      companies: {
        __args: { first: 2, orderBy: [{ name: 'AscNullsFirst' }] },
        totalCount: true,
        pageInfo: { hasNextPage: true },
        edges: { node: { id: true, name: true, domainName: { primaryLinkUrl: true } } },
      },
    });
    expect(page.companies.edges).toHaveLength(2);
    expect(page.companies.pageInfo.hasNextPage).toBe(true);

    const { createCompany } = await client.mutation({
      createCompany: {
        __args: { data: { name: 'Generated Client Co' } },
        id: true,
        name: true,
        position: true,
      },
    });
    expect(createCompany.name).toBe('Generated Client Co');
    const { createPeople } = await client.mutation({
      createPeople: {
        __args: {
          data: [{ name: { firstName: 'Gen', lastName: 'Client' }, companyId: createCompany.id }],
        },
        id: true,
        company: { name: true },
      },
    });
    expect(createPeople[0].company.name).toBe('Generated Client Co');

    const filtered = await client.query({
      people: {
        __args: { filter: { company: { name: { eq: 'Generated Client Co' } } } },
        totalCount: true,
        countNotEmptyEmails: true,
      },
    });
    expect(filtered.people.totalCount).toBe(1);

    const groups = await client.query({
      opportunitiesGroupBy: {
        __args: { groupBy: [{ stage: true }], limit: 10 },
        groupByDimensionValues: true,
        totalCount: true,
      },
    });
    expect(groups.opportunitiesGroupBy.length).toBeGreaterThan(0);

    const found = await client.query({
      search: {
        __args: { searchInput: 'Generated Client', limit: 5 },
        edges: { node: { recordId: true, objectNameSingular: true, label: true } },
      },
    });
    expect(
      found.search.edges.map((edge: { node: { recordId: string } }) => edge.node.recordId),
    ).toContain(createCompany.id);

    const refused = await client
      .mutation({
        updateCompany: {
          __args: { id: '00000000-0000-4000-8000-000000000000', data: { name: 'x' } },
          id: true,
        },
      })
      .catch((error: { errors?: Array<{ extensions?: { code?: string } }> }) => error);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
