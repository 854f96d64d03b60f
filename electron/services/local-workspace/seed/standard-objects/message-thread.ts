import { defineStandardObject, oneToMany } from './define';

/**
 * Twenty 2.43 `messageThread` (compute-message-thread-standard-flat-field-metadata.util.ts —
 * UNSURE: labels/descriptions/icons were not re-read; they follow the message builder's wording).
 */
export const MESSAGE_THREAD = defineStandardObject('messageThread', {
  namePlural: 'messageThreads',
  labelSingular: 'Message Thread',
  labelPlural: 'Message Threads',
  description: 'Message Thread',
  icon: 'IconMessage',
  isSystem: true,
  labelIdentifierFieldName: 'subject',
  searchFields: ['subject'],
  fields: [
    {
      name: 'messages',
      label: 'Messages',
      type: 'RELATION',
      description: 'Messages from the thread.',
      icon: 'IconMessage',
      isUIReadOnly: true,
      relation: oneToMany('message', 'messageThread'),
    },
    {
      name: 'messageChannelMessageAssociations',
      label: 'Message Channel Association',
      type: 'RELATION',
      description: 'Messages from the channel',
      icon: 'IconMessage',
      isUIReadOnly: true,
      relation: oneToMany('messageChannelMessageAssociation', 'messageThread'),
    },
    {
      name: 'subject',
      label: 'Subject',
      type: 'TEXT',
      description: 'Subject',
      icon: 'IconMessage',
      isUIReadOnly: true,
    },
    {
      name: 'messageThreadTargets',
      label: 'Linked records',
      type: 'RELATION',
      description: 'Records linked to the message thread',
      icon: 'IconArrowUpRight',
      isUIReadOnly: true,
      relation: oneToMany('messageThreadTarget', 'messageThread'),
    },
  ],
});
