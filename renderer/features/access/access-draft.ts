import type {
  FieldRestrictionKind,
  ObjectOverrideValue,
  Role,
  RoleDraft,
  RoleSettings,
} from '../../../shared/contract';
import { isNewRoleId, roleToDraft } from '../../../shared/access/plan-access-changes';
import { ROLE_BOOLEANS } from '../../../shared/access/role-rules';

/**
 * The admin's pending access changes for one connection, as pure data: the roles as they were
 * when the draft began, every changed or new role whole, and the roles to delete. The matrix
 * shows `currentRoles`; review sends `reviewInput`.
 */
export interface AccessDraft {
  base: Role[];
  changed: Record<string, RoleDraft>;
  deleted: string[];
}

export type OverrideKey = keyof ObjectOverrideValue;
export const OVERRIDE_KEYS: readonly OverrideKey[] = [
  'canReadObjectRecords',
  'canUpdateObjectRecords',
  'canSoftDeleteObjectRecords',
  'canDestroyObjectRecords',
];

const SETTING_KEYS = [
  'label',
  'description',
  'icon',
  ...ROLE_BOOLEANS,
] as const satisfies ReadonlyArray<keyof RoleSettings>;

export type ScalarSettings = Pick<RoleSettings, (typeof SETTING_KEYS)[number]>;

export const emptyDraft = (base: Role[]): AccessDraft => ({ base, changed: {}, deleted: [] });

/** The editable part of a role, as the draft holds it. */
export const toRoleDraft = roleToDraft;
export { isNewRoleId };

/** A new role as Twenty's own "create role" starts it: reads everything, no settings. */
export const newRoleDraft = (id: string, label: string): RoleDraft => ({
  id,
  label,
  description: null,
  icon: null,
  canUpdateAllSettings: false,
  canAccessAllTools: false,
  canReadAllObjectRecords: true,
  canUpdateAllObjectRecords: false,
  canSoftDeleteAllObjectRecords: false,
  canDestroyAllObjectRecords: false,
  canBeAssignedToUsers: true,
  canBeAssignedToAgents: false,
  canBeAssignedToApiKeys: true,
  permissionFlags: [],
  objectPermissions: {},
  fieldPermissions: {},
});

const isEmptyOverride = (value: ObjectOverrideValue | undefined): boolean =>
  !value || OVERRIDE_KEYS.every((key) => value[key] === null);

const sameOverrides = (
  a: Record<string, ObjectOverrideValue>,
  b: Record<string, ObjectOverrideValue>,
): boolean => {
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = a[id];
    const right = b[id];
    if (isEmptyOverride(left) && isEmptyOverride(right)) continue;
    if (!left || !right || OVERRIDE_KEYS.some((key) => left[key] !== right[key])) return false;
  }
  return true;
};

const sameFields = (a: RoleSettings['fieldPermissions'], b: RoleSettings['fieldPermissions']) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([id, value]) => b[id]?.restriction === value.restriction);

const sameFlags = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Whether two roles' editable settings say the same thing (an all-null override = none). */
export const sameSettings = (a: RoleSettings, b: RoleSettings): boolean =>
  SETTING_KEYS.every((key) => a[key] === b[key]) &&
  sameFlags(a.permissionFlags, b.permissionFlags) &&
  sameOverrides(a.objectPermissions, b.objectPermissions) &&
  sameFields(a.fieldPermissions, b.fieldPermissions);

/** The role as the draft has it: changed, else as it was. */
export const roleInDraft = (draft: AccessDraft, id: string): RoleDraft | null => {
  const changed = draft.changed[id];
  if (changed) return changed;
  const base = draft.base.find((role) => role.id === id);
  return base ? toRoleDraft(base) : null;
};

/** Puts an edited role in the draft; a role edited back to how it was leaves the draft. */
export const putRole = (draft: AccessDraft, role: RoleDraft): AccessDraft => {
  const base = draft.base.find((item) => item.id === role.id);
  const changed = { ...draft.changed };
  if (base && sameSettings(base, role)) delete changed[role.id];
  else changed[role.id] = role;
  return { ...draft, changed };
};

const editRole = (
  draft: AccessDraft,
  roleId: string,
  edit: (role: RoleDraft) => RoleDraft,
): AccessDraft => {
  const role = roleInDraft(draft, roleId);
  return role ? putRole(draft, edit(role)) : draft;
};

/** inherit → allow → deny → inherit. */
export const nextOverride = (value: boolean | null): boolean | null =>
  value === null ? true : value ? false : null;

export const overrideOf = (
  role: RoleSettings,
  objectId: string,
  key: OverrideKey,
): boolean | null => role.objectPermissions[objectId]?.[key] ?? null;

export const setObjectOverride = (
  draft: AccessDraft,
  roleId: string,
  objectId: string,
  key: OverrideKey,
  value: boolean | null,
): AccessDraft =>
  editRole(draft, roleId, (role) => {
    const current: ObjectOverrideValue = role.objectPermissions[objectId] ?? {
      canReadObjectRecords: null,
      canUpdateObjectRecords: null,
      canSoftDeleteObjectRecords: null,
      canDestroyObjectRecords: null,
    };
    const next = { ...current, [key]: value };
    const objectPermissions = { ...role.objectPermissions };
    if (isEmptyOverride(next)) delete objectPermissions[objectId];
    else objectPermissions[objectId] = next;
    return { ...role, objectPermissions };
  });

export const cycleObjectOverride = (
  draft: AccessDraft,
  roleId: string,
  objectId: string,
  key: OverrideKey,
): AccessDraft => {
  const role = roleInDraft(draft, roleId);
  if (!role) return draft;
  return setObjectOverride(
    draft,
    roleId,
    objectId,
    key,
    nextOverride(overrideOf(role, objectId, key)),
  );
};

export type FieldAccess = 'full' | FieldRestrictionKind;

export const fieldAccessOf = (role: RoleSettings, fieldId: string): FieldAccess =>
  role.fieldPermissions[fieldId]?.restriction ?? 'full';

/** Full access = no entry (Twenty's field permissions only restrict). */
export const setFieldAccess = (
  draft: AccessDraft,
  roleId: string,
  objectMetadataId: string,
  fieldId: string,
  access: FieldAccess,
): AccessDraft =>
  editRole(draft, roleId, (role) => {
    const fieldPermissions = { ...role.fieldPermissions };
    if (access === 'full') delete fieldPermissions[fieldId];
    else fieldPermissions[fieldId] = { objectMetadataId, restriction: access };
    return { ...role, fieldPermissions };
  });

export const setRoleSettings = (
  draft: AccessDraft,
  roleId: string,
  patch: Partial<ScalarSettings> & { permissionFlags?: string[] },
): AccessDraft => editRole(draft, roleId, (role) => ({ ...role, ...patch }));

export const addRole = (draft: AccessDraft, role: RoleDraft): AccessDraft => ({
  ...draft,
  changed: { ...draft.changed, [role.id]: role },
});

/** A new role just leaves the draft; an existing one is marked for deletion. */
export const deleteRole = (draft: AccessDraft, roleId: string): AccessDraft => {
  const changed = { ...draft.changed };
  delete changed[roleId];
  if (isNewRoleId(roleId)) return { ...draft, changed };
  return draft.deleted.includes(roleId)
    ? { ...draft, changed }
    : { ...draft, changed, deleted: [...draft.deleted, roleId] };
};

export const restoreRole = (draft: AccessDraft, roleId: string): AccessDraft => ({
  ...draft,
  deleted: draft.deleted.filter((id) => id !== roleId),
});

/** What changes between a role as it was and as the draft has it, one count per permission. */
export const countRoleChanges = (base: RoleSettings, role: RoleSettings): number => {
  let count = SETTING_KEYS.filter((key) => base[key] !== role[key]).length;
  const flagsBefore = new Set(base.permissionFlags);
  const flagsAfter = new Set(role.permissionFlags);
  for (const flag of flagsAfter) if (!flagsBefore.has(flag)) count++;
  for (const flag of flagsBefore) if (!flagsAfter.has(flag)) count++;
  for (const id of new Set([
    ...Object.keys(base.objectPermissions),
    ...Object.keys(role.objectPermissions),
  ]))
    for (const key of OVERRIDE_KEYS)
      if (overrideOf(base, id, key) !== overrideOf(role, id, key)) count++;
  for (const id of new Set([
    ...Object.keys(base.fieldPermissions),
    ...Object.keys(role.fieldPermissions),
  ]))
    if (fieldAccessOf(base, id) !== fieldAccessOf(role, id)) count++;
  return count;
};

/** "N changes" of the draft bar: a new or deleted role counts once. */
export const countChanges = (draft: AccessDraft): number => {
  let count = draft.deleted.length;
  for (const role of Object.values(draft.changed)) {
    const base = draft.base.find((item) => item.id === role.id);
    count += base ? countRoleChanges(base, role) : 1;
  }
  return count;
};

export const isDraftEmpty = (draft: AccessDraft | undefined): boolean =>
  !draft || (Object.keys(draft.changed).length === 0 && draft.deleted.length === 0);

/** Whether one cell of the matrix differs from the role as the draft began. */
export const isOverrideChanged = (
  draft: AccessDraft,
  roleId: string,
  objectId: string,
  key: OverrideKey,
): boolean => {
  const role = draft.changed[roleId];
  if (!role) return false;
  const base = draft.base.find((item) => item.id === roleId);
  // A new role: what it overrides is what the admin set.
  return base
    ? overrideOf(base, objectId, key) !== overrideOf(role, objectId, key)
    : overrideOf(role, objectId, key) !== null;
};

export const isFieldChanged = (draft: AccessDraft, roleId: string, fieldId: string): boolean => {
  const role = draft.changed[roleId];
  if (!role) return false;
  const base = draft.base.find((item) => item.id === roleId);
  return base
    ? fieldAccessOf(base, fieldId) !== fieldAccessOf(role, fieldId)
    : fieldAccessOf(role, fieldId) !== 'full';
};

/** The input of `access.reviewChanges` (without the connection). */
export const reviewInput = (draft: AccessDraft) => ({
  roles: Object.values(draft.changed),
  deletedRoleIds: [...draft.deleted],
});

/** A column of the matrix: the role as the draft has it, with what only the live role knows. */
export interface RoleColumn {
  role: RoleDraft;
  /** The role as read from Twenty; null for a role the draft adds. */
  live: Role | null;
  status: 'new' | 'deleted' | 'changed' | 'unchanged';
}

export const roleColumns = (liveRoles: Role[], draft: AccessDraft | undefined): RoleColumn[] => {
  const columns: RoleColumn[] = liveRoles.map((live) => {
    const changed = draft?.changed[live.id];
    return {
      role: changed ?? toRoleDraft(live),
      live,
      status: draft?.deleted.includes(live.id) ? 'deleted' : changed ? 'changed' : 'unchanged',
    };
  });
  for (const role of Object.values(draft?.changed ?? {}))
    if (isNewRoleId(role.id)) columns.push({ role, live: null, status: 'new' });
  return columns;
};

/**
 * After a partly applied plan: the draft starts again from the roles as they are now; what was
 * applied leaves it, new roles Twenty created take their real ids, roles gone are no longer deleted.
 */
export const rebaseDraft = (
  draft: AccessDraft,
  roles: Role[],
  createdRoleIds: Record<string, string>,
): AccessDraft => {
  let next: AccessDraft = {
    base: roles,
    changed: {},
    deleted: draft.deleted.filter((id) => roles.some((role) => role.id === id)),
  };
  for (const role of Object.values(draft.changed)) {
    const id = createdRoleIds[role.id] ?? role.id;
    if (isNewRoleId(id) || roles.some((live) => live.id === id))
      next = putRole(next, { ...role, id });
  }
  return next;
};
