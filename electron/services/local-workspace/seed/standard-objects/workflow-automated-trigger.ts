import { defineStandardObject, manyToOne, selectOptions } from './define';

/**
 * Twenty 2.43 `workflowAutomatedTrigger` (compute-workflow-automated-trigger-standard-flat-field-metadata.util.ts —
 * UNSURE: labels/icons/option colours were not re-read; values DATABASE_EVENT / CRON are Twenty's
 * AutomatedTriggerType).
 */
export const WORKFLOW_AUTOMATED_TRIGGER = defineStandardObject('workflowAutomatedTrigger', {
  namePlural: 'workflowAutomatedTriggers',
  labelSingular: 'Workflow Automated Trigger',
  labelPlural: 'Workflow Automated Triggers',
  description: 'A workflow automated trigger',
  icon: 'IconSettingsAutomation',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  searchFields: ['id'],
  fields: [
    {
      name: 'type',
      label: 'Automated Trigger Type',
      type: 'SELECT',
      description: 'The workflow automated trigger type',
      icon: 'IconSettingsAutomation',
      isNullable: false,
      options: selectOptions([
        ['DATABASE_EVENT', 'Database Event', 'green'],
        ['CRON', 'Cron', 'blue'],
      ]),
    },
    {
      name: 'settings',
      label: 'Settings',
      type: 'RAW_JSON',
      description: 'The workflow automated trigger settings',
      icon: 'IconSettings',
      isNullable: false,
    },
    {
      name: 'workflow',
      label: 'Workflow',
      type: 'RELATION',
      description: 'WorkflowAutomatedTrigger workflow',
      icon: 'IconSettingsAutomation',
      isNullable: false,
      relation: manyToOne('workflow', 'automatedTriggers', 'CASCADE'),
    },
  ],
});
