import type {
  AccessObject,
  AccessPlanStep,
  FieldRestrictionKind,
  ObjectOverrideValue,
  Role,
  RoleDraft,
  RoleSettings,
} from '../contract/access';
import { objectRecordAccess, PERMISSION_FLAG_KEYS } from './role-rules';

/**
 * The access draft as Twenty operations: for each changed role createOneRole / updateOneRole,
 * then upsertObjectPermissions, upsertFieldPermissions, upsertPermissionFlags; deleteOneRole
 * last. Checks first what Twenty would refuse (docs/twenty-permissions.md §2.3), with its
 * messages, so the admin fixes the draft before anything is written.
 */
export interface PlannedStep extends AccessPlanStep {
  /** The operation's GraphQL variables; a new role's id is its draft id until it is created. */
  variables: Record<string, unknown>;
}

export interface AccessChangePlan {
  steps: PlannedStep[];
  problems: Array<{ roleLabel: string; message: string }>;
  warnings: string[];
}

export const isNewRoleId = (id: string): boolean => id.startsWith('new:');

const ROLE_SWITCHES = [
  ['canUpdateAllSettings', 'change all settings'],
  ['canAccessAllTools', 'use all tools'],
  ['canReadAllObjectRecords', 'read all records'],
  ['canUpdateAllObjectRecords', 'create and update all records'],
  ['canSoftDeleteAllObjectRecords', 'delete all records'],
  ['canDestroyAllObjectRecords', 'destroy all records'],
  ['canBeAssignedToUsers', 'assignable to members'],
  ['canBeAssignedToAgents', 'assignable to agents'],
  ['canBeAssignedToApiKeys', 'assignable to API keys'],
] as const;

const OVERRIDE_KEYS = [
  ['canReadObjectRecords', 'read'],
  ['canUpdateObjectRecords', 'update'],
  ['canSoftDeleteObjectRecords', 'delete'],
  ['canDestroyObjectRecords', 'destroy'],
] as const;

const INHERIT: ObjectOverrideValue = {
  canReadObjectRecords: null,
  canUpdateObjectRecords: null,
  canSoftDeleteObjectRecords: null,
  canDestroyObjectRecords: null,
};

const onOff = (value: boolean) => (value ? 'on' : 'off');
const overrideText = (value: boolean | null) =>
  value === null ? 'inherit' : value ? 'allow' : 'deny';
const restrictionText = (value: FieldRestrictionKind | undefined) => value ?? 'full';

/** Twenty's field permission values for a restriction (false = restricted, null = not). */
export const fieldPermissionValues = (restriction: FieldRestrictionKind | undefined) => ({
  canReadFieldValue: restriction === 'hidden' ? (false as const) : null,
  canUpdateFieldValue: restriction === undefined ? null : (false as const),
});

const settingsPayload = (role: RoleSettings) => ({
  label: role.label,
  description: role.description,
  icon: role.icon,
  ...Object.fromEntries(ROLE_SWITCHES.map(([key]) => [key, role[key]])),
});

const sameOverride = (a: ObjectOverrideValue | undefined, b: ObjectOverrideValue | undefined) =>
  OVERRIDE_KEYS.every(([key]) => (a?.[key] ?? null) === (b?.[key] ?? null));

export const planAccessChanges = (input: {
  live: readonly Role[];
  objects: readonly AccessObject[];
  drafts: readonly RoleDraft[];
  deletedRoleIds: readonly string[];
}): AccessChangePlan => {
  const steps: PlannedStep[] = [];
  const problems: AccessChangePlan['problems'] = [];
  const warnings: string[] = [];
  const liveById = new Map(input.live.map((role) => [role.id, role]));
  const objectById = new Map(input.objects.map((object) => [object.id, object]));
  const fieldById = new Map(
    input.objects.flatMap((object) => object.fields.map((field) => [field.id, { field, object }])),
  );
  const deleted = new Set(input.deletedRoleIds);

  // Labels must stay unique across the roles that will exist (Twenty compares exactly).
  const finalLabels = new Map<string, string>();
  for (const role of input.live) if (!deleted.has(role.id)) finalLabels.set(role.id, role.label);
  for (const draft of input.drafts) finalLabels.set(draft.id, draft.label);
  const labelCounts = new Map<string, number>();
  for (const label of finalLabels.values())
    labelCounts.set(label, (labelCounts.get(label) ?? 0) + 1);

  for (const draft of input.drafts) {
    if (deleted.has(draft.id)) continue;
    const live = liveById.get(draft.id);
    const isNew = isNewRoleId(draft.id);
    if (!live && !isNew) {
      problems.push({ roleLabel: draft.label, message: 'Role not found' });
      continue;
    }
    const problem = (message: string) => problems.push({ roleLabel: draft.label, message });
    const step = (
      kind: PlannedStep['kind'],
      operation: string,
      summary: string,
      details: string[],
      variables: Record<string, unknown>,
    ) =>
      steps.push({
        kind,
        roleId: draft.id,
        roleLabel: draft.label,
        operation,
        summary,
        details,
        variables,
      });
    const roleSteps: Array<() => void> = [];

    // Role settings.
    const settingDetails: string[] = [];
    if (live) {
      if (live.label !== draft.label) settingDetails.push(`label: ${live.label} → ${draft.label}`);
      if ((live.description ?? '') !== (draft.description ?? ''))
        settingDetails.push('description changed');
      if ((live.icon ?? '') !== (draft.icon ?? '')) settingDetails.push('icon changed');
      for (const [key, text] of ROLE_SWITCHES)
        if (live[key] !== draft[key])
          settingDetails.push(`${text}: ${onOff(live[key])} → ${onOff(draft[key])}`);
    }
    if ((labelCounts.get(draft.label) ?? 0) > 1) problem('A role with this label already exists');
    if (
      !draft.canReadAllObjectRecords &&
      (draft.canUpdateAllObjectRecords ||
        draft.canSoftDeleteAllObjectRecords ||
        draft.canDestroyAllObjectRecords)
    )
      problem('Cannot give writing permission without reading permission');
    if (
      !draft.canBeAssignedToUsers &&
      !draft.canBeAssignedToAgents &&
      !draft.canBeAssignedToApiKeys
    )
      warnings.push(`${draft.label}: no member, agent or API key can be given this role.`);
    if (live && !draft.canBeAssignedToApiKeys && live.apiKeyIds.length > 0)
      problem(
        `${live.apiKeyIds.length} API key(s) have this role: reassign them before making it unassignable to API keys`,
      );

    if (isNew)
      step(
        'createRole',
        'createOneRole',
        `Create role ${draft.label}`,
        ROLE_SWITCHES.filter(([key]) => draft[key]).map(([, text]) => `${text}: on`),
        { createRoleInput: settingsPayload(draft) },
      );
    else if (settingDetails.length)
      roleSteps.push(() => {
        const payload = settingsPayload(draft) as Record<string, unknown>;
        const update = Object.fromEntries(
          Object.entries(payload).filter(
            ([key, value]) => (live as Record<string, unknown>)[key] !== value,
          ),
        );
        step('updateRole', 'updateOneRole', `Update role ${draft.label}`, settingDetails, {
          updateRoleInput: { id: draft.id, update },
        });
      });

    // Object overrides: every object whose override differs (a removed entry = back to inherit).
    const objectIds = new Set([
      ...Object.keys(draft.objectPermissions),
      ...Object.keys(live?.objectPermissions ?? {}),
    ]);
    const objectRows: Array<Record<string, unknown>> = [];
    const objectDetails: string[] = [];
    const flags = new Set(draft.permissionFlags);
    for (const objectId of objectIds) {
      const next = draft.objectPermissions[objectId] ?? INHERIT;
      const before = live?.objectPermissions[objectId] ?? INHERIT;
      if (sameOverride(next, before)) continue;
      const object = objectById.get(objectId);
      if (!object) {
        problem('Object metadata not found');
        continue;
      }
      if (object.isSystem)
        problem(`Cannot add object permission on system object (${object.nameSingular})`);
      const access = objectRecordAccess(draft, flags, next, object);
      if (!access.read && (access.update || access.softDelete || access.destroy))
        problem(`Cannot give update permission to non-readable object (${object.nameSingular})`);
      objectRows.push({ objectMetadataId: objectId, ...next });
      objectDetails.push(
        `${object.nameSingular}: ${OVERRIDE_KEYS.filter(([key]) => next[key] !== before[key])
          .map(([key, text]) => `${text} ${overrideText(before[key])} → ${overrideText(next[key])}`)
          .join(', ')}`,
      );
    }
    // A role-wide change can leave an existing override writable on an unreadable object.
    for (const [objectId, override] of Object.entries(draft.objectPermissions)) {
      if (objectRows.some((row) => row.objectMetadataId === objectId)) continue;
      const object = objectById.get(objectId);
      if (!object || object.isSystem) continue;
      const access = objectRecordAccess(draft, flags, override, object);
      if (!access.read && (access.update || access.softDelete || access.destroy))
        problem(`Cannot give update permission to non-readable object (${object.nameSingular})`);
    }
    if (objectRows.length)
      roleSteps.push(() =>
        step(
          'objectPermissions',
          'upsertObjectPermissions',
          `${draft.label}: ${objectRows.length} object permission(s)`,
          objectDetails,
          { upsertObjectPermissionsInput: { roleId: draft.id, objectPermissions: objectRows } },
        ),
      );

    // Field restrictions.
    const fieldIds = new Set([
      ...Object.keys(draft.fieldPermissions),
      ...Object.keys(live?.fieldPermissions ?? {}),
    ]);
    const fieldRows: Array<Record<string, unknown>> = [];
    const fieldDetails: string[] = [];
    for (const fieldId of fieldIds) {
      const next = draft.fieldPermissions[fieldId]?.restriction;
      const before = live?.fieldPermissions[fieldId]?.restriction;
      if (next === before) continue;
      const found = fieldById.get(fieldId);
      if (!found) {
        problem('Field metadata not found');
        continue;
      }
      if (found.object.isSystem)
        problem(`Cannot add field permission on system object (${found.object.nameSingular})`);
      fieldRows.push({
        objectMetadataId: found.object.id,
        fieldMetadataId: fieldId,
        ...fieldPermissionValues(next),
      });
      fieldDetails.push(
        `${found.object.nameSingular}.${found.field.name}: ${restrictionText(before)} → ${restrictionText(next)}`,
      );
    }
    if (fieldRows.length)
      roleSteps.push(() =>
        step(
          'fieldPermissions',
          'upsertFieldPermissions',
          `${draft.label}: ${fieldRows.length} field permission(s)`,
          fieldDetails,
          { upsertFieldPermissionsInput: { roleId: draft.id, fieldPermissions: fieldRows } },
        ),
      );

    // Permission flags: Twenty takes the role's whole set.
    const unknown = draft.permissionFlags.filter((key) => !PERMISSION_FLAG_KEYS.has(key));
    if (unknown.length) problem(`Unknown permission flag(s): ${unknown.join(', ')}`);
    const beforeFlags = new Set(live?.permissionFlags ?? []);
    const added = draft.permissionFlags.filter((key) => !beforeFlags.has(key));
    const removed = [...beforeFlags].filter((key) => !flags.has(key));
    if (added.length || removed.length)
      roleSteps.push(() =>
        step(
          'permissionFlags',
          'upsertPermissionFlags',
          `${draft.label}: permission flags`,
          [...added.map((key) => `+ ${key}`), ...removed.map((key) => `− ${key}`)],
          {
            upsertPermissionFlagsInput: {
              roleId: draft.id,
              permissionFlagKeys: [...draft.permissionFlags].sort(),
            },
          },
        ),
      );

    if (live && !live.isEditable && roleSteps.length) {
      problem('Role is not editable: Twenty refuses every change to a system role such as Admin');
      continue;
    }
    roleSteps.forEach((add) => add());
    if (live && roleSteps.length && (live.apiKeyIds.length || live.memberCount))
      warnings.push(
        `${draft.label} is held by ${live.memberCount} member(s) and ${live.apiKeyIds.length} API key(s): their access changes as soon as this is applied.`,
      );
  }

  const defaultRole = input.live.find((role) => role.isDefault);
  for (const id of input.deletedRoleIds) {
    const role = liveById.get(id);
    if (!role) {
      if (!isNewRoleId(id)) problems.push({ roleLabel: id, message: 'Role not found' });
      continue;
    }
    const problem = (message: string) => problems.push({ roleLabel: role.label, message });
    if (!role.isEditable) problem('Role is not editable');
    else if (role.isDefault) problem('Default role cannot be deleted');
    else if (role.apiKeyIds.length && !defaultRole?.canBeAssignedToApiKeys)
      problem(
        `Cannot delete role "${role.label}": it is still assigned to ${role.apiKeyIds.length} API key(s), and the workspace default role cannot be assigned to API keys. Reassign these API keys first.`,
      );
    if (role.memberCount)
      warnings.push(
        `${role.memberCount} member(s) of ${role.label} move to ${defaultRole?.label ?? 'the default role'}.`,
      );
    steps.push({
      kind: 'deleteRole',
      roleId: role.id,
      roleLabel: role.label,
      operation: 'deleteOneRole',
      summary: `Delete role ${role.label}`,
      details: [],
      variables: { roleId: role.id },
    });
  }
  return { steps, problems, warnings };
};

/** A role as Twenty stores it → the editable part a draft holds (its own copies of the lists). */
export const roleToDraft = (role: Role): RoleDraft => {
  const { isEditable: _e, isDefault: _d, memberCount: _m, apiKeyIds: _k, ...draft } = role;
  return {
    ...draft,
    permissionFlags: [...role.permissionFlags],
    objectPermissions: { ...role.objectPermissions },
    fieldPermissions: { ...role.fieldPermissions },
  };
};
