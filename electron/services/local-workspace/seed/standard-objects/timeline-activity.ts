import type { StandardFieldInput } from './define';
import { defineStandardObject, manyToOne, TARGET_MORPH_GROUP } from './define';
import type { StandardObjectName } from './universal-identifiers';

/**
 * Twenty 2.43 `timelineActivity`. Fields: compute-timeline-activity-standard-flat-field-metadata.util.ts
 * (2.34+ version with timelineActivityTypeId/Snapshot; the transitional `name` field is not in the
 * 2.43 SDK and is omitted), object: create-standard-flat-object-metadata.util.ts.
 * Targets are the MORPH_RELATION group `target` (morphId STANDARD_OBJECTS.timelineActivity.morphIds.targetMorphId).
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
  description: 'Event target',
  icon: 'IconTimelineEvent',
  isUIReadOnly: true,
  morphGroup: TARGET_MORPH_GROUP,
  relation: manyToOne(targetObject, 'timelineActivities', onDelete),
});

export const TIMELINE_ACTIVITY = defineStandardObject('timelineActivity', {
  namePlural: 'timelineActivities',
  labelSingular: 'Timeline Activity',
  labelPlural: 'Timeline Activities',
  description: 'Aggregated / filtered event to be displayed on the timeline',
  icon: 'IconTimelineEvent',
  isSystem: true,
  labelIdentifierFieldName: 'linkedRecordCachedName',
  searchFields: ['linkedRecordCachedName'],
  fields: [
    {
      name: 'timelineActivityTypeId',
      label: 'Event type',
      type: 'UUID',
      description: 'Timeline activity type describing this event',
      icon: 'IconAbc',
      isSystem: true,
      isUIReadOnly: true,
    },
    {
      name: 'timelineActivityTypeSnapshot',
      label: 'Event type',
      type: 'RAW_JSON',
      description: 'Timeline activity type describing this event',
      icon: 'IconArchive',
      isSystem: true,
      isUIReadOnly: true,
    },
    {
      name: 'happensAt',
      label: 'Creation date',
      type: 'DATE_TIME',
      description: 'Creation date',
      icon: 'IconCalendar',
      isNullable: false,
      isUIReadOnly: true,
      defaultValue: 'now',
    },
    {
      name: 'properties',
      label: 'Event details',
      type: 'RAW_JSON',
      description: 'Json value for event details',
      icon: 'IconListDetails',
      isUIReadOnly: true,
    },
    {
      name: 'workspaceMember',
      label: 'Workspace Member',
      type: 'RELATION',
      description: 'Event workspace member',
      icon: 'IconCircleUser',
      isUIReadOnly: true,
      relation: manyToOne('workspaceMember', 'timelineActivities', 'CASCADE'),
    },
    target('targetPerson', 'Person', 'person', 'CASCADE'),
    target('targetCompany', 'Company', 'company', 'CASCADE'),
    target('targetOpportunity', 'Opportunity', 'opportunity', 'SET_NULL'),
    target('targetTask', 'Task', 'task', 'SET_NULL'),
    target('targetNote', 'Note', 'note', 'SET_NULL'),
    target('targetWorkflow', 'Workflow', 'workflow', 'CASCADE'),
    target('targetWorkflowVersion', 'WorkflowVersion', 'workflowVersion', 'CASCADE'),
    target('targetWorkflowRun', 'WorkflowRun', 'workflowRun', 'CASCADE'),
    target('targetDashboard', 'Dashboard', 'dashboard', 'SET_NULL'),
    target('targetMessageList', 'MessageList', 'messageList', 'SET_NULL'),
    target('targetMessageCampaign', 'MessageCampaign', 'messageCampaign', 'SET_NULL'),
    {
      name: 'linkedRecordCachedName',
      label: 'Linked Record cached name',
      type: 'TEXT',
      description: 'Cached record name',
      icon: 'IconAbc',
      isSystem: true,
      isUIReadOnly: true,
    },
    {
      name: 'linkedRecordId',
      label: 'Linked Record id',
      type: 'UUID',
      description: 'Linked Record id',
      icon: 'IconAbc',
      isSystem: true,
      isUIReadOnly: true,
    },
    {
      name: 'linkedObjectMetadataId',
      label: 'Linked Object Metadata Id',
      type: 'UUID',
      description: 'Linked Object Metadata Id',
      icon: 'IconAbc',
      isSystem: true,
      isUIReadOnly: true,
    },
  ],
});
