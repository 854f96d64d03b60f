import type { StandardFieldInput } from './define';
import { defineStandardObject, manyToOne, MINIMAL_BASE_FIELDS, TARGET_MORPH_GROUP } from './define';
import type { StandardObjectName } from './universal-identifiers';

/**
 * Twenty 2.43 `agentChatThreadTarget` (compute-agent-chat-thread-target-standard-flat-field-metadata.util.ts):
 * `thread` + MORPH_RELATION group `target` (morphId STANDARD_OBJECTS.agentChatThreadTarget.morphIds.targetMorphId).
 * UNSURE: object labels/icon.
 */
const target = (
  name: string,
  label: string,
  targetObject: StandardObjectName,
  icon: string,
): StandardFieldInput => ({
  name,
  label,
  type: 'MORPH_RELATION',
  description: 'Record the chat is attached to',
  icon,
  isUIReadOnly: true,
  morphGroup: TARGET_MORPH_GROUP,
  relation: manyToOne(targetObject, 'agentChatThreadTargets', 'CASCADE'),
});

export const AGENT_CHAT_THREAD_TARGET = defineStandardObject('agentChatThreadTarget', {
  namePlural: 'agentChatThreadTargets',
  labelSingular: 'Agent Chat Thread Target',
  labelPlural: 'Agent Chat Thread Targets',
  description: 'A record an agent chat thread is attached to',
  icon: 'IconMessage',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  baseFields: MINIMAL_BASE_FIELDS,
  fields: [
    {
      name: 'thread',
      label: 'Thread',
      type: 'RELATION',
      description: 'Thread',
      icon: 'IconRelationOneToMany',
      isNullable: false,
      isUIReadOnly: true,
      relation: manyToOne('agentChatThread', 'recordTargets', 'CASCADE'),
    },
    target('targetPerson', 'Person', 'person', 'IconUser'),
    target('targetCompany', 'Company', 'company', 'IconBuildingSkyscraper'),
    target('targetOpportunity', 'Opportunity', 'opportunity', 'IconTargetArrow'),
  ],
});
