import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { z } from 'zod';
import type { ApiKeyInfo, rotatedApiKeySchema } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { runWithSession, useRefreshAccess } from './access-queries';
import { RevokeKeyDialog } from './RevokeKeyDialog';
import { TokenDialog } from './TokenDialog';

type Rotated = z.infer<typeof rotatedApiKeySchema>;

/**
 * Rotation: a new key with the same name and role, its token shown once; the old key keeps
 * working until the admin revokes it, which is asked right after.
 */
export const RotateKeyDialog = (props: {
  connectionId: string;
  apiKey: ApiKeyInfo;
  onClose: () => void;
}) => {
  const [busy, setBusy] = useState(false);
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const [askRevoke, setAskRevoke] = useState(false);
  const refresh = useRefreshAccess();

  if (rotated && askRevoke)
    return (
      <RevokeKeyDialog
        connectionId={props.connectionId}
        apiKey={{
          id: rotated.oldApiKeyId,
          name: props.apiKey.name,
          // Connections that used it were moved to the new key.
          usedByConnections: props.apiKey.usedByConnections.filter(
            (connection) => !rotated.updatedConnections.includes(connection.id),
          ),
        }}
        title="Revoke the old key now?"
        cancelLabel="Keep the old key for now"
        onClose={props.onClose}
      />
    );

  if (rotated)
    return (
      <TokenDialog
        keyName={rotated.apiKey.name}
        token={rotated.token}
        doneLabel="Next"
        onClose={() => setAskRevoke(true)}
      >
        {rotated.updatedConnections.length > 0 && (
          <p className="meta" data-testid="updated-connections">
            {props.apiKey.usedByConnections
              .filter((connection) => rotated.updatedConnections.includes(connection.id))
              .map((connection) => connection.name)
              .join(', ') || `${rotated.updatedConnections.length} connection(s)`}{' '}
            now use{rotated.updatedConnections.length === 1 ? 's' : ''} the new key.
          </p>
        )}
      </TokenDialog>
    );

  const rotate = async () => {
    setBusy(true);
    await runWithSession(async () => {
      const answer = await rpc.call('access.rotateApiKey', {
        connectionId: props.connectionId,
        apiKeyId: props.apiKey.id,
      });
      setRotated(answer);
      await refresh(props.connectionId);
    });
    setBusy(false);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>Rotate the key {props.apiKey.name}?</Dialog.Title>
          <p>
            A new key with the same name and role is created; the old key keeps working until you
            revoke it.
          </p>
          {props.apiKey.usedByConnections.length > 0 && (
            <p className="meta">
              Connections that use it (
              {props.apiKey.usedByConnections.map((connection) => connection.name).join(', ')})
              switch to the new key.
            </p>
          )}
          <div className="dialog-actions">
            <button className="btn" onClick={props.onClose}>
              Cancel
            </button>
            <button className="btn primary" disabled={busy} onClick={() => void rotate()}>
              {busy ? 'Rotating…' : 'Rotate key'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
