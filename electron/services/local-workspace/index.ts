/** Public entry of the local workspace: a Twenty-compatible server that runs in plain Node. */
export { startLocalWorkspace } from './local-workspace-server';
export type { LocalWorkspace, LocalWorkspaceOptions } from './local-workspace-server';
