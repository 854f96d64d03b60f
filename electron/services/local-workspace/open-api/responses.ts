import { randomUUID } from 'node:crypto';
import { capitalize, type ItemNames, type JsonObject } from './open-api-types';

/**
 * Twenty's responses.utils.ts, request-body.utils.ts and get-error-responses.utils.ts:
 * the response / request-body objects of every operation.
 */
const json = (schema: JsonObject): JsonObject => ({ 'application/json': { schema } });
const ok = (schema: JsonObject): JsonObject => ({
  description: 'Successful operation',
  content: json(schema),
});
const responseRef = (item: ItemNames): string =>
  `#/components/schemas/${capitalize(item.nameSingular)}ForResponse`;
const dataOf = (properties: JsonObject): JsonObject => ({
  type: 'object',
  properties: { data: { type: 'object', properties } },
});
const arrayOf = (ref: string): JsonObject => ({ type: 'array', items: { $ref: ref } });
const uuid = { type: 'string', format: 'uuid' };
const pageInfo = {
  type: 'object',
  properties: { hasNextPage: { type: 'boolean' }, startCursor: uuid, endCursor: uuid },
};

export const getFindManyResponse200 = (item: ItemNames, fromMetadata = false): JsonObject =>
  ok({
    type: 'object',
    properties: {
      data: { type: 'object', properties: { [item.namePlural]: arrayOf(responseRef(item)) } },
      pageInfo,
      ...(!fromMetadata && { totalCount: { type: 'integer' } }),
    },
  });

export const getFindOneResponse200 = (item: ItemNames): JsonObject =>
  ok(dataOf({ [item.nameSingular]: { $ref: responseRef(item) } }));

export const getRestoreOneResponse200 = (item: ItemNames): JsonObject =>
  ok(dataOf({ [`restore${capitalize(item.nameSingular)}`]: { $ref: responseRef(item) } }));

export const getRestoreManyResponse200 = (item: ItemNames): JsonObject =>
  ok(dataOf({ [`restore${capitalize(item.namePlural)}`]: arrayOf(responseRef(item)) }));

export const getCreateOneResponse201 = (item: ItemNames, fromMetadata = false): JsonObject =>
  ok(
    dataOf({
      [`create${fromMetadata ? 'One' : ''}${capitalize(item.nameSingular)}`]: {
        $ref: responseRef(item),
      },
    }),
  );

export const getCreateManyResponse201 = (item: ItemNames): JsonObject =>
  ok(dataOf({ [`create${capitalize(item.namePlural)}`]: arrayOf(responseRef(item)) }));

export const getUpdateOneResponse200 = (item: ItemNames, fromMetadata = false): JsonObject =>
  ok(
    dataOf({
      [`update${fromMetadata ? 'One' : ''}${capitalize(item.nameSingular)}`]: {
        $ref: responseRef(item),
      },
    }),
  );

export const getDeleteManyResponse200 = (item: ItemNames): JsonObject =>
  ok(
    dataOf({
      [`delete${capitalize(item.namePlural)}`]: {
        type: 'array',
        items: { type: 'object', properties: { id: uuid } },
      },
    }),
  );

export const getUpdateManyResponse200 = (item: ItemNames): JsonObject =>
  ok(dataOf({ [`update${capitalize(item.namePlural)}`]: arrayOf(responseRef(item)) }));

export const getDeleteResponse200 = (item: ItemNames, fromMetadata = false): JsonObject =>
  ok(
    dataOf({
      [`delete${fromMetadata ? 'One' : ''}${capitalize(item.nameSingular)}`]: {
        type: 'object',
        properties: { id: uuid },
      },
    }),
  );

export const getJsonResponse = (): JsonObject =>
  ok({
    type: 'object',
    properties: {
      openapi: { type: 'string' },
      info: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          description: { type: 'string' },
          termsOfService: { type: 'string' },
          contact: { type: 'object', properties: { email: { type: 'string' } } },
          license: {
            type: 'object',
            properties: { name: { type: 'string' }, url: { type: 'string' } },
          },
        },
      },
      servers: {
        type: 'array',
        items: {
          type: 'object',
          properties: { url: { type: 'string' }, description: { type: 'string' } },
        },
      },
      components: {
        type: 'object',
        properties: {
          schemas: { type: 'object' },
          parameters: { type: 'object' },
          responses: { type: 'object' },
        },
      },
      paths: { type: 'object' },
      tags: { type: 'object' },
    },
  });

export const getFindDuplicatesResponse200 = (item: ItemNames): JsonObject =>
  ok({
    type: 'object',
    properties: {
      data: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            totalCount: { type: 'number' },
            pageInfo,
            [`${item.nameSingular}Duplicates`]: arrayOf(responseRef(item)),
          },
        },
      },
    },
  });

export const getMergeManyResponse200 = (item: ItemNames): JsonObject =>
  ok(dataOf({ [`merge${capitalize(item.namePlural)}`]: { $ref: responseRef(item) } }));

export const getGroupByResponse200 = (item: ItemNames): JsonObject =>
  ok(
    dataOf({
      [`${item.namePlural}GroupBy`]: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            groupByDimensionValues: {
              type: 'array',
              description: 'Array of values representing each dimension in the group',
              items: { type: 'string' },
            },
            records: {
              type: 'array',
              description:
                'Sample of records for this group (only present when include_records_sample is true)',
              items: { $ref: responseRef(item) },
            },
          },
          additionalProperties: {
            type: 'number',
            description: 'Aggregate values (e.g., countNotEmptyId)',
          },
        },
      },
    }),
  );

// request-body.utils.ts
export const getRequestBody = (name: string): JsonObject => ({
  description: 'body',
  required: true,
  content: json({ $ref: `#/components/schemas/${name}` }),
});

export const getUpdateRequestBody = (name: string): JsonObject => ({
  description: 'body',
  required: true,
  content: json({ $ref: `#/components/schemas/${name}ForUpdate` }),
});

export const getArrayRequestBody = (name: string): JsonObject => ({
  required: true,
  content: json(arrayOf(`#/components/schemas/${name}`)),
});

export const getFindDuplicatesRequestBody = (name: string): JsonObject => ({
  description: 'body',
  required: true,
  content: json({
    type: 'object',
    properties: {
      data: arrayOf(`#/components/schemas/${name}`),
      ids: { type: 'array', items: uuid },
    },
    example: { ids: [randomUUID()] },
  }),
});

export const getMergeManyRequestBody = (): JsonObject => ({
  description: 'body',
  required: true,
  content: json({
    type: 'object',
    properties: {
      ids: { type: 'array', description: 'The IDs of the records to merge', items: uuid },
      conflictPriorityIndex: {
        type: 'number',
        description: 'The index of the record to use when conflicts occur',
      },
      dryRun: {
        description:
          'If true, the merge will not be performed and a preview of the merge will be returned.',
        type: 'boolean',
        default: false,
      },
    },
    example: { ids: [randomUUID()], conflictPriorityIndex: 0, dryRun: false },
    required: ['ids', 'conflictPriorityIndex'],
  }),
});

// get-error-responses.utils.ts (the 400 schema says `messages`, its example `message`: as Twenty)
export const get400ErrorResponses = (): JsonObject => ({
  description: 'Bad Request',
  content: json({
    type: 'object',
    properties: {
      statusCode: { type: 'number' },
      messages: { type: 'array', items: { type: 'string' } },
      error: { type: 'string' },
    },
    example: { statusCode: 400, message: 'error message', error: 'Bad Request' },
  }),
});

export const get401ErrorResponses = (): JsonObject => ({
  description: 'Unauthorized',
  content: json({
    type: 'object',
    properties: {
      statusCode: { type: 'number' },
      message: { type: 'string' },
      error: { type: 'string' },
    },
    example: { statusCode: 401, message: 'Token invalid.', error: 'Unauthorized' },
  }),
});
