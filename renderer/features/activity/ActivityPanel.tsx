import { X } from 'lucide-react';
import type { Job } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { useUi } from '../../app/store';
import { toastError } from '../../ui/toast-error';
import { useJobs } from './job-queries';

const STATUS_TEXT: Record<Job['status'], string> = {
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const JobRow = ({ job }: { job: Job }) => {
  const { done, total } = job.progress;
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <article className="card job" data-testid="job" data-status={job.status}>
      <div className="title">
        <span
          className="dot"
          data-state={
            job.status === 'running' ? 'starting' : job.status === 'succeeded' ? 'ok' : 'error'
          }
        />
        {job.title}
        {job.status === 'running' && job.cancellable && (
          <button
            className="btn small ghost"
            style={{ marginLeft: 'auto' }}
            onClick={() => rpc.call('jobs.cancelJob', { id: job.id }).catch(toastError)}
          >
            Cancel
          </button>
        )}
      </div>
      {job.status === 'running' && (
        <div
          className="progress"
          data-indeterminate={percent === null}
          role="progressbar"
          aria-valuenow={percent ?? undefined}
        >
          <div style={{ width: `${percent ?? 30}%` }} />
        </div>
      )}
      <div className="meta">
        {STATUS_TEXT[job.status]}
        {total ? ` · ${done}/${total}` : ''}
        {job.message ? ` · ${job.message}` : ''} · {new Date(job.startedAt).toLocaleTimeString()}
      </div>
      {job.error && <div className="error">{job.error.message}</div>}
    </article>
  );
};

export const ActivityPanel = () => {
  const { data: jobs = [] } = useJobs();
  const setOpen = useUi((state) => state.setActivityOpen);
  return (
    <aside className="activity" aria-label="Activity">
      <header>
        Activity
        <button
          className="btn small ghost"
          aria-label="Close activity"
          onClick={() => setOpen(false)}
        >
          <X size={16} />
        </button>
      </header>
      <div className="jobs">
        {jobs.length === 0 && <p className="empty">Nothing has run yet.</p>}
        {jobs.map((job) => (
          <JobRow key={job.id} job={job} />
        ))}
      </div>
    </aside>
  );
};

export const useRunningJobCount = () => {
  const { data: jobs = [] } = useJobs();
  return jobs.filter((job) => job.status === 'running').length;
};
