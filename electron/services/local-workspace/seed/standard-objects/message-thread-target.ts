import { defineStandardObject, manyToOne } from './define';
import { buildTargetObjectFields } from './target-object-fields';

/** Twenty 2.43 `messageThreadTarget` (build-standard-target-flat-field-metadatas.util.ts). */
export const MESSAGE_THREAD_TARGET = defineStandardObject('messageThreadTarget', {
  namePlural: 'messageThreadTargets',
  labelSingular: 'Message Thread Target',
  labelPlural: 'Message Thread Targets',
  description: 'A message thread target',
  icon: 'IconMessage',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  searchFields: ['id'],
  fields: [
    // UNSURE: label/description/icon of the parent relation.
    {
      name: 'messageThread',
      label: 'Message Thread',
      type: 'RELATION',
      description: 'Message thread',
      icon: 'IconMessage',
      isNullable: false,
      isUIReadOnly: true,
      relation: manyToOne('messageThread', 'messageThreadTargets', 'CASCADE'),
    },
    ...buildTargetObjectFields('messageThreadTargets'),
  ],
});
