import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSchemaDocument, serialiseSchemaDocument } from './schema-document';
import { parseSchemaFile, SchemaFileError, serialiseSchemaFile } from './schema-file-format';
import { projectDoc } from './schema-test-fixtures';

const name = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/);
const text = fc.string({ maxLength: 12 });
const field = fc.record({
  name,
  label: text.filter((s) => s.length > 0),
  type: fc.constantFrom('TEXT', 'NUMBER', 'SELECT', 'CURRENCY', 'BOOLEAN'),
  description: fc.option(text, { nil: null }),
  defaultValue: fc.jsonValue({ maxDepth: 2 }),
  settings: fc.option(fc.dictionary(name, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), {
    nil: null,
  }),
});
const doc = fc
  .uniqueArray(
    fc.record({
      nameSingular: name,
      namePlural: name,
      labelSingular: text.filter((s) => s.length > 0),
      labelPlural: text.filter((s) => s.length > 0),
      icon: fc.option(text, { nil: null }),
      fields: fc.uniqueArray(field, { selector: (f) => f.name, maxLength: 3 }),
    }),
    { selector: (o) => o.nameSingular, maxLength: 3 },
  )
  .map((objects) => parseSchemaDocument({ format: 'atelier.schema', version: 1, objects }));

describe('schema file format', () => {
  it('property: YAML and JSON read back the same document, and YAML is canonical', () => {
    fc.assert(
      fc.property(doc, (d) => {
        const yaml = serialiseSchemaFile(d, 'yaml');
        const json = serialiseSchemaFile(d, 'json');
        expect(parseSchemaFile(yaml)).toEqual(parseSchemaFile(json));
        expect(parseSchemaFile(yaml, 'yaml')).toEqual(d);
        expect(serialiseSchemaFile(parseSchemaFile(yaml), 'yaml')).toBe(yaml);
      }),
      { numRuns: 100 },
    );
  });

  it('writes keys in the JSON order, quoting what YAML would misread', () => {
    const yaml = serialiseSchemaFile(projectDoc(), 'yaml');
    const keysOf = (t: string) => [...t.matchAll(/"?([a-zA-Z]+)"?:/g)].map((m) => m[1]);
    expect(keysOf(yaml)).toEqual(keysOf(serialiseSchemaDocument(projectDoc())));
    expect(yaml).toContain(`defaultValue: "'DRAFT'"`);
    expect(yaml.startsWith('format: atelier.schema\nversion: 1\nobjects:\n')).toBe(true);
  });

  it('names the line and the path of a problem', () => {
    const yaml = serialiseSchemaFile(projectDoc(), 'yaml').replace('type: CURRENCY', 'type: MONEY');
    const line = yaml.split('\n').findIndex((l) => l.includes('type: MONEY')) + 1;
    expect(() => parseSchemaFile(yaml)).toThrow(SchemaFileError);
    expect(() => parseSchemaFile(yaml)).toThrow(
      new RegExp(`^line ${line}: objects\\[0\\]\\.fields\\[0\\]\\.type: Invalid option`),
    );
    const json = serialiseSchemaDocument(projectDoc()).replace('"label": "Budget"', '"label": 3');
    const jsonLine = json.split('\n').findIndex((l) => l.includes('"label": 3')) + 1;
    expect(() => parseSchemaFile(json)).toThrow(
      `line ${jsonLine}: objects[0].fields[0].label: Invalid input: expected string, received number`,
    );
  });

  it('reports syntax errors with their line', () => {
    expect(() => parseSchemaFile('{\n  "format": "atelier.schema",\n}')).toThrow(
      /^line 3: not JSON/,
    );
    expect(() => parseSchemaFile('format: atelier.schema\nobjects: [\n  a: b: c\n')).toThrow(
      /^line \d: not YAML/,
    );
    expect(() => parseSchemaFile('format: a\nformat: b\n')).toThrow(
      /not YAML: Map keys must be unique/,
    );
  });
});
