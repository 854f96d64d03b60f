import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { asOperation, buildFieldSnippet, leafFields } from './field-snippet';
import { twentyCoreSchema } from './twenty-core.fixture';

const schema = twentyCoreSchema();
const oneLine = (text: string | null) => text?.replace(/\s+/g, ' ');
const problemsOf = (text: string) => validate(schema, parse(text)).map((error) => error.message);

describe('buildFieldSnippet', () => {
  it('pages a root list field and selects the scalar fields of its records', () => {
    const snippet = buildFieldSnippet(schema, 'Query', 'companies');
    expect(oneLine(snippet)).toBe(
      'companies(first: 10) { edges { node { id name employees stage createdAt accountOwnerId } } }',
    );
    expect(problemsOf(asOperation(snippet!, 'query'))).toEqual([]);
  });

  it('leaves out deprecated fields and objects (composites, relations)', () => {
    const snippet = buildFieldSnippet(schema, 'Query', 'companies')!;
    expect(snippet).not.toMatch(/legacyCode|domainName|people/);
  });

  it('fills required arguments with placeholders the schema accepts', () => {
    expect(oneLine(buildFieldSnippet(schema, 'Query', 'company'))).toBe(
      'company(filter: {}) { id name employees stage createdAt accountOwnerId }',
    );
    const update = buildFieldSnippet(schema, 'Mutation', 'updateCompany')!;
    expect(oneLine(update)).toMatch(/^updateCompany\(id: "", data: \{\}\) \{ id name/);
    expect(oneLine(buildFieldSnippet(schema, 'Mutation', 'createCompanies'))).toMatch(
      /^createCompanies\(data: \[\]\) \{ id/,
    );
    for (const field of ['company', 'person'])
      expect(problemsOf(asOperation(buildFieldSnippet(schema, 'Query', field)!, 'query'))).toEqual(
        [],
      );
    for (const field of ['createCompany', 'updateCompany', 'deleteCompany', 'createWebhook'])
      expect(
        problemsOf(asOperation(buildFieldSnippet(schema, 'Mutation', field)!, 'mutation')),
      ).toEqual([]);
  });

  it('fills the required fields of a required input, one field of a @oneOf input', () => {
    expect(oneLine(buildFieldSnippet(schema, 'Mutation', 'createWebhook'))).toBe(
      'createWebhook( input: {targetUrl: "", operations: [], kind: CREATE, target: {url: ""}} ) { id targetUrl }',
    );
  });

  it('keeps a connection argument off fields that do not page', () => {
    expect(buildFieldSnippet(schema, 'Query', 'currentWorkspace')).toBe(
      'currentWorkspace {\n  id\n  displayName\n}',
    );
  });

  it('pages a relation of a record the same way', () => {
    expect(oneLine(buildFieldSnippet(schema, 'Company', 'people'))).toBe(
      'people(first: 10) { edges { node { id city companyId } } }',
    );
  });

  it('is a bare name for a scalar field, and null for what is not an output field', () => {
    expect(buildFieldSnippet(schema, 'Company', 'name')).toBe('name');
    expect(buildFieldSnippet(schema, 'Company', 'nope')).toBeNull();
    expect(buildFieldSnippet(schema, 'CompanyFilterInput', 'name')).toBeNull();
  });

  it('honours the page size and the number of leaves', () => {
    expect(
      oneLine(buildFieldSnippet(schema, 'Query', 'companies', { pageSize: 5, maxLeaves: 2 })),
    ).toBe('companies(first: 5) { edges { node { id name } } }');
  });
});

describe('leafFields', () => {
  it('puts id first and selects scalars and enums only', () => {
    const person = schema.getType('Person') as Parameters<typeof leafFields>[0];
    expect(leafFields(person)).toEqual(['id', 'city', 'companyId']);
  });
});

describe('asOperation', () => {
  it('wraps and indents a snippet', () => {
    expect(asOperation('a {\n  b\n}', 'mutation')).toBe('mutation {\n  a {\n    b\n  }\n}\n');
  });
});
