import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  validate,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { MetadataApiClient } from 'twenty-client-sdk/metadata';
import { beforeAll, describe, expect, it } from 'vitest';

import { parseTsType } from './parse-genql-dts.js';
import { loadTwentyMetadataSchema, loadTwentyMetadataSdl } from './sdk-schema.js';

let schema: GraphQLSchema;
beforeAll(() => {
  schema = loadTwentyMetadataSchema();
});

const queryField = (name: string) => schema.getQueryType()?.getFields()[name];
const mutationField = (name: string) => schema.getMutationType()?.getFields()[name];
const signature = (field: GraphQLField<unknown, unknown> | undefined) =>
  field &&
  `(${field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ')}): ${String(field.type)}`;
const validationErrors = (document: string) =>
  validate(schema, parse(document)).map((error) => error.message);

describe('Twenty metadata schema derived from twenty-client-sdk', () => {
  it('builds a valid, memoised schema with all three root types', () => {
    expect(loadTwentyMetadataSchema()).toBe(schema);
    expect(loadTwentyMetadataSdl()).toMatch(
      /^schema \{\n {2}query: Query\n {2}mutation: Mutation\n {2}subscription: Subscription\n\}$/m,
    );
    expect(schema.getSubscriptionType()?.name).toBe('Subscription');
  });

  it('exposes the object and field CRUD operations with the SDK’s argument types', () => {
    expect(signature(queryField('objects'))).toBe(
      '(paging: CursorPaging!, filter: ObjectFilter!): ObjectConnection!',
    );
    expect(signature(queryField('object'))).toBe('(id: UUID!): Object!');
    expect(signature(mutationField('createOneObject'))).toBe(
      '(input: CreateOneObjectInput!): Object!',
    );
    expect(signature(mutationField('updateOneObject'))).toBe(
      '(input: UpdateOneObjectInput!): Object!',
    );
    expect(signature(mutationField('deleteOneObject'))).toBe(
      '(input: DeleteOneObjectInput!): Object!',
    );
    expect(signature(mutationField('createOneField'))).toBe(
      '(input: CreateOneFieldMetadataInput!): Field!',
    );
    expect(signature(mutationField('updateOneField'))).toBe(
      '(input: UpdateOneFieldMetadataInput!): Field!',
    );
    expect(signature(mutationField('deleteOneField'))).toBe(
      '(input: DeleteOneFieldInput!): Field!',
    );
    expect(signature(mutationField('generateApiKeyToken'))).toBe(
      '(apiKeyId: UUID!, expiresAt: String!): ApiKeyToken!',
    );
  });

  it('restores the nestjs-query connection defaults genql drops, so `paging`/`filter` may be omitted', () => {
    const objects = queryField('objects');
    expect(objects?.args.find((arg) => arg.name === 'paging')?.defaultValue).toEqual({ first: 10 });
    expect(objects?.args.find((arg) => arg.name === 'filter')?.defaultValue).toEqual({});
    // Twenty's own frontend sends exactly this document.
    expect(
      validationErrors(
        '{ objects(paging: { first: 1000 }) { edges { node { id fields { edges { node { id } } } } } } }',
      ),
    ).toEqual([]);
  });

  it('models Field.type as the 25-value FieldMetadataType enum', () => {
    const fieldType = schema.getType('Field');
    expect(isObjectType(fieldType)).toBe(true);
    const typeField = isObjectType(fieldType) ? fieldType.getFields().type : undefined;
    expect(String(typeField?.type)).toBe('FieldMetadataType!');
    const enumType = typeField && getNamedType(typeField.type);
    expect(isEnumType(enumType)).toBe(true);
    const values = isEnumType(enumType) ? enumType.getValues().map((value) => value.name) : [];
    expect(values).toHaveLength(25);
    expect(values).toEqual(
      expect.arrayContaining(['RICH_TEXT', 'FILES', 'RELATION', 'MORPH_RELATION']),
    );
  });

  it('keeps nullability, nested lists, deprecations and removed fields as in 2.43', () => {
    const object = schema.getType('Object');
    if (!isObjectType(object)) throw new Error('Object is not an object type');
    const fields = object.getFields();
    expect(fields.isCustom).toBeUndefined(); // removed in 2.23
    expect(validationErrors('{ objects { edges { node { isCustom } } } }')).toEqual([
      expect.stringContaining('Cannot query field "isCustom" on type "Object".'),
    ]);
    expect(String(fields.description?.type)).toBe('String');
    expect(String(fields.nameSingular?.type)).toBe('String!');
    expect(String(fields.duplicateCriteria?.type)).toBe('[[String!]!]');
    expect(String(fields.fieldsList?.type)).toBe('[Field!]!');
    expect(fields.isUIReadOnly?.deprecationReason).toBe('Use isUIEditable');

    const createObjectInput = schema.getType('CreateObjectInput');
    if (!isInputObjectType(createObjectInput))
      throw new Error('CreateObjectInput is not an input type');
    expect(String(createObjectInput.getFields().nameSingular?.type)).toBe('String!');
    expect(String(createObjectInput.getFields().icon?.type)).toBe('String');
  });

  it('distinguishes interfaces from unions', () => {
    const billingProduct = schema.getType('BillingProductDTO');
    expect(isInterfaceType(billingProduct)).toBe(true);
    const licensed = schema.getType('BillingLicensedProduct');
    expect(isObjectType(licensed) && licensed.getInterfaces().map((i) => i.name)).toEqual([
      'BillingProductDTO',
    ]);
    const payload = schema.getType('CommandMenuItemPayload');
    expect(isUnionType(payload) && payload.getTypes().map((t) => t.name)).toEqual([
      'PathCommandMenuItemPayload',
      'ObjectMetadataCommandMenuItemPayload',
    ]);
  });

  it('validates every operation the SDK’s own MetadataApiClient generates', async () => {
    const documents: string[] = [];
    const client = new MetadataApiClient({
      url: 'http://local-workspace.test/metadata',
      // Captures the client's documents; the answer is irrelevant here.
      fetch: async (_url: RequestInfo | URL, init?: RequestInit) => {
        documents.push((JSON.parse(String(init?.body)) as { query: string }).query);
        return new Response(JSON.stringify({ data: null }), {
          headers: { 'Content-Type': 'application/json' },
        });
      },
    });
    const id = '20202020-0000-4000-8000-000000000001';

    await client.query({
      objects: {
        __args: { paging: { first: 1000 }, filter: {} },
        edges: {
          node: {
            id: true,
            nameSingular: true,
            fieldsList: {
              id: true,
              name: true,
              type: true,
              relation: { type: true, targetObjectMetadata: { id: true } },
            },
          },
        },
        pageInfo: { hasNextPage: true, endCursor: true },
      },
    });
    await client.query({
      object: { __args: { id }, __scalar: true, indexMetadataList: { __scalar: true } },
    });
    await client.query({
      fields: {
        __args: { paging: { first: 10 }, filter: { objectMetadataId: { eq: id } } },
        edges: { node: { __scalar: true } },
      },
    });
    await client.query({
      apiKeys: {
        id: true,
        name: true,
        expiresAt: true,
        revokedAt: true,
        role: { id: true, label: true },
      },
    });
    await client.query({ apiKey: { __args: { input: { id } }, id: true } });
    await client.query({ currentWorkspace: { id: true } });
    await client.query({ getRoles: { id: true, label: true } });
    await client.mutation({
      createOneObject: {
        __args: {
          input: {
            object: {
              nameSingular: 'pet',
              namePlural: 'pets',
              labelSingular: 'Pet',
              labelPlural: 'Pets',
            },
          },
        },
        id: true,
        nameSingular: true,
      },
    });
    await client.mutation({
      updateOneObject: { __args: { input: { id, update: { labelSingular: 'Pet' } } }, id: true },
    });
    await client.mutation({ deleteOneObject: { __args: { input: { id } }, id: true } });
    await client.mutation({
      createOneField: {
        __args: {
          input: {
            field: { type: 'TEXT', name: 'nickname', label: 'Nickname', objectMetadataId: id },
          },
        },
        id: true,
        type: true,
      },
    });
    await client.mutation({
      updateOneField: {
        __args: { input: { id, update: { label: 'Nick' } } },
        id: true,
        label: true,
      },
    });
    await client.mutation({ deleteOneField: { __args: { input: { id } }, id: true } });
    await client.mutation({
      createApiKey: {
        __args: { input: { name: 'CI', expiresAt: '2100-01-01', roleId: id } },
        id: true,
      },
    });
    await client.mutation({
      generateApiKeyToken: { __args: { apiKeyId: id, expiresAt: '2100-01-01' }, token: true },
    });
    await client.mutation({ updateApiKey: { __args: { input: { id, name: 'CI 2' } }, id: true } });
    await client.mutation({
      revokeApiKey: { __args: { input: { id } }, id: true, revokedAt: true },
    });

    expect(documents).toHaveLength(17);
    expect(documents[0]).toMatch(
      /^query \(\$v1:CursorPaging!,\$v2:ObjectFilter!\)\{objects\(paging:\$v1,filter:\$v2\)/,
    );
    for (const document of documents)
      expect({ document, errors: validationErrors(document) }).toEqual({ document, errors: [] });
  });
});

describe('parseTsType (genql d.ts type expressions)', () => {
  it('decodes list and item nullability exactly', () => {
    expect(parseTsType("Scalars['String'][][]")).toEqual({
      kind: 'list',
      nullable: false,
      of: { kind: 'list', nullable: false, of: { kind: 'named', name: 'String', nullable: false } },
    });
    expect(parseTsType('(FieldFilter[] | null)')).toEqual({
      kind: 'list',
      nullable: true,
      of: { kind: 'named', name: 'FieldFilter', nullable: false },
    });
    expect(parseTsType("(Scalars['UUID'] | undefined)[]")).toEqual({
      kind: 'list',
      nullable: false,
      of: { kind: 'named', name: 'UUID', nullable: true },
    });
  });
});
