import { describe, expect, it } from 'vitest';
import { twentyCoreSchema } from './schema-explorer/twenty-core.fixture';
import { schemaFocusAt } from './schema-focus';

const QUERY = `query Q($filter: CompanyFilterInput) {
  companies(filter: $filter, first: 5) {
    edges {
      node {
        id
        domainName { primaryLinkUrl }
      }
    }
  }
}`;

/** The focus at the first occurrence of `word` in the query (cursor one character in). */
const at = (word: string) => {
  const lines = QUERY.split('\n');
  const line = lines.findIndex((text) => text.includes(word));
  return schemaFocusAt(twentyCoreSchema(), QUERY, line, lines[line]!.indexOf(word) + 1);
};

describe('schemaFocusAt', () => {
  it('opens a root field on the Query type', () => {
    expect(at('companies')).toEqual({ typeName: 'Query', fieldName: 'companies' });
  });

  it('opens a field of a record type with the type it belongs to', () => {
    expect(at('domainName')).toEqual({ typeName: 'Company', fieldName: 'domainName' });
    expect(at('primaryLinkUrl')).toEqual({ typeName: 'Links', fieldName: 'primaryLinkUrl' });
  });

  it('opens a type named in the document', () => {
    expect(at('CompanyFilterInput')).toEqual({ typeName: 'CompanyFilterInput' });
  });

  it('finds nothing outside a selection', () => {
    expect(schemaFocusAt(twentyCoreSchema(), QUERY, 20, 0)).toBeNull();
  });
});
