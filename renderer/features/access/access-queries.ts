import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessSubject } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { needsSession } from './session-gate';
import { useAccessUi } from './access-store';

/** Server state of the Access tool: the overview per connection, effective access per subject. */
export const overviewKey = (connectionId: string | null) =>
  ['access', 'overview', connectionId] as const;

export const effectiveKey = (connectionId: string | null, subject: AccessSubject | null) =>
  ['access', 'effective', connectionId, subject] as const;

export const useAccessOverview = (connectionId: string | null, enabled = true) =>
  useQuery({
    queryKey: overviewKey(connectionId),
    queryFn: () => rpc.call('access.getOverview', { connectionId: connectionId! }),
    enabled: connectionId !== null && enabled,
  });

export const useEffectiveAccess = (connectionId: string | null, subject: AccessSubject | null) =>
  useQuery({
    queryKey: effectiveKey(connectionId, subject),
    queryFn: () =>
      rpc.call('access.effectiveAccess', { connectionId: connectionId!, subject: subject! }),
    enabled: connectionId !== null && subject !== null,
  });

/** Reads the connection's roles, keys and session again (and what depends on them). */
export const useRefreshAccess = () => {
  const client = useQueryClient();
  return (connectionId: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: overviewKey(connectionId) }),
      client.invalidateQueries({ queryKey: ['access', 'effective', connectionId] }),
    ]);
};

/**
 * Runs a key operation; when Twenty wants a signed-in user for it, opens the sign-in dialog and
 * runs it again once signed in. Other failures are toasted. Answers whether it succeeded.
 */
export const runWithSession = async (operation: () => Promise<void>): Promise<boolean> => {
  try {
    await operation();
    return true;
  } catch (error) {
    if (needsSession(error)) {
      useAccessUi.getState().actions.openSignIn(() => void runWithSession(operation));
    } else {
      toastError(error);
    }
    return false;
  }
};
