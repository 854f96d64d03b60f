import { defineStandardObject, oneToMany } from './define';

/** Twenty 2.43 `messageList` (compute-message-list-standard-flat-field-metadata.util.ts). */
export const MESSAGE_LIST = defineStandardObject('messageList', {
  namePlural: 'messageLists',
  labelSingular: 'List',
  labelPlural: 'Lists',
  description: 'A hand-picked audience of people',
  icon: 'IconUsersGroup',
  isSystem: true,
  isSearchable: true,
  labelIdentifierFieldName: 'name',
  searchFields: ['name'],
  fields: [
    {
      name: 'name',
      label: 'Name',
      type: 'TEXT',
      description: 'The list name',
      icon: 'IconUsersGroup',
    },
    // UNSURE: label/description/icon (field present in the SDK, not in the builder version read).
    {
      name: 'description',
      label: 'Description',
      type: 'TEXT',
      description: 'The list description',
      icon: 'IconFileDescription',
    },
    {
      name: 'members',
      label: 'Members',
      type: 'RELATION',
      description: 'People in this list',
      icon: 'IconUser',
      relation: oneToMany('messageListMember', 'list'),
    },
    {
      name: 'campaigns',
      label: 'Campaigns',
      type: 'RELATION',
      description: 'Campaigns sent to this list',
      icon: 'IconSend',
      isUIReadOnly: true,
      relation: oneToMany('messageCampaign', 'list'),
    },
    {
      name: 'timelineActivities',
      label: 'Events',
      type: 'RELATION',
      description: 'Events linked to the list',
      icon: 'IconTimelineEvent',
      relation: oneToMany('timelineActivity', 'targetMessageList'),
    },
  ],
});
