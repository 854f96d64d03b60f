import type { Connection } from '../../../shared/contract';

/**
 * Where `imports.dryRun` runs an import by default (as main picks it): the connection's replica
 * if it has one, else the connection itself when it is local or a replica, else the local
 * workspace — named for the button, so the admin knows before clicking.
 */
export const dryRunTarget = (
  connections: readonly Connection[],
  connectionId: string,
): Connection | null => {
  const replica = connections.find(
    (connection) => connection.kind === 'replica' && connection.replicaOf === connectionId,
  );
  if (replica) return replica;
  const own = connections.find((connection) => connection.id === connectionId);
  if (own && own.kind !== 'remote') return own;
  return connections.find((connection) => connection.kind === 'local') ?? null;
};
