import {
  CONNECTION_FAILURE_TITLES,
  type ConnectionTestReport,
} from '../../../shared/contract/connection-test';
import type { Connection } from '../../../shared/contract/connections';
import type { LocalWorkspaceState } from './local-workspace-handle';

/** The one-line status of the workspace switcher, from the local state and the last test. */
export const connectionStatus = (
  local: LocalWorkspaceState | null,
  lastTest: ConnectionTestReport | null,
): Connection['status'] => {
  if (local?.state === 'starting') return { state: 'starting', message: 'Starting…' };
  if (local?.state === 'error') return { state: 'error', message: local.message };
  if (!lastTest) {
    return local
      ? { state: 'ready', message: 'Running' }
      : { state: 'untested', message: 'Not tested yet' };
  }
  if (!lastTest.ok) {
    const kind = lastTest.failure?.kind;
    return {
      state: 'failing',
      message: kind ? CONNECTION_FAILURE_TITLES[kind] : 'Last test failed',
    };
  }
  const parts = ['Connected'];
  if (lastTest.serverVersion) {
    const version = lastTest.serverVersion;
    parts.push(/^\d/.test(version) ? `v${version}` : version);
  }
  if (lastTest.latencyMs !== null) parts.push(`${Math.round(lastTest.latencyMs)} ms`);
  return { state: 'ok', message: parts.join(' · ') };
};
