import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { findRecordTypes, recordInputsOf } from './record-types';
import { twentyCoreSchema } from './twenty-core.fixture';

describe('findRecordTypes', () => {
  it('finds the types with an id and a connection, with their root fields', () => {
    const records = findRecordTypes(twentyCoreSchema());
    expect(records.map((record) => record.name)).toEqual(['Company', 'Person']);
    expect(records[0]).toMatchObject({
      listField: 'companies',
      singleField: 'company',
      connection: expect.objectContaining({ name: 'CompanyConnection' }),
    });
  });

  it('needs the connection to page that very type', () => {
    const schema = buildSchema(`
      type Thing { id: ID! }
      type Other { id: ID! }
      type ThingEdge { node: Other }
      type ThingConnection { edges: [ThingEdge] }
      type Query { things: ThingConnection }
    `);
    expect(findRecordTypes(schema)).toEqual([]);
  });

  it('names the input types Twenty generates beside a record', () => {
    const schema = twentyCoreSchema();
    const [company] = findRecordTypes(schema);
    expect(recordInputsOf(schema, company!)).toEqual([
      'CompanyFilterInput',
      'CompanyOrderByInput',
      'CompanyCreateInput',
      'CompanyUpdateInput',
    ]);
  });
});
