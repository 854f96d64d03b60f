import { describe, expect, it } from 'vitest';
import { parseFilterSyntax } from './filter-syntax';
import { parseRestFilter } from './parse-rest-filter';
import { parseOrderBySyntax, parseRestOrderByItems } from './order-by-syntax';

/** Expectations written from Twenty's parser sources and specs (see filter-syntax.ts). */
const messageOf = (filter: string) => {
  try {
    parseRestFilter(filter);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('parseRestFilter', () => {
  it('wraps a filter without a root conjunction in and(...)', () => {
    expect(parseRestFilter('a[eq]:1,b[gt]:2')).toEqual({
      and: [
        { path: ['a'], op: 'eq', value: '1' },
        { path: ['b'], op: 'gt', value: '2' },
      ],
    });
    expect(parseRestFilter('or(a[eq]:1,b[eq]:2)')).toEqual({
      or: [
        { path: ['a'], op: 'eq', value: '1' },
        { path: ['b'], op: 'eq', value: '2' },
      ],
    });
  });

  it('nests conjunctions, reads sub-fields and keeps ":" inside values', () => {
    expect(
      parseRestFilter('and(name.firstName[eq]:Ada,not(createdAt[gte]:2026-01-01T00:00:00Z))'),
    ).toEqual({
      and: [
        { path: ['name', 'firstName'], op: 'eq', value: 'Ada' },
        { not: { path: ['createdAt'], op: 'gte', value: '2026-01-01T00:00:00Z' } },
      ],
    });
  });

  it('strips matching quotes and protects commas and brackets inside them', () => {
    expect(parseRestFilter('title[eq]:"Gamma (final), shipped"')).toEqual({
      and: [{ path: ['title'], op: 'eq', value: 'Gamma (final), shipped' }],
    });
    expect(parseRestFilter("title[eq]:'x'")).toEqual({
      and: [{ path: ['title'], op: 'eq', value: 'x' }],
    });
  });

  it('reads lists for in and containsAny, split on every comma', () => {
    expect(parseRestFilter('stage[in]:[NEW,"MEETING"]')).toEqual({
      and: [{ path: ['stage'], op: 'in', value: ['NEW', 'MEETING'] }],
    });
    expect(parseRestFilter('tags[containsAny]:[]')).toEqual({
      and: [{ path: ['tags'], op: 'containsAny', value: [] }],
    });
  });

  it('reads and(a),or(b) as two predicates of the default and', () => {
    expect(parseRestFilter('and(a[eq]:1),or(b[eq]:2)')).toEqual({
      and: [
        { and: [{ path: ['a'], op: 'eq', value: '1' }] },
        { or: [{ path: ['b'], op: 'eq', value: '2' }] },
      ],
    });
  });

  it('answers blank filters with no filter', () => {
    expect(parseRestFilter(null)).toBeNull();
    expect(parseRestFilter('  ')).toBeNull();
  });

  it.each([
    ['and(a[eq]:1', "'filter' invalid. 1 close bracket is missing in the query"],
    ['and(or(a[eq]:1', "'filter' invalid. 2 close brackets are missing in the query"],
    ['a[eq]:1)', "'filter' invalid. 1 open bracket is missing in the query"],
    ['price', "'filter' invalid for 'price'. eg: price[gte]:10"],
    ['price[eq]:', "'filter' invalid for 'price[eq]:'. eg: price[gte]:10"],
    ['and()', "'filter' invalid for 'and()'. eg: price[gte]:10"],
    ['a[eq]:1,', "'filter' invalid for ''. eg: price[gte]:10"],
    [
      'jobTitle[regex]:x',
      "'filter' invalid for 'jobTitle[regex]:x', comparator regex not in eq, neq, in, containsAny, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike",
    ],
    [
      'not(a[eq]:1,b[eq]:2)',
      "'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)",
    ],
    [
      'jobTitle[in]:x',
      "'filter' invalid for 'in' operator. Received 'x' but array value expected eg: 'field[in]:[value_1,value_2]'",
    ],
    [
      'tags[containsAny]:RED',
      "'filter' invalid for 'containsAny' operator. Received 'RED' but array value expected eg: 'field[containsAny]:[value_1,value_2]'",
    ],
  ])('refuses %j with Twenty’s message', (filter, message) => {
    expect(messageOf(filter)).toBe(message);
  });

  it('reports the error Twenty meets first: a child before its not', () => {
    expect(messageOf('not(a[x]:1,b[eq]:2)')).toMatch(/comparator x not in/);
  });
});

describe('parseFilterSyntax', () => {
  it('places every part of a predicate', () => {
    const text = 'or(name.firstName[eq]:"Ada",stage[in]:[NEW, WON])';
    const { root, errors } = parseFilterSyntax(text);
    expect(errors).toEqual([]);
    const [first, second] = root!.children as Extract<
      NonNullable<typeof root>['children'][number],
      { kind: 'leaf' }
    >[];
    const at = (range: { start: number; end: number }) => text.slice(range.start, range.end);
    expect(first!.path.map(at)).toEqual(['name', 'firstName']);
    expect(at(first!.operator)).toBe('eq');
    expect(at(first!.value)).toBe('"Ada"');
    expect(second!.value.items!.map(at)).toEqual(['NEW', 'WON']);
  });

  it('marks every bad predicate, not only the first', () => {
    const text = 'a[zz]:1,b,c[in]:x';
    const { errors } = parseFilterSyntax(text);
    expect(errors.map((error) => text.slice(error.start, error.end))).toEqual(['zz', 'b', 'x']);
  });

  it('reads a half-typed filter as if its brackets were closed', () => {
    const text = 'or(a[eq]:1,b[eq';
    const { root, errors } = parseFilterSyntax(text);
    expect(errors[0]).toEqual({
      start: 2,
      end: 3,
      message: "'filter' invalid. 1 close bracket is missing in the query",
    });
    expect(root).toMatchObject({ conjunction: 'or', implicit: false });
    expect(root!.children.map((child) => child.kind)).toEqual(['leaf', 'invalid']);
    expect(root!.children[1]!.range).toEqual({ start: 11, end: 15 });
  });
});

describe('order_by grammar', () => {
  it('reads directions, the default one and sub-fields', () => {
    expect(
      parseRestOrderByItems(
        'fieldNumber[AscNullsFirst],fieldCurrency.amountMicros[DescNullsLast],x',
      ),
    ).toEqual([
      { path: ['fieldNumber'], direction: 'AscNullsFirst' },
      { path: ['fieldCurrency', 'amountMicros'], direction: 'DescNullsLast' },
      { path: ['x'], direction: 'AscNullsFirst' },
    ]);
  });

  it('refuses a bad direction with Twenty’s message, placed on the direction', () => {
    expect(() => parseRestOrderByItems('fieldText[invalid]')).toThrow(
      "'order_by' direction 'invalid' invalid. Allowed values are 'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3",
    );
    const { errors } = parseOrderBySyntax('name,city[Up]');
    expect(errors).toHaveLength(1);
    expect('name,city[Up]'.slice(errors[0]!.start, errors[0]!.end)).toBe('Up');
  });
});
