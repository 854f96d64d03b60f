import type { StandardFieldInput } from './define';
import { defineStandardObject, MINIMAL_BASE_FIELDS, quoted } from './define';

/**
 * Twenty 2.43 `campaignDelivery` (compute-campaign-delivery-standard-flat-field-metadata.util.ts): the
 * per-recipient send ledger of a campaign; ids are plain UUIDs (no relations). UNSURE: object labels/icon.
 */
const system = (field: StandardFieldInput): StandardFieldInput => ({
  isSystem: true,
  isUIReadOnly: true,
  ...field,
});
const at = (name: string, label: string, icon: string): StandardFieldInput =>
  system({ name, label, type: 'DATE_TIME', description: label, icon });

export const CAMPAIGN_DELIVERY = defineStandardObject('campaignDelivery', {
  namePlural: 'campaignDeliveries',
  labelSingular: 'Campaign Delivery',
  labelPlural: 'Campaign Deliveries',
  description: 'Delivery of a campaign email to one recipient',
  icon: 'IconMailFast',
  isSystem: true,
  labelIdentifierFieldName: 'recipientEmail',
  baseFields: MINIMAL_BASE_FIELDS,
  fields: [
    system({
      name: 'campaignId',
      label: 'Campaign ID',
      type: 'UUID',
      description: 'Campaign ID',
      icon: 'IconSpeakerphone',
      isNullable: false,
    }),
    system({
      name: 'personId',
      label: 'Person ID',
      type: 'UUID',
      description: 'Person ID',
      icon: 'IconUser',
      isNullable: false,
    }),
    system({
      name: 'recipientEmail',
      label: 'Recipient Email',
      type: 'TEXT',
      description: 'Recipient Email',
      icon: 'IconMail',
      isNullable: false,
    }),
    system({
      name: 'state',
      label: 'State',
      type: 'TEXT',
      description: 'State',
      icon: 'IconStatusChange',
      isNullable: false,
      defaultValue: quoted('QUEUED'),
    }),
    system({
      name: 'skipReason',
      label: 'Skip Reason',
      type: 'TEXT',
      description: 'Skip Reason',
      icon: 'IconPlayerSkipForward',
    }),
    system({
      name: 'failureReason',
      label: 'Failure Reason',
      type: 'TEXT',
      description: 'Failure Reason',
      icon: 'IconAlertTriangle',
    }),
    system({
      name: 'claimToken',
      label: 'Claim Token',
      type: 'UUID',
      description: 'Claim Token',
      icon: 'IconKey',
    }),
    at('claimExpiresAt', 'Claim Expires At', 'IconClock'),
    system({
      name: 'providerMessageId',
      label: 'Provider Message ID',
      type: 'TEXT',
      description: 'Provider Message ID',
      icon: 'IconId',
    }),
    at('sentAt', 'Sent At', 'IconSend'),
    at('deliveredAt', 'Delivered At', 'IconMailCheck'),
    at('bouncedAt', 'Bounced At', 'IconMailX'),
    at('complainedAt', 'Complained At', 'IconMailExclamation'),
    at('rejectedAt', 'Rejected At', 'IconMailOff'),
    at('renderingFailedAt', 'Rendering Failed At', 'IconAlertTriangle'),
  ],
});
