import { describe, expect, it } from 'vitest';
import { operationAt } from './operation-at';

describe('operationAt', () => {
  const doc = 'query A { people { totalCount } }\n\nmutation B { deleteOnePerson(id: "x") { id } }';
  it('names the operation under the cursor when there are several', () => {
    expect(operationAt(doc, 5)).toBe('A');
    expect(operationAt(doc, doc.indexOf('mutation') + 3)).toBe('B');
    expect(operationAt(doc, doc.indexOf('\n\n') + 1)).toBe('A');
  });
  it('needs no name for a single operation or a document that does not parse', () => {
    expect(operationAt('{ people { totalCount } }', 3)).toBeNull();
    expect(operationAt('query A { people {', 3)).toBeNull();
  });
});
