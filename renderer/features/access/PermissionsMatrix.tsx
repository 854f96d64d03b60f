import { ExpandButton } from './ExpandButton';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { AccessOverview } from '../../../shared/contract';
import {
  addRole,
  cycleObjectOverride,
  deleteRole,
  fieldAccessOf,
  isFieldChanged,
  isOverrideChanged,
  putRole,
  restoreRole,
  roleColumns,
  setFieldAccess,
  type AccessDraft,
  type FieldAccess,
  type RoleColumn,
} from './access-draft';
import { useAccessDraft, useAccessDraftActions } from './access-draft-store';
import { useAccessActions, useAccessUi } from './access-store';
import { isEffectChanged } from './cell-state';
import { DraftBar } from './DraftBar';
import { MatrixCell } from './MatrixCell';
import { matrixObjects, visibleFields } from './matrix-rows';
import { NewRoleDialog } from './NewRoleDialog';
import { RoleEditorDialog } from './RoleEditorDialog';
import { lockedReason, RoleHeader } from './RoleHeader';

const FIELD_ACCESS: ReadonlyArray<{ value: FieldAccess; label: string }> = [
  { value: 'full', label: 'Full' },
  { value: 'read-only', label: 'Read-only' },
  { value: 'hidden', label: 'Hidden' },
];

/**
 * Objects × roles: each cell the role's access to the object's records, edited into the draft;
 * an object row opens to its fields with a per-role restriction.
 */
export const PermissionsMatrix = ({ overview }: { overview: AccessOverview }) => {
  const connectionId = overview.connectionId;
  const draft = useAccessDraft(connectionId);
  const { edit } = useAccessDraftActions();
  const { showSystem, filter, expanded } = useAccessUi();
  const { setShowSystem, setFilter, toggleExpanded } = useAccessActions();
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const change = (apply: (draft: AccessDraft) => AccessDraft) =>
    edit(connectionId, overview.roles, apply);
  const columns = roleColumns(overview.roles, draft);
  const objects = matrixObjects(overview.objects, showSystem, filter);
  const editingColumn = columns.find((column) => column.role.id === editing) ?? null;

  return (
    <div className="matrix-view">
      <div className="matrix-toolbar">
        <input
          type="search"
          className="matrix-filter"
          aria-label="Filter objects"
          placeholder="Filter objects…"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={showSystem}
            onChange={(event) => setShowSystem(event.target.checked)}
          />
          Show system objects
        </label>
        <span className="matrix-legend" aria-hidden>
          R read · U create/update · D delete · X destroy — solid: override, dim: inherited
        </span>
        <div className="spacer" />
        <button className="btn small" onClick={() => setCreating(true)}>
          <Plus size={13} aria-hidden /> New role
        </button>
      </div>
      <DraftBar overview={overview} />
      <div className="matrix-scroll">
        <table className="matrix" aria-label="Permissions matrix">
          <thead>
            <tr>
              <th scope="col" className="object-col">
                Object
              </th>
              {columns.map((column) => (
                <th scope="col" key={column.role.id} data-status={column.status}>
                  <RoleHeader
                    column={column}
                    onEdit={() => setEditing(column.role.id)}
                    onDelete={() => change((current) => deleteRole(current, column.role.id))}
                    onRestore={() => change((current) => restoreRole(current, column.role.id))}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {objects.map((object) => {
              const open = expanded.includes(object.id);
              const fields = open ? visibleFields(object, showSystem) : [];
              return [
                <tr key={object.id} className="object-row">
                  <th scope="row" className="object-col">
                    <ExpandButton
                      expanded={open}
                      label={`${object.labelPlural} fields`}
                      onToggle={() => toggleExpanded(object.id)}
                    />
                    <span className="object-label">{object.labelPlural}</span>
                    {object.isSystem && <span className="badge">system</span>}
                  </th>
                  {columns.map((column) => (
                    <td key={column.role.id} data-status={column.status}>
                      <MatrixCell
                        role={column.role}
                        object={object}
                        lockedReason={lockedReason(column)}
                        changeOf={(key) =>
                          !draft
                            ? undefined
                            : isOverrideChanged(draft, column.role.id, object.id, key)
                              ? 'override'
                              : isEffectChanged(
                                    draft.base.find((role) => role.id === column.role.id),
                                    column.role,
                                    object,
                                    key,
                                  )
                                ? 'effect'
                                : undefined
                        }
                        onCycle={(key) =>
                          change((current) =>
                            cycleObjectOverride(current, column.role.id, object.id, key),
                          )
                        }
                      />
                    </td>
                  ))}
                </tr>,
                ...fields.map((field) => (
                  <tr key={`${object.id}:${field.id}`} className="field-row">
                    <th scope="row" className="object-col">
                      <span className="field-label">{field.label}</span>
                      <span className="field-type">{field.type}</span>
                    </th>
                    {columns.map((column) => (
                      <td key={column.role.id} data-status={column.status}>
                        <FieldSelect
                          column={column}
                          value={fieldAccessOf(column.role, field.id)}
                          changed={draft ? isFieldChanged(draft, column.role.id, field.id) : false}
                          label={`${object.labelSingular} ${field.label} for ${column.role.label}`}
                          onChange={(value) =>
                            change((current) =>
                              setFieldAccess(current, column.role.id, object.id, field.id, value),
                            )
                          }
                        />
                      </td>
                    ))}
                  </tr>
                )),
                open && fields.length === 0 ? (
                  <tr key={`${object.id}:none`} className="field-row">
                    <td colSpan={columns.length + 1} className="meta">
                      No fields to show{showSystem ? '' : ' (system fields are hidden)'}.
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
        {objects.length === 0 && <p className="empty">No object matches.</p>}
      </div>
      {creating && (
        <NewRoleDialog
          onCreate={(role) => change((current) => addRole(current, role))}
          onClose={() => setCreating(false)}
        />
      )}
      {editingColumn && (
        <RoleEditorDialog
          column={editingColumn}
          flags={overview.permissionFlags}
          onSave={(role) => change((current) => putRole(current, role))}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
};

const FieldSelect = (props: {
  column: RoleColumn;
  value: FieldAccess;
  changed: boolean;
  label: string;
  onChange: (value: FieldAccess) => void;
}) => {
  const reason = lockedReason(props.column);
  return (
    <select
      className="field-access"
      aria-label={props.label}
      title={reason ?? props.label}
      data-value={props.value}
      data-changed={props.changed || undefined}
      disabled={reason !== null}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value as FieldAccess)}
    >
      {FIELD_ACCESS.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
};
