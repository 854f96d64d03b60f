import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModel } from '../data-model/read-model';
import { createTwentyClient } from '../twenty-client';
import { rest } from '../local-workspace/testing/twenty-http';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import type { PlaygroundRequest } from '../../../shared/contract/playground';
import { curlOf, fetchOf, restAsGraphql } from '../../../shared/playground/snippets';
import { graphqlAsRest } from '../../../shared/playground/graphql-as-rest';

const run = promisify(execFile);

// Snippets run as copied: curl in a shell and fetch under tsx, the key from the environment,
// against the local workspace over real HTTP; a REST list and its GraphQL twin find the same records.
describe('request snippets', () => {
  let ws: WorkspaceProcess;
  let dir: string;
  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
    dir = await mkdtemp(join(tmpdir(), 'atelier-snippets-'));
    for (const name of ["O'Brien & Sons", 'Acme', 'Zeta', 'Beta'])
      expect((await rest(ws, 'POST', '/rest/companies', { name })).status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await ws?.dispose();
    await rm(dir, { recursive: true, force: true });
  });
  const env = () => ({ ...process.env, TWENTY_API_KEY: ws.apiKey });

  const graphql: PlaygroundRequest = {
    kind: 'graphql',
    api: 'core',
    query:
      'query Few($n: Int) { companies(first: $n, orderBy: [{ name: AscNullsFirst }]) { edges { node { name } } } }',
    variables: { n: 2 },
    operationName: null,
    headers: {},
  };
  const create: PlaygroundRequest = {
    kind: 'rest',
    api: 'core',
    method: 'POST',
    path: '/companies',
    body: { name: "It's quoted" },
    headers: { 'x-note': "it's fine" },
  };

  it('curl runs as copied, quotes included, and never holds the key', async () => {
    const snippet = curlOf(graphql, ws.url);
    expect(snippet).not.toContain(ws.apiKey);
    const { stdout } = await run('sh', ['-c', snippet], { env: env() });
    expect(JSON.parse(stdout).data.companies.edges.map((e: any) => e.node.name)).toEqual([
      'Acme',
      'Beta',
    ]);
    const created = JSON.parse(
      (await run('sh', ['-c', curlOf(create, ws.url)], { env: env() })).stdout,
    );
    expect(created.data.createCompany.name).toBe("It's quoted");
  });

  it('fetch (TypeScript) runs as copied', async () => {
    const file = join(dir, 'snippet.mts');
    await writeFile(file, `${fetchOf(graphql, ws.url)}\nexport {};\n`);
    expect(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'))).not.toContain(
      ws.apiKey,
    );
    const { stdout } = await run('npx', ['tsx', file], { env: env() });
    const [status, ...json] = stdout.split(' ');
    expect(status).toBe('200');
    expect(JSON.parse(json.join(' ')).data.companies.edges).toHaveLength(2);
  });

  it('a REST list and its GraphQL twin find the same records', async () => {
    const client = createTwentyClient({ baseUrl: ws.url, apiKey: ws.apiKey, rateLimit: null });
    try {
      const model = await readModel(client);
      const request: Extract<PlaygroundRequest, { kind: 'rest' }> = {
        kind: 'rest',
        api: 'core',
        method: 'GET',
        path: '/companies?filter=or(name[eq]:Acme,name[like]:%25eta%25)&order_by=name[DescNullsLast]&limit=5',
        body: null,
        headers: {},
      };
      const twin = restAsGraphql(request, model)!;
      expect(twin.query).toContain(
        'query CompanyList($first: Int, $filter: CompanyFilterInput, $orderBy: [CompanyOrderByInput])',
      );
      const viaRest = await rest(ws, 'GET', `/rest${request.path}`);
      const viaGraphql = await client.graphql<any>({
        query: twin.query,
        variables: twin.variables,
      });
      const restIds = (viaRest.body as any).data.companies.map((c: any) => c.id);
      expect(restIds).toHaveLength(3);
      expect(viaGraphql.companies.edges.map((e: any) => e.node.id)).toEqual(restIds);
    } finally {
      client.close();
    }
  });

  it('a GraphQL list and its REST twin find the same records', async () => {
    const client = createTwentyClient({ baseUrl: ws.url, apiKey: ws.apiKey, rateLimit: null });
    try {
      const model = await readModel(client);
      const query = `query Some($filter: CompanyFilterInput) {
        companies(filter: $filter, orderBy: [{ name: AscNullsFirst }], first: 3) {
          edges { node { id } }
        }
      }`;
      const variables = { filter: { or: [{ name: { eq: 'Zeta' } }, { name: { ilike: '%a%' } }] } };
      const twin = graphqlAsRest(
        { kind: 'graphql', api: 'core', query, variables, operationName: null, headers: {} },
        model,
      );
      if (!('request' in twin)) throw new Error(twin.problem);
      const viaGraphql = await client.graphql<any>({ query, variables });
      const viaRest = await rest(ws, 'GET', `/rest${twin.request.path}`);
      const graphqlIds = viaGraphql.companies.edges.map((e: any) => e.node.id);
      expect(graphqlIds).toHaveLength(3);
      expect((viaRest.body as any).data.companies.map((c: any) => c.id)).toEqual(graphqlIds);
    } finally {
      client.close();
    }
  });
});
