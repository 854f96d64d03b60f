import { defineStandardObject, oneToMany, RELATION_PROPERTIES } from './define';

/** Twenty 2.43 `dashboard` (compute-dashboard-standard-flat-field-metadata.util.ts). */
export const DASHBOARD = defineStandardObject('dashboard', {
  namePlural: 'dashboards',
  labelSingular: 'Dashboard',
  labelPlural: 'Dashboards',
  description: 'A dashboard',
  icon: 'IconLayoutDashboard',
  isSearchable: true,
  labelIdentifierFieldName: 'title',
  searchFields: ['title'],
  fields: [
    // UNSURE: description/icon of `title` (only the tail of the builder was read).
    {
      name: 'title',
      label: 'Title',
      type: 'TEXT',
      description: 'Dashboard title',
      icon: 'IconNotes',
    },
    {
      name: 'pageLayoutId',
      label: 'Page Layout ID',
      type: 'UUID',
      description: 'Dashboard page layout',
      icon: 'IconLayout',
      isUIReadOnly: true,
    },
    {
      name: 'timelineActivities',
      label: RELATION_PROPERTIES.timelineActivity.label,
      type: 'RELATION',
      description: 'Timeline activities linked to the dashboard',
      icon: RELATION_PROPERTIES.timelineActivity.icon,
      relation: oneToMany('timelineActivity', 'targetDashboard'),
    },
    {
      name: 'attachments',
      label: RELATION_PROPERTIES.attachment.label,
      type: 'RELATION',
      description: 'Attachments linked to the dashboard',
      icon: RELATION_PROPERTIES.attachment.icon,
      relation: oneToMany('attachment', 'targetDashboard'),
    },
  ],
});
