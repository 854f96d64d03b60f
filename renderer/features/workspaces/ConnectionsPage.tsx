import { useQuery } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import type { Connection } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { useUi } from '../../app/store';
import { StatusLine } from '../../ui/StatusDot';
import { useConnections, useSelectConnection, useTestConnection } from './connection-queries';
import { ReplicaSection } from '../replica/ReplicaSection';
import { TransfersPanel } from '../replica/TransfersPanel';
import { TestReport } from './TestReport';

const ConnectionCard = ({ connection, active }: { connection: Connection; active: boolean }) => {
  const open = useUi((state) => state.openConnectionDialog);
  const select = useSelectConnection();
  const test = useTestConnection();
  const testing = test.isPending && test.variables === connection.id;
  const remote = connection.kind === 'remote';
  return (
    <article
      className="card connection"
      data-active={active}
      data-testid="connection-card"
      aria-label={connection.name}
    >
      <div>
        <div className="name">
          {connection.name}
          {connection.kind === 'local' && <span className="badge">local · default</span>}
          {active && <span className="badge accent">active</span>}
        </div>
        <div className="url mono">{connection.baseUrl || 'not listening yet'}</div>
        <StatusLine
          status={testing ? { state: 'starting', message: 'Testing…' } : connection.status}
        />
      </div>
      <div className="actions">
        {!active && (
          <button className="btn small" onClick={() => select.mutate(connection.id)}>
            Use
          </button>
        )}
        <button
          className="btn small"
          disabled={
            testing ||
            (connection.kind === 'local' &&
              connection.status.state !== 'ready' &&
              connection.status.state !== 'ok')
          }
          onClick={() => test.mutate(connection.id)}
        >
          {testing ? 'Testing…' : 'Test'}
        </button>
        {remote && (
          <>
            <button className="btn small" onClick={() => open({ mode: 'edit', id: connection.id })}>
              Edit
            </button>
            <button
              className="btn small"
              onClick={() => open({ mode: 'replace-key', id: connection.id })}
            >
              Replace key
            </button>
            <button
              className="btn small danger"
              onClick={() => open({ mode: 'remove', id: connection.id })}
            >
              Remove
            </button>
          </>
        )}
      </div>
      {connection.lastTest && <TestReport report={connection.lastTest} />}
      {remote && <ReplicaSection remote={connection} />}
    </article>
  );
};

/** Said plainly when keys cannot outlive this run (no Secret Service in the session). */
const TemporaryKeychainNotice = () => {
  const { data } = useQuery({
    queryKey: ['app', 'info'],
    queryFn: () => rpc.call('app.getInfo', {}),
    staleTime: Infinity,
  });
  if (data?.keychain !== 'temporary') return null;
  return (
    <p className="notice" role="status" data-testid="temporary-keychain">
      This session has no OS keychain, so Atelier started a temporary one: keys you add are
      forgotten when Atelier exits. Run Atelier in a desktop session to keep them.
    </p>
  );
};

export const ConnectionsPage = () => {
  const { data, isLoading } = useConnections();
  const open = useUi((state) => state.openConnectionDialog);
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'start' }}>
        <div style={{ flex: 1 }}>
          <h1 className="page-title">Connections</h1>
          <p className="page-subtitle">
            Twenty workspaces Atelier can reach. Keys are kept in your OS keychain, never on disk.
          </p>
        </div>
        <button className="btn primary" onClick={() => open({ mode: 'add' })}>
          <Plus size={16} /> Add connection
        </button>
      </div>
      <TemporaryKeychainNotice />
      {isLoading && <p className="empty">Loading connections…</p>}
      <div className="connection-list">
        {/* A replica shows on its remote's card. */}
        {data?.connections
          .filter((connection) => connection.kind !== 'replica')
          .map((connection) => (
            <ConnectionCard
              key={connection.id}
              connection={connection}
              active={connection.id === data.activeId}
            />
          ))}
      </div>
      <TransfersPanel />
    </div>
  );
};
