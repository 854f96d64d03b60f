import type { SqlExecutor } from '../storage/sql-engine';
import { quoteIdentifier as q } from '../storage/sql-engine';
import { visibleWhere } from './find-records';
import { resolveFieldPath } from './query/field-path';
import type { FilterNode } from '../../../../shared/domain/rest-grammar/filter-ast';
import { SqlParams } from './query/sql-params';
import { RecordError } from './record-errors';
import { rowToRecord, type ObjectShape } from './record-shape';

/**
 * Group-by as Twenty's common group-by runner: dimensions are fields, composite sub-fields or
 * date fields at a granularity; each group carries its dimension values, the requested aggregates
 * and (on request) a sample of its records. REST and GraphQL both call this.
 */
export const DATE_GRANULARITIES = [
  'DAY',
  'WEEK',
  'MONTH',
  'QUARTER',
  'YEAR',
  'DAY_OF_THE_WEEK',
  'MONTH_OF_THE_YEAR',
  'QUARTER_OF_THE_YEAR',
  'NONE',
] as const;
export type DateGranularity = (typeof DATE_GRANULARITIES)[number];

export interface GroupDimension {
  path: string[];
  granularity?: DateGranularity;
}

const invalid = (message: string) => new RecordError(message, 'BAD_REQUEST', 'INVALID_QUERY_INPUT');

/** `[{ stage: true }, { closeDate: { granularity: "MONTH" } }, { amount: { currencyCode: true } }]` */
export const parseGroupBy = (input: unknown): GroupDimension[] => {
  if (!Array.isArray(input) || input.length === 0)
    throw invalid('groupBy must be a non-empty array');
  return input.flatMap((item) =>
    Object.entries((item ?? {}) as Record<string, unknown>).flatMap(
      ([field, value]): GroupDimension[] => {
        if (value === true) return [{ path: [field] }];
        if (value && typeof value === 'object') {
          const granularity = (value as { granularity?: unknown }).granularity;
          if (granularity !== undefined) {
            if (!(DATE_GRANULARITIES as readonly unknown[]).includes(granularity))
              throw invalid(`Invalid date granularity: ${String(granularity)}`);
            return [{ path: [field], granularity: granularity as DateGranularity }];
          }
          return Object.entries(value as Record<string, unknown>)
            .filter(([, flag]) => flag === true)
            .map(([sub]) => ({ path: [field, sub] }));
        }
        return [];
      },
    ),
  );
};

const dimensionSql = (shape: ObjectShape, dimension: GroupDimension): string => {
  const resolved = resolveFieldPath(shape, dimension.path);
  if (!resolved || resolved.isComposite)
    throw invalid(
      `Cannot group by '${dimension.path.join('.')}' on '${shape.object.nameSingular}'`,
    );
  const column = q(resolved.column);
  const granularity =
    dimension.granularity && dimension.granularity !== 'NONE' ? dimension.granularity : null;
  if (!granularity)
    return resolved.type === 'DATE_TIME'
      ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : `${column}::text`;
  if (resolved.type !== 'DATE' && resolved.type !== 'DATE_TIME')
    throw invalid(
      `Date granularity is only available on date fields, not '${dimension.path.join('.')}'`,
    );
  const utc = resolved.type === 'DATE_TIME' ? `(${column} AT TIME ZONE 'UTC')` : column;
  switch (granularity) {
    case 'DAY':
      return `to_char(${utc}, 'YYYY-MM-DD')`;
    case 'WEEK':
      return `to_char(date_trunc('week', ${utc}), 'YYYY-MM-DD')`;
    case 'MONTH':
      return `to_char(${utc}, 'YYYY-MM')`;
    case 'QUARTER':
      return `to_char(${utc}, 'YYYY-"Q"Q')`;
    case 'YEAR':
      return `to_char(${utc}, 'YYYY')`;
    case 'DAY_OF_THE_WEEK':
      return `trim(to_char(${utc}, 'Day'))`;
    case 'MONTH_OF_THE_YEAR':
      return `trim(to_char(${utc}, 'Month'))`;
    case 'QUARTER_OF_THE_YEAR':
      return `'Q' || to_char(${utc}, 'Q')`;
  }
};

export interface RecordGroup {
  groupByDimensionValues: unknown[];
  aggregates: Record<string, unknown>;
  /** Records of this group (first `limit`), fetched on demand. */
  records: (limit: number) => Promise<Record<string, unknown>[]>;
  /** Any other aggregate over this group's records. */
  aggregate: (expression: string) => Promise<unknown>;
}

export const groupRecords = async (
  db: SqlExecutor,
  shape: ObjectShape,
  args: {
    filter: FilterNode | null;
    dimensions: GroupDimension[];
    aggregates: Map<string, string>;
    limit?: number;
  },
): Promise<RecordGroup[]> => {
  const dimensions = args.dimensions.map((dimension) => dimensionSql(shape, dimension));
  const params = new SqlParams();
  const where = visibleWhere(shape, args.filter, params);
  const aggregateNames = [...args.aggregates.keys()];
  const select = [
    ...dimensions.map((sql, i) => `${sql} AS "d${i}"`),
    ...aggregateNames.map((name, i) => `${args.aggregates.get(name)} AS "a${i}"`),
  ];
  const groupBy = dimensions.map((_, i) => String(i + 1)).join(', ');
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${select.join(', ')} FROM ${shape.qualifiedTable} WHERE ${where} GROUP BY ${groupBy} ORDER BY ${groupBy} LIMIT ${args.limit ?? 200}`,
    params.values,
  );
  // Everything one group covers: the filter plus equality on each dimension.
  const groupScope = (values: unknown[]) => {
    const scopeParams = new SqlParams();
    const conditions = [
      visibleWhere(shape, args.filter, scopeParams),
      ...dimensions.map(
        (sql, i) => `${sql} IS NOT DISTINCT FROM ${scopeParams.add(values[i])}::text`,
      ),
    ];
    return { where: conditions.join(' AND '), params: scopeParams.values };
  };
  return rows.map((row) => {
    const values = dimensions.map((_, i) => row[`d${i}`] ?? null);
    return {
      groupByDimensionValues: values,
      aggregates: Object.fromEntries(aggregateNames.map((name, i) => [name, row[`a${i}`] ?? null])),
      records: async (limit: number) => {
        const scope = groupScope(values);
        const result = await db.query<Record<string, unknown>>(
          `SELECT ${shape.selectList} FROM ${shape.qualifiedTable} WHERE ${scope.where} ORDER BY "id" LIMIT ${limit}`,
          scope.params,
        );
        return result.rows.map((record) => rowToRecord(shape, record));
      },
      aggregate: async (expression: string) => {
        const scope = groupScope(values);
        const result = await db.query<{ value: unknown }>(
          `SELECT ${expression} AS "value" FROM ${shape.qualifiedTable} WHERE ${scope.where}`,
          scope.params,
        );
        return result.rows[0]?.value ?? null;
      },
    };
  });
};
