import { LogIn, LogOut, UserRound } from 'lucide-react';
import type { AccessOverview } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { useAccessActions } from './access-store';
import { useRefreshAccess } from './access-queries';
import { shortDateTime } from './key-format';

/** Whether key operations can run: the signed-in Twenty user they need on recent servers. */
export const SessionBanner = ({ overview }: { overview: AccessOverview }) => {
  const { session } = overview;
  const { openSignIn } = useAccessActions();
  const refresh = useRefreshAccess();
  const signOut = async () => {
    try {
      await rpc.call('access.signOut', { connectionId: overview.connectionId });
      await refresh(overview.connectionId);
    } catch (error) {
      toastError(error);
    }
  };
  if (session.signedIn)
    return (
      <div className="session-banner" data-signed-in="true" role="status" aria-label="Session">
        <UserRound size={14} aria-hidden />
        <span>
          Signed in as <strong>{session.email}</strong>
          {session.expiresAt && <> · session until {shortDateTime(session.expiresAt)}</>}
        </span>
        <button className="btn small ghost" onClick={() => void signOut()}>
          <LogOut size={13} aria-hidden /> Sign out
        </button>
      </div>
    );
  return (
    <div
      className="session-banner"
      data-signed-in="false"
      data-required={session.sessionRequired}
      role="status"
      aria-label="Session"
    >
      <UserRound size={14} aria-hidden />
      <span>
        {session.sessionRequired ? (
          <>
            <strong>This server refuses key operations with the connection&apos;s API key.</strong>{' '}
            Sign in as a Twenty user to create, rotate or revoke keys.
          </>
        ) : (
          <>
            Creating, rotating and revoking keys need a signed-in Twenty user on recent servers
            (Twenty 2.x refuses API keys for them).
          </>
        )}
      </span>
      <button className="btn small" onClick={() => openSignIn()}>
        <LogIn size={13} aria-hidden /> Sign in
      </button>
    </div>
  );
};
