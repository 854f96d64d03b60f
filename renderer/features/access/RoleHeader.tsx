import { Pencil, RotateCcw, Trash2 } from 'lucide-react';
import type { RoleColumn } from './access-draft';

/** Why a role's cells are disabled, or null when the admin may edit it. */
export const lockedReason = (column: RoleColumn): string | null =>
  column.live && !column.live.isEditable
    ? `${column.role.label} is not editable: Twenty refuses every change to it`
    : column.status === 'deleted'
      ? `${column.role.label} is marked for deletion: restore it to edit`
      : null;

/** A role's column head: label, badges, who uses it, edit / delete / restore. */
export const RoleHeader = (props: {
  column: RoleColumn;
  onEdit: () => void;
  onDelete: () => void;
  onRestore: () => void;
}) => {
  const { role, live, status } = props.column;
  const deletable = !live || (live.isEditable && !live.isDefault);
  return (
    <div className="role-head" data-status={status}>
      <div className="role-name">
        <span className="role-label">{role.label}</span>
        {status !== 'unchanged' && (
          <span
            className={`badge mark-${status === 'deleted' ? 'removed' : status === 'new' ? 'added' : 'changed'}`}
          >
            {status}
          </span>
        )}
      </div>
      <div className="role-badges">
        {live && !live.isEditable && <span className="badge">not editable</span>}
        {live?.isDefault && <span className="badge accent">default</span>}
      </div>
      {live && (
        <div className="role-counts">
          {live.memberCount} member{live.memberCount === 1 ? '' : 's'} · {live.apiKeyIds.length} key
          {live.apiKeyIds.length === 1 ? '' : 's'}
        </div>
      )}
      <div className="role-actions">
        <button
          type="button"
          className="btn small ghost"
          aria-label={`Edit role ${role.label}`}
          title={live && !live.isEditable ? `View role ${role.label}` : `Edit role ${role.label}`}
          onClick={props.onEdit}
        >
          <Pencil size={13} aria-hidden />
        </button>
        {status === 'deleted' ? (
          <button
            type="button"
            className="btn small ghost"
            aria-label={`Restore role ${role.label}`}
            title={`Restore role ${role.label}`}
            onClick={props.onRestore}
          >
            <RotateCcw size={13} aria-hidden />
          </button>
        ) : (
          deletable && (
            <button
              type="button"
              className="btn small ghost"
              aria-label={`Delete role ${role.label}`}
              title={`Delete role ${role.label}`}
              onClick={props.onDelete}
            >
              <Trash2 size={13} aria-hidden />
            </button>
          )
        )}
      </div>
    </div>
  );
};
