import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/contract/jobs';
import { AppError } from '../../../shared/errors/app-error';
import { createJobRegistry } from './job-registry';

describe('createJobRegistry', () => {
  it('announces progress and the outcome of each job', async () => {
    const updates: Job[] = [];
    const jobs = createJobRegistry((job) => updates.push(job));
    const value = await jobs.run({ kind: 'k', title: 'Work', total: 2 }, async (job) => {
      job.progress(1, 2, 'half');
      return 42;
    });
    expect(value).toBe(42);
    expect(updates.map((job) => [job.status, job.progress.done, job.message])).toEqual([
      ['running', 0, ''],
      ['running', 1, 'half'],
      ['succeeded', 1, 'half'],
    ]);
    await expect(
      jobs.run({ kind: 'k', title: 'Broken' }, async () => {
        throw new AppError('SERVER', 'Twenty said no');
      }),
    ).rejects.toThrow('Twenty said no');
    expect(jobs.list()[0]).toMatchObject({
      status: 'failed',
      error: { code: 'SERVER', message: 'Twenty said no' },
    });
  });

  it('cancels a cancellable job through its signal', async () => {
    const jobs = createJobRegistry(() => {});
    const running = jobs.run({ kind: 'k', title: 'Long', cancellable: true }, (job) => {
      return new Promise((_, reject) =>
        job.signal.addEventListener('abort', () => reject(job.signal.reason)),
      );
    });
    const id = jobs.list()[0]!.id;
    expect(jobs.cancel(id)).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(jobs.list()[0]!.status).toBe('cancelled');
    expect(jobs.cancel(id)).toBe(false);
  });
});
