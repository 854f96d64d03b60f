import { describe, expect, it } from 'vitest';
import { checkOrderBy, completeOrderBy } from './check-order-by';
import { model, opportunity, person } from './test-model';

const problems = (text: string, object = person) =>
  checkOrderBy(text, object, model).map((problem) => [
    text.slice(problem.start, problem.end),
    problem.message,
  ]);

describe('checkOrderBy', () => {
  it('accepts Twenty’s forms', () => {
    expect(problems('name.firstName[DescNullsLast],createdAt,companyId[AscNullsLast]')).toEqual([]);
    expect(problems('amount.amountMicros[DescNullsFirst]', opportunity)).toEqual([]);
  });

  it('reports bad directions, unknown fields and composites without sub-field', () => {
    expect(problems('city[Desc],nickname,name')).toEqual([
      [
        'Desc',
        "'order_by' direction 'Desc' invalid. Allowed values are 'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3",
      ],
      ['nickname', "field 'nickname' does not exist in 'person' object"],
      [
        'name',
        "'order_by' field 'name' invalid. Composite fields must be ordered by a sub-field, eg: ?order_by=name.firstName",
      ],
    ]);
  });
});

describe('completeOrderBy', () => {
  const complete = (textWithCursor: string) => {
    const offset = textWithCursor.indexOf('|');
    return completeOrderBy(textWithCursor.replace('|', ''), offset, person, model);
  };

  it('offers fields, sub-fields and the four directions', () => {
    expect(complete('createdAt,ci|').map((item) => item.label)).toEqual(['city']);
    expect(complete('name.|').map((item) => item.label)).toEqual(['firstName', 'lastName']);
    expect(complete('city[Desc|')).toEqual([
      expect.objectContaining({ label: 'DescNullsFirst', insertText: 'DescNullsFirst]' }),
      expect.objectContaining({ label: 'DescNullsLast', insertText: 'DescNullsLast]' }),
    ]);
  });
});
