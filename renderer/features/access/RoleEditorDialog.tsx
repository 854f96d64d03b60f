import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { AccessOverview, RoleDraft } from '../../../shared/contract';
import { Checkbox, TextInput } from '../../ui/form';
import type { RoleColumn, ScalarSettings } from './access-draft';
import { lockedReason } from './RoleHeader';

type BooleanSetting = {
  [K in keyof ScalarSettings]: ScalarSettings[K] extends boolean ? K : never;
}[keyof ScalarSettings];

const GROUPS: ReadonlyArray<{
  title: string;
  items: ReadonlyArray<{ key: BooleanSetting; label: string; hint?: string }>;
}> = [
  {
    title: 'Settings and tools',
    items: [
      {
        key: 'canUpdateAllSettings',
        label: 'Can update all settings',
        hint: 'Grants every settings permission below',
      },
      {
        key: 'canAccessAllTools',
        label: 'Can access all tools',
        hint: 'Grants every tool permission below',
      },
    ],
  },
  {
    title: 'All object records (objects without an override)',
    items: [
      { key: 'canReadAllObjectRecords', label: 'Read all records' },
      { key: 'canUpdateAllObjectRecords', label: 'Create and update all records' },
      { key: 'canSoftDeleteAllObjectRecords', label: 'Delete all records' },
      { key: 'canDestroyAllObjectRecords', label: 'Destroy all records' },
    ],
  },
  {
    title: 'Can be assigned to',
    items: [
      { key: 'canBeAssignedToUsers', label: 'Assignable to users' },
      { key: 'canBeAssignedToAgents', label: 'Assignable to agents' },
      { key: 'canBeAssignedToApiKeys', label: 'Assignable to API keys' },
    ],
  },
];

/** A role's label, description and role-wide switches, edited into the draft on save. */
export const RoleEditorDialog = (props: {
  column: RoleColumn;
  flags: AccessOverview['permissionFlags'];
  onSave: (role: RoleDraft) => void;
  onClose: () => void;
}) => {
  const [role, setRole] = useState<RoleDraft>(props.column.role);
  const reason = lockedReason(props.column);
  const readOnly = reason !== null;
  const patch = (change: Partial<RoleDraft>) => setRole((current) => ({ ...current, ...change }));
  const missing = role.label.trim() === '';
  const flagSet = new Set(role.permissionFlags);
  const toggleFlag = (key: string, on: boolean) =>
    patch({
      permissionFlags: on
        ? [...role.permissionFlags, key]
        : role.permissionFlags.filter((flag) => flag !== key),
    });
  const flagGroups = [
    { kind: 'settings', title: 'Settings permissions', all: role.canUpdateAllSettings },
    { kind: 'tool', title: 'Tool permissions', all: role.canAccessAllTools },
  ] as const;

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog wide role-editor" aria-describedby={undefined}>
          <Dialog.Title>Role {props.column.role.label}</Dialog.Title>
          {reason && (
            <p className="notice" role="note">
              {reason}.
            </p>
          )}
          <div className="two-columns">
            <TextInput
              label="Label"
              value={role.label}
              disabled={readOnly}
              errors={missing ? ['A role needs a label'] : undefined}
              onChange={(label) => patch({ label })}
            />
            <TextInput
              label="Description"
              value={role.description ?? ''}
              disabled={readOnly}
              onChange={(description) => patch({ description: description || null })}
            />
          </div>
          <div className="switch-groups">
            {GROUPS.map((group) => (
              <fieldset key={group.title} className="switch-group">
                <legend>{group.title}</legend>
                {group.items.map((item) => (
                  <Checkbox
                    key={item.key}
                    label={item.label}
                    hint={item.hint}
                    checked={role[item.key]}
                    disabled={readOnly}
                    onChange={(checked) => patch({ [item.key]: checked })}
                  />
                ))}
              </fieldset>
            ))}
          </div>
          <div className="switch-groups">
            {flagGroups.map((group) => (
              <fieldset key={group.kind} className="switch-group">
                <legend>{group.title}</legend>
                {group.all && (
                  <p className="meta">
                    All granted by “
                    {group.kind === 'settings' ? 'update all settings' : 'access all tools'}”.
                  </p>
                )}
                {props.flags
                  .filter((flag) => flag.kind === group.kind)
                  .map((flag) => (
                    <Checkbox
                      key={flag.key}
                      label={flag.label}
                      checked={group.all || flagSet.has(flag.key)}
                      disabled={readOnly || group.all}
                      onChange={(checked) => toggleFlag(flag.key, checked)}
                    />
                  ))}
              </fieldset>
            ))}
          </div>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={props.onClose}>
              {readOnly ? 'Close' : 'Cancel'}
            </button>
            {!readOnly && (
              <button
                type="button"
                className="btn primary"
                disabled={missing}
                onClick={() => {
                  props.onSave({ ...role, label: role.label.trim() });
                  props.onClose();
                }}
              >
                Keep in draft
              </button>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
