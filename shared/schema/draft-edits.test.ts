import { describe, expect, it } from 'vitest';
import {
  addField,
  addManyToMany,
  baseFieldKey,
  newFieldOfType,
  newObjectHead,
  removeField,
  removeObject,
  updateField,
  updateObject,
  type DraftDocuments,
} from './draft-edits';
import { projectDoc } from './schema-test-fixtures';
import type { CustomSchemaObject } from './schema-document';

const fresh = (): DraftDocuments => ({
  base: projectDoc(),
  target: projectDoc(),
  renames: { objects: {}, fields: {}, options: {} },
});

const object = (draft: DraftDocuments, name: string) =>
  draft.target.objects.find((candidate) => candidate.nameSingular === name) as CustomSchemaObject;

const field = (draft: DraftDocuments, objectName: string, name: string) =>
  object(draft, objectName)?.fields.find((candidate) => candidate.name === name);

describe('draft edits', () => {
  it('records an object rename by its base name and undoes it when renamed back', () => {
    const project = object(fresh(), 'project');
    const renamed = updateObject(fresh(), 'project', {
      ...project,
      nameSingular: 'initiative',
      namePlural: 'initiatives',
    });
    expect(renamed.renames.objects).toEqual({ project: 'initiative' });
    // Renamed twice: still keyed by the base name.
    const twice = updateObject(renamed, 'initiative', {
      ...object(renamed, 'initiative'),
      nameSingular: 'programme',
      namePlural: 'programmes',
    });
    expect(twice.renames.objects).toEqual({ project: 'programme' });
    const back = updateObject(twice, 'programme', {
      ...object(twice, 'programme'),
      nameSingular: 'project',
      namePlural: 'projects',
    });
    expect(back.renames.objects).toEqual({});
  });

  it('moves relations that point at a renamed object', () => {
    let draft = addObject2();
    const head = object(draft, 'task');
    draft = updateObject(draft, 'task', { ...head, nameSingular: 'job2', namePlural: 'job2s' });
    expect(field(draft, 'project', 'mainTask')?.relation?.targetObject).toBe('job2');
  });

  it('tracks field renames by the base key, including after the object was renamed', () => {
    let draft = updateObject(fresh(), 'project', {
      ...object(fresh(), 'project'),
      nameSingular: 'initiative',
      namePlural: 'initiatives',
    });
    const budget = field(draft, 'initiative', 'budget')!;
    draft = updateField(draft, 'initiative', 'budget', { ...budget, name: 'cost', label: 'Cost' });
    expect(draft.renames.fields).toEqual({ 'project.budget': 'cost' });
    expect(baseFieldKey(draft, 'initiative', 'cost')).toBe('project.budget');
    draft = removeField(draft, 'initiative', 'cost');
    expect(draft.renames.fields).toEqual({});
  });

  it('turns option origins into renames and merges', () => {
    const stage = field(fresh(), 'project', 'stage')!;
    const draft = updateField(
      fresh(),
      'project',
      'stage',
      {
        ...stage,
        defaultValue: "'ACTIVE'",
        options: [{ label: 'Active', value: 'ACTIVE', color: 'green', position: 0 }],
      },
      { ACTIVE: ['LIVE', 'DRAFT'] },
    );
    expect(draft.renames.options).toEqual({ 'project.stage': { LIVE: 'ACTIVE', DRAFT: 'ACTIVE' } });
  });

  it('deletes an object with the relations pointing at it', () => {
    const draft = removeObject(addObject2(), 'task');
    expect(field(draft, 'project', 'mainTask')).toBeUndefined();
    expect(draft.target.objects.some((o) => o.nameSingular === 'task')).toBe(false);
  });

  it('builds many-to-many as a junction with a many-to-one to each side', () => {
    const draft = addManyToMany(fresh(), {
      junction: newObjectHead('Project member', 'Project members'),
      left: {
        objectName: 'project',
        label: 'Project',
        fieldName: 'project',
        inverseLabel: 'Members',
        inverseName: 'members',
      },
      right: {
        objectName: 'person',
        label: 'Person',
        fieldName: 'person',
        inverseLabel: 'Project memberships',
        inverseName: 'projectMemberships',
      },
    });
    const junction = object(draft, 'projectMember');
    expect(junction.namePlural).toBe('projectMembers');
    expect(
      junction.fields.map((f) => [f.name, f.relation?.type, f.relation?.targetObject]),
    ).toEqual([
      ['person', 'MANY_TO_ONE', 'person'],
      ['project', 'MANY_TO_ONE', 'project'],
    ]);
    // Each side lists the other side's records through the junction (Twenty's M2M display).
    expect(field(draft, 'projectMember', 'project')?.relation?.junctionTarget).toBe('person');
    expect(field(draft, 'projectMember', 'person')?.relation?.junctionTarget).toBe('project');

    // Renaming a junction field keeps its sibling pointing at it; deleting it clears the link.
    const renamed = updateField(draft, 'projectMember', 'person', {
      ...field(draft, 'projectMember', 'person')!,
      name: 'member',
      label: 'Member',
    });
    expect(field(renamed, 'projectMember', 'project')?.relation?.junctionTarget).toBe('member');
    const removed = removeField(renamed, 'projectMember', 'member');
    expect(field(removed, 'projectMember', 'project')?.relation?.junctionTarget).toBeNull();
  });

  it('gives new fields what their type needs', () => {
    expect(newFieldOfType('SELECT', 'Stage', 'IconTag').options).toHaveLength(1);
    expect(newFieldOfType('FILES', 'Docs', 'IconFile').settings).toEqual({ maxNumberOfValues: 10 });
    expect(newFieldOfType('TEXT', 'Nick name', 'IconText').name).toBe('nickName');
  });
});

/** The fixture plus a `task` object that `project.mainTask` points at. */
function addObject2(): DraftDocuments {
  let draft = fresh();
  draft = {
    ...draft,
    target: {
      ...draft.target,
      objects: [...draft.target.objects, { ...newObjectHead('Task', 'Tasks'), fields: [] }],
    },
  };
  return addField(draft, 'project', {
    ...newFieldOfType('RELATION', 'Main task', 'IconLink'),
    relation: {
      type: 'MANY_TO_ONE',
      targetObject: 'task',
      inverseName: 'projects',
      inverseLabel: 'Projects',
      inverseIcon: null,
      onDelete: 'SET_NULL',
      junctionTarget: null,
    },
  });
}
