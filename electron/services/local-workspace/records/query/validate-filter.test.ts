import { describe, expect, it } from 'vitest';
import type { FieldRow, ObjectRow } from '../../metadata/metadata-types';
import type { ObjectShape } from '../record-shape';
import { RecordError } from '../record-errors';
import { RestQueryError } from '../../../../../shared/domain/rest-grammar/rest-query-error';
import { parseRestFilter } from '../../../../../shared/domain/rest-grammar/parse-rest-filter';
import type { FilterNode } from '../../../../../shared/domain/rest-grammar/filter-ast';
import { validateFilter } from './validate-filter';
import { isAcceptedDate, isAcceptedDateTime } from './date-formats';
import { buildWhere } from './build-where';
import { SqlParams } from './sql-params';

const field = (name: string, type: string, extra: Partial<FieldRow> = {}): FieldRow =>
  ({ name, type, options: null, settings: null, ...extra }) as FieldRow;
const options = (values: string[]) =>
  values.map((value, position) => ({ id: value, label: value, value, position }));

const fields = [
  field('id', 'UUID'),
  field('jobTitle', 'TEXT'),
  field('position', 'POSITION'),
  field('score', 'NUMBER'),
  field('createdAt', 'DATE_TIME'),
  field('birthday', 'DATE'),
  field('done', 'BOOLEAN'),
  field('tier', 'SELECT', { options: options(['GOLD', 'SILVER']) }),
  field('tags', 'MULTI_SELECT', { options: options(['RED', 'BLUE']) }),
  field('stars', 'RATING'),
  field('words', 'ARRAY'),
  field('meta', 'RAW_JSON'),
  field('name', 'FULL_NAME'),
  field('amount', 'CURRENCY'),
  field('createdBy', 'ACTOR'),
  field('company', 'RELATION', { settings: { relationType: 'MANY_TO_ONE' } }),
];
const shape = {
  object: { nameSingular: 'person' } as ObjectRow,
  fields,
  byName: new Map(fields.map((f) => [f.name, f])),
} as unknown as ObjectShape;

const rest = (filter: string) => validateFilter(shape, parseRestFilter(filter)!);
const leaf = (path: string, op: string, value: unknown) =>
  validateFilter(shape, { path: path.split('.'), op, value } as FilterNode);
const refusal = (run: () => unknown): { message: string; subCode?: string } => {
  try {
    run();
  } catch (error) {
    if (error instanceof RecordError) return { message: error.message, subCode: error.subCode };
    if (error instanceof RestQueryError) return { message: error.message, subCode: error.code };
    throw error;
  }
  throw new Error('not refused');
};

describe('validateFilter', () => {
  it("refuses operators the field's type does not allow, with Twenty's message", () => {
    expect(refusal(() => rest('position[containsAny]:[1]'))).toEqual({
      message:
        'Operator "containsAny" is not valid for field "position" of type POSITION - Allowed operators: eq, neq, gt, gte, lt, lte, in, is',
      subCode: 'INVALID_ARGS_FILTER',
    });
    expect(refusal(() => rest('jobTitle[containsAny]:[a]')).message).toBe(
      'Operator "containsAny" is not valid for field "jobTitle" of type TEXT - Allowed operators: eq, neq, gt, gte, lt, lte, in, is, like, ilike, startsWith, endsWith',
    );
    expect(refusal(() => rest('position[like]:1')).message).toBe(
      'Operator "like" is not valid for field "position" of type POSITION - Allowed operators: eq, neq, gt, gte, lt, lte, in, is',
    );
    expect(refusal(() => rest('companyId[containsAny]:[a]')).message).toBe(
      'Operator "containsAny" is not valid for field "companyId" of type RELATION - Allowed operators: eq, neq, gt, gte, lt, lte, in, is',
    );
    expect(refusal(() => rest('tags[eq]:RED')).message).toBe(
      'Operator "eq" is not valid for field "tags" of type MULTI_SELECT - Allowed operators: containsAny, is, isEmptyArray',
    );
    expect(refusal(() => leaf('meta', 'containsJsonb', { a: 1 })).message).toBe(
      'Operator "containsJsonb" is not valid for field "meta" of type RAW_JSON - Allowed operators: is, like',
    );
    expect(refusal(() => rest('done[neq]:true')).message).toBe(
      'Operator "neq" is not valid for field "done" of type BOOLEAN - Allowed operators: eq, is',
    );
    expect(refusal(() => rest('name.firstName[containsAny]:[a]')).message).toBe(
      'Operator "containsAny" is not valid for field "name.firstName" of type TEXT - Allowed operators: eq, neq, gt, gte, lt, lte, in, is, like, ilike, startsWith, endsWith',
    );
    expect(refusal(() => rest('createdBy.source[like]:a')).message).toBe(
      'Operator "like" is not valid for field "createdBy.source" of type SELECT - Allowed operators: eq, neq, in, containsAny, is, isEmptyArray',
    );
  });

  it('refuses values that do not fit the type', () => {
    expect(refusal(() => rest('position[gt]:abc')).message).toBe(
      'Invalid number value NaN for field "position"',
    );
    expect(refusal(() => leaf('score', 'eq', {})).message).toBe(
      'Invalid number value {} for field "score"',
    );
    expect(refusal(() => leaf('score', 'eq', true)).message).toBe(
      'Invalid number value true for field "score"',
    );
    expect(refusal(() => rest('amount.amountMicros[eq]:x')).message).toBe(
      'Invalid number value NaN for field "amount.amountMicros"',
    );
    expect(refusal(() => rest('createdAt[eq]:notadate')).message).toBe(
      "Invalid value 'notadate' for date-time field \"createdAt\". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'",
    );
    expect(refusal(() => leaf('createdAt', 'eq', {})).message).toBe(
      'Invalid value {} for date-time field "createdAt". Expected format: \'YYYY-MM-DDTHH:mm:ssZ\'',
    );
    expect(refusal(() => leaf('createdAt', 'gt', [])).message).toBe(
      'Invalid value [] for date-time field "createdAt". Expected format: \'YYYY-MM-DDTHH:mm:ssZ\'',
    );
    expect(refusal(() => rest('birthday[eq]:malformed-date')).message).toBe(
      "Invalid value 'malformed-date' for date field \"birthday\". Expected format: 'YYYY-MM-DD'",
    );
    expect(refusal(() => rest('companyId[eq]:bad')).message).toBe(
      'Invalid UUID value \'bad\' for field "companyId"',
    );
    expect(refusal(() => leaf('id', 'eq', 2)).message).toBe('Invalid UUID value 2 for field "id"');
    expect(refusal(() => rest('createdBy.workspaceMemberId[eq]:invalid-uuid')).message).toBe(
      'Invalid UUID value \'invalid-uuid\' for field "createdBy.workspaceMemberId"',
    );
    expect(refusal(() => leaf('done', 'eq', 1)).message).toBe(
      'Invalid boolean value 1 for field "done"',
    );
    expect(refusal(() => rest('tier[eq]:PLATINUM')).message).toBe(
      'Invalid select value "PLATINUM" for field "tier". Valid options: GOLD, SILVER',
    );
    expect(refusal(() => leaf('tier', 'eq', 3)).message).toBe(
      'Invalid select value for field "tier": expected string, got number',
    );
    expect(refusal(() => rest('tier[in]:[GOLD,PLATINUM]')).message).toBe(
      'Invalid select value "PLATINUM" for field "tier". Valid options: GOLD, SILVER',
    );
  });

  it('accepts only NULL / NOT_NULL for is, arrays for in / containsAny, booleans for isEmptyArray', () => {
    const isMessage = 'Invalid filter value for "is" operator. Expected "NULL" or "NOT_NULL"';
    expect(refusal(() => rest('companyId[is]:foo')).message).toBe(isMessage);
    expect(refusal(() => rest('jobTitle[is]:null')).message).toBe(isMessage);
    expect(refusal(() => leaf('tags', 'containsAny', 'RED')).message).toBe(
      'Filter operator "containsAny" requires an array value for field tags',
    );
    expect(refusal(() => leaf('score', 'in', 5)).message).toBe(
      'Filter operator "in" requires an array value for field score',
    );
    expect(refusal(() => leaf('words', 'isEmptyArray', 'yes')).message).toBe(
      'Filter operator "isEmptyArray" requires a boolean value for field words',
    );
  });

  it('names unknown fields, relations and sub-fields as Twenty does', () => {
    expect(refusal(() => rest('nope[eq]:1'))).toEqual({
      message: 'Object person doesn\'t have any "nope" field.',
      subCode: 'INVALID_ARGS_FILTER',
    });
    expect(refusal(() => rest('name[eq]:a'))).toEqual({
      message: 'Sub field "eq" not found for composite type: FULL_NAME',
      subCode: 'INVALID_ARGS_FILTER',
    });
  });

  it('lets valid filters of every type through, numbers and booleans read as Twenty reads them', () => {
    expect(
      rest(
        'and(jobTitle[like]:%a%,position[gt]:1.5,score[in]:[1,2],done[eq]:TRUE,tier[in]:[GOLD],stars[eq]:RATING_1)',
      ),
    ).toEqual({
      and: [
        { path: ['jobTitle'], op: 'like', value: '%a%' },
        { path: ['position'], op: 'gt', value: 1.5 },
        { path: ['score'], op: 'in', value: [1, 2] },
        { path: ['done'], op: 'eq', value: true },
        { path: ['tier'], op: 'in', value: ['GOLD'] },
        { path: ['stars'], op: 'eq', value: 'RATING_1' },
      ],
    });
    for (const filter of [
      'createdAt[gte]:2026-01-01T10:00:00.000Z',
      'createdAt[lt]:2026-01-01T10:00:00Z',
      'createdAt[lt]:2026-01-01T10:00:00+02:00',
      'createdAt[eq]:2026-01-01',
      'birthday[eq]:2026-03-01',
      'birthday[eq]:1 March 2026',
      'companyId[eq]:20202020-b21e-4ec2-873b-de4264d89021',
      'companyId[is]:NULL',
      'id[in]:[20202020-b21e-4ec2-873b-de4264d89021]',
      'tags[containsAny]:[RED]',
      'tags[is]:NOT_NULL',
      'meta[like]:%x%',
      'name.firstName[startsWith]:A',
      'amount.amountMicros[gte]:1000',
      'createdBy.source[eq]:MANUAL',
      'not(jobTitle[eq]:a)',
      'or(jobTitle[eq]:a,jobTitle[endsWith]:b)',
    ])
      expect(() => rest(filter), filter).not.toThrow();
    expect(() => leaf('words', 'containsIlike', '%a%')).not.toThrow();
    expect(() => leaf('words', 'isEmptyArray', true)).not.toThrow();
    expect(() => leaf('score', 'eq', null)).not.toThrow();
    expect(() => leaf('score', 'in', [1, null])).not.toThrow();
  });

  it('runs before the SQL builder', () => {
    expect(() =>
      buildWhere(shape, parseRestFilter('position[containsAny]:[1]'), new SqlParams()),
    ).toThrow(RecordError);
  });
});

describe('accepted date formats', () => {
  it('reads date-times as date-fns does for the formats Twenty lists', () => {
    for (const value of [
      '2026-01-01T10:00:00.000Z',
      '2026-01-01T10:00:00Z',
      '2026-01-01T10:00:00+0200',
      '2026-01-01T10:00:00.123+02:00',
      '2026-01-01T10:00:00',
      '2026-01-01 10:00',
      '2026-01-01',
      '20260101',
      '01/31/2026',
      'Jan 5, 2026',
      '5 January 2026',
      '05-Jan-2026',
    ])
      expect(isAcceptedDateTime(value), value).toBe(true);
    for (const value of ['notadate', '2026-13-01', '2026-02-30', '2026-01-01T25:00:00Z', ''])
      expect(isAcceptedDateTime(value), value).toBe(false);
    expect(isAcceptedDate('2026-02-28')).toBe(true);
    expect(isAcceptedDate('2026-01-01 10:00')).toBe(false);
  });
});
