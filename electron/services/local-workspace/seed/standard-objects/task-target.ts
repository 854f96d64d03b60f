import { defineStandardObject, manyToOne, TARGET_MORPH_GROUP } from './define';

/**
 * Twenty 2.43 `taskTarget`: `task` + the MORPH_RELATION group `target` (targetPerson / targetCompany /
 * targetOpportunity, join columns target<Name>Id, shared morphId
 * STANDARD_OBJECTS.taskTarget.morphIds.targetMorphId). Source: compute-task-target-standard-flat-field-metadata.util.ts,
 * object: create-standard-flat-object-metadata.util.ts.
 */
export const TASK_TARGET = defineStandardObject('taskTarget', {
  namePlural: 'taskTargets',
  labelSingular: 'Task Target',
  labelPlural: 'Task Targets',
  description: 'A task target',
  icon: 'IconCheckbox',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  searchFields: ['id'],
  fields: [
    {
      name: 'task',
      label: 'Task',
      type: 'RELATION',
      description: 'TaskTarget task',
      icon: 'IconCheckbox',
      isUIReadOnly: true,
      relation: manyToOne('task', 'taskTargets', 'CASCADE'),
    },
    {
      name: 'targetPerson',
      label: 'Target',
      type: 'MORPH_RELATION',
      description: 'TaskTarget target',
      icon: 'IconArrowUpRight',
      isUIReadOnly: true,
      morphGroup: TARGET_MORPH_GROUP,
      relation: manyToOne('person', 'taskTargets', 'CASCADE'),
    },
    {
      name: 'targetCompany',
      label: 'Target',
      type: 'MORPH_RELATION',
      description: 'TaskTarget target',
      icon: 'IconArrowUpRight',
      isUIReadOnly: true,
      morphGroup: TARGET_MORPH_GROUP,
      relation: manyToOne('company', 'taskTargets', 'CASCADE'),
    },
    {
      name: 'targetOpportunity',
      label: 'Target',
      type: 'MORPH_RELATION',
      description: 'TaskTarget target',
      icon: 'IconArrowUpRight',
      isUIReadOnly: true,
      morphGroup: TARGET_MORPH_GROUP,
      relation: manyToOne('opportunity', 'taskTargets', 'CASCADE'),
    },
  ],
});
