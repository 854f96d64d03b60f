import * as Dialog from '@radix-ui/react-dialog';
import './replica.css';
import { useQueryClient } from '@tanstack/react-query';
import { ArrowRightLeft, Copy, Download, Upload } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Connection, ReplicaRun } from '../../../shared/contract';
import { isAppError } from '../../../shared/errors/app-error';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { useConnections } from '../workspaces/connection-queries';
import { ago, formatBytes, runFigures } from './replica-figures';
import { SNAPSHOTS_KEY, useSnapshots } from './replica-queries';

type Transfer =
  | { kind: 'import'; path: string; targetId: string }
  | { kind: 'copy'; sourceId: string; targetId: string; schema: 'mirror' | 'additive' | 'skip' };

/** Runs a write into a workspace; a remote target first asks, naming it. */
const useTransfer = () => {
  const [confirming, setConfirming] = useState<{ transfer: Transfer; target: string } | null>(null);
  const send = (transfer: Transfer, confirm: boolean) => {
    const running: Promise<ReplicaRun> =
      transfer.kind === 'import'
        ? rpc.call('replica.importSnapshot', {
            path: transfer.path,
            targetConnectionId: transfer.targetId,
            confirm,
          })
        : rpc.call('replica.copyWorkspace', {
            sourceConnectionId: transfer.sourceId,
            targetConnectionId: transfer.targetId,
            schema: transfer.schema,
            objects: null,
            confirm,
          });
    toast('Started: follow it in the activity panel');
    running
      .then((run) => toast.success(`Done: ${runFigures(run)}`))
      .catch((error) => {
        if (isAppError(error) && error.details?.needsConfirmation)
          setConfirming({ transfer, target: String(error.details.target ?? 'that workspace') });
        else toastError(error);
      });
  };
  return { send, confirming, setConfirming };
};

const ConnectionSelect = (props: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  connections: Connection[];
}) => (
  <label className="inline-field">
    {props.label}
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    >
      {props.connections.map((connection) => (
        <option key={connection.id} value={connection.id}>
          {connection.name}
          {connection.readOnly ? ' (read-only)' : ''}
        </option>
      ))}
    </select>
  </label>
);

/**
 * Snapshots (a workspace as one portable file) and copies from one workspace into another: the
 * admin's backup and the cloud ↔ self-hosted move, on the Connections page.
 */
export const TransfersPanel = () => {
  const { data } = useConnections();
  const connections = data?.connections ?? [];
  const snapshots = useSnapshots();
  const queryClient = useQueryClient();
  const { send, confirming, setConfirming } = useTransfer();
  const [exportFrom, setExportFrom] = useState('local');
  const [importPath, setImportPath] = useState('');
  const [importInto, setImportInto] = useState('local');
  const [copy, setCopy] = useState({
    sourceId: 'local',
    targetId: 'local',
    schema: 'mirror' as 'mirror' | 'additive' | 'skip',
  });

  const exportSnapshot = () => {
    toast('Exporting: follow it in the activity panel');
    rpc
      .call('replica.exportSnapshot', { connectionId: exportFrom, name: null })
      .then((written) => {
        toast.success(
          `Snapshot written: ${written.records.toLocaleString()} records, ${formatBytes(written.sizeBytes)}`,
        );
        setImportPath(written.path);
        void queryClient.invalidateQueries({ queryKey: SNAPSHOTS_KEY });
      })
      .catch(toastError);
  };

  return (
    <section className="card transfers" aria-label="Snapshots and copies">
      <h2>Snapshots and copies</h2>
      <p className="meta">
        A snapshot is one file with a workspace's schema and records: a backup to keep, or to load
        into any workspace. A copy moves schema and records between two workspaces; ids are kept
        where the target accepts them, and relations follow the records that got new ones.
      </p>
      <div className="transfer-row">
        <ConnectionSelect
          label="Export"
          value={exportFrom}
          onChange={setExportFrom}
          connections={connections}
        />
        <button className="btn small" onClick={exportSnapshot}>
          <Download size={12} /> Export snapshot
        </button>
      </div>
      {(snapshots.data?.length ?? 0) > 0 && (
        <ul className="snapshot-list" aria-label="Snapshots">
          {snapshots.data!.map((snapshot) => (
            <li key={snapshot.path}>
              <span className="mono" title={snapshot.path}>
                {snapshot.name}
              </span>
              <span className="meta">
                {formatBytes(snapshot.sizeBytes)} · {ago(snapshot.createdAt)}
              </span>
              <button
                className="btn small ghost"
                aria-label={`Copy the path of ${snapshot.name}`}
                title={snapshot.path}
                onClick={() =>
                  void navigator.clipboard
                    .writeText(snapshot.path)
                    .then(() => toast.success('Path copied'))
                }
              >
                <Copy size={12} />
              </button>
              <button className="btn small ghost" onClick={() => setImportPath(snapshot.path)}>
                Choose
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="transfer-row">
        <label className="inline-field grow">
          Snapshot file
          <input
            aria-label="Snapshot file"
            className="mono"
            placeholder="/full/path/to/workspace.atelier-snapshot.jsonl.gz"
            value={importPath}
            onChange={(event) => setImportPath(event.target.value)}
          />
        </label>
        <ConnectionSelect
          label="into"
          value={importInto}
          onChange={setImportInto}
          connections={connections}
        />
        <button
          className="btn small"
          disabled={!importPath.trim()}
          onClick={() =>
            send({ kind: 'import', path: importPath.trim(), targetId: importInto }, false)
          }
        >
          <Upload size={12} /> Import snapshot
        </button>
      </div>
      <div className="transfer-row">
        <ConnectionSelect
          label="Copy"
          value={copy.sourceId}
          onChange={(sourceId) => setCopy({ ...copy, sourceId })}
          connections={connections}
        />
        <ConnectionSelect
          label="into"
          value={copy.targetId}
          onChange={(targetId) => setCopy({ ...copy, targetId })}
          connections={connections}
        />
        <label className="inline-field">
          Schema
          <select
            aria-label="Schema"
            value={copy.schema}
            onChange={(event) => setCopy({ ...copy, schema: event.target.value as never })}
          >
            <option value="mirror">made equal (mirror)</option>
            <option value="additive">added to, nothing removed</option>
            <option value="skip">left as it is</option>
          </select>
        </label>
        <button
          className="btn small"
          disabled={copy.sourceId === copy.targetId}
          onClick={() => send({ kind: 'copy', ...copy }, false)}
        >
          <ArrowRightLeft size={12} /> Copy workspace
        </button>
      </div>
      {confirming && (
        <Dialog.Root open onOpenChange={(open) => !open && setConfirming(null)}>
          <Dialog.Portal>
            <Dialog.Overlay className="overlay" />
            <Dialog.Content className="dialog" aria-describedby={undefined}>
              <Dialog.Title>Write into {confirming.target}?</Dialog.Title>
              <p>
                This changes <strong>{confirming.target}</strong>: its custom schema is made like
                the source's and records are created or updated there. Go on?
              </p>
              <div className="dialog-actions">
                <button className="btn" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
                <button
                  className="btn danger"
                  onClick={() => {
                    const { transfer } = confirming;
                    setConfirming(null);
                    send(transfer, true);
                  }}
                >
                  Write into {confirming.target}
                </button>
              </div>
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      )}
    </section>
  );
};
