import './access.css';
import { RefreshCw } from 'lucide-react';
import { useActiveConnection } from '../workspaces/connection-queries';
import { useAccessOverview } from './access-queries';
import { ACCESS_TABS, useAccessActions, useAccessUi } from './access-store';
import { ApiKeysPanel } from './ApiKeysPanel';
import { EffectiveAccessPanel } from './EffectiveAccessPanel';
import { PermissionsMatrix } from './PermissionsMatrix';
import { SignInDialog } from './SignInDialog';

/**
 * Tool 6 (issue 10): the connection's roles as an objects × roles matrix edited as a draft and
 * applied as a reviewed plan, its API keys, and the effective access of a key or role.
 */
export const AccessPage = () => {
  const active = useActiveConnection();
  const connectionId = active?.id ?? null;
  const overview = useAccessOverview(connectionId);
  const { tab, signIn } = useAccessUi();
  const { go, closeSignIn } = useAccessActions();
  const data = overview.data;

  return (
    <div className="access-page">
      <div className="diagram-title">
        <h1>Access</h1>
        <span data-testid="active-workspace-name">{active?.name ?? '…'}</span>
        <div className="spacer" />
        <button
          className="btn small ghost"
          aria-label="Read roles and keys again"
          title="Read roles and keys again"
          disabled={overview.isFetching || !connectionId}
          onClick={() => void overview.refetch()}
        >
          <RefreshCw size={13} aria-hidden className={overview.isFetching ? 'spin' : undefined} />
        </button>
      </div>
      <div className="tool-tabs" role="tablist" aria-label="Access sections">
        {ACCESS_TABS.map((item) => (
          <button
            key={item.id}
            role="tab"
            id={`access-tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls="access-panel"
            onClick={() => go(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div
        className="access-body"
        role="tabpanel"
        id="access-panel"
        aria-labelledby={`access-tab-${tab}`}
        data-section={tab}
      >
        {!connectionId ? (
          <p className="empty">Choose a connection first.</p>
        ) : overview.isPending ? (
          <p className="empty">Reading roles and keys…</p>
        ) : overview.isError ? (
          <div className="failure" role="alert">
            Could not read the workspace&apos;s access: {overview.error.message}{' '}
            <button className="btn small" onClick={() => void overview.refetch()}>
              Try again
            </button>
          </div>
        ) : (
          <>
            {data!.rolesProblem && tab !== 'keys' && (
              <p className="notice" role="alert">
                {data!.rolesProblem}
              </p>
            )}
            {tab === 'matrix' ? (
              <PermissionsMatrix overview={data!} />
            ) : tab === 'keys' ? (
              <ApiKeysPanel overview={data!} />
            ) : (
              <EffectiveAccessPanel overview={data!} />
            )}
          </>
        )}
      </div>
      {signIn && data && (
        <SignInDialog
          connectionId={data.connectionId}
          session={data.session}
          onClose={closeSignIn}
          onSignedIn={() => {
            closeSignIn();
            signIn.retry?.();
          }}
        />
      )}
    </div>
  );
};
