import { describeWorkspace } from './describe-workspace';
import { readSchema } from '../schema/read-schema';
import type { TwentyClient } from '../twenty-client';
import { clientSource } from './record-source';
import { runReplica, type ReplicaOptions, type ReplicaResult } from './run-replica';

/**
 * Copies a workspace into another: the custom model first (schema editor's planner and applier),
 * then the records of every object the API lets a replica write, ids kept where the target
 * accepts them. With a journal the copy resumes where it stopped; `refreshWorkspace` then brings
 * the target up to date with what changed in the source since. docs/replica.md.
 */
const fromWorkspace = async (source: TwentyClient, signal?: AbortSignal) => {
  const { objects, skipped } = await describeWorkspace(source, signal);
  return { source: clientSource(source), sourceObjects: objects, sourceSkipped: skipped };
};

export const copyWorkspace = async (
  source: TwentyClient,
  target: TwentyClient,
  options: ReplicaOptions = {},
): Promise<ReplicaResult> =>
  runReplica({
    kind: 'copy',
    target,
    ...(await fromWorkspace(source, options.signal)),
    schema: () => readSchema(source, options.signal),
    options,
  });

/**
 * Brings a copy up to date: records updated in the source since the journal's last sync are
 * written again (upsert), join columns reset, and records gone from the source removed from the
 * target (soft-deleted when the source has them in its trash, destroyed when it has them no more).
 */
export const refreshWorkspace = async (
  source: TwentyClient,
  target: TwentyClient,
  options: ReplicaOptions & { journalPath: string },
): Promise<ReplicaResult> =>
  runReplica({
    kind: 'refresh',
    target,
    ...(await fromWorkspace(source, options.signal)),
    schema: () => readSchema(source, options.signal),
    options,
  });
