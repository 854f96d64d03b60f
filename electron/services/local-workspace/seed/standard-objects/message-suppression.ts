import { defineStandardObject, MINIMAL_BASE_FIELDS, quoted, selectOptions } from './define';

/**
 * Twenty 2.43 `messageSuppression` (compute-message-suppression-standard-flat-field-metadata.util.ts;
 * in 2.43 it carries only id/createdAt/updatedAt/deletedAt and gained `unsubscribeTopicId`).
 * UNSURE: object labels/icon; whether reason/source stayed SELECT once the object became SYSTEM-writable;
 * details of `unsubscribeTopicId` (SDK-only field).
 */
export const MESSAGE_SUPPRESSION = defineStandardObject('messageSuppression', {
  namePlural: 'messageSuppressions',
  labelSingular: 'Email Suppression',
  labelPlural: 'Email Suppressions',
  description: 'An email address that must not receive campaign emails',
  icon: 'IconMailOff',
  isSystem: true,
  labelIdentifierFieldName: 'emailAddress',
  baseFields: MINIMAL_BASE_FIELDS,
  fields: [
    {
      name: 'emailAddress',
      label: 'Email address',
      type: 'TEXT',
      description: 'The suppressed email address',
      icon: 'IconMail',
      isNullable: false,
      isUIReadOnly: true,
    },
    {
      name: 'reason',
      label: 'Reason',
      type: 'SELECT',
      description: 'Why the address was suppressed',
      icon: 'IconAlertTriangle',
      isNullable: false,
      isUIReadOnly: true,
      options: selectOptions([
        ['BOUNCE', 'Bounce', 'red'],
        ['COMPLAINT', 'Complaint', 'orange'],
        ['UNSUBSCRIBE', 'Unsubscribe', 'gray'],
      ]),
    },
    {
      name: 'source',
      label: 'Source',
      type: 'SELECT',
      description: 'How the suppression was recorded',
      icon: 'IconPlugConnected',
      isNullable: false,
      isUIReadOnly: true,
      defaultValue: quoted('WEBHOOK'),
      options: selectOptions([
        ['WEBHOOK', 'Webhook', 'blue'],
        ['SYSTEM', 'System', 'sky'],
        ['MANUAL', 'Manual', 'green'],
        ['IMPORT', 'Import', 'purple'],
      ]),
    },
    {
      name: 'providerEventId',
      label: 'Provider event ID',
      type: 'TEXT',
      description: 'Identifier of the provider event that triggered the suppression',
      icon: 'IconHash',
      isUIReadOnly: true,
    },
    {
      name: 'unsubscribeTopicId',
      label: 'Unsubscribe topic id',
      type: 'UUID',
      description: 'The unsubscribe topic the address opted out of',
      icon: 'IconMailbox',
      isUIReadOnly: true,
    },
  ],
});
