import type { ResolvedPath } from './filter-fields';
import { UUID_TEXT as UUID } from '../../domain/uuid';

/**
 * Whether one value of a predicate has the shape its column takes. Messages are Twenty's where
 * it answers with one (its enum check, Postgres' input syntax errors passed through).
 * Source: check-filter-enum-values.util.ts, failing-filter-input-by-field-metadata-type.constant.ts.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const isRealDate = (value: string): boolean => {
  const match = DATE.exec(value.slice(0, 10));
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

export const checkIsValue = (value: string): string | null =>
  value === 'NULL' || value === 'NOT_NULL'
    ? null
    : `'is' takes NULL or NOT_NULL; Twenty reads '${value}' as NOT_NULL`;

export const checkValue = (value: string, resolved: ResolvedPath, path: string): string | null => {
  const { type, options } = resolved;
  if (options && value !== 'NULL' && value !== 'NOT_NULL' && !options.includes(value)) {
    // Twenty checks the options of a SELECT or MULTI_SELECT field itself (not a sub-field).
    if ((type === 'SELECT' || type === 'MULTI_SELECT') && !resolved.subField)
      return `'filter' enum value '${value}' not available in '${path}' enum. Available enum values are ['${options.join("', '")}']`;
    return `'${value}' is not a value of '${path}': ${options.join(', ')}`;
  }
  switch (type) {
    case 'UUID':
      return UUID.test(value) ? null : `invalid input syntax for type uuid: "${value}"`;
    case 'NUMBER':
    case 'NUMERIC':
    case 'POSITION':
      return value.trim() !== '' && Number.isFinite(Number(value))
        ? null
        : `'${value}' is not a number`;
    case 'BOOLEAN':
      return /^(true|false)$/i.test(value) ? null : `'${value}' is not a boolean: true or false`;
    case 'DATE':
      return DATE_TIME.test(value) && isRealDate(value)
        ? null
        : `invalid input syntax for type date: "${value}"`;
    case 'DATE_TIME':
      return DATE_TIME.test(value) && isRealDate(value) && !Number.isNaN(Date.parse(value))
        ? null
        : `invalid input syntax for type timestamp with time zone: "${value}"`;
    default:
      return null;
  }
};
