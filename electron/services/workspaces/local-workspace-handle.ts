/**
 * What the connection registry needs to know about the embedded local workspace, which the
 * composition root starts: where it listens, the key it accepts, and whether it is up yet.
 */
export type LocalWorkspaceState =
  | { state: 'starting' }
  | { state: 'ready'; url: string; apiKey: string }
  | { state: 'error'; message: string };

export interface LocalWorkspaceHandle {
  current(): LocalWorkspaceState;
  /** Called whenever the state changes. */
  onChange(listener: () => void): void;
}

/** The replicas' workspaces as the registry lists them (the replica service runs them). */
export interface ReplicaWorkspaces {
  list(): Array<{ id: string; of: string; state: LocalWorkspaceState }>;
  onChange(listener: () => void): void;
  /** A remote connection was removed: its replica goes with it. */
  removeOf(remoteId: string): Promise<void>;
}
