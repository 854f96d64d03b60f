import { describe, expect, it } from 'vitest';
import { diffSchemas } from './diff-schema';
import { applicableRenames, detectRenames, noRenames } from './renames';
import type { CustomSchemaObject, SchemaDocument } from './schema-document';
import { projectDoc, schemaDoc } from './schema-test-fixtures';

const project = (doc: SchemaDocument) => doc.objects[0] as CustomSchemaObject;
const field = (doc: SchemaDocument, name: string) =>
  project(doc).fields.find((f) => f.name === name)!;

const renamedProject = () => {
  const doc = projectDoc();
  Object.assign(project(doc), { nameSingular: 'venture', namePlural: 'ventures' });
  return doc;
};

describe('detectRenames', () => {
  it('pairs a removed and an added custom object with the same fields', () => {
    expect(detectRenames(projectDoc(), renamedProject())).toEqual({
      ...noRenames(),
      objects: { project: 'venture' },
    });
  });

  it('leaves objects alone when the fields differ or two candidates compete', () => {
    const other = renamedProject();
    field(other, 'budget').type = 'NUMBER';
    expect(detectRenames(projectDoc(), other).objects).toEqual({});
    const twice = renamedProject();
    twice.objects.push({ ...project(renamedProject()), nameSingular: 'quest', namePlural: 'qs' });
    expect(detectRenames(projectDoc(), twice).objects).toEqual({});
  });

  it('pairs a removed and an added field of the same shape, only without a rival', () => {
    const to = projectDoc();
    field(to, 'budget').name = 'cost';
    expect(detectRenames(projectDoc(), to).fields).toEqual({ 'project.budget': 'cost' });
    // A second CURRENCY field added: two candidates, no rename.
    project(to).fields.push({ ...field(to, 'cost'), name: 'price' });
    expect(detectRenames(projectDoc(), to).fields).toEqual({});
    // Another option list is another shape.
    const select = projectDoc();
    Object.assign(field(select, 'stage'), { name: 'phase' });
    field(select, 'phase').options![0]!.color = 'red';
    expect(detectRenames(projectDoc(), select).fields).toEqual({});
  });

  it('pairs a relation field only with one to the same (renamed) object', () => {
    const withTask = () => {
      const doc = schemaDoc([
        ...projectDoc().objects,
        { nameSingular: 'task', namePlural: 'tasks', labelSingular: 'T', labelPlural: 'Ts' },
      ] as never);
      field(doc, 'owner').relation!.targetObject = 'task';
      return doc;
    };
    const to = withTask();
    Object.assign(to.objects[1]!, { nameSingular: 'chore', namePlural: 'chores' });
    Object.assign(field(to, 'owner'), { name: 'lead' });
    field(to, 'lead').relation!.targetObject = 'chore';
    expect(detectRenames(withTask(), to)).toEqual({
      objects: { task: 'chore' },
      fields: { 'project.owner': 'lead' },
      options: {},
    });
    field(to, 'lead').relation!.targetObject = 'person';
    expect(detectRenames(withTask(), to).fields).toEqual({});
  });

  it('sees an option rename: same count, one value changed in place', () => {
    const to = projectDoc();
    Object.assign(field(to, 'stage').options![1]!, { value: 'ONLINE', label: 'Online' });
    expect(detectRenames(projectDoc(), to).options).toEqual({
      'project.stage': { LIVE: 'ONLINE' },
    });
    const reordered = projectDoc();
    const [a, b] = field(reordered, 'stage').options!;
    field(reordered, 'stage').options = [
      { ...b!, position: 0 },
      { ...a!, position: 1 },
    ];
    expect(detectRenames(projectDoc(), reordered).options).toEqual({});
  });
});

describe('diffSchemas with renames', () => {
  it('reads an object rename as an update, its fields compared with the old ones', () => {
    const to = renamedProject();
    field(to, 'budget').label = 'Money';
    expect(diffSchemas(projectDoc(), to, detectRenames(projectDoc(), to))).toMatchObject([
      {
        kind: 'objectUpdated',
        objectName: 'project',
        changes: [
          { property: 'nameSingular', from: 'project', to: 'venture' },
          { property: 'namePlural', from: 'projects', to: 'ventures' },
        ],
      },
      { kind: 'fieldUpdated', objectName: 'venture', fieldName: 'budget' },
    ]);
  });

  it('reads a field rename as an update with a name change', () => {
    const to = projectDoc();
    Object.assign(field(to, 'budget'), { name: 'cost', label: 'Cost' });
    expect(
      diffSchemas(projectDoc(), to, { ...noRenames(), fields: { 'project.budget': 'cost' } }),
    ).toMatchObject([
      {
        kind: 'fieldUpdated',
        fieldName: 'budget',
        to: { name: 'cost' },
        changes: [
          { property: 'name', from: 'budget', to: 'cost' },
          { property: 'label', from: 'Budget', to: 'Cost' },
        ],
      },
    ]);
  });

  it('reads option renames and merges', () => {
    const to = projectDoc();
    field(to, 'stage').options = [
      { label: 'Draft', value: 'DRAFT', color: 'gray', position: 0 },
      { label: 'Shipped', value: 'SHIPPED', color: 'green', position: 1 },
    ];
    expect(
      diffSchemas(projectDoc(), to, {
        ...noRenames(),
        options: { 'project.stage': { LIVE: 'SHIPPED' } },
      })[0],
    ).toMatchObject({
      optionChanges: [
        {
          kind: 'renamed',
          from: 'LIVE',
          to: 'SHIPPED',
          changes: [{ property: 'label', from: 'Live', to: 'Shipped' }],
        },
      ],
    });
    const merged = projectDoc();
    field(merged, 'stage').options = [
      { label: 'Draft', value: 'DRAFT', color: 'gray', position: 0 },
    ];
    expect(
      diffSchemas(projectDoc(), merged, {
        ...noRenames(),
        options: { 'project.stage': { LIVE: 'DRAFT' } },
      })[0],
    ).toMatchObject({
      optionChanges: [{ kind: 'merged', from: ['LIVE'], into: 'DRAFT', survivor: 'DRAFT' }],
    });
  });

  it('ignores renames that do not fit the documents', () => {
    const to = projectDoc();
    expect(
      applicableRenames(projectDoc(), to, {
        objects: { project: 'person', nowhere: 'x' },
        fields: { 'project.budget': 'stage', 'project.nope': 'x' },
        options: { 'project.stage': { NOPE: 'DRAFT', DRAFT: 'GONE' } },
      }),
    ).toEqual(noRenames());
    expect(
      diffSchemas(projectDoc(), schemaDoc([]), { ...noRenames(), objects: { project: 'x' } }),
    ).toMatchObject([{ kind: 'objectRemoved', object: { nameSingular: 'project' } }]);
  });
});
