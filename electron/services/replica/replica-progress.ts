import type { ReplicaRun } from '../../../shared/contract/replica';
import type { JobHandle } from '../jobs/job-registry';
import type { ReplicaProgress, ReplicaResult } from './run-replica';

const PHASE_WORDS: Record<ReplicaProgress['phase'], string> = {
  schema: 'schema',
  records: 'records',
  trash: 'trashed records',
  links: 'relations',
  'trash-links': 'relations of trashed records',
  deletions: 'deletions',
};

/** The engine's per-object progress as the job's line in the activity panel. */
export const progressReporter =
  (job: JobHandle) =>
  ({ object, phase, done, total }: ReplicaProgress) =>
    job.progress(
      done,
      total,
      phase === 'schema'
        ? 'Making the schema equal'
        : `${object}: ${PHASE_WORDS[phase]} ${done}${total === null ? '' : ` of ${total}`}`,
    );

/** What the contract tells about a finished run. */
export const runSummary = (result: ReplicaResult): ReplicaRun => ({
  kind: result.kind,
  finishedAt: new Date().toISOString(),
  syncedAt: result.syncedAt,
  schemaSteps: result.schemaSteps,
  objects: result.objects,
  skipped: result.skipped.map(({ nameSingular, reason }) => ({ nameSingular, reason })),
  droppedLinks: result.droppedLinks,
});
