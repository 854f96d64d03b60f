import { useQueryClient } from '@tanstack/react-query';
import { FileUp, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Import } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { useActiveConnection } from '../workspaces/connection-queries';
import { ConfirmDialog } from './ConfirmDialog';
import { ago } from './format';
import { ImportFigures } from './ImportFigures';
import { forgetImport, useImports } from './import-queries';
import { StateBadge } from './StateBadge';
import { useWizard } from './wizard-store';

/** The imports of the active workspace, newest first: open one, remove one, or start anew. */
export const ImportList = () => {
  const active = useActiveConnection();
  const { data, isPending, error } = useImports();
  const { newImport, openImport } = useWizard((state) => state.actions);
  const client = useQueryClient();
  const [removing, setRemoving] = useState<Import | null>(null);
  const imports = (data?.imports ?? []).filter(
    (imported) => !active || imported.connectionId === active.id,
  );
  const elsewhere = (data?.imports.length ?? 0) - imports.length;

  const remove = (imported: Import) =>
    rpc
      .call('imports.removeImport', { importId: imported.id })
      .then(() => {
        forgetImport(client, imported.id);
        toast.success(`${imported.name} removed`);
      })
      .catch(toastError);

  return (
    <>
      <div className="imports-head">
        <div>
          <h1 className="page-title">Import</h1>
          <p className="page-subtitle">
            Bring CSV and XLSX files into <strong>{active?.name ?? '…'}</strong>: map the columns,
            check every row before writing, fix problems in place, run within the rate limit, roll
            back if needed.
          </p>
        </div>
        <button
          className="btn primary"
          disabled={!active}
          onClick={() => active && newImport(active.id)}
        >
          <Plus size={16} /> New import
        </button>
      </div>
      {isPending && <p className="empty">Loading imports…</p>}
      {error && (
        <p className="failure" role="alert">
          The imports could not be read: {error.message}
        </p>
      )}
      {data && imports.length === 0 && (
        <div className="empty imports-empty">
          <FileUp size={28} aria-hidden="true" />
          <p>No import into {active?.name ?? 'this workspace'} yet.</p>
        </div>
      )}
      <ul className="import-list" aria-label="Imports">
        {imports.map((imported) => (
          <li key={imported.id}>
            <article className="card import-card" aria-label={imported.name}>
              <div className="import-card-main">
                <div className="import-card-title">
                  <button className="link-button" onClick={() => openImport(imported)}>
                    {imported.name}
                  </button>
                  <StateBadge state={imported.state} />
                  {imported.dryRunOf && <span className="badge">dry run</span>}
                </div>
                <div className="meta">
                  {imported.steps
                    .map((step) => `${step.fileName} → ${step.mapping.object}`)
                    .join(' · ')}
                </div>
                <div className="meta">
                  <ImportFigures imported={imported} /> · updated {ago(imported.updatedAt)}
                  {imported.message && <> · {imported.message}</>}
                </div>
              </div>
              <div className="import-card-actions">
                <button className="btn small" onClick={() => openImport(imported)}>
                  Open
                </button>
                <button
                  className="btn small ghost danger"
                  aria-label={`Remove ${imported.name}`}
                  onClick={() => setRemoving(imported)}
                >
                  <Trash2 size={13} />
                </button>
              </div>
            </article>
          </li>
        ))}
      </ul>
      {elsewhere > 0 && (
        <p className="meta">
          {elsewhere} import{elsewhere === 1 ? '' : 's'} into other workspaces: switch workspace to
          see {elsewhere === 1 ? 'it' : 'them'}.
        </p>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove import"
          danger
          onConfirm={() => void remove(removing)}
          onClose={() => setRemoving(null)}
        >
          <p>
            Atelier forgets this import, its fixes and its journal. Records it wrote stay in the
            workspace (roll back first to delete them).
          </p>
        </ConfirmDialog>
      )}
    </>
  );
};
