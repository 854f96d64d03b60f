import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/** Structural OpenAPI 3.1 checks (no validator in node_modules): every local $ref resolves. */
const expectValidOpenApi = (doc: any): void => {
  expect(doc.openapi).toBe('3.1.1');
  expect(doc.info).toMatchObject({ title: 'Twenty Api', version: 'v0.1' });
  expect(typeof doc.paths).toBe('object');
  const refs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.push(value);
        else walk(value);
      }
    }
  };
  walk(doc);
  for (const ref of refs) {
    expect(ref.startsWith('#/')).toBe(true);
    const target = ref
      .slice(2)
      .split('/')
      .reduce<any>((node, key) => node?.[key], doc);
    // Twenty's own `/dashboards/{id}/duplicate` points at DashboardForResponse even when the
    // workspace has no dashboard object; ours holds one, so every ref must resolve.
    expect(target, ref).toBeDefined();
  }
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const operation of Object.values<any>(item)) {
      expect(operation.responses, path).toBeDefined();
      for (const parameter of operation.parameters ?? []) {
        const resolved = parameter.$ref
          ? parameter.$ref
              .slice(2)
              .split('/')
              .reduce((node: any, key: string) => node?.[key], doc)
          : parameter;
        if (resolved.in === 'path') expect(path).toContain(`{${resolved.name}}`);
      }
    }
  }
};

describe.each(testEngines())('OpenAPI documents (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
    const created = await metadataGraphql(
      ws,
      `mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }`,
      {
        input: {
          object: {
            nameSingular: 'rocket',
            namePlural: 'rockets',
            labelSingular: 'Rocket',
            labelPlural: 'Rockets',
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('answers the base document without a token, and ignores ?token=', async () => {
    for (const path of ['/rest/open-api/core', '/open-api/core']) {
      const anonymous = await rest(ws, 'GET', path, undefined, null);
      expect(anonymous.status).toBe(200);
      expectValidOpenApi(anonymous.body);
      expect(Object.keys(anonymous.body.paths)).toEqual(['/open-api/core']);
      expect(anonymous.body.servers[0].url).toBe(`${ws.url}/rest/`);
      expect(anonymous.body.components).toEqual({
        securitySchemes: { bearerAuth: expect.objectContaining({ scheme: 'bearer' }) },
      });
    }
    const withQuery = await rest(
      ws,
      'GET',
      `/rest/open-api/core?token=${ws.apiKey}`,
      undefined,
      null,
    );
    expect(withQuery.status).toBe(200);
    expect(withQuery.body.paths['/people']).toBeUndefined();
    const invalid = await rest(ws, 'GET', '/rest/open-api/core', undefined, 'not-a-token');
    expect(invalid.status).toBe(200);
    expect(invalid.body.paths['/people']).toBeUndefined();
  });

  it('answers the workspace document with a valid bearer', async () => {
    const { status, body } = await rest(ws, 'GET', '/rest/open-api/core');
    expect(status).toBe(200);
    expectValidOpenApi(body);
    for (const plural of ['people', 'companies', 'rockets']) {
      expect(body.paths[`/${plural}`]).toHaveProperty('get');
      expect(Object.keys(body.paths[`/${plural}`])).toEqual(['get', 'post', 'delete', 'patch']);
      expect(Object.keys(body.paths[`/${plural}/{id}`])).toEqual(['get', 'delete', 'patch']);
      for (const suffix of ['/batch/', '/restore/'])
        expect(body.paths[`${suffix}${plural}`]).toBeDefined();
      expect(body.paths[`/restore/${plural}/{id}`]).toHaveProperty('patch');
      expect(body.paths[`/${plural}/duplicates`]).toHaveProperty('post');
      expect(body.paths[`/${plural}/merge`]).toHaveProperty('patch');
      expect(body.paths[`/${plural}/groupBy`]).toHaveProperty('get');
    }
    expect(body.paths['/people'].get.operationId).toBe('findManyPeople');
    expect(body.paths['/people/{id}'].patch.operationId).toBe('UpdateOnePerson');
    expect(body.paths['/batch/companies'].post.operationId).toBe('createManyCompanies');
    expect(body.paths['/rockets'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Rocket',
    });

    const schemas = body.components.schemas;
    for (const name of ['Person', 'PersonForUpdate', 'PersonForResponse', 'Rocket'])
      expect(schemas[name]).toBeDefined();
    expect(schemas.Person.properties.id).toBeUndefined();
    expect(schemas.PersonForResponse.properties.id).toMatchObject({
      type: 'string',
      format: 'uuid',
    });
    expect(schemas.Person.properties.name).toMatchObject({
      type: 'object',
      properties: { firstName: { type: 'string' }, lastName: { type: 'string' } },
    });
    expect(schemas.Person.properties.emails.properties.additionalEmails).toMatchObject({
      type: 'array',
      items: { type: 'string', format: 'email' },
    });
    expect(schemas.Person.properties.companyId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(schemas.PersonForResponse.properties.company).toMatchObject({
      type: 'object',
      oneOf: [{ $ref: '#/components/schemas/CompanyForResponse' }],
    });
    expect(schemas.CompanyForResponse.properties.people).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/PersonForResponse' },
    });
    expect(schemas.Company.properties.people).toBeUndefined();
    expect(schemas.Company.properties.domainName.type).toBe('object');
    expect(schemas.Company.properties.position.type).toBe('number');
    expect(schemas.Company.properties.createdBy.properties.source.enum).toContain('API');
    expect(schemas.Company.properties.searchVector).toBeUndefined();
    expect(schemas.Rocket.properties.name.type).toBe('string');
    expect(schemas.Rocket.example.name).toBe('Rocket name');
    expect(schemas.RocketForResponse.properties.createdAt).toMatchObject({
      type: 'string',
      format: 'date-time',
    });
    expect(body.components.parameters.limit.schema).toMatchObject({ maximum: 200, default: 60 });
    expect(body.components.responses['401'].description).toBe('Unauthorized');
    expect(body.tags[0]).toEqual({ name: 'General', description: 'General requests' });
    expect(body.tags).toContainEqual({ name: 'rockets', description: 'Object `Rockets`' });
    expect(
      body.webhooks['Rocket Updated'].post.requestBody.content['application/json'].schema,
    ).toMatchObject({ properties: { eventName: { example: 'rocket.updated' } } });
  });

  it('answers the metadata document', async () => {
    const anonymous = await rest(ws, 'GET', '/open-api/metadata', undefined, null);
    expect(anonymous.status).toBe(200);
    expect(Object.keys(anonymous.body.paths)).toEqual(['/open-api/metadata']);
    expect(anonymous.body.servers[0].url).toBe(`${ws.url}/rest/metadata`);

    const { status, body } = await rest(ws, 'GET', '/rest/open-api/metadata');
    expect(status).toBe(200);
    expectValidOpenApi(body);
    for (const plural of ['objects', 'fields', 'webhooks', 'apiKeys', 'views', 'pageLayouts']) {
      expect(Object.keys(body.paths[`/${plural}`])).toEqual(['get', 'post']);
      expect(Object.keys(body.paths[`/${plural}/{id}`])).toEqual(['delete', 'get', 'patch']);
    }
    expect(body.paths['/fields'].post.operationId).toBe('createOneField');
    expect(body.components.schemas.Field.required).toEqual([
      'type',
      'name',
      'label',
      'objectMetadataId',
    ]);
    expect(body.components.schemas.Field.properties.type.enum).toContain('RELATION');
    expect(body.components.schemas.ApiKey.required).toEqual(['name', 'expiresAt', 'roleId']);
    expect(body.components.parameters.limit.schema).toMatchObject({ maximum: 1000 });
  });
});
