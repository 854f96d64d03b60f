import { describe, expect, it } from 'vitest';
import { checkFilter } from './check-filter';
import { gizmo, model, opportunity, person } from './test-model';

/** Problems as [marked text, message] pairs; expectations from Twenty's parser and types. */
const problems = (text: string, object = person) =>
  checkFilter(text, object, model).map((problem) => [
    text.slice(problem.start, problem.end),
    problem.message,
  ]);

describe('checkFilter', () => {
  it('accepts filters Twenty accepts', () => {
    for (const text of [
      'name.firstName[eq]:Ada',
      'and(jobTitle[ilike]:"%cto%",or(city[eq]:Paris,city[is]:NULL))',
      'companyId[in]:[7d3b0b8e-2a57-4f2e-9d1c-3c1f0a7e8b11]',
      'createdAt[gte]:2026-01-01T00:00:00Z',
      'createdBy.source[eq]:API',
      'emails.primaryEmail[like]:%@acme.com',
      'not(id[eq]:7d3b0b8e-2a57-4f2e-9d1c-3c1f0a7e8b11)',
    ])
      expect(problems(text), text).toEqual([]);
    expect(problems('stage[in]:[NEW,"MEETING"]', opportunity)).toEqual([]);
    expect(problems('amount.amountMicros[gt]:1000000', opportunity)).toEqual([]);
    expect(
      problems(
        'tags[containsAny]:[RED],day[lt]:2026-02-01,done[eq]:true,stars[eq]:RATING_5',
        gizmo,
      ),
    ).toEqual([]);
  });

  it('reports grammar errors with Twenty’s messages', () => {
    expect(problems('and(city[eq]:Paris')).toEqual([
      ['(', "'filter' invalid. 1 close bracket is missing in the query"],
    ]);
    expect(problems('city[regex]:x')).toEqual([
      [
        'regex',
        "'filter' invalid for 'city[regex]:x', comparator regex not in eq, neq, in, containsAny, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike",
      ],
    ]);
    expect(problems('city[in]:Paris')).toEqual([
      [
        'Paris',
        "'filter' invalid for 'in' operator. Received 'Paris' but array value expected eg: 'field[in]:[value_1,value_2]'",
      ],
    ]);
    expect(problems('city')).toEqual([['city', "'filter' invalid for 'city'. eg: price[gte]:10"]]);
  });

  it('reports unknown fields and sub-fields as Twenty’s check-fields does', () => {
    expect(problems('nickname[eq]:x')).toEqual([
      ['nickname', "field 'nickname' does not exist in 'person' object"],
    ]);
    expect(problems('name.middleName[eq]:x')).toEqual([
      ['middleName', "field 'middleName' does not exist in 'person' object"],
    ]);
    // A relation is filtered by its join column; the custom object's table is prefixed.
    expect(problems('company[eq]:x')).toEqual([
      ['company', "field 'company' does not exist in 'person' object"],
    ]);
    expect(checkFilter('company[eq]:x', person, model)[0]!.hint).toBe(
      "filter and sort on its join column 'companyId'",
    );
    expect(problems('maker[eq]:x', gizmo)).toEqual([
      ['maker', "field 'maker' does not exist in '_gizmo' object"],
    ]);
    expect(problems('makerCompanyId[is]:NULL', gizmo)).toEqual([]);
  });

  it('refuses a composite without sub-field and a sub-field of a scalar', () => {
    expect(problems('name[eq]:Ada')).toEqual([
      ['name', "'name' is a FULL_NAME field: filter on a sub-field, eg: name.firstName[eq]:…"],
    ]);
    expect(problems('city.zip[eq]:1')).toEqual([
      ['zip', "'city' is a TEXT field and has no sub-fields"],
    ]);
  });

  it('refuses comparators the field type has not, pattern ones as warnings', () => {
    const [containsAny] = checkFilter('city[containsAny]:[a]', person, model);
    expect(containsAny).toMatchObject({ severity: 'error' });
    expect(containsAny!.message).toBe(
      "'containsAny' does not apply to TEXT fields; use eq, neq, in, gt, gte, lt, lte, is, startsWith, endsWith, like, ilike",
    );
    expect(checkFilter('score[like]:%1%', gizmo, model)[0]).toMatchObject({
      severity: 'warning',
      message: "'like' does not apply to NUMBER fields; use eq, neq, in, gt, gte, lt, lte, is",
    });
    expect(problems('tags[eq]:RED', gizmo)).toEqual([
      ['eq', "'eq' does not apply to MULTI_SELECT fields; use containsAny, is"],
    ]);
    expect(problems('done[gt]:true', gizmo)).toEqual([
      ['gt', "'gt' does not apply to BOOLEAN fields; use eq, is"],
    ]);
  });

  it('checks values against the column type', () => {
    expect(problems('stage[in]:[NEW,WON]', opportunity)).toEqual([
      [
        'WON',
        "'filter' enum value 'WON' not available in 'stage' enum. Available enum values are ['NEW', 'MEETING', 'CUSTOMER']",
      ],
    ]);
    expect(problems('companyId[eq]:acme')).toEqual([
      ['acme', 'invalid input syntax for type uuid: "acme"'],
    ]);
    expect(problems('createdAt[gt]:yesterday')).toEqual([
      ['yesterday', 'invalid input syntax for type timestamp with time zone: "yesterday"'],
    ]);
    expect(problems('day[eq]:2026-02-30', gizmo)).toEqual([
      ['2026-02-30', 'invalid input syntax for type date: "2026-02-30"'],
    ]);
    expect(problems('score[gte]:ten,done[eq]:yes', gizmo)).toEqual([
      ['ten', "'ten' is not a number"],
      ['yes', "'yes' is not a boolean: true or false"],
    ]);
    expect(problems('city[is]:null')).toEqual([
      ['null', "'is' takes NULL or NOT_NULL; Twenty reads 'null' as NOT_NULL"],
    ]);
    expect(problems('createdBy.source[eq]:ROBOT')).toEqual([
      [
        'ROBOT',
        "'ROBOT' is not a value of 'createdBy.source': EMAIL, CALENDAR, WORKFLOW, AGENT, API, IMPORT, MANUAL, SYSTEM, WEBHOOK, APPLICATION",
      ],
    ]);
  });

  it('takes the object by name through the model', () => {
    expect(checkFilter('stage[eq]:LOST', 'opportunities', model)).toHaveLength(1);
    expect(checkFilter('stage[eq]:LOST', 'opportunity', model)).toHaveLength(1);
  });
});
