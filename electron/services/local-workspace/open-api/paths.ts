import { capitalize, type ItemNames, type JsonObject } from './open-api-types';
import {
  getArrayRequestBody,
  getCreateManyResponse201,
  getCreateOneResponse201,
  getDeleteManyResponse200,
  getDeleteResponse200,
  getFindDuplicatesRequestBody,
  getFindDuplicatesResponse200,
  getFindManyResponse200,
  getFindOneResponse200,
  getGroupByResponse200,
  getMergeManyRequestBody,
  getMergeManyResponse200,
  getRequestBody,
  getRestoreManyResponse200,
  getRestoreOneResponse200,
  getUpdateManyResponse200,
  getUpdateOneResponse200,
  getUpdateRequestBody,
} from './responses';

/** Twenty's path.utils.ts: the path items of one object of the core document. */
const param = (name: string): JsonObject => ({ $ref: `#/components/parameters/${name}` });
const errors = {
  '400': { $ref: '#/components/responses/400' },
  '401': { $ref: '#/components/responses/401' },
};

export const computeBatchPath = (item: ItemNames): JsonObject => ({
  post: {
    tags: [item.namePlural],
    summary: `Create Many ${item.namePlural}`,
    operationId: `createMany${capitalize(item.namePlural)}`,
    parameters: [param('depth'), param('upsert')],
    requestBody: getArrayRequestBody(capitalize(item.nameSingular)),
    responses: { '201': getCreateManyResponse201(item), ...errors },
  },
});

export const computeManyResultPath = (item: ItemNames): JsonObject => ({
  get: {
    tags: [item.namePlural],
    summary: `Find Many ${item.namePlural}`,
    description: `**order_by**, **filter**, **limit**, **depth**, **starting_after** or **ending_before** can be provided to request your **${item.namePlural}**`,
    operationId: `findMany${capitalize(item.namePlural)}`,
    parameters: ['orderBy', 'filter', 'limit', 'depth', 'startingAfter', 'endingBefore'].map(param),
    responses: { '200': getFindManyResponse200(item), ...errors },
  },
  post: {
    tags: [item.namePlural],
    summary: `Create One ${item.nameSingular}`,
    operationId: `createOne${capitalize(item.nameSingular)}`,
    parameters: [param('depth'), param('upsert')],
    requestBody: getRequestBody(capitalize(item.nameSingular)),
    responses: { '201': getCreateOneResponse201(item), ...errors },
  },
  delete: {
    tags: [item.namePlural],
    summary: `Delete Many ${item.namePlural}`,
    operationId: `deleteMany${capitalize(item.namePlural)}`,
    parameters: [param('filter'), param('softDelete')],
    responses: { '200': getDeleteManyResponse200(item), ...errors },
  },
  patch: {
    tags: [item.namePlural],
    summary: `Update Many ${item.namePlural}`,
    operationId: `updateMany${capitalize(item.namePlural)}`,
    parameters: [param('depth'), param('filter')],
    requestBody: getUpdateRequestBody(capitalize(item.nameSingular)),
    responses: { '200': getUpdateManyResponse200(item), ...errors },
  },
});

export const computeSingleResultPath = (item: ItemNames): JsonObject => ({
  get: {
    tags: [item.namePlural],
    summary: `Find One ${item.nameSingular}`,
    description: `**depth** can be provided to request your **${item.nameSingular}**`,
    operationId: `findOne${capitalize(item.nameSingular)}`,
    parameters: [param('idPath'), param('depth')],
    responses: { '200': getFindOneResponse200(item), ...errors },
  },
  delete: {
    tags: [item.namePlural],
    summary: `Delete One ${item.nameSingular}`,
    operationId: `deleteOne${capitalize(item.nameSingular)}`,
    parameters: [param('idPath'), param('softDelete')],
    responses: { '200': getDeleteResponse200(item), ...errors },
  },
  patch: {
    tags: [item.namePlural],
    summary: `Update One ${item.nameSingular}`,
    // Capital U: as Twenty.
    operationId: `UpdateOne${capitalize(item.nameSingular)}`,
    parameters: [param('idPath'), param('depth')],
    requestBody: getUpdateRequestBody(capitalize(item.nameSingular)),
    responses: { '200': getUpdateOneResponse200(item), ...errors },
  },
});

export const computeDuplicatesResultPath = (item: ItemNames): JsonObject => ({
  post: {
    tags: [item.namePlural],
    summary: `Find ${item.nameSingular} Duplicates`,
    description: `**depth** can be provided to request your **${item.nameSingular}**`,
    operationId: `find${capitalize(item.nameSingular)}Duplicates`,
    parameters: [param('depth')],
    requestBody: getFindDuplicatesRequestBody(capitalize(item.nameSingular)),
    responses: { '200': getFindDuplicatesResponse200(item), ...errors },
  },
});

export const computeRestoreOneResultPath = (item: ItemNames): JsonObject => ({
  patch: {
    tags: [item.namePlural],
    summary: `Restore One ${item.nameSingular}`,
    operationId: `restoreOne${capitalize(item.nameSingular)}`,
    parameters: [param('idPath'), param('depth')],
    responses: { '200': getRestoreOneResponse200(item), ...errors },
  },
});

export const computeRestoreManyResultPath = (item: ItemNames): JsonObject => ({
  patch: {
    tags: [item.namePlural],
    summary: `Restore Many ${item.namePlural}`,
    operationId: `restoreMany${capitalize(item.namePlural)}`,
    parameters: [param('filter'), param('depth')],
    responses: { '200': getRestoreManyResponse200(item), ...errors },
  },
});

export const computeMergeManyResultPath = (item: ItemNames): JsonObject => ({
  patch: {
    tags: [item.namePlural],
    summary: `Merge Many ${item.namePlural}`,
    operationId: `mergeMany${capitalize(item.namePlural)}`,
    parameters: [param('depth')],
    requestBody: getMergeManyRequestBody(),
    responses: { '200': getMergeManyResponse200(item), ...errors },
  },
});

export const computeGroupByResultPath = (item: ItemNames): JsonObject => ({
  get: {
    tags: [item.namePlural],
    summary: `Group By ${item.namePlural}`,
    description: `Groups **${item.namePlural}** by specified fields and optionally computes aggregate values for each group.`,
    operationId: `groupBy${capitalize(item.namePlural)}`,
    parameters: [
      'groupBy',
      'filter',
      'orderBy',
      'limit',
      'viewId',
      'aggregate',
      'includeRecordsSample',
      'orderByForRecords',
    ].map(param),
    // No 400/401 here: as Twenty.
    responses: { '200': getGroupByResponse200(item) },
  },
});

/** The dashboard duplicate route Twenty adds to every workspace document. */
export const dashboardDuplicatePath = (): JsonObject => ({
  post: {
    tags: ['dashboards'],
    summary: 'Duplicate a dashboard',
    description: 'Creates a duplicate of an existing dashboard',
    operationId: 'duplicateDashboard',
    parameters: [param('idPath')],
    responses: {
      '201': {
        description: 'Dashboard duplicated successfully',
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/DashboardForResponse' } },
        },
      },
      ...errors,
    },
  },
});

/** Twenty's `computeSchemaTags` (compute-schema-tags.utils.ts). */
export const computeSchemaTags = (
  items: ItemNames[],
): Array<{ name: string; description: string }> => [
  { name: 'General', description: 'General requests' },
  ...items.map((item) => ({
    name: item.namePlural,
    description: `Object \`${capitalize(item.namePlural)}\``,
  })),
];
