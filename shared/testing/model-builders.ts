import type { ModelField } from '../contract/data-model';

/**
 * Fields as `dataModel.getModel` returns them, for tests that need a workspace model without a
 * workspace: a plain active nullable field unless `extra` says otherwise.
 */
export const modelField = (
  name: string,
  type: string,
  extra: Partial<ModelField> = {},
): ModelField => ({
  id: `${name}-${type}`,
  name,
  label: name.charAt(0).toUpperCase() + name.slice(1).replace(/([A-Z])/g, ' $1'),
  type,
  description: null,
  icon: null,
  isCustom: false,
  isSystem: false,
  isActive: true,
  isNullable: true,
  isUnique: false,
  isLabelSyncedWithName: true,
  defaultValue: null,
  options: null,
  settings: null,
  relation: null,
  ...extra,
});

export const manyToOneField = (name: string, target: string, joinColumnName = `${name}Id`) =>
  modelField(name, 'RELATION', {
    settings: { relationType: 'MANY_TO_ONE', joinColumnName },
    relation: { type: 'MANY_TO_ONE', targetObject: target, targetField: null, targetFieldId: null },
  });

export const oneToManyField = (name: string, target: string) =>
  modelField(name, 'RELATION', {
    settings: { relationType: 'ONE_TO_MANY' },
    relation: { type: 'ONE_TO_MANY', targetObject: target, targetField: null, targetFieldId: null },
  });
