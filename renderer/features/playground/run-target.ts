import { useState } from 'react';
import type { Connection } from '../../../shared/contract';
import { useConnections } from '../workspaces/connection-queries';

/**
 * Where a run goes when the active workspace has an offline replica (or is one): the live
 * workspace, its replica, or both to compare their answers.
 */
export type RunOn = 'live' | 'replica' | 'both';

export interface RunTarget {
  live: Connection;
  replica: Connection;
  runOn: RunOn;
  setRunOn(runOn: RunOn): void;
}

export const useRunTarget = (active: Connection | null): RunTarget | null => {
  const { data } = useConnections();
  const connections = data?.connections ?? [];
  const live =
    active?.kind === 'replica'
      ? connections.find((connection) => connection.id === active.replicaOf)
      : active;
  const replica =
    active?.kind === 'replica'
      ? active
      : connections.find(
          (connection) => connection.kind === 'replica' && connection.replicaOf === active?.id,
        );
  // Per active workspace: opening the replica itself starts on the replica.
  const [choice, setChoice] = useState<Record<string, RunOn>>({});
  if (!active || !live || !replica) return null;
  return {
    live,
    replica,
    runOn: choice[active.id] ?? (active.kind === 'replica' ? 'replica' : 'live'),
    setRunOn: (runOn) => setChoice((current) => ({ ...current, [active.id]: runOn })),
  };
};
