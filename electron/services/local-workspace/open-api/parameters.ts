import type { JsonObject } from './open-api-types';

/** Twenty's parameters.utils.ts and `computeParameterComponents` (components.utils.ts). */
const QUERY_MAX_RECORDS = 200;
const QUERY_DEFAULT_LIMIT_RECORDS = 60;

const query = (name: string, description: string, schema: JsonObject, extra: JsonObject = {}) => ({
  name,
  in: 'query',
  description,
  required: false,
  schema,
  ...extra,
});

export const computeParameterComponents = (fromMetadata = false): Record<string, JsonObject> => ({
  idPath: {
    name: 'id',
    in: 'path',
    description: 'Object id.',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  },
  startingAfter: query(
    'starting_after',
    'Returns objects starting after a specific cursor. You can find cursors in **startCursor** and **endCursor** in **pageInfo** in response data',
    { type: 'string' },
  ),
  endingBefore: query(
    'ending_before',
    'Returns objects ending before a specific cursor. You can find cursors in **startCursor** and **endCursor** in **pageInfo** in response data',
    { type: 'string' },
  ),
  filter: query(
    'filter',
    `Format: field[COMPARATOR]:value,field2[COMPARATOR]:value2.
    For like/ilike, use % as a wildcard (e.g. %value% for substring match).
    Refer to the filter section at the top of the page for more details.`,
    { type: 'string' },
    {
      examples: {
        simple: { value: 'createdAt[gte]:"2023-01-01"', description: 'A simple filter param' },
        simpleNested: {
          value: 'emails.primaryEmail[eq]:foo99@example.com',
          description: 'A simple composite type filter param',
        },
        complex: {
          value: 'or(createdAt[gte]:"2024-01-01",createdAt[lte]:"2023-01-01",not(id[is]:NULL))',
          description: 'A more complex filter param',
        },
        like: { value: 'name[like]:"%value%"', description: 'Pattern matching' },
      },
    },
  ),
  depth: query(
    'depth',
    `Determines the level of nested related objects to include in the response.
    - 0: Primary object only
    - 1: Primary object + direct relations`,
    { type: 'integer', enum: [0, 1], default: 1 },
  ),
  upsert: query('upsert', 'If true, creates the object or updates it if it already exists.', {
    type: 'boolean',
    default: false,
  }),
  softDelete: query(
    'soft_delete',
    'If true, soft deletes the objects. If false, objects are permanently deleted.',
    { type: 'boolean', default: false },
  ),
  orderBy: query(
    'order_by',
    `Format: **field_name_1,field_name_2[DIRECTION_2]
    Refer to the filter section at the top of the page for more details.`,
    { type: 'string' },
    {
      examples: {
        simple: { value: 'createdAt', summary: 'A simple order_by param' },
        complex: {
          value: 'id[AscNullsFirst],createdAt[DescNullsLast]',
          summary: 'A more complex order_by param',
        },
      },
    },
  ),
  limit: query('limit', 'Limits the number of objects returned.', {
    type: 'integer',
    minimum: 0,
    maximum: fromMetadata ? 1000 : QUERY_MAX_RECORDS,
    default: fromMetadata ? 1000 : QUERY_DEFAULT_LIMIT_RECORDS,
  }),
  groupBy: {
    ...query(
      'group_by',
      'Array of fields to group by. Each element can specify a field and optionally a subfield or granularity for date fields.',
      { type: 'string' },
      {
        examples: {
          simple: { value: '[{"updatedAt": true}]', summary: 'Group by a single field' },
          subfield: {
            value: '[{"assignee": {"name": true}}]',
            summary: 'Group by a relation field subfield',
          },
          dateGranularity: {
            value: '[{"createdAt": {"granularity": "MONTH"}}]',
            summary: 'Group by date with granularity (DAY, WEEK, MONTH, YEAR)',
          },
        },
      },
    ),
    required: true,
  },
  viewId: query('view_id', 'View ID to apply filters from.', { type: 'string', format: 'uuid' }),
  aggregate: query(
    'aggregate',
    'Array of aggregate operations to compute for each group.',
    { type: 'string' },
    {
      examples: {
        count: { value: '["countNotEmptyId"]', summary: 'Count non-empty IDs in each group' },
        multiple: {
          value: '["countNotEmptyId", "sumAmount"]',
          summary: 'Multiple aggregate operations',
        },
      },
    },
  ),
  includeRecordsSample: query(
    'include_records_sample',
    'If true, includes a sample of records for each group in the response.',
    { type: 'boolean', default: false },
  ),
  orderByForRecords: query(
    'order_by_for_records',
    'Order by clause for records within each group. Only applicable when include_records_sample is true.',
    { type: 'string' },
    { examples: { simple: { value: 'createdAt', summary: 'Order records by createdAt' } } },
  ),
});
