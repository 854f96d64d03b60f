import { defineStandardObject, manyToOne, quoted, selectOptions } from './define';

/** Twenty 2.43 `blocklist` (compute-blocklist-standard-flat-field-metadata.util.ts, version with `scope`). */
export const BLOCKLIST = defineStandardObject('blocklist', {
  namePlural: 'blocklists',
  labelSingular: 'Blocklist',
  labelPlural: 'Blocklists',
  description: 'Blocklist',
  icon: 'IconForbid2',
  isSystem: true,
  labelIdentifierFieldName: 'handle',
  searchFields: ['handle'],
  fields: [
    {
      name: 'handle',
      label: 'Handle',
      type: 'TEXT',
      description: 'Handle',
      icon: 'IconAt',
      isUIReadOnly: true,
    },
    {
      name: 'scope',
      label: 'Scope',
      type: 'SELECT',
      description:
        'Whether the handle is blocked for a single workspace member or for the whole workspace',
      icon: 'IconShieldLock',
      isSystem: true,
      isNullable: false,
      isUIReadOnly: true,
      defaultValue: quoted('WORKSPACE_MEMBER'),
      options: selectOptions([
        ['WORKSPACE_MEMBER', 'Workspace member', 'blue'],
        ['WORKSPACE', 'Workspace', 'purple'],
      ]),
    },
    {
      name: 'workspaceMember',
      label: 'WorkspaceMember',
      type: 'RELATION',
      description: 'WorkspaceMember',
      icon: 'IconUsers',
      isUIReadOnly: true,
      relation: manyToOne('workspaceMember', 'blocklist', 'CASCADE'),
    },
  ],
});
