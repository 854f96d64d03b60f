import { defineStandardObject, manyToOne } from './define';

/**
 * Twenty 2.43 `calendarChannelEventAssociation` (compute-calendar-channel-event-association-standard-flat-field-metadata.util.ts).
 * The calendar channel itself is core metadata in 2.x, so the link is a plain UUID column.
 */
export const CALENDAR_CHANNEL_EVENT_ASSOCIATION = defineStandardObject(
  'calendarChannelEventAssociation',
  {
    namePlural: 'calendarChannelEventAssociations',
    labelSingular: 'Calendar Channel Event Association',
    labelPlural: 'Calendar Channel Event Associations',
    description: 'Calendar Channel Event Associations',
    icon: 'IconCalendar',
    isSystem: true,
    labelIdentifierFieldName: 'id',
    searchFields: ['eventExternalId'],
    fields: [
      {
        name: 'calendarChannelId',
        label: 'Channel ID',
        type: 'UUID',
        description: 'Channel ID',
        icon: 'IconCalendar',
        isNullable: false,
        isUIReadOnly: true,
      },
      {
        name: 'calendarEvent',
        label: 'Event ID',
        type: 'RELATION',
        description: 'Event ID',
        icon: 'IconCalendar',
        isNullable: false,
        isUIReadOnly: true,
        relation: manyToOne('calendarEvent', 'calendarChannelEventAssociations', 'CASCADE'),
      },
      {
        name: 'eventExternalId',
        label: 'Event external ID',
        type: 'TEXT',
        description: 'Event external ID',
        icon: 'IconCalendar',
        isUIReadOnly: true,
      },
      {
        name: 'recurringEventExternalId',
        label: 'Recurring Event ID',
        type: 'TEXT',
        description: 'Recurring Event ID',
        icon: 'IconHistory',
        isUIReadOnly: true,
      },
    ],
  },
);
