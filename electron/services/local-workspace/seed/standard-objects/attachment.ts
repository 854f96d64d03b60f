import type { StandardFieldInput } from './define';
import {
  defineStandardObject,
  manyToOne,
  quoted,
  selectOptions,
  TARGET_MORPH_GROUP,
} from './define';
import type { StandardObjectName } from './universal-identifiers';

/**
 * Twenty 2.43 `attachment`. Fields: compute-attachment-standard-flat-field-metadata.util.ts (morph
 * version: `file` FILES + MORPH_RELATION group `target`, morphId STANDARD_OBJECTS.attachment.morphIds.targetMorphId),
 * object: create-standard-flat-object-metadata.util.ts; names checked against twenty-sdk@2.43.0.
 */
const target = (
  name: string,
  label: string,
  targetObject: StandardObjectName,
  onDelete: 'CASCADE' | 'SET_NULL',
): StandardFieldInput => ({
  name,
  label,
  type: 'MORPH_RELATION',
  description: 'Attachment target',
  icon: 'IconFileImport',
  isUIReadOnly: true,
  morphGroup: TARGET_MORPH_GROUP,
  relation: manyToOne(targetObject, 'attachments', onDelete),
});

export const ATTACHMENT = defineStandardObject('attachment', {
  namePlural: 'attachments',
  labelSingular: 'Attachment',
  labelPlural: 'Attachments',
  description: 'An attachment',
  icon: 'IconFileImport',
  isSystem: true,
  labelIdentifierFieldName: 'name',
  searchFields: ['name'],
  fields: [
    {
      name: 'name',
      label: 'Name',
      type: 'TEXT',
      description: 'Attachment name',
      icon: 'IconFileUpload',
      isUIReadOnly: true,
    },
    {
      name: 'file',
      label: 'File',
      type: 'FILES',
      description: 'Attachment file',
      icon: 'IconFileUpload',
      isUIReadOnly: true,
      settings: { maxNumberOfValues: 1 },
    },
    // Deprecated (kept in 2.43).
    {
      name: 'fullPath',
      label: 'Full path',
      type: 'TEXT',
      description: 'Attachment full path',
      icon: 'IconLink',
      isSystem: true,
      isUIReadOnly: true,
    },
    // Deprecated (kept in 2.43).
    {
      name: 'fileCategory',
      label: 'File category',
      type: 'SELECT',
      description: 'Attachment file category',
      icon: 'IconList',
      isSystem: true,
      isNullable: false,
      isUIReadOnly: true,
      defaultValue: quoted('OTHER'),
      options: selectOptions([
        ['ARCHIVE', 'Archive', 'gray'],
        ['AUDIO', 'Audio', 'pink'],
        ['IMAGE', 'Image', 'yellow'],
        ['PRESENTATION', 'Presentation', 'orange'],
        ['SPREADSHEET', 'Spreadsheet', 'turquoise'],
        ['TEXT_DOCUMENT', 'Text Document', 'blue'],
        ['VIDEO', 'Video', 'purple'],
        ['OTHER', 'Other', 'gray'],
      ]),
    },
    target('targetTask', 'Task', 'task', 'SET_NULL'),
    target('targetNote', 'Note', 'note', 'SET_NULL'),
    target('targetPerson', 'Person', 'person', 'CASCADE'),
    target('targetCompany', 'Company', 'company', 'CASCADE'),
    target('targetOpportunity', 'Opportunity', 'opportunity', 'CASCADE'),
    target('targetDashboard', 'Dashboard', 'dashboard', 'CASCADE'),
    target('targetWorkflow', 'Workflow', 'workflow', 'CASCADE'),
    // UNSURE: label and onDelete (this target is newer than the builder version read).
    target('targetAgentChatThread', 'Conversation', 'agentChatThread', 'CASCADE'),
  ],
});
