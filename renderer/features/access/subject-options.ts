import type { AccessOverview, AccessSubject } from '../../../shared/contract';

/** The effective-access picker's values: `role:<id>` or `key:<id>`. */
export const subjectValue = (subject: AccessSubject | null): string =>
  !subject ? '' : subject.kind === 'role' ? `role:${subject.roleId}` : `key:${subject.apiKeyId}`;

export const subjectOf = (value: string): AccessSubject | null =>
  value.startsWith('role:')
    ? { kind: 'role', roleId: value.slice(5) }
    : value.startsWith('key:')
      ? { kind: 'apiKey', apiKeyId: value.slice(4) }
      : null;

export const subjectGroups = (overview: AccessOverview) => ({
  roles: overview.roles.map((role) => ({ value: `role:${role.id}`, label: role.label })),
  keys: overview.apiKeys
    .filter((key) => key.revokedAt === null)
    .map((key) => ({
      value: `key:${key.id}`,
      label: `${key.name}${key.roleLabel ? ` (${key.roleLabel})` : ''}`,
    })),
});

export const SOURCE_LABELS = {
  'role-wide': 'role-wide',
  override: 'override',
  'system-object': 'system object',
  'settings-rule': 'settings rule',
  'tools-rule': 'tools rule',
} as const;
