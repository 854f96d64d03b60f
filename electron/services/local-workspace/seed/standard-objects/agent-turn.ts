import { defineStandardObject, manyToOne, MINIMAL_BASE_FIELDS, oneToMany } from './define';

/** Twenty 2.43 `agentTurn` (compute-agent-turn-standard-flat-field-metadata.util.ts). UNSURE: object labels/icon. */
export const AGENT_TURN = defineStandardObject('agentTurn', {
  namePlural: 'agentTurns',
  labelSingular: 'Agent Turn',
  labelPlural: 'Agent Turns',
  description: 'A turn of an agent conversation',
  icon: 'IconMessages',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  baseFields: MINIMAL_BASE_FIELDS,
  fields: [
    {
      name: 'agentId',
      label: 'Agent ID',
      type: 'UUID',
      description: 'Agent ID',
      icon: 'IconLego',
      isSystem: true,
      isUIReadOnly: true,
    },
    {
      name: 'thread',
      label: 'Thread',
      type: 'RELATION',
      description: 'Thread',
      icon: 'IconRelationOneToMany',
      isNullable: false,
      isUIReadOnly: true,
      relation: manyToOne('agentChatThread', 'turns', 'CASCADE'),
    },
    {
      name: 'messages',
      label: 'Messages',
      type: 'RELATION',
      description: 'Messages',
      icon: 'IconRelationOneToMany',
      isUIReadOnly: true,
      relation: oneToMany('agentMessage', 'turn'),
    },
    {
      name: 'evaluations',
      label: 'Evaluations',
      type: 'RELATION',
      description: 'Evaluations',
      icon: 'IconRelationOneToMany',
      isUIReadOnly: true,
      relation: oneToMany('agentTurnEvaluation', 'turn'),
    },
  ],
});
