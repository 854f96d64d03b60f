import { defineStandardObject, manyToOne } from './define';

/**
 * Twenty 2.43 `messageListMember`, the junction between messageList and person
 * (compute-message-list-member-standard-flat-field-metadata.util.ts — UNSURE: labels, icons and
 * onDelete were not re-read; CASCADE on both sides assumed for a junction row).
 */
export const MESSAGE_LIST_MEMBER = defineStandardObject('messageListMember', {
  namePlural: 'messageListMembers',
  labelSingular: 'List Member',
  labelPlural: 'List Members',
  description: "A person's membership in a list",
  icon: 'IconUser',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  searchFields: ['id'],
  fields: [
    {
      name: 'person',
      label: 'Person',
      type: 'RELATION',
      description: 'The person in the list',
      icon: 'IconUser',
      isNullable: false,
      relation: manyToOne('person', 'listMemberships', 'CASCADE'),
    },
    {
      name: 'list',
      label: 'List',
      type: 'RELATION',
      description: 'The list the person belongs to',
      icon: 'IconUsersGroup',
      isNullable: false,
      relation: manyToOne('messageList', 'members', 'CASCADE'),
    },
  ],
});
