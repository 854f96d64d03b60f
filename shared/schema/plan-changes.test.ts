import { describe, expect, it } from 'vitest';
import { diffSchemas } from './diff-schema';
import { planChanges } from './plan-changes';
import { emptySchemaDocument, type SchemaDocument } from './schema-document';
import { projectDoc, schemaDoc } from './schema-test-fixtures';

const plan = (from: SchemaDocument, to: SchemaDocument) => planChanges(diffSchemas(from, to));
const ids = (from: SchemaDocument, to: SchemaDocument) => plan(from, to).steps.map((s) => s.id);

const withTask = (): SchemaDocument => {
  const doc = projectDoc();
  doc.objects.push(
    ...schemaDoc([
      {
        nameSingular: 'task2',
        namePlural: 'task2s',
        labelSingular: 'Job',
        labelPlural: 'Jobs',
        fields: [
          {
            name: 'project',
            label: 'Project',
            type: 'RELATION',
            relation: {
              type: 'MANY_TO_ONE',
              targetObject: 'project',
              inverseName: 'jobs',
              inverseLabel: 'Jobs',
            },
          },
        ],
      },
    ]).objects,
  );
  return doc;
};

describe('planChanges', () => {
  it('creates objects, then their fields, then relations once both ends exist', () => {
    expect(ids(emptySchemaDocument(), withTask())).toEqual([
      'create-object:project',
      'create-object:task2',
      'create-field:project.budget',
      'create-field:project.stage',
      'create-field:project.owner',
      'create-field:task2.project',
    ]);
  });

  it('sends Twenty create inputs (names instead of ids) and flags nothing destructive', () => {
    const steps = plan(emptySchemaDocument(), projectDoc()).steps;
    expect(steps.every((s) => !s.destructive)).toBe(true);
    expect(steps[0]).toMatchObject({
      operation: 'createOneObject',
      input: {
        object: {
          nameSingular: 'project',
          namePlural: 'projects',
          labelSingular: 'Project',
          labelPlural: 'Projects',
        },
      },
    });
    expect(steps.find((s) => s.id === 'create-field:project.owner')).toMatchObject({
      operation: 'createOneField',
      inverseName: 'projects',
      input: {
        field: {
          type: 'RELATION',
          name: 'owner',
          settings: { onDelete: 'SET_NULL' },
          relationCreationPayload: {
            type: 'MANY_TO_ONE',
            targetObjectName: 'person',
            targetFieldLabel: 'Projects',
            targetFieldIcon: 'IconBriefcase',
          },
        },
      },
    });
    expect(steps.find((s) => s.id === 'create-field:project.stage')).toMatchObject({
      input: {
        field: { defaultValue: "'DRAFT'", options: [{ value: 'DRAFT' }, { value: 'LIVE' }] },
      },
    });
  });

  it('deactivates before deleting; deletes relations, then fields, then objects, last', () => {
    const to = withTask();
    to.objects = to.objects.filter((o) => o.nameSingular !== 'project');
    to.objects[0]!.fields = [];
    const steps = plan(withTask(), to).steps;
    expect(steps.map((s) => s.id)).toEqual([
      'deactivate-field:task2.project',
      'delete-field:task2.project',
      'deactivate-object:project',
      'delete-object:project',
    ]);
    expect(steps.map((s) => s.destructive)).toEqual([false, true, false, true]);
    expect(steps[3]!.description).toMatch(/^Delete object `project` — /);
  });

  it('describes a field deletion with what is lost', () => {
    const to = projectDoc();
    to.objects[0]!.fields = to.objects[0]!.fields.filter((f) => f.name !== 'budget');
    const steps = plan(projectDoc(), to).steps;
    expect(steps.at(-1)).toMatchObject({
      operation: 'deleteOneField',
      destructive: true,
      description: 'Delete field `budget` on `project` — its values are dropped',
    });
  });

  it('frees a name before a creation needs it (relation re-targeted)', () => {
    const to = projectDoc();
    to.objects[0]!.fields.find((f) => f.name === 'owner')!.relation!.targetObject = 'company';
    expect(ids(projectDoc(), to)).toEqual([
      'deactivate-field:project.owner',
      'delete-field:project.owner',
      'create-field:project.owner',
    ]);
  });

  it('plans a relation type change or one without a conversion as an unsupported first step', () => {
    const to = projectDoc();
    to.objects[0]!.fields.find((f) => f.name === 'owner')!.type = 'TEXT';
    to.objects[0]!.fields.find((f) => f.name === 'budget')!.type = 'BOOLEAN';
    const steps = plan(projectDoc(), to).steps;
    expect(steps.slice(0, 2)).toMatchObject([
      {
        operation: 'unsupported',
        id: 'unsupported:project.budget',
        reason: expect.stringContaining('No conversion from CURRENCY to BOOLEAN'),
      },
      {
        operation: 'unsupported',
        id: 'unsupported:project.owner',
        reason: expect.stringContaining("Twenty cannot change a relation field's type"),
      },
    ]);
  });

  it('updates options as the full list and flags option removal as destructive', () => {
    const to = projectDoc();
    to.objects[0]!.fields.find((f) => f.name === 'stage')!.options = [
      { label: 'Draft', value: 'DRAFT', color: 'gray', position: 0 },
    ];
    const [step] = plan(projectDoc(), to).steps;
    expect(step).toMatchObject({
      operation: 'updateOneField',
      destructive: true,
      input: {
        update: { options: [{ label: 'Draft', value: 'DRAFT', color: 'gray', position: 0 }] },
      },
    });
    expect(step!.description).toContain('records holding `LIVE` lose that value');
  });

  it('defers deactivating an object until its fields are in place', () => {
    const to = projectDoc();
    const project = to.objects[0]!;
    if ('standard' in project) throw new Error('custom object expected');
    project.isActive = false;
    project.fields.push({ ...project.fields[0]!, name: 'cost', label: 'Cost' });
    expect(ids(projectDoc(), to)).toEqual([
      'create-field:project.cost',
      'deactivate-object:project',
    ]);
  });

  it('is deterministic', () => {
    expect(plan(emptySchemaDocument(), withTask())).toEqual(
      plan(emptySchemaDocument(), withTask()),
    );
    expect(plan(withTask(), emptySchemaDocument())).toEqual(
      plan(withTask(), emptySchemaDocument()),
    );
  });
});

describe('many-to-many display (junctionTarget)', () => {
  /** `projectMember` joins project and person; each side lists the other through it. */
  const withJunction = (links: { project: string | null; person: string | null }) =>
    schemaDoc([
      ...projectDoc().objects,
      {
        nameSingular: 'projectMember',
        namePlural: 'projectMembers',
        labelSingular: 'Project member',
        labelPlural: 'Project members',
        fields: (['project', 'person'] as const).map((name) => ({
          name,
          label: name,
          type: 'RELATION' as const,
          relation: {
            type: 'MANY_TO_ONE' as const,
            targetObject: name,
            inverseName: name === 'project' ? 'members' : 'memberships',
            inverseLabel: name === 'project' ? 'Members' : 'Memberships',
            onDelete: 'CASCADE' as const,
            junctionTarget: links[name],
          },
        })),
      },
    ]);

  it('links each one-to-many side once both relations exist, by names apply resolves', () => {
    const steps = plan(projectDoc(), withJunction({ project: 'person', person: 'project' })).steps;
    expect(steps.map((s) => s.id)).toEqual([
      'create-object:projectMember',
      'create-field:projectMember.person',
      'create-field:projectMember.project',
      'junction-target:person.memberships',
      'junction-target:project.members',
    ]);
    expect(steps.at(-1)).toMatchObject({
      operation: 'updateOneField',
      objectName: 'project',
      fieldName: 'members',
      input: { update: { junctionTarget: { objectName: 'projectMember', fieldName: 'person' } } },
      destructive: false,
    });
  });

  it('sets and clears a link on existing relations, and a renamed junction field is no change', () => {
    const linked = withJunction({ project: 'person', person: null });
    const unlinked = withJunction({ project: null, person: 'project' });
    const steps = plan(linked, unlinked).steps;
    expect(steps.map((s) => [s.id, s.operation === 'updateOneField' && s.input.update])).toEqual([
      [
        'junction-target:person.memberships',
        { junctionTarget: { objectName: 'projectMember', fieldName: 'project' } },
      ],
      ['junction-target:project.members', { junctionTarget: null }],
    ]);

    const renamed = withJunction({ project: 'member', person: null });
    const junction = renamed.objects.find((o) => o.nameSingular === 'projectMember')!;
    junction.fields = junction.fields.map((f) =>
      f.name === 'person' ? { ...f, name: 'member', label: 'Member' } : f,
    );
    const changes = diffSchemas(linked, renamed, {
      objects: {},
      fields: { 'projectMember.person': 'member' },
      options: {},
    });
    expect(changes.flatMap((c) => (c.kind === 'fieldUpdated' ? c.changes : []))).toEqual([
      { property: 'name', from: 'person', to: 'member' },
      { property: 'label', from: 'person', to: 'Member' },
    ]);
  });
});
