import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { kindOf, printDefault, wrappingOf } from './type-ref';
import { twentyCoreSchema } from './twenty-core.fixture';

describe('type references', () => {
  it('split the wrappers around the named type', () => {
    const type = new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString)));
    expect(wrappingOf(type)).toEqual({ before: '[', name: 'String', after: '!]!' });
    expect(wrappingOf(GraphQLInt)).toEqual({ before: '', name: 'Int', after: '' });
  });

  it('print defaults as GraphQL, and nothing when there is none', () => {
    const schema = twentyCoreSchema();
    const people = schema.getQueryType()!.getFields().people!;
    expect(people.args.map(printDefault)).toEqual([null, '60', null]);
    expect(printDefault({ defaultValue: ['a'], type: new GraphQLList(GraphQLString) })).toBe(
      '["a"]',
    );
  });

  it('name the kind of a type', () => {
    const schema = twentyCoreSchema();
    expect(
      ['Company', 'CompanyFilterInput', 'CompanyStageEnum', 'UUID'].map((name) =>
        kindOf(schema.getType(name)!),
      ),
    ).toEqual(['object', 'input', 'enum', 'scalar']);
  });
});
