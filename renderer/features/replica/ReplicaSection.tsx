import { useMutation } from '@tanstack/react-query';
import './replica.css';
import { Database, RefreshCw, Square, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Connection, Replica } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { useJobs } from '../activity/job-queries';
import { useSelectConnection } from '../workspaces/connection-queries';
import { PullDialog } from './PullDialog';
import { ago, runFigures } from './replica-figures';
import { useReplicaOf } from './replica-queries';

const STATE_TEXT: Record<Replica['state'], string> = {
  starting: 'Starting',
  empty: 'Not pulled yet',
  pulling: 'Pulling',
  ready: 'Ready',
  interrupted: 'Stopped before it finished',
  error: 'Did not start',
};

/** The job a replica is running, as a progress bar with its line and a Stop button. */
const ReplicaProgress = ({ jobId }: { jobId: string }) => {
  const { data: jobs = [] } = useJobs();
  const job = jobs.find((candidate) => candidate.id === jobId);
  const { done = 0, total = null } = job?.progress ?? {};
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="replica-progress" data-testid="replica-progress">
      <div
        className="progress"
        data-indeterminate={percent === null}
        role="progressbar"
        aria-label="Replica progress"
        aria-valuenow={percent ?? undefined}
      >
        <div style={{ width: `${percent ?? 30}%` }} />
      </div>
      <span className="meta">{job?.message || 'Starting…'}</span>
      <button
        className="btn small ghost"
        onClick={() => rpc.call('jobs.cancelJob', { id: jobId }).catch(toastError)}
      >
        <Square size={12} /> Stop
      </button>
    </div>
  );
};

/**
 * A remote's offline replica on its connection card: its state and last run, pull (all or
 * chosen objects with a record cap), refresh, switch to it, remove it.
 */
export const ReplicaSection = ({ remote }: { remote: Connection }) => {
  const replica = useReplicaOf(remote.id);
  const select = useSelectConnection();
  const [choosing, setChoosing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const run = useMutation({
    mutationFn: async (action: 'refresh' | 'remove') => {
      if (action === 'refresh') await rpc.call('replica.refresh', { connectionId: remote.id });
      else await rpc.call('replica.removeReplica', { connectionId: remote.id });
    },
    onSuccess: (_, action) =>
      toast.success(
        action === 'refresh'
          ? `The replica of ${remote.name} is up to date`
          : `Removed the replica of ${remote.name}`,
      ),
    onError: toastError,
  });
  const busy = replica?.state === 'pulling' || replica?.state === 'starting';

  return (
    <section className="replica" aria-label={`Offline replica of ${remote.name}`}>
      <div className="replica-line">
        <Database size={14} aria-hidden />
        <strong>Offline replica</strong>
        <span className="meta" data-testid="replica-state">
          {replica
            ? `${STATE_TEXT[replica.state]}${
                replica.lastRun && replica.state !== 'pulling'
                  ? ` · ${ago(replica.lastRun.finishedAt)} · ${runFigures(replica.lastRun)}`
                  : ''
              }`
            : 'None: pull one to query this workspace offline'}
        </span>
      </div>
      {replica?.message && replica.state !== 'pulling' && (
        <p className={replica.state === 'error' ? 'error' : 'meta'}>{replica.message}</p>
      )}
      {replica?.jobId && <ReplicaProgress jobId={replica.jobId} />}
      <div className="actions">
        <button className="btn small" disabled={busy} onClick={() => setChoosing(true)}>
          {replica?.state === 'interrupted'
            ? 'Resume pull…'
            : replica?.lastRun
              ? 'Pull again…'
              : 'Pull replica…'}
        </button>
        {replica?.lastRun && (
          <button
            className="btn small"
            disabled={busy || run.isPending}
            onClick={() => run.mutate('refresh')}
          >
            <RefreshCw size={12} /> Refresh
          </button>
        )}
        {replica && replica.state !== 'error' && (
          <button
            className="btn small"
            disabled={replica.state === 'starting'}
            onClick={() => select.mutate(replica.connectionId)}
          >
            Use replica
          </button>
        )}
        {replica &&
          (confirmRemove ? (
            <>
              <span className="meta">Delete the replica's data? {remote.name} is not touched.</span>
              <button
                className="btn small danger"
                onClick={() => {
                  setConfirmRemove(false);
                  run.mutate('remove');
                }}
              >
                Remove replica
              </button>
              <button className="btn small ghost" onClick={() => setConfirmRemove(false)}>
                Keep
              </button>
            </>
          ) : (
            <button
              className="btn small ghost"
              aria-label={`Remove the replica of ${remote.name}`}
              title="Remove the replica"
              disabled={run.isPending}
              onClick={() => setConfirmRemove(true)}
            >
              <Trash2 size={12} />
            </button>
          ))}
      </div>
      {choosing && (
        <PullDialog remote={remote} replica={replica} onClose={() => setChoosing(false)} />
      )}
    </section>
  );
};
