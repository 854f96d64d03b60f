import { introspectionFromSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { indexSchema, operationOf } from './schema-index';
import { twentyCoreSchema } from './twenty-core.fixture';

describe('indexSchema', () => {
  it('is built once per introspection result', () => {
    const introspection = introspectionFromSchema(twentyCoreSchema());
    const index = indexSchema(introspection);
    expect(indexSchema(introspection)).toBe(index);
    expect(index.roots.map((root) => root.operation)).toEqual(['query', 'mutation']);
    expect(index.types.some((type) => type.name.startsWith('__'))).toBe(false);
    expect(operationOf(index, 'Mutation')).toBe('mutation');
    expect(operationOf(index, 'Company')).toBeNull();
  });

  it('lists the root fields that return or page a type', () => {
    const index = indexSchema(introspectionFromSchema(twentyCoreSchema()));
    expect(index.returnedBy.get('Company')?.map((ref) => ref.fieldName)).toEqual([
      'companies',
      'company',
      'createCompany',
      'createCompanies',
      'updateCompany',
      'deleteCompany',
    ]);
    expect(index.returnedBy.get('CompanyConnection')?.map((ref) => ref.fieldName)).toEqual([
      'companies',
    ]);
  });
});
