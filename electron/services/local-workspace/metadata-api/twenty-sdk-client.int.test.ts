import { MetadataApiClient } from 'twenty-client-sdk/metadata';
import { RestApiClient } from 'twenty-client-sdk/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/** Twenty's own published clients, unmodified, pointed at the local workspace. */
describe.each(testEngines())('twenty-client-sdk against the local workspace (%s)', (engine) => {
  let ws: WorkspaceProcess;
  let client: MetadataApiClient;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
    client = new MetadataApiClient({
      url: `${ws.url}/metadata`,
      headers: { Authorization: `Bearer ${ws.apiKey}` },
    });
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('lists objects with their fields', async () => {
    const result = await client.query({
      objects: {
        __args: { paging: { first: 1000 }, filter: {} },
        edges: {
          node: {
            id: true,
            nameSingular: true,
            namePlural: true,
            isSystem: true,
            fieldsList: {
              id: true,
              name: true,
              type: true,
              isNullable: true,
              relation: { type: true, targetObjectMetadata: { nameSingular: true } },
            },
          },
        },
        pageInfo: { hasNextPage: true, endCursor: true },
      },
    });
    const person = result.objects.edges.find((edge) => edge.node.nameSingular === 'person')!.node;
    expect(person.namePlural).toBe('people');
    const company = person.fieldsList.find((field) => field.name === 'company')!;
    expect(company.type).toBe('RELATION');
    expect(company.relation).toMatchObject({
      type: 'MANY_TO_ONE',
      targetObjectMetadata: { nameSingular: 'company' },
    });
    expect(result.objects.pageInfo.hasNextPage).toBe(false);
  });

  it('creates an object, fields and a relation', async () => {
    const { createOneObject } = await client.mutation({
      createOneObject: {
        __args: {
          input: {
            object: {
              nameSingular: 'vehicle',
              namePlural: 'vehicles',
              labelSingular: 'Vehicle',
              labelPlural: 'Vehicles',
              icon: 'IconCar',
            },
          },
        },
        id: true,
        nameSingular: true,
      },
    });
    expect(createOneObject.nameSingular).toBe('vehicle');

    const { createOneField: plate } = await client.mutation({
      createOneField: {
        __args: {
          input: {
            field: {
              objectMetadataId: createOneObject.id,
              type: 'TEXT',
              name: 'plate',
              label: 'Plate',
              isUnique: true,
            },
          },
        },
        id: true,
        name: true,
        isUnique: true,
      },
    });
    expect(plate).toMatchObject({ name: 'plate', isUnique: true });

    const { createOneField: fuel } = await client.mutation({
      createOneField: {
        __args: {
          input: {
            field: {
              objectMetadataId: createOneObject.id,
              type: 'SELECT',
              name: 'fuel',
              label: 'Fuel',
              // The SDK types JSON scalars as objects; Twenty's server takes arrays and strings here.
              options: [
                { label: 'Petrol', value: 'PETROL', color: 'orange', position: 0 },
                { label: 'Electric', value: 'ELECTRIC', color: 'green', position: 1 },
              ] as unknown as Record<string, unknown>,
              defaultValue: "'ELECTRIC'" as unknown as Record<string, unknown>,
            },
          },
        },
        id: true,
        options: true,
        defaultValue: true,
      },
    });
    expect((fuel as Record<string, unknown>).defaultValue).toBe("'ELECTRIC'");

    const objects = await client.query({
      objects: {
        __args: { paging: { first: 1000 }, filter: {} },
        edges: { node: { id: true, nameSingular: true } },
      },
    });
    const companyId = objects.objects.edges.find((edge) => edge.node.nameSingular === 'company')!
      .node.id;
    const { createOneField: owner } = await client.mutation({
      createOneField: {
        __args: {
          input: {
            field: {
              objectMetadataId: createOneObject.id,
              type: 'RELATION',
              name: 'ownerCompany',
              label: 'Owner company',
              relationCreationPayload: {
                type: 'MANY_TO_ONE',
                targetObjectMetadataId: companyId,
                targetFieldLabel: 'Fleet',
                targetFieldIcon: 'IconCar',
              },
            },
          },
        },
        id: true,
        settings: true,
        relation: {
          type: true,
          targetObjectMetadata: { nameSingular: true },
          targetFieldMetadata: { name: true },
        },
      },
    });
    expect(owner.relation).toMatchObject({
      type: 'MANY_TO_ONE',
      targetObjectMetadata: { nameSingular: 'company' },
      targetFieldMetadata: { name: 'fleet' },
    });
    expect(owner.settings).toMatchObject({ joinColumnName: 'ownerCompanyId' });
  });

  it('surfaces Twenty’s validation errors to the client', async () => {
    await expect(
      client.mutation({
        createOneObject: {
          __args: {
            input: {
              object: {
                nameSingular: 'Bad Name',
                namePlural: 'badNames',
                labelSingular: 'Bad',
                labelPlural: 'Bads',
              },
            },
          },
          id: true,
        },
      }),
    ).rejects.toMatchObject({
      errors: [
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'METADATA_VALIDATION_FAILED' }),
        }),
      ],
    });
  });

  it('serves the SDK’s REST client on /rest/metadata', async () => {
    const restClient = new RestApiClient({ baseUrl: ws.url, token: ws.apiKey });
    // A new workspace answers Twenty's default "new format" envelope: the list itself in `data`.
    const body = await restClient.get<{ data: Array<{ nameSingular: string }> }>(
      '/rest/metadata/objects',
      { query: { limit: 3 } },
    );
    expect(body.data).toHaveLength(3);
  });
});
