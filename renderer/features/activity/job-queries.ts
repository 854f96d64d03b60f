import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { useContractEvent } from '../../api/use-contract-event';

const JOBS_KEY = ['jobs'] as const;

/** Loaded once, then kept current by `jobs.onJobUpdated`. */
export const useJobs = () => {
  const client = useQueryClient();
  useContractEvent('jobs.onJobUpdated', (job) =>
    client.setQueryData<Job[]>(JOBS_KEY, (jobs = []) => {
      const rest = jobs.filter((candidate) => candidate.id !== job.id);
      return [job, ...rest].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, 50);
    }),
  );
  return useQuery({
    queryKey: JOBS_KEY,
    queryFn: () => rpc.call('jobs.listJobs', {}),
    staleTime: Infinity,
  });
};
