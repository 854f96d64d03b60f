import { defineStandardObject, manyToOne, oneToMany, quoted, selectOptions } from './define';

/**
 * Twenty 2.43 `messageChannelMessageAssociation`
 * (compute-message-channel-message-association-standard-flat-field-metadata.util.ts). In 2.x the
 * message channel is core metadata, so `messageChannelId` is a plain UUID (SDK field name).
 */
export const MESSAGE_CHANNEL_MESSAGE_ASSOCIATION = defineStandardObject(
  'messageChannelMessageAssociation',
  {
    namePlural: 'messageChannelMessageAssociations',
    labelSingular: 'Message Channel Message Association',
    labelPlural: 'Message Channel Message Associations',
    description: 'Message Synced with a Message Channel',
    icon: 'IconMessage',
    isSystem: true,
    labelIdentifierFieldName: 'id',
    searchFields: ['messageExternalId'],
    fields: [
      // UNSURE: nullability (mirrors calendarChannelEventAssociation.calendarChannelId).
      {
        name: 'messageChannelId',
        label: 'Message Channel Id',
        type: 'UUID',
        description: 'Message Channel Id',
        icon: 'IconHash',
        isNullable: false,
        isUIReadOnly: true,
      },
      {
        name: 'message',
        label: 'Message Id',
        type: 'RELATION',
        description: 'Message Id',
        icon: 'IconHash',
        isUIReadOnly: true,
        relation: manyToOne('message', 'messageChannelMessageAssociations', 'CASCADE'),
      },
      {
        name: 'messageExternalId',
        label: 'Message External Id',
        type: 'TEXT',
        description: 'Message id from the messaging provider',
        icon: 'IconHash',
        isUIReadOnly: true,
      },
      {
        name: 'messageThread',
        label: 'Message Thread Id',
        type: 'RELATION',
        description: 'Message Thread Id',
        icon: 'IconHash',
        isUIReadOnly: true,
        relation: manyToOne('messageThread', 'messageChannelMessageAssociations', 'CASCADE'),
      },
      {
        name: 'messageThreadExternalId',
        label: 'Thread External Id',
        type: 'TEXT',
        description: 'Thread id from the messaging provider',
        icon: 'IconHash',
        isUIReadOnly: true,
      },
      {
        name: 'direction',
        label: 'Direction',
        type: 'SELECT',
        description: 'Message Direction',
        icon: 'IconDirection',
        isNullable: false,
        isUIReadOnly: true,
        defaultValue: quoted('INCOMING'),
        options: selectOptions([
          ['INCOMING', 'Incoming', 'green'],
          ['OUTGOING', 'Outgoing', 'blue'],
        ]),
      },
      {
        name: 'messageFolders',
        label: 'Message Folders',
        type: 'RELATION',
        description: 'Message Folders (supports multiple folders/labels)',
        icon: 'IconFolders',
        isUIReadOnly: true,
        relation: oneToMany(
          'messageChannelMessageAssociationMessageFolder',
          'messageChannelMessageAssociation',
        ),
      },
    ],
  },
);
