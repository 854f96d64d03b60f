import { describe, expect, it } from 'vitest';
import { findRecordTypes } from './record-types';
import {
  buildSearchEntries,
  matchedRange,
  resultRows,
  scoreMatch,
  searchSchema,
  targetOf,
  type SearchGroup,
} from './search-schema';
import { twentyCoreSchema } from './twenty-core.fixture';

const schema = twentyCoreSchema();
const entries = buildSearchEntries(
  schema,
  new Set(findRecordTypes(schema).map((record) => record.name)),
);
const labels = (groups: SearchGroup[], kind: string) =>
  groups
    .find((group) => group.kind === kind)
    ?.hits.map(({ entry }) =>
      entry.kind === 'type'
        ? entry.name
        : entry.kind === 'argument'
          ? `${entry.owner}.${entry.field}(${entry.name})`
          : `${entry.owner}.${entry.name}`,
    ) ?? [];

describe('scoreMatch', () => {
  it('ranks the whole name, a prefix, a word start, anywhere, then loosely', () => {
    const scores = [
      scoreMatch('company', 'Company'),
      scoreMatch('company', 'CompanyFilterInput'),
      scoreMatch('filter', 'CompanyFilterInput'),
      scoreMatch('ilter', 'CompanyFilterInput'),
      scoreMatch('cfi', 'CompanyFilterInput'),
    ];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(scores.length);
    expect(scores.every((score) => score > 0)).toBe(true);
  });

  it('prefers the shorter name among prefixes', () => {
    expect(scoreMatch('comp', 'Company')).toBeGreaterThan(scoreMatch('comp', 'CompanyConnection'));
  });

  it('matches loosely only from the start of a word', () => {
    expect(scoreMatch('crco', 'createCompany')).toBeGreaterThan(0);
    expect(scoreMatch('yt', 'payment')).toBe(0);
    expect(scoreMatch('xyz', 'Company')).toBe(0);
    expect(scoreMatch('', 'Company')).toBe(0);
  });

  it('knows words in snake case and capital runs', () => {
    expect(scoreMatch('customer', 'OLD_CUSTOMER')).toBeGreaterThan(
      scoreMatch('ustomer', 'OLD_CUSTOMER'),
    );
    expect(scoreMatch('field', 'URLField')).toBeGreaterThanOrEqual(600);
  });
});

describe('searchSchema', () => {
  it('groups types, fields, arguments and enum values', () => {
    const groups = searchSchema(entries, 'company');
    expect(groups.map((group) => group.kind)).toEqual(['type', 'field']);
    expect(labels(groups, 'type').slice(0, 3)).toEqual([
      'Company',
      'CompanyEdge',
      'CompanyStageEnum',
    ]);
    expect(labels(groups, 'field')).toContain('Query.company');
    expect(labels(searchSchema(entries, 'customer'), 'enumValue')).toEqual([
      'CompanyStageEnum.CUSTOMER',
      'CompanyStageEnum.OLD_CUSTOMER',
    ]);
  });

  it('puts root fields and records before the inputs that share a name', () => {
    expect(labels(searchSchema(entries, 'name'), 'field').slice(0, 2)).toEqual([
      'Company.name',
      'CompanyCreateInput.name',
    ]);
    expect(labels(searchSchema(entries, 'people'), 'field')[0]).toBe('Query.people');
  });

  it('finds arguments with their field, and narrows by `Type.member`', () => {
    expect(labels(searchSchema(entries, 'upsert'), 'argument')).toEqual([
      'Mutation.createCompany(upsert)',
      'Mutation.createCompanies(upsert)',
    ]);
    expect(labels(searchSchema(entries, 'data'), 'argument')).toHaveLength(3);
    const narrowed = searchSchema(entries, 'company.na');
    expect(narrowed.map((group) => group.kind)).toEqual(['field']);
    const fields = labels(narrowed, 'field');
    expect(fields[0]).toBe('Company.name');
    expect(fields.slice(0, 5).every((label) => label.endsWith('.name'))).toBe(true);
    expect(fields.slice(5)).toContain('Company.domainName');
    expect(fields.some((label) => label.startsWith('Person'))).toBe(false);
    expect(labels(searchSchema(entries, 'companies.fi'), 'argument')).toEqual([
      'Query.companies(first)',
      'Query.companies(filter)',
    ]);
    expect(labels(searchSchema(entries, 'webhookoperation.'), 'enumValue')).toEqual([
      'WebhookOperation.CREATE',
      'WebhookOperation.UPDATE',
    ]);
  });

  it('keeps the best hits and counts them all', () => {
    const [types] = searchSchema(entries, 'e', 3);
    expect(types!.hits).toHaveLength(3);
    expect(types!.total).toBeGreaterThan(3);
    expect(searchSchema(entries, '   ')).toEqual([]);
  });
});

describe('result rows', () => {
  it('number the hits across groups for the keyboard', () => {
    const rows = resultRows(searchSchema(entries, 'stage'));
    expect(rows.map((row) => (row.kind === 'group' ? row.group.label : row.option))).toEqual([
      'Types',
      0,
      'Fields',
      1,
      2,
      3,
    ]);
  });

  it('open the type of a hit, at the member or the field of an argument', () => {
    const [args] = searchSchema(entries, 'upsert');
    expect(targetOf(args!.hits[0]!.entry)).toEqual({
      typeName: 'Mutation',
      fieldName: 'createCompany',
    });
    const [fields] = searchSchema(entries, 'city');
    expect(targetOf(fields!.hits[0]!.entry)).toEqual({ typeName: 'Person', fieldName: 'city' });
    expect(targetOf(searchSchema(entries, 'Company')[0]!.hits[0]!.entry)).toEqual({
      typeName: 'Company',
      fieldName: null,
    });
  });

  it('highlight the piece the query matched', () => {
    expect(matchedRange('Filter', 'CompanyFilterInput')).toEqual([7, 13]);
    expect(matchedRange('company.na', 'name')).toEqual([0, 2]);
    expect(matchedRange('cfi', 'CompanyFilterInput')).toBeNull();
  });
});
