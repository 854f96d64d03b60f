import {
  defineStandardObject,
  manyToOne,
  oneToMany,
  quoted,
  RELATION_PROPERTIES,
  selectOptions,
} from './define';

/**
 * Twenty 2.43 `task`. Fields: compute-task-standard-flat-field-metadata.util.ts, object:
 * create-standard-flat-object-metadata.util.ts; names checked against twenty-sdk@2.43.0
 * (the deprecated plain-text `body` field is gone in 2.43).
 */
export const TASK = defineStandardObject('task', {
  namePlural: 'tasks',
  labelSingular: 'Task',
  labelPlural: 'Tasks',
  description: 'A task',
  icon: 'IconCheckbox',
  isSearchable: true,
  labelIdentifierFieldName: 'title',
  searchFields: ['title', 'bodyV2'],
  fields: [
    { name: 'title', label: 'Title', type: 'TEXT', description: 'Task title', icon: 'IconNotes' },
    {
      name: 'bodyV2',
      label: 'Body',
      type: 'RICH_TEXT',
      description: 'Task body',
      icon: 'IconFilePencil',
    },
    {
      name: 'dueAt',
      label: 'Due Date',
      type: 'DATE_TIME',
      description: 'Task due date',
      icon: 'IconCalendarEvent',
    },
    {
      name: 'status',
      label: 'Status',
      type: 'SELECT',
      description: 'Task status',
      icon: 'IconCheck',
      defaultValue: quoted('TODO'),
      options: selectOptions([
        ['TODO', 'To do', 'sky'],
        ['IN_PROGRESS', 'In progress', 'purple'],
        ['DONE', 'Done', 'green'],
      ]),
    },
    {
      name: 'taskTargets',
      label: 'Relations',
      type: 'RELATION',
      description: 'Task targets',
      icon: 'IconArrowUpRight',
      relation: oneToMany('taskTarget', 'task'),
    },
    {
      name: 'attachments',
      label: RELATION_PROPERTIES.attachment.label,
      type: 'RELATION',
      description: 'Task attachments',
      icon: RELATION_PROPERTIES.attachment.icon,
      relation: oneToMany('attachment', 'targetTask'),
    },
    {
      name: 'assignee',
      label: 'Assignee',
      type: 'RELATION',
      description: 'Task assignee',
      icon: 'IconUserCircle',
      relation: manyToOne('workspaceMember', 'assignedTasks', 'SET_NULL'),
    },
    {
      name: 'timelineActivities',
      label: RELATION_PROPERTIES.timelineActivity.label,
      type: 'RELATION',
      description: 'Timeline Activities linked to the task.',
      icon: RELATION_PROPERTIES.timelineActivity.icon,
      relation: oneToMany('timelineActivity', 'targetTask'),
    },
  ],
});
