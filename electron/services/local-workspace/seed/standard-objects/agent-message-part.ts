import type { StandardFieldInput } from './define';
import { defineStandardObject, manyToOne, MINIMAL_BASE_FIELDS } from './define';

/**
 * Twenty 2.43 `agentMessagePart` (compute-agent-message-part-standard-flat-field-metadata.util.ts).
 * UNSURE: object labels/icon; label/description of the `message` relation (tail of the builder not read).
 */
const part = (
  name: string,
  label: string,
  type: StandardFieldInput['type'],
  icon: string,
  isNullable = true,
): StandardFieldInput => ({
  name,
  label,
  type,
  description: label,
  icon,
  isSystem: true,
  isUIReadOnly: true,
  isNullable,
});

export const AGENT_MESSAGE_PART = defineStandardObject('agentMessagePart', {
  namePlural: 'agentMessageParts',
  labelSingular: 'Agent Message Part',
  labelPlural: 'Agent Message Parts',
  description: 'A part (text, reasoning, tool call, file, source) of an agent message',
  icon: 'IconMessage',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  baseFields: MINIMAL_BASE_FIELDS,
  fields: [
    part('orderIndex', 'Order Index', 'NUMBER', 'IconNumber', false),
    part('type', 'Type', 'TEXT', 'IconText', false),
    part('textContent', 'Text Content', 'TEXT', 'IconText'),
    part('reasoningContent', 'Reasoning Content', 'TEXT', 'IconText'),
    part('toolName', 'Tool Name', 'TEXT', 'IconText'),
    part('toolCallId', 'Tool Call ID', 'TEXT', 'IconText'),
    part('toolInput', 'Tool Input', 'RAW_JSON', 'IconCode'),
    part('toolOutput', 'Tool Output', 'RAW_JSON', 'IconCode'),
    part('state', 'State', 'TEXT', 'IconText'),
    part('providerExecuted', 'Provider Executed', 'BOOLEAN', 'IconToggleLeft'),
    part('errorMessage', 'Error Message', 'TEXT', 'IconText'),
    part('errorDetails', 'Error Details', 'RAW_JSON', 'IconCode'),
    part('sourceUrlSourceId', 'Source URL Source ID', 'TEXT', 'IconText'),
    part('sourceUrlUrl', 'Source URL URL', 'TEXT', 'IconText'),
    part('sourceUrlTitle', 'Source URL Title', 'TEXT', 'IconText'),
    part('sourceDocumentSourceId', 'Source Document Source ID', 'TEXT', 'IconText'),
    part('sourceDocumentMediaType', 'Source Document Media Type', 'TEXT', 'IconText'),
    part('sourceDocumentTitle', 'Source Document Title', 'TEXT', 'IconText'),
    part('sourceDocumentFilename', 'Source Document Filename', 'TEXT', 'IconText'),
    part('fileFilename', 'File Filename', 'TEXT', 'IconText'),
    part('fileId', 'File ID', 'UUID', 'IconId'),
    part('providerMetadata', 'Provider Metadata', 'RAW_JSON', 'IconCode'),
    {
      name: 'message',
      label: 'Message',
      type: 'RELATION',
      description: 'Message',
      icon: 'IconRelationOneToMany',
      isNullable: false,
      isUIReadOnly: true,
      relation: manyToOne('agentMessage', 'parts', 'CASCADE'),
    },
  ],
});
