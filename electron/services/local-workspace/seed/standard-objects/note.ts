import { defineStandardObject, oneToMany, RELATION_PROPERTIES } from './define';

/**
 * Twenty 2.43 `note`. Fields: compute-note-standard-flat-field-metadata.util.ts (mirrors the task
 * builder), object: create-standard-flat-object-metadata.util.ts; names checked against twenty-sdk@2.43.0.
 * The deprecated plain-text `body` field is gone in 2.43 (not in the SDK).
 */
export const NOTE = defineStandardObject('note', {
  namePlural: 'notes',
  labelSingular: 'Note',
  labelPlural: 'Notes',
  description: 'A note',
  icon: 'IconNotes',
  isSearchable: true,
  labelIdentifierFieldName: 'title',
  searchFields: ['title', 'bodyV2'],
  fields: [
    { name: 'title', label: 'Title', type: 'TEXT', description: 'Note title', icon: 'IconNotes' },
    {
      name: 'bodyV2',
      label: 'Body',
      type: 'RICH_TEXT',
      description: 'Note body',
      icon: 'IconFilePencil',
    },
    {
      name: 'noteTargets',
      label: 'Relations',
      type: 'RELATION',
      description: 'Note targets',
      icon: 'IconArrowUpRight',
      relation: oneToMany('noteTarget', 'note'),
    },
    {
      name: 'attachments',
      label: RELATION_PROPERTIES.attachment.label,
      type: 'RELATION',
      description: 'Note attachments',
      icon: RELATION_PROPERTIES.attachment.icon,
      relation: oneToMany('attachment', 'targetNote'),
    },
    {
      name: 'timelineActivities',
      label: RELATION_PROPERTIES.timelineActivity.label,
      type: 'RELATION',
      description: 'Timeline Activities linked to the note.',
      icon: RELATION_PROPERTIES.timelineActivity.icon,
      relation: oneToMany('timelineActivity', 'targetNote'),
    },
  ],
});
