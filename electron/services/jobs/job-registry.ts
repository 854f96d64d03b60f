import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import type { Job } from '../../../shared/contract/jobs';

/**
 * Long work in main runs as a job: it has progress, can be cancelled through its AbortSignal and
 * is announced on every change so the activity panel stays live. Finished jobs are kept (a
 * bounded number) so a failure can still be read after it happened.
 */
export interface JobHandle {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(done: number, total?: number | null, message?: string): void;
}

export interface JobSpec {
  kind: string;
  title: string;
  cancellable?: boolean;
  total?: number | null;
}

const KEEP_FINISHED = 50;

export const createJobRegistry = (onUpdate: (job: Job) => void) => {
  const jobs = new Map<string, { job: Job; controller: AbortController }>();

  const publish = (job: Job) => {
    onUpdate({ ...job, progress: { ...job.progress } });
  };

  const prune = () => {
    const finished = [...jobs.values()].filter((entry) => entry.job.status !== 'running');
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      jobs.delete(entry.job.id);
    }
  };

  /** Runs `work` as a job; resolves or rejects as the work does. */
  const run = async <T>(spec: JobSpec, work: (handle: JobHandle) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const job: Job = {
      id: randomUUID(),
      kind: spec.kind,
      title: spec.title,
      status: 'running',
      progress: { done: 0, total: spec.total ?? null },
      message: '',
      cancellable: spec.cancellable ?? false,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
    };
    jobs.set(job.id, { job, controller });
    publish(job);
    const handle: JobHandle = {
      id: job.id,
      signal: controller.signal,
      progress(done, total, message) {
        job.progress = { done, total: total === undefined ? job.progress.total : total };
        if (message !== undefined) job.message = message;
        publish(job);
      },
    };
    try {
      const result = await work(handle);
      job.status = controller.signal.aborted ? 'cancelled' : 'succeeded';
      return result;
    } catch (error) {
      const cancelled =
        controller.signal.aborted || (isAppError(error) && error.code === 'CANCELLED');
      job.status = cancelled ? 'cancelled' : 'failed';
      job.error = isAppError(error)
        ? error.toJSON()
        : new AppError('INTERNAL', (error as Error).message ?? String(error)).toJSON();
      throw error;
    } finally {
      job.finishedAt = new Date().toISOString();
      publish(job);
      prune();
    }
  };

  return {
    run,
    list(): Job[] {
      return [...jobs.values()]
        .map((entry) => entry.job)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
    cancel(id: string): boolean {
      const entry = jobs.get(id);
      if (!entry || entry.job.status !== 'running' || !entry.job.cancellable) return false;
      entry.controller.abort(new AppError('CANCELLED', `${entry.job.title} was cancelled`));
      return true;
    },
  };
};

export type JobRegistry = ReturnType<typeof createJobRegistry>;
