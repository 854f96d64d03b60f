import type { AccessObject, RoleSettings } from '../../../shared/contract';
import { objectRecordAccess, type RecordAccess } from '../../../shared/access/role-rules';
import { overrideOf, type OverrideKey } from './access-draft';

/** The four toggles of a matrix cell, in order, with their letter and meaning. */
export const TOGGLES: ReadonlyArray<{
  key: OverrideKey;
  access: keyof RecordAccess;
  letter: string;
  name: string;
}> = [
  { key: 'canReadObjectRecords', access: 'read', letter: 'R', name: 'read' },
  { key: 'canUpdateObjectRecords', access: 'update', letter: 'U', name: 'create/update' },
  { key: 'canSoftDeleteObjectRecords', access: 'softDelete', letter: 'D', name: 'delete' },
  { key: 'canDestroyObjectRecords', access: 'destroy', letter: 'X', name: 'destroy' },
];

type ObjectRef = Pick<AccessObject, 'id' | 'nameSingular' | 'isSystem'>;

export interface ToggleState {
  /** The role's own override for this object, null = inherit. */
  override: boolean | null;
  /** What the role gets without an override (role-wide switch; system objects: true). */
  inherited: boolean;
  /** What Twenty applies. */
  effective: boolean;
  /** Twenty ignores overrides on this object (workflow objects, workspace members, AI threads). */
  ruled: boolean;
}

export const toggleState = (
  role: RoleSettings,
  object: ObjectRef,
  key: OverrideKey,
): ToggleState => {
  const toggle = TOGGLES.find((item) => item.key === key)!;
  const flags = new Set(role.permissionFlags);
  const inheritedAccess = objectRecordAccess(role, flags, undefined, object);
  const effectiveAccess = objectRecordAccess(
    role,
    flags,
    role.objectPermissions[object.id],
    object,
  );
  const override = overrideOf(role, object.id, key);
  return {
    override,
    inherited: inheritedAccess[toggle.access],
    effective: effectiveAccess[toggle.access],
    ruled: inheritedAccess.source === 'settings-rule' || inheritedAccess.source === 'tools-rule',
  };
};

/** A hint, not a rule: the plan is what decides. */
export const WRITE_WITHOUT_READ = 'Twenty refuses write without read';

/** Whether the role would be allowed to write this object's records without reading them. */
export const writesWithoutRead = (role: RoleSettings, object: ObjectRef): boolean => {
  const states = TOGGLES.map((toggle) => toggleState(role, object, toggle.key));
  const [read, ...writes] = states;
  return !read!.effective && writes.some((state) => state.effective);
};

/** The label of a toggle button, e.g. "Member · Company · read: allowed (override)". */
export const toggleLabel = (
  roleLabel: string,
  objectLabel: string,
  name: string,
  state: ToggleState,
): string =>
  `${roleLabel} · ${objectLabel} · ${name}: ${
    state.override === null
      ? `inherits ${state.inherited ? 'allowed' : 'denied'}`
      : state.override
        ? 'allowed (override)'
        : 'denied (override)'
  }`;

/**
 * Whether what Twenty applies to one toggle changes between the role as the draft began and
 * now: an override edited, or a role-wide switch or flag the cell inherits from.
 */
export const isEffectChanged = (
  base: RoleSettings | undefined,
  role: RoleSettings,
  object: ObjectRef,
  key: OverrideKey,
): boolean =>
  base !== undefined &&
  toggleState(base, object, key).effective !== toggleState(role, object, key).effective;
