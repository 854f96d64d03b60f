import type { SqlExecutor } from '../storage/sql-engine';
import { quoteIdentifier as q, quoteLiteral } from '../storage/sql-engine';
import { visibleWhere } from './find-records';
import { resolveFieldPath } from './query/field-path';
import type { FilterNode } from '../../../../shared/domain/rest-grammar/filter-ast';
import { SqlParams } from './query/sql-params';
import { orderBySql } from './query/cursor';
import type { SortKey } from './query/order-by';
import { isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
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

export const FIRST_DAYS_OF_THE_WEEK = ['MONDAY', 'SUNDAY', 'SATURDAY'] as const;
export type FirstDayOfTheWeek = (typeof FIRST_DAYS_OF_THE_WEEK)[number];
export const ORDER_BY_DIRECTIONS = [
  'AscNullsFirst',
  'AscNullsLast',
  'DescNullsFirst',
  'DescNullsLast',
] as const;
type Direction = (typeof ORDER_BY_DIRECTIONS)[number];

export interface GroupDimension {
  path: string[];
  granularity?: DateGranularity;
  /** IANA zone the DAY…YEAR buckets of a date-time are computed in (required there, as in Twenty). */
  timeZone?: string;
  /** First day of WEEK buckets; MONDAY when absent. */
  weekStartDay?: FirstDayOfTheWeek;
}

const invalid = (message: string) => new RecordError(message, 'BAD_REQUEST', 'INVALID_QUERY_INPUT');

/**
 * `[{ stage: true }, { closeDate: { granularity: "MONTH", timeZone: "Europe/Paris" } },
 * { amount: { currencyCode: true } }]`
 */
export const parseGroupBy = (input: unknown): GroupDimension[] => {
  if (!Array.isArray(input) || input.length === 0)
    throw invalid('groupBy must be a non-empty array');
  return input.flatMap((item) =>
    Object.entries((item ?? {}) as Record<string, unknown>).flatMap(
      ([field, value]): GroupDimension[] => {
        if (value === true) return [{ path: [field] }];
        if (value && typeof value === 'object') {
          const { granularity, timeZone, weekStartDay } = value as Record<string, unknown>;
          if (granularity !== undefined && granularity !== null) {
            if (!(DATE_GRANULARITIES as readonly unknown[]).includes(granularity))
              throw invalid(`Invalid date granularity: ${String(granularity)}`);
            if (
              weekStartDay !== undefined &&
              weekStartDay !== null &&
              !(FIRST_DAYS_OF_THE_WEEK as readonly unknown[]).includes(weekStartDay)
            )
              throw invalid(`Invalid week start day: ${String(weekStartDay)}`);
            return [
              {
                path: [field],
                granularity: granularity as DateGranularity,
                ...(typeof timeZone === 'string' && timeZone !== '' ? { timeZone } : {}),
                ...(weekStartDay ? { weekStartDay: weekStartDay as FirstDayOfTheWeek } : {}),
              },
            ];
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

const TIME_ZONE_GRANULARITIES: readonly DateGranularity[] = [
  'DAY',
  'WEEK',
  'MONTH',
  'QUARTER',
  'YEAR',
];

const isValidTimeZone = (timeZone: string) => {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
};

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface DimensionSql {
  /** GROUP BY expression. */
  group: string;
  /** The dimension value as answered (text, or null). */
  value: string;
  /** ORDER BY expression (weekdays and months in calendar order, numbers as numbers). */
  order: string;
}

/** Source: Twenty's get-group-by-expression.util.ts / get-group-by-order-expression.util.ts. */
const dimensionSql = (shape: ObjectShape, dimension: GroupDimension): DimensionSql => {
  const resolved = resolveFieldPath(shape, dimension.path);
  if (!resolved || resolved.isComposite)
    throw invalid(
      `Cannot group by '${dimension.path.join('.')}' on '${shape.object.nameSingular}'`,
    );
  const column = q(resolved.column);
  const granularity =
    dimension.granularity && dimension.granularity !== 'NONE' ? dimension.granularity : null;
  if (!granularity) {
    const value =
      resolved.type === 'DATE_TIME'
        ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
        : `${column}::text`;
    return { group: column, value, order: column };
  }
  if (resolved.type !== 'DATE' && resolved.type !== 'DATE_TIME')
    throw invalid(
      `Date granularity is only available on date fields, not '${dimension.path.join('.')}'`,
    );
  const isDateTime = resolved.type === 'DATE_TIME';
  const textual = (sql: string): DimensionSql => ({ group: sql, value: sql, order: sql });
  if (isDateTime && TIME_ZONE_GRANULARITIES.includes(granularity)) {
    if (!dimension.timeZone)
      throw invalid(
        'Time zone should be specified for a group by date on Day, Week, Month, Quarter or Year',
      );
    if (!isValidTimeZone(dimension.timeZone))
      throw invalid(`Invalid timezone: ${dimension.timeZone}`);
  }
  // A checked zone name as a quoted literal: the expression repeats verbatim in SELECT and GROUP BY.
  const zone = isDateTime ? quoteLiteral(dimension.timeZone ?? 'UTC') : null;
  // date_trunc in the zone, then the local date of the bucket's start ('YYYY-MM-DD').
  const truncated = (unit: string, shift = '') => {
    const shifted = shift ? `${column} + INTERVAL '${shift}'` : column;
    const trunc = zone
      ? `date_trunc('${unit}', ${shifted}, ${zone})`
      : `date_trunc('${unit}', (${shifted})::timestamp)`;
    const back = shift ? `(${trunc} - INTERVAL '${shift}')` : trunc;
    return `to_char(${zone ? `${back} AT TIME ZONE ${zone}` : back}, 'YYYY-MM-DD')`;
  };
  const utc = isDateTime ? `(${column} AT TIME ZONE 'UTC')` : column;
  switch (granularity) {
    case 'DAY':
    case 'MONTH':
    case 'QUARTER':
    case 'YEAR':
      return textual(truncated(granularity.toLowerCase()));
    case 'WEEK':
      return textual(
        truncated(
          'week',
          dimension.weekStartDay === 'SUNDAY'
            ? '1 day'
            : dimension.weekStartDay === 'SATURDAY'
              ? '2 days'
              : '',
        ),
      );
    case 'DAY_OF_THE_WEEK': {
      const sql = `trim(to_char(${utc}, 'Day'))`;
      const start =
        dimension.weekStartDay === 'SUNDAY' ? 6 : dimension.weekStartDay === 'SATURDAY' ? 5 : 0;
      const days = [...WEEKDAYS.slice(start), ...WEEKDAYS.slice(0, start)];
      return {
        group: sql,
        value: sql,
        order: `CASE ${sql} ${days.map((day, i) => `WHEN '${day}' THEN ${i + 1}`).join(' ')} END`,
      };
    }
    case 'MONTH_OF_THE_YEAR': {
      const sql = `trim(to_char(${utc}, 'Month'))`;
      return {
        group: sql,
        value: sql,
        order: `CASE ${sql} ${MONTHS.map((month, i) => `WHEN '${month}' THEN ${i + 1}`).join(' ')} END`,
      };
    }
    case 'QUARTER_OF_THE_YEAR':
      return textual(`'Q' || to_char(${utc}, 'Q')`);
  }
};

const directionSql = (direction: Direction) =>
  `${direction.startsWith('Asc') ? 'ASC' : 'DESC'} NULLS ${direction.endsWith('NullsFirst') ? 'FIRST' : 'LAST'}`;

const isDirection = (value: unknown): value is Direction =>
  (ORDER_BY_DIRECTIONS as readonly unknown[]).includes(value);

const oneByOne = () => invalid('Please provide orderBy field criteria one by one in orderBy array');

/**
 * Group ordering as Twenty's GraphqlQueryOrderGroupByParser: `{ aggregate: { totalCount: Desc… } }`,
 * `{ field: Asc… }` / `{ composite: { sub: Asc… } }` for a grouped field, `{ dateField: { orderBy,
 * granularity } }` for a grouped date at that granularity.
 */
const groupOrderSql = (
  shape: ObjectShape,
  orderBy: unknown[],
  dimensions: GroupDimension[],
  sql: DimensionSql[],
  aggregateExpression: (name: string) => string | undefined,
): string[] =>
  orderBy.flatMap((item): string[] => {
    const entries = Object.entries((item ?? {}) as Record<string, unknown>).filter(
      ([, value]) => value !== undefined && value !== null,
    );
    if (entries.length === 0) return [];
    if (entries.length > 1) throw oneByOne();
    const [name, value] = entries[0]!;
    if (name === 'aggregate') {
      const aggregates = Object.entries((value ?? {}) as Record<string, unknown>);
      if (aggregates.length > 1)
        throw invalid('Please provide aggregate criteria one by one in orderBy array');
      if (aggregates.length === 0) return [];
      const [aggregate, direction] = aggregates[0]!;
      const expression = aggregateExpression(aggregate);
      if (!expression) throw invalid(`Unknown aggregate field: ${aggregate}`);
      if (!isDirection(direction)) throw invalid(`Unknown orderBy value: ${String(direction)}`);
      return [`${expression} ${directionSql(direction)}`];
    }
    const field = shape.fields.find(
      (candidate) =>
        candidate.name === name || (isManyToOne(candidate) && joinColumnNameOf(candidate) === name),
    );
    if (!field) throw invalid(`Cannot orderBy unknown field: ${name}.`);
    const at = (predicate: (dimension: GroupDimension) => boolean) =>
      dimensions.findIndex(predicate);
    if (isDirection(value)) {
      const index = at((dimension) => dimension.path[0] === name);
      if (index < 0)
        throw invalid(
          `Cannot order by a field that is not an aggregate nor in groupBy criteria: ${field.name}.`,
        );
      return [`${sql[index]!.order} ${directionSql(value)}`];
    }
    if (!value || typeof value !== 'object')
      throw invalid(`Unknown orderBy value: ${String(value)}`);
    const object = value as Record<string, unknown>;
    if ((field.type === 'DATE' || field.type === 'DATE_TIME') && 'orderBy' in object) {
      if (!isDirection(object.orderBy)) return [];
      const granularity = object.granularity;
      if (granularity === undefined || granularity === null)
        throw invalid(`Missing date granularity for field ${name}`);
      const index = at(
        (dimension) =>
          dimension.path[0] === name && (dimension.granularity ?? 'NONE') === granularity,
      );
      if (index < 0)
        throw invalid(
          `Cannot order by a date granularity that is not in groupBy criteria: ${String(granularity)}`,
        );
      return [`${sql[index]!.order} ${directionSql(object.orderBy)}`];
    }
    const subs = Object.entries(object).filter(([, direction]) => direction !== undefined);
    if (subs.length === 0) return [];
    if (subs.length > 1) throw invalid('Subfields must be provided one by one in orderBy array.');
    const [sub, direction] = subs[0]!;
    if (!isDirection(direction)) throw invalid(`Unknown orderBy value: ${String(direction)}`);
    const index = at((dimension) => dimension.path[0] === name && dimension.path[1] === sub);
    if (index < 0)
      throw invalid(
        `Cannot order by a field that is not in groupBy or that is not an aggregate field: ${sub}`,
      );
    return [`${sql[index]!.order} ${directionSql(direction)}`];
  });

export interface RecordGroup {
  groupByDimensionValues: unknown[];
  aggregates: Record<string, unknown>;
  /** Records of this group (`limit` of them after `offset`, in the records order), on demand. */
  records: (limit: number, offset?: number) => Promise<Record<string, unknown>[]>;
  /** Any other aggregate over this group's records. */
  aggregate: (expression: string) => Promise<unknown>;
}

/** Records per group in samples and edges (Twenty's RECORDS_PER_GROUP_LIMIT). */
export const RECORDS_PER_GROUP_LIMIT = 10;

export const groupRecords = async (
  db: SqlExecutor,
  shape: ObjectShape,
  args: {
    filter: FilterNode | null;
    dimensions: GroupDimension[];
    aggregates: Map<string, string>;
    limit?: number;
    /** Group order (Twenty's `orderBy` / REST `order_by`); dimension order when absent. */
    orderBy?: unknown[];
    /** SQL of any aggregate by name, for `{ aggregate: { … } }` in `orderBy`. */
    aggregateExpression?: (name: string) => string | undefined;
    /** Order of the records inside each group (`orderByForRecords` / `order_by_for_records`). */
    recordOrder?: SortKey[];
  },
): Promise<RecordGroup[]> => {
  const dimensions = args.dimensions.map((dimension) => dimensionSql(shape, dimension));
  const params = new SqlParams();
  const where = visibleWhere(shape, args.filter, params);
  const aggregateNames = [...args.aggregates.keys()];
  const select = [
    ...dimensions.map((sql, i) => `${sql.value} AS "d${i}"`),
    ...aggregateNames.map((name, i) => `${args.aggregates.get(name)} AS "a${i}"`),
  ];
  const groupBy = dimensions.map((sql) => sql.group).join(', ');
  const requestedOrder = groupOrderSql(
    shape,
    args.orderBy ?? [],
    args.dimensions,
    dimensions,
    args.aggregateExpression ?? ((name) => args.aggregates.get(name)),
  );
  const orderBy =
    requestedOrder.length > 0
      ? requestedOrder.join(', ')
      : dimensions.map((_, i) => `"d${i}"`).join(', ');
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${select.join(', ')} FROM ${shape.qualifiedTable} WHERE ${where} GROUP BY ${groupBy} ORDER BY ${orderBy} LIMIT ${args.limit ?? 200}`,
    params.values,
  );
  // Everything one group covers: the filter plus equality on each dimension.
  const groupScope = (values: unknown[]) => {
    const scopeParams = new SqlParams();
    const conditions = [
      visibleWhere(shape, args.filter, scopeParams),
      ...dimensions.map(
        (sql, i) => `${sql.value} IS NOT DISTINCT FROM ${scopeParams.add(values[i])}::text`,
      ),
    ];
    return { where: conditions.join(' AND '), params: scopeParams.values };
  };
  const recordOrder =
    args.recordOrder && args.recordOrder.length > 0 ? orderBySql(args.recordOrder) : '"id"';
  return rows.map((row) => {
    const values = dimensions.map((_, i) => row[`d${i}`] ?? null);
    return {
      groupByDimensionValues: values,
      aggregates: Object.fromEntries(aggregateNames.map((name, i) => [name, row[`a${i}`] ?? null])),
      records: async (limit: number, offset = 0) => {
        const scope = groupScope(values);
        const result = await db.query<Record<string, unknown>>(
          `SELECT ${shape.selectList} FROM ${shape.qualifiedTable} WHERE ${scope.where} ORDER BY ${recordOrder} LIMIT ${limit} OFFSET ${Math.max(0, Math.trunc(offset))}`,
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
