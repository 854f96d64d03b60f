import { describe, expect, it } from 'vitest';
import type { ModelField, WorkspaceModel } from '../../../shared/contract/data-model';
import {
  addManyToMany,
  newFieldOfType,
  newObjectHead,
  removeField,
  updateField,
  addField,
  type DraftDocuments,
} from '../../../shared/schema/draft-edits';
import { toSchemaDocument } from '../../../shared/schema/model-to-schema';
import { overlayDraft } from './draft-overlay';

const field = (name: string, patch: Partial<ModelField> = {}): ModelField => ({
  id: `id-${name}`,
  name,
  label: name,
  type: 'TEXT',
  description: null,
  icon: null,
  isCustom: true,
  isSystem: false,
  isActive: true,
  isNullable: true,
  isUnique: false,
  isLabelSyncedWithName: false,
  defaultValue: null,
  options: null,
  settings: null,
  relation: null,
  ...patch,
});

const model: WorkspaceModel = {
  objects: [
    {
      id: 'o-person',
      nameSingular: 'person',
      namePlural: 'people',
      labelSingular: 'Person',
      labelPlural: 'People',
      description: null,
      icon: null,
      isCustom: false,
      isSystem: false,
      isActive: true,
      isLabelSyncedWithName: false,
      fields: [field('name', { isCustom: false, type: 'FULL_NAME' }), field('nickname')],
    },
    {
      id: 'o-project',
      nameSingular: 'project',
      namePlural: 'projects',
      labelSingular: 'Project',
      labelPlural: 'Projects',
      description: null,
      icon: null,
      isCustom: true,
      isSystem: false,
      isActive: true,
      isLabelSyncedWithName: true,
      fields: [field('id', { isCustom: false, type: 'UUID', isSystem: true }), field('code')],
    },
  ],
};

const draftOf = (): DraftDocuments => {
  const base = toSchemaDocument(model);
  return { base, target: base, renames: { objects: {}, fields: {}, options: {} } };
};

describe('the diagram shows the model as the draft would make it', () => {
  it('shows an unchanged draft as the model, without marks', () => {
    const { model: shown, marks } = overlayDraft(model, draftOf());
    expect(marks.size).toBe(0);
    expect(shown.objects.map((o) => o.fields.map((f) => f.name).sort())).toEqual([
      ['name', 'nickname'],
      ['code', 'id'],
    ]);
  });

  it('marks added, changed and removed fields, keeping removed ones visible', () => {
    let draft = draftOf();
    draft = addField(draft, 'project', newFieldOfType('NUMBER', 'Budget', 'IconNumbers'));
    const code = draft.target.objects[1]!.fields.find((f) => f.name === 'code')!;
    draft = updateField(draft, 'project', 'code', { ...code, label: 'Project code' });
    draft = removeField(draft, 'person', 'nickname');
    const { model: shown, marks } = overlayDraft(model, draft);
    expect(Object.fromEntries(marks)).toEqual({
      'project.budget': 'added',
      'project.code': 'changed',
      'person.nickname': 'removed',
    });
    expect(shown.objects[0]!.fields.map((f) => f.name)).toContain('nickname');
  });

  it('shows a new object with the fields Twenty gives it and both ends of its relations', () => {
    const draft = addManyToMany(draftOf(), {
      junction: newObjectHead('Assignment', 'Assignments'),
      left: {
        objectName: 'project',
        label: 'Project',
        fieldName: 'project',
        inverseLabel: 'Assignments',
        inverseName: 'assignments',
      },
      right: {
        objectName: 'person',
        label: 'Person',
        fieldName: 'person',
        inverseLabel: 'Assignments',
        inverseName: 'assignments',
      },
    });
    const { model: shown, marks } = overlayDraft(model, draft);
    expect(marks.get('assignment')).toBe('added');
    const junction = shown.objects.find((o) => o.nameSingular === 'assignment')!;
    expect(junction.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['id', 'name', 'createdAt', 'project', 'person']),
    );
    const inverse = shown.objects
      .find((o) => o.nameSingular === 'person')!
      .fields.find((f) => f.name === 'assignments');
    expect(inverse?.relation).toMatchObject({ type: 'ONE_TO_MANY', targetObject: 'assignment' });
    expect(marks.get('person.assignments')).toBe('added');
  });
});
