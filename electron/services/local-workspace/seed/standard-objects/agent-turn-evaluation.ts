import { defineStandardObject, manyToOne, MINIMAL_BASE_FIELDS } from './define';

/**
 * Twenty 2.43 `agentTurnEvaluation` (compute-agent-turn-evaluation-standard-flat-field-metadata.util.ts —
 * UNSURE: builder not re-read; types/labels follow the other agent builders).
 */
export const AGENT_TURN_EVALUATION = defineStandardObject('agentTurnEvaluation', {
  namePlural: 'agentTurnEvaluations',
  labelSingular: 'Agent Turn Evaluation',
  labelPlural: 'Agent Turn Evaluations',
  description: 'An evaluation of an agent turn',
  icon: 'IconStar',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  baseFields: MINIMAL_BASE_FIELDS,
  fields: [
    {
      name: 'score',
      label: 'Score',
      type: 'NUMBER',
      description: 'Score',
      icon: 'IconNumber',
      isSystem: true,
      isNullable: false,
      isUIReadOnly: true,
    },
    {
      name: 'comment',
      label: 'Comment',
      type: 'TEXT',
      description: 'Comment',
      icon: 'IconText',
      isSystem: true,
      isUIReadOnly: true,
    },
    {
      name: 'turn',
      label: 'Turn',
      type: 'RELATION',
      description: 'Turn',
      icon: 'IconRelationOneToMany',
      isNullable: false,
      isUIReadOnly: true,
      relation: manyToOne('agentTurn', 'evaluations', 'CASCADE'),
    },
  ],
});
