import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { ApiKeyInfo } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { runWithSession, useRefreshAccess } from './access-queries';

/** Revoking a key: Twenty refuses it from then on, including to connections that use it. */
export const RevokeKeyDialog = (props: {
  connectionId: string;
  apiKey: Pick<ApiKeyInfo, 'id' | 'name' | 'usedByConnections'>;
  title?: string;
  cancelLabel?: string;
  onClose: () => void;
}) => {
  const [busy, setBusy] = useState(false);
  const refresh = useRefreshAccess();
  const used = props.apiKey.usedByConnections;
  const revoke = async () => {
    setBusy(true);
    await runWithSession(async () => {
      await rpc.call('access.revokeApiKey', {
        connectionId: props.connectionId,
        apiKeyId: props.apiKey.id,
      });
      await refresh(props.connectionId);
      props.onClose();
    });
    setBusy(false);
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>{props.title ?? `Revoke the key ${props.apiKey.name}?`}</Dialog.Title>
          <p>
            Twenty refuses <strong>{props.apiKey.name}</strong> from now on. This cannot be undone.
          </p>
          {used.length > 0 && (
            <p className="notice" role="alert">
              {used.length === 1 ? 'The connection' : 'The connections'}{' '}
              <strong>{used.map((connection) => connection.name).join(', ')}</strong>{' '}
              {used.length === 1 ? 'uses' : 'use'} this key and will stop working.
            </p>
          )}
          <div className="dialog-actions">
            <button className="btn" onClick={props.onClose}>
              {props.cancelLabel ?? 'Cancel'}
            </button>
            <button className="btn danger" disabled={busy} onClick={() => void revoke()}>
              {busy ? 'Revoking…' : 'Revoke key'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
