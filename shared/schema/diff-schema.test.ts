import { describe, expect, it } from 'vitest';
import { diffSchemas } from './diff-schema';
import {
  emptySchemaDocument,
  parseSchemaDocument,
  serialiseSchemaDocument,
} from './schema-document';
import { projectDoc, schemaDoc } from './schema-test-fixtures';

describe('schema document', () => {
  it('is canonical: sorted objects and fields, defaults filled, same text for the same model', () => {
    const a = schemaDoc([
      { nameSingular: 'zeta', namePlural: 'zetas', labelSingular: 'Zeta', labelPlural: 'Zetas' },
      {
        nameSingular: 'alpha',
        namePlural: 'alphas',
        labelSingular: 'Alpha',
        labelPlural: 'Alphas',
        fields: [
          { name: 'b', label: 'B', type: 'TEXT' },
          { name: 'a', label: 'A', type: 'NUMBER' },
        ],
      },
    ]);
    expect(a.objects.map((o) => o.nameSingular)).toEqual(['alpha', 'zeta']);
    expect(a.objects[0]!.fields.map((f) => f.name)).toEqual(['a', 'b']);
    expect(a.objects[0]!.fields[0]).toMatchObject({ isNullable: true, isActive: true });
    const text = serialiseSchemaDocument(a);
    expect(serialiseSchemaDocument(parseSchemaDocument(JSON.parse(text)))).toBe(text);
  });

  it('writes a relation once, on its MANY_TO_ONE side (a standard object when it owns it)', () => {
    const doc = schemaDoc([
      {
        nameSingular: 'pet',
        namePlural: 'pets',
        labelSingular: 'Pet',
        labelPlural: 'Pets',
        fields: [
          {
            name: 'owners',
            label: 'Owners',
            type: 'RELATION',
            relation: {
              type: 'ONE_TO_MANY',
              targetObject: 'person',
              inverseName: 'favouritePet',
              inverseLabel: 'Favourite pet',
            },
          },
        ],
      },
    ]);
    expect(doc.objects.map((o) => o.nameSingular)).toEqual(['person', 'pet']);
    expect(doc.objects[0]).toMatchObject({
      standard: true,
      fields: [
        {
          name: 'favouritePet',
          relation: { type: 'MANY_TO_ONE', targetObject: 'pet', inverseName: 'owners' },
        },
      ],
    });
    expect(doc.objects[1]!.fields).toEqual([]);
  });

  it('rejects an unknown field type', () => {
    expect(() =>
      schemaDoc([
        {
          nameSingular: 'x',
          namePlural: 'xs',
          labelSingular: 'X',
          labelPlural: 'Xs',
          fields: [{ name: 'a', label: 'A', type: 'EMAIL' as never }],
        },
      ]),
    ).toThrow();
  });
});

describe('diffSchemas', () => {
  it('finds nothing between a document and itself', () => {
    expect(diffSchemas(projectDoc(), projectDoc())).toEqual([]);
  });

  it('lists an added object, then its fields and relations', () => {
    const changes = diffSchemas(emptySchemaDocument(), projectDoc());
    expect(changes.map((c) => c.kind)).toEqual([
      'objectAdded',
      'fieldAdded',
      'relationAdded',
      'fieldAdded',
    ]);
  });

  it('a removed object takes its fields with it', () => {
    expect(diffSchemas(projectDoc(), emptySchemaDocument()).map((c) => c.kind)).toEqual([
      'objectRemoved',
    ]);
  });

  it('reports property, option, relation and type changes', () => {
    const to = projectDoc();
    const project = to.objects[0]!;
    if ('standard' in project) throw new Error('custom object expected');
    project.labelPlural = 'All projects';
    const stage = project.fields.find((f) => f.name === 'stage')!;
    stage.options = [
      { label: 'Draft', value: 'DRAFT', color: 'blue', position: 0 },
      { label: 'Done', value: 'DONE', color: 'green', position: 1 },
    ];
    project.fields.find((f) => f.name === 'budget')!.type = 'NUMBER';
    project.fields.find((f) => f.name === 'owner')!.relation!.onDelete = 'CASCADE';
    const changes = diffSchemas(projectDoc(), to);
    expect(changes).toEqual([
      {
        kind: 'objectUpdated',
        objectName: 'project',
        changes: [{ property: 'labelPlural', from: 'Projects', to: 'All projects' }],
      },
      expect.objectContaining({ kind: 'fieldTypeChanged', objectName: 'project' }),
      expect.objectContaining({
        kind: 'fieldUpdated',
        fieldName: 'owner',
        changes: [{ property: 'relation.onDelete', from: 'SET_NULL', to: 'CASCADE' }],
      }),
      expect.objectContaining({
        kind: 'fieldUpdated',
        fieldName: 'stage',
        changes: [],
        optionChanges: [
          { kind: 'added', option: { label: 'Done', value: 'DONE', color: 'green', position: 1 } },
          {
            kind: 'updated',
            value: 'DRAFT',
            changes: [{ property: 'color', from: 'gray', to: 'blue' }],
          },
          {
            kind: 'removed',
            option: { label: 'Live', value: 'LIVE', color: 'green', position: 1 },
          },
        ],
      }),
    ]);
  });

  it('a relation to another object is a removal plus an addition', () => {
    const to = projectDoc();
    to.objects[0]!.fields.find((f) => f.name === 'owner')!.relation!.targetObject = 'company';
    expect(diffSchemas(projectDoc(), to).map((c) => c.kind)).toEqual([
      'relationRemoved',
      'relationAdded',
    ]);
  });

  it('is deterministic whatever order the documents list things in', () => {
    const shuffled = projectDoc();
    shuffled.objects[0]!.fields.reverse();
    expect(diffSchemas(emptySchemaDocument(), shuffled)).toEqual(
      diffSchemas(emptySchemaDocument(), projectDoc()),
    );
  });
});
