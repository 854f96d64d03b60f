import type { StandardFieldInput } from './define';
import { defineStandardObject, manyToOne, MINIMAL_BASE_FIELDS, oneToMany, quoted } from './define';

/**
 * Twenty 2.43 `agentMessage` (compute-agent-message-standard-flat-field-metadata.util.ts).
 * UNSURE: object labels/icon; senderUserWorkspaceId / senderApplicationId details (SDK-only fields).
 */
const system = (field: StandardFieldInput): StandardFieldInput => ({
  isSystem: true,
  isUIReadOnly: true,
  ...field,
});

export const AGENT_MESSAGE = defineStandardObject('agentMessage', {
  namePlural: 'agentMessages',
  labelSingular: 'Agent Message',
  labelPlural: 'Agent Messages',
  description: 'A message of an agent conversation',
  icon: 'IconMessage',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  baseFields: MINIMAL_BASE_FIELDS,
  fields: [
    system({
      name: 'agentId',
      label: 'Agent ID',
      type: 'UUID',
      description: 'Agent ID',
      icon: 'IconLego',
    }),
    system({
      name: 'senderUserWorkspaceId',
      label: 'Sender User Workspace ID',
      type: 'UUID',
      description: 'Sender User Workspace ID',
      icon: 'IconId',
    }),
    system({
      name: 'senderApplicationId',
      label: 'Sender Application ID',
      type: 'UUID',
      description: 'Sender Application ID',
      icon: 'IconId',
    }),
    system({
      name: 'role',
      label: 'Role',
      type: 'TEXT',
      description: 'Role',
      icon: 'IconText',
      isNullable: false,
    }),
    system({
      name: 'status',
      label: 'Status',
      type: 'TEXT',
      description: 'Status',
      icon: 'IconText',
      isNullable: false,
      defaultValue: quoted('sent'),
    }),
    system({
      name: 'isHidden',
      label: 'Is Hidden',
      type: 'BOOLEAN',
      description: 'Is Hidden',
      icon: 'IconToggleLeft',
      isNullable: false,
      defaultValue: false,
    }),
    system({
      name: 'processedAt',
      label: 'Processed At',
      type: 'DATE_TIME',
      description: 'Processed At',
      icon: 'IconCalendar',
    }),
    {
      name: 'thread',
      label: 'Thread',
      type: 'RELATION',
      description: 'Thread',
      icon: 'IconRelationOneToMany',
      isNullable: false,
      isUIReadOnly: true,
      relation: manyToOne('agentChatThread', 'messages', 'CASCADE'),
    },
    {
      name: 'turn',
      label: 'Turn',
      type: 'RELATION',
      description: 'Turn',
      icon: 'IconRelationOneToMany',
      isUIReadOnly: true,
      relation: manyToOne('agentTurn', 'messages', 'CASCADE'),
    },
    {
      name: 'parts',
      label: 'Parts',
      type: 'RELATION',
      description: 'Parts',
      icon: 'IconRelationOneToMany',
      isUIReadOnly: true,
      relation: oneToMany('agentMessagePart', 'message'),
    },
  ],
});
