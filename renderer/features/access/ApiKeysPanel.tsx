import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { AccessOverview, ApiKeyInfo } from '../../../shared/contract';
import { useAccessActions, useAccessUi } from './access-store';
import {
  expiryText,
  relativeTime,
  shortDate,
  visibleKeys,
  WARNING_LABELS,
  WARNING_TONES,
} from './key-format';
import { NewKeyDialog } from './NewKeyDialog';
import { RevokeKeyDialog } from './RevokeKeyDialog';
import { RotateKeyDialog } from './RotateKeyDialog';
import { SessionBanner } from './SessionBanner';

type KeyDialog = { kind: 'new' } | { kind: 'rotate' | 'revoke'; apiKey: ApiKeyInfo } | null;

/** The workspace's API keys with their roles, expiry and who uses them; create, rotate, revoke. */
export const ApiKeysPanel = ({ overview }: { overview: AccessOverview }) => {
  const { showRevoked } = useAccessUi();
  const { setShowRevoked, inspect } = useAccessActions();
  const [dialog, setDialog] = useState<KeyDialog>(null);
  const now = Date.now();
  const keys = visibleKeys(overview.apiKeys, showRevoked);
  const revokedCount = overview.apiKeys.length - visibleKeys(overview.apiKeys, false).length;

  return (
    <div className="keys-view">
      <SessionBanner overview={overview} />
      {overview.keysProblem && (
        <p className="notice" role="alert">
          {overview.keysProblem}
        </p>
      )}
      <div className="matrix-toolbar">
        <button className="btn small primary" onClick={() => setDialog({ kind: 'new' })}>
          <Plus size={13} aria-hidden /> New key
        </button>
        {/* Recent Twenty lists active keys only (findActiveByWorkspaceId); older ones list all. */}
        {revokedCount > 0 && (
          <label className="check">
            <input
              type="checkbox"
              checked={showRevoked}
              onChange={(event) => setShowRevoked(event.target.checked)}
            />
            Show revoked ({revokedCount})
          </label>
        )}
      </div>
      {keys.length === 0 ? (
        <p className="empty">
          {overview.apiKeys.length === 0 ? 'No API key in this workspace.' : 'No active key.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="keys-table" aria-label="API keys">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Expires</th>
                <th scope="col">Created</th>
                <th scope="col">Rotated</th>
                <th scope="col">Used by</th>
                <th scope="col">Warnings</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} data-revoked={key.revokedAt !== null || undefined}>
                  <th scope="row">
                    {key.name}
                    {key.revokedAt && (
                      <span className="badge danger" title={`Revoked ${shortDate(key.revokedAt)}`}>
                        revoked
                      </span>
                    )}
                  </th>
                  <td>{key.roleLabel ?? <span className="meta">no role</span>}</td>
                  <td title={key.expiresAt}>
                    {expiryText(key.expiresAt, now)
                      .split(' · ')
                      .map((part, index) => (
                        <span key={part} className={index ? 'meta rotated-from' : undefined}>
                          {part}
                        </span>
                      ))}
                  </td>
                  <td className="nowrap" title={key.createdAt}>
                    {relativeTime(key.createdAt, now)}
                  </td>
                  <td>
                    {key.rotatedAt ? (
                      <span title={key.rotatedAt}>
                        {relativeTime(key.rotatedAt, now)}
                        {key.rotatedFromName && (
                          <span className="meta rotated-from">from {key.rotatedFromName}</span>
                        )}
                      </span>
                    ) : (
                      <span className="meta">—</span>
                    )}
                  </td>
                  <td>
                    {key.usedByConnections.length === 0 ? (
                      <span className="meta">—</span>
                    ) : (
                      key.usedByConnections.map((connection) => connection.name).join(', ')
                    )}
                  </td>
                  <td>
                    <span className="key-warnings">
                      {key.warnings.map((warning) => (
                        <span key={warning} className={`badge ${WARNING_TONES[warning]}`}>
                          {WARNING_LABELS[warning]}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td className="key-actions">
                    {key.revokedAt === null && (
                      <>
                        <button
                          className="btn small"
                          aria-label={`Rotate ${key.name}`}
                          onClick={() => setDialog({ kind: 'rotate', apiKey: key })}
                        >
                          Rotate
                        </button>
                        <button
                          className="btn small"
                          aria-label={`Revoke ${key.name}`}
                          onClick={() => setDialog({ kind: 'revoke', apiKey: key })}
                        >
                          Revoke
                        </button>
                      </>
                    )}
                    <button
                      className="btn small ghost"
                      aria-label={`Effective access of ${key.name}`}
                      onClick={() => inspect({ kind: 'apiKey', apiKeyId: key.id })}
                    >
                      Effective access
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'new' && (
        <NewKeyDialog overview={overview} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'rotate' && (
        <RotateKeyDialog
          connectionId={overview.connectionId}
          apiKey={dialog.apiKey}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeKeyDialog
          connectionId={overview.connectionId}
          apiKey={dialog.apiKey}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
};
