import { defineStandardObject, manyToOne } from './define';

/**
 * Twenty 2.43 `messageChannelMessageAssociationMessageFolder`, join table between an association and
 * a (core) message folder. UNSURE: labels/descriptions/icons (builder not re-read).
 */
export const MESSAGE_CHANNEL_MESSAGE_ASSOCIATION_MESSAGE_FOLDER = defineStandardObject(
  'messageChannelMessageAssociationMessageFolder',
  {
    namePlural: 'messageChannelMessageAssociationMessageFolders',
    labelSingular: 'Message Channel Message Association Message Folder',
    labelPlural: 'Message Channel Message Association Message Folders',
    description: 'Join table linking message channel message associations to message folders',
    icon: 'IconFolder',
    isSystem: true,
    labelIdentifierFieldName: 'id',
    searchFields: [],
    fields: [
      {
        name: 'messageChannelMessageAssociation',
        label: 'Message Channel Message Association',
        type: 'RELATION',
        description: 'Message Channel Message Association',
        icon: 'IconHash',
        isNullable: false,
        isUIReadOnly: true,
        relation: manyToOne('messageChannelMessageAssociation', 'messageFolders', 'CASCADE'),
      },
      {
        name: 'messageFolderId',
        label: 'Message Folder Id',
        type: 'UUID',
        description: 'Message Folder Id',
        icon: 'IconFolder',
        isNullable: false,
        isUIReadOnly: true,
      },
    ],
  },
);
