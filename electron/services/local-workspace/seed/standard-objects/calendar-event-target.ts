import { defineStandardObject, manyToOne } from './define';
import { buildTargetObjectFields } from './target-object-fields';

/**
 * Twenty 2.43 `calendarEventTarget` (build-standard-target-flat-field-metadatas.util.ts +
 * compute-calendar-event-target-standard-flat-field-metadata.util.ts).
 */
export const CALENDAR_EVENT_TARGET = defineStandardObject('calendarEventTarget', {
  namePlural: 'calendarEventTargets',
  labelSingular: 'Calendar Event Target',
  labelPlural: 'Calendar Event Targets',
  description: 'A calendar event target',
  icon: 'IconCalendar',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  searchFields: ['id'],
  fields: [
    // UNSURE: label/description/icon of the parent relation.
    {
      name: 'calendarEvent',
      label: 'Calendar Event',
      type: 'RELATION',
      description: 'Calendar event',
      icon: 'IconCalendar',
      isNullable: false,
      isUIReadOnly: true,
      relation: manyToOne('calendarEvent', 'calendarEventTargets', 'CASCADE'),
    },
    ...buildTargetObjectFields('calendarEventTargets'),
  ],
});
